package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.EngineTestModels;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link ExternalTaskAuthorizations}: the fetch without the authorization join answers exactly what
 * the engine's authorized fetch answers. A caller with both wildcard grants gets every task (the
 * shortcut); a caller granted one definition gets its tasks only, a caller without grants none, a
 * wildcard caller with a REVOKE on one definition not that definition's (the engine's checks, no
 * shortcut); the workers' technical user fetches through the REST API, another user gets nothing.
 */
class ExternalTaskAuthorizationsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  final String topic = "fetch-authorizations-" + UUID.randomUUID().toString().substring(0, 8);
  final List<String> authorizations = new ArrayList<>();
  String deployment;
  String taskOfA;
  String taskOfB;

  @BeforeEach
  void twoProcessesWithATaskEach() {
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("fetch-authorizations")
            .addModelInstance("a.bpmn", EngineTestModels.oneExternalTask(topic + "-a", topic))
            .addModelInstance("b.bpmn", EngineTestModels.oneExternalTask(topic + "-b", topic))
            .deploy()
            .getId();
    String a = engine.getRuntimeService().startProcessInstanceByKey(topic + "-a").getId();
    String b = engine.getRuntimeService().startProcessInstanceByKey(topic + "-b").getId();
    taskOfA =
        engine
            .getExternalTaskService()
            .createExternalTaskQuery()
            .processInstanceId(a)
            .singleResult()
            .getId();
    taskOfB =
        engine
            .getExternalTaskService()
            .createExternalTaskQuery()
            .processInstanceId(b)
            .singleResult()
            .getId();
  }

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  void authorize(int type, String user, String resourceId, Permission... permissions) {
    authorizations.add(
        EngineTestModels.authorizeDefinitions(engine, type, user, resourceId, permissions));
  }

  /** Both wildcard grants: the technical user's. */
  void mayWorkEveryInstance(String user) {
    authorize(
        Authorization.AUTH_TYPE_GRANT,
        user,
        Authorization.ANY,
        Permissions.READ_INSTANCE,
        Permissions.UPDATE_INSTANCE);
  }

  /** The tasks the user fetches (engine API, authenticated as him); unlocked again after. */
  List<String> fetchedBy(String user) {
    engine.getIdentityService().setAuthentication(user, List.of());
    try {
      List<LockedExternalTask> tasks =
          engine
              .getExternalTaskService()
              .fetchAndLock(10, "test-worker")
              .topic(topic, 10_000)
              .execute();
      return tasks.stream().map(LockedExternalTask::getId).sorted().toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
      List.of(taskOfA, taskOfB).forEach(id -> engine.getExternalTaskService().unlock(id));
    }
  }

  static String user() {
    return "fetch-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_caller_who_may_work_every_instance_gets_every_task() {
    String user = user();
    mayWorkEveryInstance(user);
    assertThat(fetchedBy(user)).containsExactlyInAnyOrder(taskOfA, taskOfB);
  }

  @Test
  void a_caller_with_one_of_the_two_wildcard_grants_or_none_gets_only_what_the_engine_allows() {
    String readOnly = user();
    authorize(
        Authorization.AUTH_TYPE_GRANT, readOnly, Authorization.ANY, Permissions.READ_INSTANCE);
    assertThat(fetchedBy(readOnly)).isEmpty();

    String oneDefinition = user();
    authorize(
        Authorization.AUTH_TYPE_GRANT,
        oneDefinition,
        topic + "-a",
        Permissions.READ_INSTANCE,
        Permissions.UPDATE_INSTANCE);
    assertThat(fetchedBy(oneDefinition)).containsExactly(taskOfA);

    assertThat(fetchedBy(user())).isEmpty();
  }

  @Test
  void a_revoke_on_one_definition_is_respected_for_a_caller_with_both_wildcard_grants() {
    String user = user();
    mayWorkEveryInstance(user);
    authorize(Authorization.AUTH_TYPE_REVOKE, user, topic + "-b", Permissions.UPDATE_INSTANCE);
    assertThat(fetchedBy(user)).containsExactly(taskOfA);
  }

  @Test
  void the_workers_technical_user_fetches_through_the_rest_api_and_an_officer_gets_nothing() {
    String body =
        "{\"workerId\":\"rest-test\",\"maxTasks\":10,\"topics\":[{\"topicName\":\""
            + topic
            + "\",\"lockDuration\":10000}]}";
    Http.Response officer =
        Http.as(baseUrl(), "demo-regulator", DEMO_PASSWORD)
            .post("/engine-rest/external-task/fetchAndLock", body);
    assertThat(officer.status()).as(officer.toString()).isEqualTo(200);
    assertThat(officer.json().size()).isZero();

    Http.Response worker =
        Http.as(baseUrl(), "fenhe-worker", DEMO_PASSWORD)
            .post("/engine-rest/external-task/fetchAndLock", body);
    assertThat(worker.status()).as(worker.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    worker.json().forEach(task -> ids.add(task.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(taskOfA, taskOfB);
  }
}
