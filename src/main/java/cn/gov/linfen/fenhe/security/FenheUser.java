package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FenheGroup;
import java.util.List;

/** The authenticated caller of the platform's own API. */
public record FenheUser(String id, List<String> groupIds) {

  public static final String REQUEST_ATTRIBUTE = "cn.gov.linfen.fenhe.security.FenheUser";

  public FenheUser {
    groupIds = List.copyOf(groupIds);
  }

  public boolean isIn(FenheGroup group) {
    return groupIds.contains(group.id());
  }

  public boolean isAdmin() {
    return isIn(FenheGroup.ADMINS);
  }

  /** Supervisors and administrators see every case. */
  public boolean seesEverything() {
    return isAdmin() || isIn(FenheGroup.SUPERVISORS);
  }
}
