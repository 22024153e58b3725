package cn.gov.linfen.fenhe.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench's lists and case view through the API, as the demo users: an applicant (企业), the
 * officers of two steps (市企改办, 市国资委), a supervisor, a copied reader and a stranger.
 */
class WorkbenchApiTest extends IntegrationTest {

  static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseCopies copies;
  @Autowired AuthorizationService authorizationService;
  @Autowired WorkbenchLists lists;

  private String key;
  private Deployment deployment;
  private final List<String> businessKeys = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();

  @BeforeEach
  void deployATwoStepReviewAndStartThreeCases() {
    key = "wb-review-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name("工作台测试事项")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Applied")
            .name("提交申请")
            .userTask("UserTask_Review")
            .name("市企改办审核")
            .camundaCandidateGroups("reform-office")
            .camundaDueDate("3WD")
            .userTask("UserTask_Confirm")
            .name("市国资委确认")
            .camundaCandidateGroups("sasac")
            .endEvent("EndEvent_Done")
            .name("办结")
            .done();
    deployment =
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    // the applicant may start this test procedure, as the identity policy lets him start his own
    grants.add(grant(Resources.PROCESS_DEFINITION, key, Permissions.CREATE_INSTANCE));
    grants.add(grant(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    for (String enterprise : List.of("临汾钢铁一厂", "汾河煤业有限公司", "尧都农业合作社")) {
      String businessKey = "WB-" + UUID.randomUUID().toString().substring(0, 8);
      identityService.setAuthenticatedUserId("demo-enterprise");
      try {
        runtimeService.startProcessInstanceByKey(
            key, businessKey, Map.of("enterpriseName", enterprise, "requestedAmount", 120000));
      } finally {
        identityService.clearAuthentication();
      }
      businessKeys.add(businessKey);
    }
  }

  private String grant(Resources resource, String resourceId, Permissions permission) {
    Authorization authorization =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId("demo-enterprise");
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    return authorizationService.saveAuthorization(authorization).getId();
  }

  @AfterEach
  void cleanUp() {
    grants.forEach(authorizationService::deleteAuthorization);
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private JsonNode list(String user, String list, String query) {
    Http.Response response = as(user).get("/api/workbench/" + list + "?procedure=" + key + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private Task reviewOf(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private void complete(String user, String businessKey, boolean approved, String opinion) {
    Task task = reviewOf(businessKey);
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), Map.of("approved", approved, "opinion", opinion));
  }

  @Test
  void todo_lists_my_groups_tasks_paged_and_searched_and_nobody_elses() {
    JsonNode todo = list("demo-reform-office", "todo", "");
    assertThat(todo.get("total").asLong()).isEqualTo(3);
    assertThat(todo.get("totalAtLeast").asBoolean(true)).isFalse();
    JsonNode first = todo.get("items").get(0);
    assertThat(first.get("procedure").asText()).isEqualTo("工作台测试事项");
    assertThat(first.get("step").asText()).isEqualTo("市企改办审核");
    assertThat(first.get("applicant").asText()).isNotBlank();
    assertThat(first.get("businessKey").asText()).startsWith("WB-");
    assertThat(first.get("claimed").asBoolean()).isFalse();
    assertThat(first.get("overdue").asBoolean()).isFalse();
    assertThat(first.get("workingDaysLeft").asInt()).isBetween(2, 3);
    assertThat(first.get("candidateGroups").get(0).get("name").asText()).isEqualTo("市企改办");

    JsonNode page = list("demo-reform-office", "todo", "&size=2");
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(list("demo-reform-office", "todo", "&size=2&page=1").get("items")).hasSize(1);

    JsonNode byName = list("demo-reform-office", "todo", "&q=%E6%B1%BE%E6%B2%B3"); // 汾河
    assertThat(byName.get("total").asLong()).isEqualTo(1);
    assertThat(byName.get("items").get(0).get("applicant").asText()).isEqualTo("汾河煤业有限公司");
    String businessKey = businessKeys.get(2);
    JsonNode byKey =
        list("demo-reform-office", "todo", "&q=" + businessKey.substring(3).toLowerCase());
    assertThat(byKey.get("items").get(0).get("businessKey").asText()).isEqualTo(businessKey);

    assertThat(list("demo-tax-bureau", "todo", "").get("total").asLong()).isZero();
    assertThat(list("demo-supervisors", "todo", "").get("total").asLong()).isZero();

    // a sub-task (加签 before the holder) belongs to its parent's case
    Task parent = reviewOf(businessKeys.get(1));
    Task signer = taskService.newTask();
    signer.setParentTaskId(parent.getId());
    signer.setName("加签：市企改办审核");
    signer.setAssignee("demo-sasac");
    taskService.saveTask(signer);
    JsonNode signers = list("demo-sasac", "todo", "");
    assertThat(signers.get("total").asLong()).isEqualTo(1);
    JsonNode signed = signers.get("items").get(0);
    assertThat(signed.get("businessKey").asText()).isEqualTo(businessKeys.get(1));
    assertThat(signed.get("parentTaskId").asText()).isEqualTo(parent.getId());
    assertThat(signed.get("procedure").asText()).isEqualTo("工作台测试事项");
    assertThat(signed.get("applicant").asText()).isEqualTo("汾河煤业有限公司");
    // and is found by its case's applicant and business key, and not by another case's
    JsonNode signerByName = list("demo-sasac", "todo", "&q=%E6%B1%BE%E6%B2%B3"); // 汾河
    assertThat(signerByName.get("total").asLong()).isEqualTo(1);
    assertThat(signerByName.get("items").get(0).get("taskId").asText()).isEqualTo(signer.getId());
    assertThat(list("demo-sasac", "todo", "&q=" + businessKeys.get(1)).get("total").asLong())
        .isEqualTo(1);
    assertThat(list("demo-sasac", "todo", "&q=" + businessKeys.get(0)).get("total").asLong())
        .isZero();
    taskService.deleteTask(signer.getId(), true);

    // claimed by a colleague: no longer in the group's list of others
    taskService.claim(reviewOf(businessKeys.get(0)).getId(), "demo-reform-office");
    JsonNode mine = list("demo-reform-office", "todo", "&q=" + businessKeys.get(0));
    assertThat(mine.get("items").get(0).get("claimed").asBoolean()).isTrue();
    assertThat(mine.get("items").get(0).get("assignee").asText()).isEqualTo("demo-reform-office");
  }

  @Test
  void done_started_and_cc_show_opinions_states_and_read_marks() {
    complete("demo-reform-office", businessKeys.get(0), true, "材料齐全，同意");

    JsonNode done = list("demo-reform-office", "done", "");
    assertThat(done.get("total").asLong()).isEqualTo(1);
    JsonNode item = done.get("items").get(0);
    assertThat(item.get("businessKey").asText()).isEqualTo(businessKeys.get(0));
    assertThat(item.get("approved").asBoolean()).isTrue();
    assertThat(item.get("opinion").asText()).isEqualTo("材料齐全，同意");
    assertThat(item.get("stateLabel").asText()).isEqualTo("办理中");
    assertThat(list("demo-sasac", "done", "").get("total").asLong()).isZero();

    JsonNode started = list("demo-enterprise", "started", "");
    assertThat(started.get("total").asLong()).isEqualTo(3);
    JsonNode moved = find(started.get("items"), businessKeys.get(0));
    assertThat(moved.get("state").asText()).isEqualTo("running");
    assertThat(moved.get("currentSteps").get(0).asText()).isEqualTo("市国资委确认");
    assertThat(list("demo-reform-office", "started", "").get("total").asLong()).isZero();

    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKeys.get(1))
            .singleResult();
    copies.copy(
        instance.getId(),
        businessKeys.get(1),
        List.of("demo-finance-bureau"),
        List.of(),
        "demo-reform-office",
        "请财政局知悉");
    JsonNode cc = list("demo-finance-bureau", "cc", "");
    assertThat(cc.get("total").asLong()).isEqualTo(1);
    assertThat(cc.get("items").get(0).get("read").asBoolean()).isFalse();
    assertThat(cc.get("items").get(0).get("note").asText()).isEqualTo("请财政局知悉");

    // the copied reader reads the case (not acting) and his copy is read from then on
    Http.Response view = as("demo-finance-bureau").get("/api/cases/" + businessKeys.get(1));
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    assertThat(view.json().get("role").asText()).isEqualTo("reader");
    assertThat(view.json().get("currentTasks").get(0).get("mayAct").asBoolean()).isFalse();
    assertThat(list("demo-finance-bureau", "cc", "").get("items").get(0).get("read").asBoolean())
        .isTrue();
  }

  private static JsonNode find(JsonNode items, String businessKey) {
    for (JsonNode item : items) {
      if (businessKey.equals(item.get("businessKey").asText())) {
        return item;
      }
    }
    throw new AssertionError(businessKey + " not in " + items);
  }

  @Test
  void bad_pages_are_refused_in_chinese_naming_the_field() {
    for (String query : List.of("?size=101", "?size=0", "?page=-1", "?page=x")) {
      Http.Response refused = as("demo-reform-office").get("/api/workbench/todo" + query);
      assertThat(refused.status()).as(query).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isIn("size", "page");
      assertThat(refused.json().get("reason").asText()).containsPattern(CHINESE);
      assertThat(refused.body()).doesNotContain("Exception:", "at cn.gov");
    }
    Http.Response tooLong =
        as("demo-reform-office").get("/api/workbench/done?q=" + "a".repeat(101));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("q");
    assertThat(Http.anonymous(baseUrl()).get("/api/workbench/todo").status()).isEqualTo(401);
  }

  @Test
  void the_case_shows_its_timeline_path_and_form_data_to_participants_only() {
    String businessKey = businessKeys.get(0);
    complete("demo-reform-office", businessKey, false, "缺少审计报告");

    Http.Response stranger = as("demo-tax-bureau").get("/api/cases/" + businessKey);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.json().get("reason").asText()).containsPattern(CHINESE);
    assertThat(as("demo-tax-bureau").get("/api/cases/" + businessKey + "/diagram").status())
        .isEqualTo(404);
    assertThat(as("demo-tax-bureau").get("/api/cases/NO-SUCH-KEY").status()).isEqualTo(404);

    JsonNode officer = as("demo-sasac").get("/api/cases/" + businessKey).json();
    assertThat(officer.get("header").get("procedure").asText()).isEqualTo("工作台测试事项");
    assertThat(officer.get("header").get("applicant").asText()).isEqualTo("临汾钢铁一厂");
    assertThat(officer.get("header").get("applicantUserId").asText()).isEqualTo("demo-enterprise");
    assertThat(officer.get("header").get("stateLabel").asText()).isEqualTo("办理中");
    assertThat(officer.get("mayAct").asBoolean()).isTrue();
    JsonNode current = officer.get("currentTasks").get(0);
    assertThat(current.get("name").asText()).isEqualTo("市国资委确认");
    assertThat(current.get("mayAct").asBoolean()).isTrue();

    JsonNode steps = officer.get("steps");
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).containsExactly("提交申请", "市企改办审核", "市国资委确认");
    JsonNode review = steps.get(1);
    assertThat(review.get("assignee").asText()).isEqualTo("demo-reform-office");
    assertThat(review.get("approved").asBoolean()).isFalse();
    assertThat(review.get("opinion").asText()).isEqualTo("缺少审计报告");
    assertThat(steps.get(2).get("status").asText()).isEqualTo("open");
    // every person the answer shows has a name in it; the applicant's account too, the
    // enterprise's name is no account
    JsonNode people = officer.get("names");
    assertThat(people.path("demo-reform-office").asText()).startsWith("演示");
    assertThat(people.path("demo-enterprise").asText()).startsWith("演示");
    assertThat(people.has("临汾钢铁一厂")).isFalse();
    for (JsonNode step : steps) {
      for (String key : List.of("assignee", "actor", "targetUserId")) {
        if (step.hasNonNull(key)) {
          assertThat(people.has(step.get(key).asText())).as(key + " of " + step).isTrue();
        }
      }
    }

    JsonNode highlights = officer.get("highlights");
    assertThat(highlights.get("finished").toString())
        .contains("StartEvent_Applied", "UserTask_Review");
    assertThat(highlights.get("current").toString()).contains("UserTask_Confirm");
    assertThat(highlights.get("flows")).hasSize(2);

    JsonNode supervisor = as("demo-supervisors").get("/api/cases/" + businessKey).json();
    assertThat(supervisor.get("role").asText()).isEqualTo("supervisor");
    assertThat(supervisor.get("mayAct").asBoolean()).isFalse();
    assertThat(supervisor.get("currentTasks").get(0).get("mayAct").asBoolean()).isFalse();

    JsonNode applicant = as("demo-enterprise").get("/api/cases/" + businessKey).json();
    assertThat(applicant.get("role").asText()).isEqualTo("applicant");
    assertThat(applicant.get("currentTasks").get(0).get("mayAct").asBoolean()).isFalse();

    JsonNode diagram = as("demo-enterprise").get("/api/cases/" + businessKey + "/diagram").json();
    assertThat(diagram.get("xml").asText()).contains("UserTask_Confirm");
    assertThat(diagram.get("current").toString()).contains("UserTask_Confirm");
    assertThat(diagram.get("flows")).hasSize(2);
  }

