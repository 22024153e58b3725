package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheGroup;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo identities: {@code admin} and one {@code demo-<group id>} user per group (county-level
 * roles: one in 尧都区, one in 侯马市), all with the demo password. A bean of the demo profile only
 * (EngineConfiguration): in any other profile it does not exist, so no demo user is ever created.
 */
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final IdentityProperties properties;

  public DemoUsers(ProcessEngine engine, IdentityProperties properties) {
    this.identityService = engine.getIdentityService();
    this.properties = properties;
  }

  /**
   * Creates the demo users missing (the groups exist already); an existing one is left as it is.
   */
  public void create() {
    if (!properties.createDemoUsers()) {
      return;
    }
    String password = properties.demoPassword();
    List<String> lines = new ArrayList<>();
    if (Users.createIfMissing(identityService, IdentitySetup.ADMIN_USER, "系统", "管理员", password)) {
      identityService.createMembership(IdentitySetup.ADMIN_USER, FenheGroup.ADMINS.id());
    }
    lines.add(
        String.format("  %-34s %s", IdentitySetup.ADMIN_USER, FenheGroup.ADMINS.chineseName()));
    for (FenheGroup group : FenheGroup.values()) {
      if (group == FenheGroup.ADMINS) {
        continue;
      }
      String userId = IdentitySetup.demoUserId(group);
      if (!group.isCountyScoped()) {
        if (Users.createIfMissing(identityService, userId, group.chineseName(), "演示", password)) {
          identityService.createMembership(userId, group.id());
        }
        lines.add(String.format("  %-34s %s", userId, group.chineseName()));
        continue;
      }
      // county-level roles: the demo officer works in 尧都区, a colleague in 侯马市 (X-R03)
      for (County county : List.of(County.YAODU, County.HOUMA)) {
        String countyUser = county == County.YAODU ? userId : userId + "-" + county.code();
        if (Users.createIfMissing(
            identityService, countyUser, county.groupName(group), "演示", password)) {
          identityService.createMembership(countyUser, group.id());
          identityService.createMembership(countyUser, county.groupOf(group));
        }
        lines.add(String.format("  %-34s %s", countyUser, county.groupName(group)));
      }
    }
    LOG.warn(
        """

        ================================================================================
         汾河 Fenhe 演示账号 / demo identities (demo profile only — never in production)
         密码 / password for all of them: {}
        {}
        ================================================================================""",
        password,
        String.join("\n", lines));
  }
}
