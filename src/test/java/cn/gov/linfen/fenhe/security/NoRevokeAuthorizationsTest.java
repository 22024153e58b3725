package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.engine.NoRevokeAuthorizations;
import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine checks no REVOKE authorization ({@code authorization-check-revokes: never}): so none
 * may exist. The engine guard refuses to write one, whichever API asks (Java, engine REST as an
 * administrator), grants are written as before, and the start is refused while one exists.
 */
class NoRevokeAuthorizationsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void the_engine_is_configured_not_to_check_revokes() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void a_revoke_is_refused_through_the_java_api_and_a_grant_is_not() {
    Authorization revoke =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("demo-finance-bureau");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("any-task-" + UUID.randomUUID());
    revoke.removePermission(Permissions.READ);
    assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
        .isInstanceOfSatisfying(
            EngineRefusal.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
    assertThat(revokes()).isZero();

    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("demo-finance-bureau");
    grant.setResource(Resources.TASK);
    grant.setResourceId("any-task-" + UUID.randomUUID());
    grant.addPermission(Permissions.READ);
    String id = authorizationService.saveAuthorization(grant).getId();
    authorizationService.deleteAuthorization(id);
  }

  @Test
  void a_revoke_is_refused_to_an_administrator_over_the_engine_rest_api() {
    Http.Response response =
        Http.as(baseUrl(), "admin", DEMO_PASSWORD)
            .post(
                "/engine-rest/authorization/create",
                "{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"demo-finance-bureau\","
                    + "\"groupId\":null,\"resourceType\":7,\"resourceId\":\"any-task\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("type");
    assertThat(response.body()).contains("拒绝").contains("REVOKE");
    assertThat(revokes()).isZero();
  }

  @Test
  void the_start_is_refused_while_a_revoke_exists() {
    String id = "revoke-" + UUID.randomUUID();
    // written behind the engine's back (SQL), as an older database could hold one
    jdbc.update(
        "INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_,"
            + " RESOURCE_ID_, PERMS_) VALUES (?, 1, ?, 'demo-finance-bureau', 7, 'any-task', ?)",
        id,
        Authorization.AUTH_TYPE_REVOKE,
        Integer.MAX_VALUE & ~Permissions.READ.getValue());
    try {
      assertThatThrownBy(() -> new NoRevokeAuthorizations().postProcessEngineBuild(engine))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(id)
          .hasMessageContaining("拒绝");
    } finally {
      jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = ?", id);
    }
    new NoRevokeAuthorizations().postProcessEngineBuild(engine);
  }

  private int revokes() {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ?",
            Integer.class,
            Authorization.AUTH_TYPE_REVOKE);
    return count == null ? 0 : count;
  }
}
