package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.EngineTestModels;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/external-tasks/complete} ({@link ExternalTaskCompletions}): the workers'
 * technical user completes locked tasks in one transaction with their variables; one refused
 * completion (unknown task, locked by another worker, no permission) refuses the whole batch with
 * its index and a Chinese reason and changes nothing; bad input is refused with 400.
 */
class ExternalTaskCompletionsTest extends IntegrationTest {

  static final String WORKER = "fenhe-worker";

  @Autowired ProcessEngine engine;
  @Autowired ExternalTaskCompletions completions;
  final String topic = "batch-completions-" + UUID.randomUUID().toString().substring(0, 8);
  String deployment;
  final List<String> instances = new ArrayList<>();
  List<LockedExternalTask> locked;

  @BeforeEach
  void threeLockedTasks() {
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("batch-completions")
            .addModelInstance("batch.bpmn", EngineTestModels.oneExternalTask(topic, topic))
            .deploy()
            .getId();
    for (int i = 0; i < 3; i++) {
      instances.add(engine.getRuntimeService().startProcessInstanceByKey(topic).getId());
    }
    locked =
        engine
            .getExternalTaskService()
            .fetchAndLock(3, "batch-worker")
            .topic(topic, 60_000)
            .execute()
            .stream()
            .sorted(java.util.Comparator.comparing(LockedExternalTask::getProcessInstanceId))
            .toList();
    instances.sort(String::compareTo);
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  String body(String workerId, String... ids) {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      tasks
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(ids[i])
          .append("\",\"variables\":{\"checked\":{\"value\":true,\"type\":\"Boolean\"},")
          .append("\"receiptNo\":{\"value\":\"R-")
          .append(i)
          .append("\",\"type\":\"String\"},\"count\":{\"value\":")
          .append(i)
          .append(",\"type\":\"Integer\"}}}");
    }
    return "{\"workerId\":\"" + workerId + "\",\"tasks\":[" + tasks + "]}";
  }

  Http.Response post(String user, String body) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD).post("/api/external-tasks/complete", body);
  }

  long ended() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(topic)
        .finished()
        .count();
  }

  String[] ids() {
    return locked.stream().map(LockedExternalTask::getId).toArray(String[]::new);
  }

  @Test
  void the_workers_user_completes_the_batch_with_its_variables_in_one_answer() {
    Http.Response answer = post(WORKER, body("batch-worker", ids()));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("completed").asInt()).isEqualTo(3);
    assertThat(ended()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      String instance = locked.get(i).getProcessInstanceId();
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance)
                  .variableName("receiptNo")
                  .singleResult()
                  .getValue())
          .isEqualTo("R-" + i);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance)
                  .variableName("count")
                  .singleResult()
                  .getValue())
          .isEqualTo(i);
    }
  }

  @Test
  void one_unknown_or_foreign_task_refuses_the_whole_batch_naming_it_and_changes_nothing() {
    String[] ids = ids();
    Http.Response unknown = post(WORKER, body("batch-worker", ids[0], "no-such-task", ids[2]));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    JsonNode error = unknown.json();
    assertThat(error.toString()).contains("tasks[1].id").contains("第 1 项外部任务未能完成，整批未作任何变更");
    assertThat(ended()).isZero();

    // locked by another worker: refused, nothing completed
    Http.Response foreign = post(WORKER, body("another-worker", ids));
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(409);
    assertThat(foreign.toString()).contains("tasks[0].id").contains("整批未作任何变更");
    assertThat(ended()).isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .count())
        .isZero();

    // the same batch, right, still completes
    assertThat(post(WORKER, body("batch-worker", ids)).status()).isEqualTo(200);
    assertThat(ended()).isEqualTo(3);
  }

  @Test
  void an_officer_without_permission_is_refused_and_nothing_changes() {
    Http.Response officer = post("demo-regulator", body("batch-worker", ids()));
    assertThat(officer.status()).as(officer.toString()).isEqualTo(403);
    assertThat(officer.toString()).contains("整批未作任何变更");
    assertThat(ended()).isZero();
    assertThat(
            Http.anonymous(baseUrl())
                .post("/api/external-tasks/complete", body("x", ids()))
                .status())
        .isEqualTo(401);
  }

  @Test
  void a_wildcard_grant_with_a_revoke_on_the_definition_is_checked_task_by_task_and_refused() {
    String user = "batch-test-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> authorizations = new ArrayList<>();
    authorizations.add(
        EngineTestModels.authorizeDefinitions(
            engine,
            Authorization.AUTH_TYPE_GRANT,
            user,
            Authorization.ANY,
            Permissions.READ_INSTANCE,
            Permissions.UPDATE_INSTANCE));
    authorizations.add(
        EngineTestModels.authorizeDefinitions(
            engine, Authorization.AUTH_TYPE_REVOKE, user, topic, Permissions.UPDATE_INSTANCE));
    engine.getIdentityService().setAuthentication(user, List.of());
    try {
      List<ExternalTaskCompletions.Completion> tasks =
          locked.stream()
              .map(t -> new ExternalTaskCompletions.Completion(t.getId(), Map.of()))
              .toList();
      var answer = completions.complete(new ExternalTaskCompletions.Batch("batch-worker", tasks));
      assertThat(answer.getStatusCode().value()).isEqualTo(403);
    } finally {
      engine.getIdentityService().clearAuthentication();
      authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    }
    assertThat(ended()).isZero();
  }

  @Test
  void bad_input_is_refused_with_the_field_in_chinese() {
    String[] ids = ids();
    Http.Response object =
        post(
            WORKER,
            "{\"workerId\":\"batch-worker\",\"tasks\":[{\"id\":\""
                + ids[0]
                + "\",\"variables\":{\"x\":{\"value\":\"rO0AB\",\"type\":\"Object\"}}}]}");
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.toString()).contains("tasks[0].variables.x.type").contains("reason");
    Http.Response empty = post(WORKER, "{\"workerId\":\"batch-worker\",\"tasks\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.toString()).contains("至少需要一项外部任务的完成结果");
    Http.Response noWorker = post(WORKER, "{\"tasks\":[{\"id\":\"" + ids[0] + "\"}]}");
    assertThat(noWorker.status()).isEqualTo(400);
    assertThat(noWorker.toString()).contains("workerId");
    StringBuilder many = new StringBuilder("{\"workerId\":\"w\",\"tasks\":[");
    for (int i = 0; i <= ExternalTaskCompletions.MAX_BATCH; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"t").append(i).append("\"}");
    }
    Http.Response tooMany = post(WORKER, many + "]}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.toString()).contains("每批至多完成 200 项外部任务");
    assertThat(ended()).isZero();
  }
}
