package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link OneCaseQueries}: the tasks of one case and its process instance, asked by a caller the
 * engine does not check, are answered by the fixed statements with the engine's answers (the same
 * rows, fields, order and pages as the engine's statement gives for the same question put so that
 * the engine answers it: {@code processInstanceIdIn}, {@code processInstanceIds}); the REST calls
 * with which a client follows a case take that path; a caller the engine checks gets the engine's
 * checked answer.
 */
class OneCaseQueriesTest extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private String key;
  private Deployment deployment;
  private final List<String> instances = new ArrayList<>();

  @BeforeEach
  void threeCasesOfThreeParallelReviews() {
    key = "one-case-" + UUID.randomUUID().toString().substring(0, 8);
    deployment =
        repositoryService
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .name("办件跟踪测试事项")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .parallelGateway("Gateway_Split")
                    .userTask("UserTask_A")
                    .name("乙审核")
                    .camundaCandidateGroups("finance-bureau")
                    .parallelGateway("Gateway_Join")
                    .endEvent()
                    .moveToNode("Gateway_Split")
                    .userTask("UserTask_B")
                    .name("甲审核")
                    .camundaCandidateGroups("finance-bureau")
                    .connectTo("Gateway_Join")
                    .moveToNode("Gateway_Split")
                    .userTask("UserTask_C")
                    .name("丙审核")
                    .camundaCandidateGroups("finance-bureau")
                    .connectTo("Gateway_Join")
                    .done())
            .deploy();
    for (int i = 0; i < 3; i++) {
      instances.add(runtimeService.startProcessInstanceByKey(key, key + "-" + i).getId());
    }
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private static List<String> rows(List<Task> tasks) {
    return tasks.stream()
        .map(
            t ->
                String.join(
                    "|",
                    t.getId(),
                    t.getName(),
                    t.getTaskDefinitionKey(),
                    t.getExecutionId(),
                    t.getProcessInstanceId(),
                    t.getProcessDefinitionId(),
                    String.valueOf(t.getAssignee()),
                    String.valueOf(t.getCreateTime().getTime()),
                    String.valueOf(t.isSuspended()),
                    String.valueOf(t.getTenantId())))
        .toList();
  }

  private static String row(ProcessInstance p) {
    return p == null
        ? "none"
        : String.join(
            "|",
            p.getId(),
            p.getProcessInstanceId(),
            p.getProcessDefinitionId(),
            p.getBusinessKey(),
            String.valueOf(p.isSuspended()),
            String.valueOf(p.isEnded()),
            String.valueOf(p.getTenantId()));
  }

  private TaskQuery ours(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance);
  }

  private TaskQuery engines(String instance) {
    return taskService.createTaskQuery().processInstanceIdIn(instance);
  }

  @Test
  void the_tasks_of_a_case_are_the_engines_in_its_order_and_pages() {
    String first = instances.get(0);
    taskService.claim(
        taskService
            .createTaskQuery()
            .processInstanceIdIn(first)
            .taskDefinitionKey("UserTask_B")
            .singleResult()
            .getId(),
        "demo-finance-bureau");
    for (String instance : instances) {
      long before = OneCaseQueries.taken();
      List<Task> all = ours(instance).list();
      assertThat(OneCaseQueries.taken()).isGreaterThan(before);
      assertThat(all).hasSize(3);
      assertThat(rows(all)).isEqualTo(rows(engines(instance).list()));
      assertThat(rows(ours(instance).listPage(1, 2)))
          .isEqualTo(rows(engines(instance).listPage(1, 2)));
      assertThat(rows(ours(instance).listPage(2, 5)))
          .isEqualTo(rows(engines(instance).listPage(2, 5)));
      // by name, then by id (the engine leaves ties in no order; there are none here)
      assertThat(rows(ours(instance).orderByTaskName().desc().list()))
          .isEqualTo(rows(engines(instance).orderByTaskName().desc().list()))
          .isNotEqualTo(rows(ours(instance).orderByTaskName().asc().list()));
    }
    assertThat(rows(ours(first).list()))
        .anyMatch(r -> r.contains("|UserTask_B|") && r.contains("|demo-finance-bureau|"));
    // a case that does not exist, or the id of a case's task instead of the case: no tasks
    assertThat(ours("no-such-case").list()).isEmpty();
    assertThat(ours(ours(first).list().get(0).getId()).list()).isEmpty();
  }

  @Test
  void a_case_by_its_id_is_the_engines_and_only_a_process_instance_is_found() {
    runtimeService.suspendProcessInstanceById(instances.get(1));
    for (String instance : instances) {
      long before = OneCaseQueries.taken();
      ProcessInstance ours =
          runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult();
      assertThat(OneCaseQueries.taken()).isGreaterThan(before);
      assertThat(row(ours))
          .isEqualTo(
              row(
                  runtimeService
                      .createProcessInstanceQuery()
                      .processInstanceIds(Set.of(instance))
                      .singleResult()))
          .contains(key + "-");
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instances.get(1))
                .singleResult()
                .isSuspended())
        .isTrue();
    // a concurrent execution of the case is not a process instance
    String child =
        taskService
            .createTaskQuery()
            .processInstanceIdIn(instances.get(0))
            .list()
            .get(0)
            .getExecutionId();
    assertThat(child).isNotEqualTo(instances.get(0));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child).singleResult())
        .isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId("no-such-case").list())
        .isEmpty();
  }

  @Test
  void the_rest_calls_that_follow_a_case_take_the_fixed_statements_with_the_engines_answers() {
    Http admin = Http.as(baseUrl(), "admin", DEMO_PASSWORD);
    String instance = instances.get(2);
    long before = OneCaseQueries.taken();
    Http.Response tasks =
        admin.get("/engine-rest/task?firstResult=0&maxResults=50&processInstanceId=" + instance);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    tasks.json().forEach(task -> ids.add(task.get("id").asText()));
    assertThat(ids)
        .isEqualTo(engines(instance).list().stream().map(Task::getId).toList())
        .hasSize(3);
    Http.Response process = admin.get("/engine-rest/process-instance/" + instance);
    assertThat(process.status()).as(process.toString()).isEqualTo(200);
    JsonNode json = process.json();
    assertThat(json.get("id").asText()).isEqualTo(instance);
    assertThat(json.get("businessKey").asText()).isEqualTo(key + "-2");
    assertThat(OneCaseQueries.taken()).isGreaterThanOrEqualTo(before + 2);
    // a case that does not exist: the engine's 404
    assertThat(admin.get("/engine-rest/process-instance/no-such-case").status()).isEqualTo(404);
  }

  @Test
  void a_caller_the_engine_checks_gets_the_engines_checked_answer() {
    String instance = instances.get(0);
    // an officer of another bureau: no grant on these tasks or this case
    identityService.setAuthentication("demo-hrss-bureau", List.of("hrss-bureau"));
    assertThat(ours(instance).listPage(0, 50)).isEmpty();
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance).listPage(0, 50))
        .isEmpty();
    // the candidate group's officer reads its tasks (the grants of a new task)
    identityService.setAuthentication("demo-finance-bureau", List.of("finance-bureau"));
    List<String> checked = rows(ours(instance).listPage(0, 50));
    identityService.clearAuthentication();
    assertThat(checked).isEqualTo(rows(engines(instance).list())).hasSize(3);
    Http.Response other =
        Http.as(baseUrl(), "demo-hrss-bureau", DEMO_PASSWORD)
            .get("/engine-rest/task?firstResult=0&maxResults=50&processInstanceId=" + instance);
    // the engine's query limit and checks: a page of nothing
    assertThat(other.status()).as(other.toString()).isEqualTo(200);
    assertThat(other.json()).isEmpty();
  }
}
