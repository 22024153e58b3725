package cn.gov.linfen.fenhe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.identity.AuthorizationReconciler.Change;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The identity policy is what the database says: a grant removed from the policy, or added by hand,
 * is revoked; a missing one is added; the applicant's grants and the engine's per-task grants are
 * left alone. Every test ends by applying the policy of the start again (the context is shared).
 */
class AuthorizationReconcilerTest extends IntegrationTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired AuditLog auditLog;

  private IdentityPolicy policy() {
    return identitySetup.policy();
  }

  @AfterEach
  void backToThePolicy() {
    identitySetup.apply(policy());
  }

  private Authorization grantOf(String groupId, Resource resource, String resourceId) {
    return authorizationService
        .createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
  }

  private Authorization userGrantOf(String userId, Resource resource, String resourceId) {
    return authorizationService
        .createAuthorizationQuery()
        .userIdIn(userId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
  }

  private void grantByHand(
      String groupId,
      String userId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  @Test
  void applying_the_policy_of_the_start_again_changes_nothing() {
    assertThat(identitySetup.apply(policy())).isEmpty();
  }

  @Test
  void a_permission_removed_from_the_policy_is_revoked_and_only_that_one() {
    assertThat(
            grantOf("modellers", Resources.DEPLOYMENT, "*").isPermissionGranted(Permissions.DELETE))
        .isTrue();

    List<Change> changes =
        identitySetup.apply(
            policy().without("modellers", Resources.DEPLOYMENT, "*", Permissions.DELETE));

    assertThat(changes)
        .singleElement()
        .hasToString("group modellers: changed deployment * -DELETE");
    Authorization deployment = grantOf("modellers", Resources.DEPLOYMENT, "*");
    assertThat(deployment.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(deployment.isPermissionGranted(Permissions.CREATE)).isTrue();
    assertThat(deployment.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(auditLog.entriesAbout("group:modellers", 1))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.actor()).isEqualTo(AuthorizationReconciler.AUDIT_ACTOR);
              assertThat(entry.action()).isEqualTo("authorization-changed");
              assertThat(entry.details()).isEqualTo("deployment * -DELETE");
            });

    // the policy of the start again: given back
    assertThat(identitySetup.apply(policy()))
        .singleElement()
        .hasToString("group modellers: changed deployment * +DELETE");
    assertThat(
            grantOf("modellers", Resources.DEPLOYMENT, "*").isPermissionGranted(Permissions.DELETE))
        .isTrue();
  }

  @Test
  void a_grant_left_without_permission_is_deleted() {
    IdentityPolicy withoutStart =
        policy()
            .without(
                "liquidation-team",
                Resources.PROCESS_DEFINITION,
                "soe-reform-fund",
                ProcessDefinitionPermissions.READ)
            .without(
                "liquidation-team",
                Resources.PROCESS_DEFINITION,
                "soe-reform-fund",
                ProcessDefinitionPermissions.CREATE_INSTANCE);

    assertThat(identitySetup.apply(withoutStart))
        .singleElement()
        .hasToString(
            "group liquidation-team: revoked process-definition soe-reform-fund -READ -CREATE_INSTANCE");

    assertThat(grantOf("liquidation-team", Resources.PROCESS_DEFINITION, "soe-reform-fund"))
        .isNull();
    assertThat(grantOf("liquidation-team", Resources.PROCESS_DEFINITION, "*")).isNotNull();
  }

  @Test
  void a_grant_added_by_hand_to_a_group_of_the_policy_is_revoked() {
    grantByHand("reform-office", null, Resources.AUTHORIZATION, "*", Permissions.ALL);
    Authorization definitions = grantOf("reform-office", Resources.PROCESS_DEFINITION, "*");
    definitions.addPermission(ProcessDefinitionPermissions.DELETE);
    authorizationService.saveAuthorization(definitions);

    assertThat(identitySetup.apply(policy()))
        .extracting(Change::toString)
        .containsExactlyInAnyOrder(
            "group reform-office: revoked authorization * -ALL",
            "group reform-office: changed process-definition * -DELETE");

    assertThat(grantOf("reform-office", Resources.AUTHORIZATION, "*")).isNull();
    assertThat(
            grantOf("reform-office", Resources.PROCESS_DEFINITION, "*")
                .isPermissionGranted(ProcessDefinitionPermissions.DELETE))
        .isFalse();
    assertThat(auditLog.entriesAbout("group:reform-office", 2))
        .extracting(AuditLog.Entry::action)
        .containsExactlyInAnyOrder("authorization-revoked", "authorization-changed");
  }

  @Test
  void a_permission_missing_in_the_database_is_added() {
    authorizationService.deleteAuthorization(
        grantOf("sasac", Resources.APPLICATION, "tasklist").getId());
    Authorization start =
        grantOf("sasac", Resources.PROCESS_DEFINITION, "soe-reform-fund-evaluation");
    start.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizationService.saveAuthorization(start);

    assertThat(identitySetup.apply(policy()))
        .extracting(Change::toString)
        .containsExactlyInAnyOrder(
            "group sasac: granted application tasklist +ACCESS",
            "group sasac: changed process-definition soe-reform-fund-evaluation +CREATE_INSTANCE");

    assertThat(
            grantOf("sasac", Resources.APPLICATION, "tasklist")
                .isPermissionGranted(Permissions.ACCESS))
        .isTrue();
    assertThat(
            grantOf("sasac", Resources.PROCESS_DEFINITION, "soe-reform-fund-evaluation")
                .isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE))
        .isTrue();
  }

  @Test
  void a_missing_group_is_created_and_a_county_group_gets_no_grant_of_its_own() {
    identityService.deleteGroup("county-finance-guxian");
    grantByHand(
        "county-finance-yaodu",
        null,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ);

    List<Change> changes = identitySetup.apply(policy());

    assertThat(
            identityService
                .createGroupQuery()
                .groupId("county-finance-guxian")
                .singleResult()
                .getName())
        .isEqualTo("古县财政部门");
    assertThat(changes)
        .extracting(Change::toString)
        .containsExactly("group county-finance-yaodu: revoked process-definition * -READ");
    assertThat(grantOf("county-finance-guxian", Resources.GROUP, "county-finance-guxian"))
        .isNotNull();
  }

  @Test
  void the_applicants_grants_the_engines_per_task_grants_and_other_groups_are_left_alone() {
    String instanceId = UUID.randomUUID().toString();
    String taskId = UUID.randomUUID().toString();
    // ApplicantAccess: the applicant reads his own case
    grantByHand(
        null,
        "demo-liquidation-team",
        Resources.PROCESS_INSTANCE,
        instanceId,
        ProcessInstancePermissions.READ);
    // the engine, when a task is offered to a candidate group
    grantByHand(
        "liquidation-team",
        null,
        Resources.TASK,
        taskId,
        TaskPermissions.READ,
        TaskPermissions.UPDATE);
    // a group an administrator made, not in the policy
    grantByHand(
        "inspection-team",
        null,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ);
    try {
      assertThat(identitySetup.apply(policy())).isEmpty();

      assertThat(userGrantOf("demo-liquidation-team", Resources.PROCESS_INSTANCE, instanceId))
          .isNotNull();
      assertThat(
              grantOf("liquidation-team", Resources.TASK, taskId)
                  .isPermissionGranted(TaskPermissions.UPDATE))
          .isTrue();
      assertThat(grantOf("inspection-team", Resources.PROCESS_DEFINITION, "*")).isNotNull();
    } finally {
      authorizationService.deleteAuthorization(
          userGrantOf("demo-liquidation-team", Resources.PROCESS_INSTANCE, instanceId).getId());
      authorizationService.deleteAuthorization(
          grantOf("liquidation-team", Resources.TASK, taskId).getId());
      authorizationService.deleteAuthorization(
          grantOf("inspection-team", Resources.PROCESS_DEFINITION, "*").getId());
    }
  }

  @Test
  void the_technical_users_grants_are_the_policys_too() {
    grantByHand(null, "fenhe-worker", Resources.DEPLOYMENT, "*", Permissions.READ);

    assertThat(identitySetup.apply(policy()))
        .extracting(Change::toString)
        .containsExactly("user fenhe-worker: revoked deployment * -READ");
    assertThat(
            userGrantOf("fenhe-worker", Resources.PROCESS_DEFINITION, "*")
                .isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE))
        .isTrue();
  }
}