  /**
   * 待办 counts exactly up to fenhe.workbench.todo-count-limit (1,000; here 10) and answers "more
   * than" beyond (an officer's 20,000 candidate tasks are not read for a count: docs/workbench.md);
   * the last page still knows the exact total, and a list back under the limit is exact again.
   */
  @Test
  void todo_beyond_the_count_limit_is_answered_as_more_than_and_the_last_page_is_exact() {
    String group = "wb-many-" + UUID.randomUUID().toString().substring(0, 8);
    FenheUser officer = new FenheUser("wb-many-officer", List.of(group));
    List<String> tasks = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        Task task = taskService.newTask();
        task.setName("大量待办之" + i);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        tasks.add(task.getId());
      }
      WorkbenchLists.Page first = lists.todo(officer, new ListQuery(0, 5, null, null), 10);
      assertThat(first.items()).hasSize(5);
      assertThat(first.total()).isEqualTo(11);
      assertThat(first.totalAtLeast()).isTrue();

      // a full page with a next one: at least one more than its own end
      WorkbenchLists.Page full = lists.todo(officer, new ListQuery(1, 5, null, null), 10);
      assertThat(full.items()).hasSize(5);
      assertThat(full.total()).isEqualTo(11);
      assertThat(full.totalAtLeast()).isTrue();

