package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link IdCheckedEntityManager}: the engine's commands use it; a row with the reserved id {@code
 * *} is refused with the engine's exception and message and nothing is written; other rows are
 * written as before.
 */
class IdCheckedEntityManagerTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  static AuthorizationEntity grant(String id, String resourceId) {
    AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    grant.setId(id);
    grant.setGroupId("id-check-" + resourceId);
    grant.setResource(Resources.TASK);
    grant.setResourceId(resourceId);
    grant.addPermission(Permissions.READ);
    return grant;
  }

  long grantsOn(String resourceId) {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(resourceId)
        .count();
  }

  @Test
  void the_engines_commands_open_this_entity_manager() {
    DbEntityManager opened = inCommand(context -> context.getDbEntityManager());
    assertThat(opened).isInstanceOf(IdCheckedEntityManager.class);
  }

  @Test
  void a_row_with_the_reserved_id_is_refused_with_the_engines_message_and_nothing_is_written() {
    String resourceId = UUID.randomUUID().toString();
    AuthorizationEntity reserved = grant(Authorization.ANY, resourceId);

    Throwable ours =
        catchThrowable(
            () ->
                inCommand(
                    context -> {
                      context.getDbEntityManager().insert(reserved);
                      return null;
                    }));
    Throwable stock =
        catchThrowable(
            () ->
                inCommand(
                    context -> {
                      new DbEntityManager(
                              context.getProcessEngineConfiguration().getIdGenerator(),
                              context.getSession(PersistenceSession.class))
                          .insert(reserved);
                      return null;
                    }));

    assertThat(stock).isInstanceOf(ProcessEngineException.class);
    assertThat(ours).isInstanceOf(ProcessEngineException.class);
    assertThat(ours.getClass()).isEqualTo(stock.getClass());
    assertThat(ours).hasMessage(stock.getMessage());
    assertThat(ours.getMessage()).contains(reserved.toString()).contains("invalid id");
    assertThat(grantsOn(resourceId)).isZero();
  }

  @Test
  void rows_with_their_own_ids_are_written_and_a_missing_id_is_given_one() {
    String resourceId = UUID.randomUUID().toString();
    AuthorizationEntity named = grant(UUID.randomUUID().toString(), resourceId);
    AuthorizationEntity unnamed = grant(null, resourceId);
    unnamed.setGroupId("id-check-other-" + resourceId);

    inCommand(
        context -> {
          context.getDbEntityManager().insert(named);
          context.getDbEntityManager().insert(unnamed);
          return null;
        });

    assertThat(unnamed.getId()).isNotBlank().isNotEqualTo(Authorization.ANY);
    assertThat(grantsOn(resourceId)).isEqualTo(2);
    engine.getAuthorizationService().deleteAuthorization(named.getId());
    engine.getAuthorizationService().deleteAuthorization(unnamed.getId());
  }
}
