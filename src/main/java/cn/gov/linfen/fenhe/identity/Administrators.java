package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.common.FenheGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrators: the first one (production) and their membership of the webapps' own admin
 * group.
 */
final class Administrators {

  private static final Logger LOG = LoggerFactory.getLogger(Administrators.class);

  /** The webapps' administrators' group (its grants: the policy). */
  static final String CAMUNDA_ADMIN = "camunda-admin";

  private Administrators() {}

  /**
   * Production: the first administrator comes from configuration (FENHE_ADMIN_USER /
   * FENHE_ADMIN_PASSWORD).
   */
  static void ensureInitialAdmin(IdentityService identityService, IdentityProperties properties) {
    String userId = properties.initialAdminUser();
    if (userId == null
        || userId.isBlank()
        || properties.initialAdminPassword() == null
        || properties.initialAdminPassword().isBlank()) {
      return;
    }
    if (Users.createIfMissing(
        identityService, userId, "系统", "管理员", properties.initialAdminPassword())) {
      identityService.createMembership(userId, FenheGroup.ADMINS.id());
      LOG.info("Initial administrator {} created", userId);
    }
  }

  /**
   * The Camunda webapps treat the engine as "not set up" — and open their unauthenticated
   * first-admin page — while no user is in the group {@value #CAMUNDA_ADMIN}. Every member of
   * {@code admins} is therefore also made a member of it (the setup API is blocked as well).
   */
  static void mirrorIntoCamundaAdmin(IdentityService identityService) {
    for (User admin :
        identityService.createUserQuery().memberOfGroup(FenheGroup.ADMINS.id()).listPage(0, 1000)) {
      if (identityService
              .createUserQuery()
              .userId(admin.getId())
              .memberOfGroup(CAMUNDA_ADMIN)
              .count()
          == 0) {
        identityService.createMembership(admin.getId(), CAMUNDA_ADMIN);
      }
    }
  }
}
