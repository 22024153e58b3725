package cn.gov.linfen.fenhe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.Grant;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.ManagedGroup;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.PolicyGroup;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The policy file (identity/policy.yaml) parses, names every group, and a mistake in a policy stops
 * the start.
 */
class IdentityPolicyTest {

  private static final IdentityPolicy POLICY =
      IdentityPolicyLoader.load(List.of(IdentityPolicyLoader.DEFAULT_LOCATION));

  private static Grant grantOf(String groupId, Resources resource, String resourceId) {
    return POLICY.group(groupId).orElseThrow().grants().stream()
        .filter(g -> g.resource() == resource && g.resourceId().equals(resourceId))
        .findFirst()
        .orElse(null);
  }

  @Test
  void every_group_of_the_organisation_is_in_the_policy_with_its_name_and_county_groups() {
    for (FenheGroup group : FenheGroup.values()) {
      PolicyGroup inPolicy = POLICY.group(group.id()).orElse(null);
      assertThat(inPolicy).as(group.id()).isNotNull();
      assertThat(inPolicy.name()).as(group.id()).isEqualTo(group.chineseName());
      assertThat(inPolicy.perCounty()).as(group.id()).isEqualTo(group.isCountyScoped());
    }
    assertThat(POLICY.groups())
        .extracting(PolicyGroup::id)
        .allMatch(id -> FenheGroup.byId(id).isPresent() || id.equals(IdentitySetup.CAMUNDA_ADMIN));
    assertThat(POLICY.managedGroups())
        .extracting(ManagedGroup::id)
        .contains("county-industry-it-yaodu", "township-government-xixian")
        .hasSize(
            FenheGroup.values().length
                + 1
                + (int)
                        java.util.Arrays.stream(FenheGroup.values())
                            .filter(FenheGroup::isCountyScoped)
                            .count()
                    * cn.gov.linfen.fenhe.common.County.values().length);
    assertThat(POLICY.managedGroups())
        .filteredOn(g -> g.id().equals("county-industry-it-yaodu"))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.name()).isEqualTo("尧都区工信部门");
              assertThat(g.grants()).isEmpty();
            });
  }

  @Test
  void the_policy_gives_the_grants_of_the_procedures_and_roles() {
    assertThat(
            grantOf("liquidation-team", Resources.PROCESS_DEFINITION, "soe-reform-fund")
                .permissions())
        .containsExactlyInAnyOrder(
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    assertThat(grantOf("liquidation-team", Resources.PROCESS_INSTANCE, "*").mask())
        .isEqualTo(Permissions.CREATE.getValue());
    assertThat(grantOf("liquidation-team", Resources.APPLICATION, "tasklist").mask())
        .isEqualTo(Permissions.ACCESS.getValue());
    assertThat(grantOf("reform-office", Resources.PROCESS_DEFINITION, "*").mask())
        .isEqualTo(ProcessDefinitionPermissions.READ.getValue());
    assertThat(grantOf("reform-office", Resources.PROCESS_INSTANCE, "*"))
        .as("only starters create instances")
        .isNull();
    assertThat(grantOf("supervisors", Resources.APPLICATION, "cockpit")).isNotNull();
    assertThat(grantOf("supervisors", Resources.TASK, "*").mask())
        .isEqualTo(Permissions.READ.getValue());
    assertThat(grantOf("modellers", Resources.DEPLOYMENT, "*").mask())
        .isEqualTo(
            Permissions.CREATE.getValue()
                | Permissions.READ.getValue()
                | Permissions.DELETE.getValue());
    for (Resources resource : Resources.values()) {
      assertThat(grantOf("admins", resource, "*").mask())
          .as(resource.name())
          .isEqualTo(Permissions.ALL.getValue());
      assertThat(grantOf("camunda-admin", resource, "*").mask())
          .as(resource.name())
          .isEqualTo(Permissions.ALL.getValue());
    }
    assertThat(POLICY.technicalUserGrants())
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.permissions())
                    .containsExactlyInAnyOrder(
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE));
  }

  @Test
  void a_further_file_adds_grants_to_a_group_of_the_policy() {
    IdentityPolicy withExample =
        IdentityPolicyLoader.load(
            List.of(
                IdentityPolicyLoader.DEFAULT_LOCATION, "classpath:identity/policy-example.yaml"));
    assertThat(withExample.group("enterprise").orElseThrow().grants())
        .anyMatch(g -> g.resourceId().equals("example-registration"))
        .anyMatch(g -> g.resourceId().equals("scrap-steel-reward"));
  }

  @Test
  void an_unknown_resource_permission_group_or_set_stops_the_start_naming_each() {
    String yaml =
        """
        permission-sets:
          reader:
            process-definitin: { "*": [READ] }
        groups:
          a-group:
            name: 某组
            sets: [reader, writer]
            grants:
              process-definition: { "*": [READ, FLY] }
              application: { tasklist: [ACCESS] }
          not-defined:
            grants:
              task: { "*": [READ] }
        """;
    assertThatThrownBy(() -> IdentityPolicyLoader.parse("bad.yaml", yaml))
        .hasMessageContaining("refusing to start")
        .hasMessageContaining(
            "bad.yaml: permission-sets.reader: unknown resource 'process-definitin'")
        .hasMessageContaining("bad.yaml: groups.a-group.sets: unknown permission set 'writer'")
        .hasMessageContaining(
            "bad.yaml: groups.a-group.grants.process-definition.*: unknown permission 'FLY' for process-definition")
        .hasMessageContaining("bad.yaml: groups.not-defined: unknown group");
  }

  @Test
  void an_unknown_key_or_a_permission_not_of_the_resource_is_refused() {
    assertThatThrownBy(
            () ->
                IdentityPolicyLoader.parse(
                    "bad.yaml",
                    """
        groups:
          a-group:
            name: 某组
            grant: { task: { "*": [READ] } }
        """))
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("grant");
    assertThatThrownBy(
            () ->
                IdentityPolicyLoader.parse(
                    "bad.yaml",
                    """
        groups:
          a-group:
            name: 某组
            grants: { application: { tasklist: [CREATE_INSTANCE] } }
        """))
        .hasMessageContaining("unknown permission 'CREATE_INSTANCE' for application");
    assertThatThrownBy(
            () ->
                IdentityPolicyLoader.parse(
                    "bad.yaml",
                    """
        groups:
          a-group:
            name: 某组
            grants: { task: { "3f2a-task-id": [READ] } }
        """))
        .hasMessageContaining(
            "groups.a-group.grants.task.3f2a-task-id: task is given with the id * only");
  }

  @Test
  void the_former_starters_setting_stops_the_start_instead_of_being_ignored() {
    MockEnvironment environment = new MockEnvironment();
    IdentityPolicyLoader.refuseFormerStarters(environment);
    environment.setProperty("fenhe.identity.starters.[soe-reform-fund][0]", "liquidation-team");
    assertThatThrownBy(() -> IdentityPolicyLoader.refuseFormerStarters(environment))
        .hasMessageContaining("identity/policy.yaml");
  }
}