      // the last page: its end is the exact total
      WorkbenchLists.Page last = lists.todo(officer, new ListQuery(2, 5, null, null), 10);
      assertThat(last.items()).hasSize(2);
      assertThat(last.total()).isEqualTo(12);
      assertThat(last.totalAtLeast()).isFalse();

      // under the limit again: counted exactly
      for (String id : tasks.subList(0, 3)) {
        taskService.deleteTask(id, true);
      }
      WorkbenchLists.Page under = lists.todo(officer, new ListQuery(0, 5, null, null), 10);
      assertThat(under.total()).isEqualTo(9);
      assertThat(under.totalAtLeast()).isFalse();
      assertThat(under.items()).extracting(item -> item.get("step")).doesNotContain("大量待办之0");
    } finally {
      taskService
          .createTaskQuery()
          .taskCandidateGroup(group)
          .list()
          .forEach(task -> taskService.deleteTask(task.getId(), true));
    }
  }

  @Test
  void the_timeline_includes_the_steps_of_called_processes_at_any_depth_in_time_order() {
    String leaf = key + "-leaf";
    String middle = key + "-middle";
    String parent = key + "-parent";
    Deployment called =
        repositoryService
            .createDeployment()
            .addModelInstance(
                leaf + ".bpmn",
                Bpmn.createExecutableProcess(leaf)
                    .name("核查子流程")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Leaf")
                    .userTask("UserTask_Inspect")
                    .name("分局现场核查")
                    .camundaCandidateGroups("sasac")
                    .endEvent("EndEvent_Leaf")
                    .done())
            .addModelInstance(
                middle + ".bpmn",
                Bpmn.createExecutableProcess(middle)
                    .name("初审子流程")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Middle")
                    .userTask("UserTask_CountyReview")
                    .name("区县初审")
                    .camundaCandidateGroups("reform-office")
                    .callActivity("CallActivity_Inspect")
                    .name("现场核查")
                    .calledElement(leaf)
                    .endEvent("EndEvent_Middle")
                    .done())
            .addModelInstance(
                parent + ".bpmn",
                Bpmn.createExecutableProcess(parent)
                    .name("调用子流程的事项")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Applied")
                    .name("提交申请")
                    .callActivity("CallActivity_Review")
                    .name("初审")
                    .calledElement(middle)
                    .userTask("UserTask_Confirm")
                    .name("市国资委确认")
                    .camundaCandidateGroups("sasac")
                    .endEvent("EndEvent_Done")
                    .done())
            .deploy();
    try {
      String businessKey = "WB-CALL-" + UUID.randomUUID().toString().substring(0, 8);
      String root =
          runtimeService
              .startProcessInstanceByKey(parent, businessKey, Map.of("enterpriseName", "汾河子流程厂"))
              .getId();
      Task review =
          taskService.createTaskQuery().taskDefinitionKey("UserTask_CountyReview").singleResult();
      taskService.claim(review.getId(), "demo-reform-office");
      taskService.complete(review.getId(), Map.of("approved", true, "opinion", "区县初审同意"));
      Task inspect =
          taskService.createTaskQuery().taskDefinitionKey("UserTask_Inspect").singleResult();
      taskService.claim(inspect.getId(), "demo-sasac");
      taskService.complete(inspect.getId(), Map.of("approved", false, "opinion", "现场核查发现问题，已整改"));
      assertThat(taskService.createTaskQuery().processInstanceId(root).singleResult().getName())
          .isEqualTo("市国资委确认");

      Http.Response response = as("demo-supervisors").get("/api/cases/" + businessKey);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      JsonNode steps = response.json().get("steps");
      List<String> names = new ArrayList<>();
      steps.forEach(step -> names.add(step.get("name").asText()));
      // the called processes' tasks, in time order, between the parent's steps; not their
      // start and end events
      assertThat(names)
          .containsSubsequence("提交申请", "区县初审", "分局现场核查", "市国资委确认")
          .contains("初审", "现场核查")
          .doesNotContainNull()
          .hasSize(6);
      assertThat(names.get(names.size() - 1)).isEqualTo("市国资委确认");
      JsonNode countyReview = stepNamed(steps, "区县初审");
      assertThat(countyReview.get("taskId").asText()).isEqualTo(review.getId());
      assertThat(countyReview.get("assignee").asText()).isEqualTo("demo-reform-office");
      assertThat(countyReview.get("status").asText()).isEqualTo("done");
      assertThat(countyReview.get("approved").asBoolean()).isTrue();
      assertThat(countyReview.get("opinion").asText()).isEqualTo("区县初审同意");
      JsonNode inspection = stepNamed(steps, "分局现场核查");
      assertThat(inspection.get("assignee").asText()).isEqualTo("demo-sasac");
      assertThat(inspection.get("approved").asBoolean(true)).isFalse();
      assertThat(inspection.get("opinion").asText()).isEqualTo("现场核查发现问题，已整改");
      assertThat(response.json().get("names").path("demo-sasac").asText()).startsWith("演示");
      // the diagram stays the case's own model: no called process's element is highlighted
      assertThat(response.json().get("highlights").get("finished").toString())
          .contains("CallActivity_Review")
          .doesNotContain("UserTask_CountyReview", "UserTask_Inspect");
    } finally {
      repositoryService.deleteDeployment(called.getId(), true);
    }
  }

  private static JsonNode stepNamed(JsonNode steps, String name) {
    for (JsonNode step : steps) {
      if (name.equals(step.path("name").asText()) && "step".equals(step.path("kind").asText())) {
        return step;
      }
    }
    throw new AssertionError(name + " not in " + steps);
  }
}
