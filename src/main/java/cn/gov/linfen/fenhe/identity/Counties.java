package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheGroup;

/**
 * For the models: the candidate group of a county-level step, from the case's {@code county}
 * variable. In BPMN: {@code camunda:candidateGroups="${counties.group('county-industry-it',
 * county)}"}.
 */
public class Counties {

  public static final String BEAN_NAME = "counties";

  /** The county group of a role for the case's county; an unknown county or role is an error. */
  public String group(String roleGroupId, String county) {
    FenheGroup role =
        FenheGroup.byId(roleGroupId)
            .orElseThrow(() -> new IllegalArgumentException("unknown group " + roleGroupId));
    return County.of(county)
        .orElseThrow(() -> new IllegalArgumentException("unknown county " + county))
        .groupOf(role);
  }
}
