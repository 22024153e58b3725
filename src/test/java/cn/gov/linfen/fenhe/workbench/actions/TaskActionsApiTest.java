package cn.gov.linfen.fenhe.workbench.actions;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.test.CaseScenario.approve;
import static cn.gov.linfen.fenhe.test.CaseScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundCaseTest;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.workbench.CaseEvent;
import cn.gov.linfen.fenhe.workbench.CaseEvent.Action;
import cn.gov.linfen.fenhe.workbench.CaseEvents;
import cn.gov.linfen.fenhe.workbench.Notification;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench's approval actions over HTTP, logged in as the demo users (and two colleagues of
 * the demo officers), on real P1 cases (国企改革专项资金) with P1's workers: for each action who may and
 * who may not — 404 for a stranger, 403 for a supervisor and for whoever does not hold the step,
 * 400 with a Chinese reason naming the field for bad input, nothing changed by a refusal — and the
 * timeline ({@link CaseEvents#forCase}) and notifications each action leaves.
 */
class TaskActionsApiTest extends SoeReformFundCaseTest {

  static final String DEPARTMENT = demo(Groups.SUPERVISING_DEPARTMENT);
  static final String COLLEAGUE = "wb-supervising-department-2";
  static final String HRSS = demo(Groups.HRSS_BUREAU);
  static final String FINANCE = demo(Groups.FINANCE_BUREAU);
  static final String REFORM_OFFICE = demo(Groups.REFORM_OFFICE);
  static final String STRANGER = "demo-tax-bureau";
  static final String SUPERVISOR = "demo-supervisors";
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  @Autowired CaseEvents events;
  @Autowired Notifications notifications;

  @BeforeEach
  void colleagues() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
      var user = identity.newUser(COLLEAGUE);
      user.setFirstName("主管部门");
      user.setLastName("同事");
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(COLLEAGUE, Groups.SUPERVISING_DEPARTMENT);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ helpers

  private SoeReformFundScenario atInitialReview(String prefix) {
    SoeReformFundScenario p1 =
        scenario(prefix).start(SoeReformFundScenario.application(Map.of("owedWages", "20000.00")));
    p1.runUntil(INITIAL_REVIEW);
    assertThat(p1.openTaskKeys()).containsExactly(INITIAL_REVIEW);
    return p1;
  }

  private Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private static Http.Response post(Http http, String taskId, String action, String body) {
    return http.post("/api/tasks/" + taskId + "/" + action, body);
  }

  private static void ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  /**
   * A refusal in Fenhe's format: the status, the field, a Chinese reason and an English one; the
   * Chinese reason.
   */
  private static String refused(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.path("field").asText()).as(response.toString()).isEqualTo(field);
    assertThat(body.path("reason").asText()).containsPattern(CJK);
    assertThat(body.path("reasonEn").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception:", "at cn.gov", "at org.");
    return body.path("reason").asText();
  }

  private List<Action> timeline(SoeReformFundScenario p1) {
    return events.forCase(p1.processInstanceId).stream().map(CaseEvent::action).toList();
  }

  private CaseEvent last(SoeReformFundScenario p1, Action action) {
    return events.forCase(p1.processInstanceId).stream()
        .filter(e -> e.action() == action)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + action + " in " + timeline(p1)));
  }

  private List<Notification> notificationsOf(String user, SoeReformFundScenario p1, Kind kind) {
    return notifications.list(user, false, 0, 100).stream()
        .filter(n -> p1.processInstanceId.equals(n.processInstanceId()) && n.kind() == kind)
        .toList();
  }

  /** A variable of the review round, as the completeness check sees it. */
  private Object roundVariable(SoeReformFundScenario p1, String name) {
    return engine.getTaskService().getVariable(p1.openTask(COMPLETENESS_CHECK).getId(), name);
  }

  private Task task(String id) {
    return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
  }

  // ------------------------------------------------------------------ the task's case

  @Test
  void the_task_screen_learns_its_case_from_the_task_and_a_stranger_learns_nothing() {
    SoeReformFundScenario p1 = atInitialReview("WB-TASK-CASE");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    // an officer of the step's group reads no process instance of the engine: the platform tells
    // him
    Http.Response seen = as(COLLEAGUE).get("/api/tasks/" + id + "/case");
    ok(seen);
    assertThat(seen.json().get("businessKey").asText()).isEqualTo(p1.businessKey);
    assertThat(seen.json().get("procedureKey").asText()).isEqualTo("soe-reform-fund");
    assertThat(seen.json().get("signerTask").asBoolean()).isFalse();
    ok(as(SUPERVISOR).get("/api/tasks/" + id + "/case"));
    refused(as(STRANGER).get("/api/tasks/" + id + "/case"), 404, "taskId");
    refused(as(COLLEAGUE).get("/api/tasks/no-such-task/case"), 404, "taskId");

    // a signer's sub-task (加签, 他先办) belongs to the case of the step it was added to
    ok(post(as(DEPARTMENT), id, "claim", ""));
    Http.Response added =
        post(
            as(DEPARTMENT),
            id,
            "add-signer",
            "{\"userId\":\"" + FINANCE + "\",\"position\":\"before\",\"reason\":\"请会签\"}");
    ok(added);
    String signerTask = added.json().get("signerTaskId").asText();
    JsonNode signer = as(FINANCE).get("/api/tasks/" + signerTask + "/case").json();
    assertThat(signer.get("businessKey").asText()).isEqualTo(p1.businessKey);
    assertThat(signer.get("signerTask").asBoolean()).isTrue();
    assertThat(signer.get("stepTaskId").asText()).isEqualTo(id);
    assertThat(signer.get("step").asText()).isEqualTo("企业主管部门初审");
    refused(as(STRANGER).get("/api/tasks/" + signerTask + "/case"), 404, "taskId");
  }

  // ------------------------------------------------------------------ claim, unclaim

  @Test
  void a_candidate_claims_and_unclaims_and_nobody_else_may() {
    SoeReformFundScenario p1 = atInitialReview("WB-CLAIM");
    String id = p1.openTask(INITIAL_REVIEW).getId();

    refused(post(as(STRANGER), id, "claim", ""), 404, "taskId");
    refused(post(as(SUPERVISOR), id, "claim", ""), 403, "user");
    refused(post(as(p1.applicant), id, "claim", ""), 403, "taskId");
    refused(post(as(DEPARTMENT), "no-such-task", "claim", ""), 404, "taskId");
    assertThat(task(id).getAssignee()).isNull();
    assertThat(timeline(p1)).isEmpty();

    ok(post(as(DEPARTMENT), id, "claim", ""));
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);
    // the refusal names the holder by his name, not his account
    assertThat(refused(post(as(COLLEAGUE), id, "claim", ""), 409, "taskId"))
        .contains("演示")
        .doesNotContain(DEPARTMENT);
    refused(post(as(COLLEAGUE), id, "unclaim", ""), 403, "taskId");
    refused(post(as(SUPERVISOR), id, "unclaim", ""), 403, "user");
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);

    ok(post(as(DEPARTMENT), id, "unclaim", ""));
    assertThat(task(id).getAssignee()).isNull();
    ok(post(as(COLLEAGUE), id, "claim", ""));
    assertThat(task(id).getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(timeline(p1)).containsExactly(Action.CLAIM, Action.UNCLAIM, Action.CLAIM);
    assertThat(last(p1, Action.CLAIM).actor()).isEqualTo(COLLEAGUE);
    assertThat(last(p1, Action.CLAIM).activityName()).isEqualTo("企业主管部门初审");
  }

  @Test
  void every_action_answers_404_to_a_stranger_and_403_to_a_supervisor_and_changes_nothing() {
    SoeReformFundScenario p1 = atInitialReview("WB-EVERY");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));
    Map<String, String> actions =
        Map.ofEntries(
            Map.entry("claim", ""),
            Map.entry("unclaim", ""),
            Map.entry("transfer", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"转\"}"),
            Map.entry("delegate", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"委派\"}"),
            Map.entry("resolve", "{\"opinion\":\"已办\"}"),
            Map.entry(
                "add-signer",
                "{\"userId\":\"" + FINANCE + "\",\"position\":\"before\",\"reason\":\"会签\"}"),
            Map.entry("remove-signer", "{\"userId\":\"" + FINANCE + "\"}"),
            Map.entry("cc", "{\"userIds\":[\"" + FINANCE + "\"]}"),
            Map.entry("urge", "{\"message\":\"快\"}"),
            Map.entry("return", "{\"targetActivityId\":\"x\",\"reason\":\"退\"}"),
            Map.entry("withdraw", "{\"reason\":\"撤\"}"),
            Map.entry("complete", "{\"approved\":true,\"opinion\":\"同意\"}"));
    actions.forEach(
        (action, body) -> {
          refused(post(as(STRANGER), id, action, body), 404, "taskId");
          refused(post(as(SUPERVISOR), id, action, body), 403, "user");
        });
    refused(as(STRANGER).get("/api/tasks/" + id + "/return-targets"), 404, "taskId");
    refused(as(SUPERVISOR).get("/api/tasks/" + id + "/return-targets"), 403, "user");
    // an officer of the case who does not hold the step: 403 on every holder's action
    for (String action :
        List.of(
            "unclaim",
            "transfer",
            "delegate",
            "resolve",
            "add-signer",
            "remove-signer",
            "cc",
            "return",
            "complete")) {
      refused(post(as(COLLEAGUE), id, action, actions.get(action)), 403, "taskId");
    }
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);
    assertThat(task(id).getDelegationState()).isNull();
    assertThat(engine.getTaskService().getSubTasks(id)).isEmpty();
    assertThat(p1.openTaskKeys()).containsExactly(INITIAL_REVIEW);
    assertThat(timeline(p1)).containsExactly(Action.CLAIM);
    assertThat(notifications.list(FINANCE, false, 0, 100))
        .noneMatch(n -> p1.processInstanceId.equals(n.processInstanceId()));
  }

  // ------------------------------------------------------------------ transfer

  @Test
  void the_holder_transfers_to_a_colleague_of_the_group_with_a_reason_who_is_notified() {
    SoeReformFundScenario p1 = atInitialReview("WB-TRANSFER");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));

    String good = "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"本人出差，转同事办理\"}";
    refused(post(as(STRANGER), id, "transfer", good), 404, "taskId");
    refused(post(as(SUPERVISOR), id, "transfer", good), 403, "user");
    refused(post(as(COLLEAGUE), id, "transfer", good), 403, "taskId");
    refused(
        post(as(DEPARTMENT), id, "transfer", "{\"userId\":\"" + COLLEAGUE + "\"}"), 400, "reason");
    refused(
        post(
            as(DEPARTMENT), id, "transfer", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"  \"}"),
        400,
        "reason");
    refused(
        post(as(DEPARTMENT), id, "transfer", "{\"userId\":\"" + FINANCE + "\",\"reason\":\"转\"}"),
        400,
        "userId");
    refused(
        post(as(DEPARTMENT), id, "transfer", "{\"userId\":\"nobody-here\",\"reason\":\"转\"}"),
        400,
        "userId");
    refused(
        post(
            as(DEPARTMENT), id, "transfer", "{\"userId\":\"" + DEPARTMENT + "\",\"reason\":\"转\"}"),
        400,
        "userId");
    refused(post(as(DEPARTMENT), id, "transfer", "{\"userId\":[1]}"), 400, "userId");
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);
    assertThat(timeline(p1)).containsExactly(Action.CLAIM);

    ok(post(as(DEPARTMENT), id, "transfer", good));
    assertThat(task(id).getAssignee()).isEqualTo(COLLEAGUE);
    CaseEvent transfer = last(p1, Action.TRANSFER);
    assertThat(transfer.actor()).isEqualTo(DEPARTMENT);
    assertThat(transfer.targetUserId()).isEqualTo(COLLEAGUE);
    assertThat(transfer.reason()).isEqualTo("本人出差，转同事办理");
    // the text names the person who transferred (his 姓名), never his account
    assertThat(notificationsOf(COLLEAGUE, p1, Kind.TASK_TRANSFERRED))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.body())
                    .startsWith("演示")
                    .contains(" 将案件 " + p1.businessKey, "本人出差")
                    .doesNotContain(DEPARTMENT, "demo-"));
    // the former holder no longer acts
    refused(
        post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"同意\"}"),
        403,
        "taskId");
  }

  // ------------------------------------------------------------------ delegate, resolve, complete

  @Test
  void a_delegated_task_comes_back_to_its_owner_who_confirms_and_completes_with_the_opinion() {
    SoeReformFundScenario p1 = atInitialReview("WB-DELEGATE");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));

    refused(
        post(as(DEPARTMENT), id, "delegate", "{\"userId\":\"" + COLLEAGUE + "\"}"), 400, "reason");
    refused(
        post(
            as(SUPERVISOR), id, "delegate", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"核实\"}"),
        403,
        "user");
    assertThat(task(id).getDelegationState()).isNull();
    ok(
        post(
            as(DEPARTMENT),
            id,
            "delegate",
            "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"请核实职工人数\"}"));
    Task delegated = task(id);
    assertThat(delegated.getOwner()).isEqualTo(DEPARTMENT);
    assertThat(delegated.getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
    assertThat(notificationsOf(COLLEAGUE, p1, Kind.TASK_DELEGATED)).hasSize(1);

    // the owner waits; the delegate resolves, he does not complete
    refused(
        post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"同意\"}"),
        403,
        "taskId");
    refused(
        post(as(COLLEAGUE), id, "complete", "{\"approved\":true,\"opinion\":\"同意\"}"),
        409,
        "taskId");
    refused(post(as(COLLEAGUE), id, "resolve", "{}"), 400, "opinion");
    refused(post(as(DEPARTMENT), id, "resolve", "{\"opinion\":\"x\"}"), 403, "taskId");
    assertThat(task(id).getAssignee()).isEqualTo(COLLEAGUE);

    ok(post(as(COLLEAGUE), id, "resolve", "{\"opinion\":\"已核实，职工 320 人属实\"}"));
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);
    assertThat(task(id).getDelegationState()).isEqualTo(DelegationState.RESOLVED);
    assertThat(notificationsOf(DEPARTMENT, p1, Kind.DELEGATION_RESOLVED))
        .singleElement()
        .satisfies(
            n -> assertThat(n.body()).startsWith("同事主管部门 已办理您委派的").doesNotContain(COLLEAGUE));
    refused(post(as(DEPARTMENT), id, "resolve", "{\"opinion\":\"x\"}"), 409, "taskId");

    // the model's own check refuses a review without an opinion: 400, the task stays open
    Http.Response noOpinion = post(as(DEPARTMENT), id, "complete", "{\"approved\":false}");
    assertThat(noOpinion.status()).as(noOpinion.toString()).isEqualTo(400);
    assertThat(task(id)).isNotNull();
    assertThat(timeline(p1)).doesNotContain(Action.COMPLETE);

    ok(post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"同意上报市企改办\"}"));
    assertThat(task(id)).isNull();
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);
    assertThat(roundVariable(p1, "initialReviewOpinion")).isEqualTo("同意上报市企改办");
    assertThat(timeline(p1))
        .containsExactly(Action.CLAIM, Action.DELEGATE, Action.RESOLVE, Action.COMPLETE);
    assertThat(last(p1, Action.RESOLVE).reason()).isEqualTo("已核实，职工 320 人属实");
    assertThat(last(p1, Action.COMPLETE).reason()).isEqualTo("同意上报市企改办");
  }

  // ------------------------------------------------------------------ completed elsewhere

  /** The item of a task in an answer of 已办, or {@code null}. */
  private static JsonNode doneItem(JsonNode done, String taskId) {
    for (JsonNode item : done.get("items")) {
      if (taskId.equals(item.path("taskId").asText())) {
        return item;
      }
    }
    return null;
  }

  /** The timeline row (审批记录) of a step of the case, as a participant reads it. */
  private JsonNode stepRow(String reader, SoeReformFundScenario p1, String activityId) {
    Http.Response view = as(reader).get("/api/cases/" + p1.businessKey);
    ok(view);
    for (JsonNode step : view.json().get("steps")) {
      if ("step".equals(step.path("kind").asText())
          && activityId.equals(step.path("activityId").asText())) {
        return step;
      }
    }
    throw new AssertionError(activityId + " not in the timeline: " + view.body());
  }

  @Test
  void
      steps_completed_through_the_engine_rest_api_show_in_the_timeline_with_who_when_and_opinion() {
    SoeReformFundScenario p1 = atInitialReview("WB-REST");
    String review = p1.openTask(INITIAL_REVIEW).getId();

    // an officer of the step completes it through the engine's REST API, without claiming it
    Http.Response completed =
        as(DEPARTMENT)
            .post(
                "/engine-rest/task/" + review + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true},"
                    + "\"opinion\":{\"value\":\"职工安置方案可行，同意上报（引擎接口）\"}}}");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);

    JsonNode row = stepRow(p1.applicant, p1, INITIAL_REVIEW);
    assertThat(row.path("status").asText()).isEqualTo("done");
    assertThat(row.path("assignee").asText()).isEqualTo(DEPARTMENT);
    assertThat(row.path("ended").asText()).isNotBlank();
    assertThat(row.path("approved").asBoolean()).isTrue();
    assertThat(row.path("opinion").asText()).isEqualTo("职工安置方案可行，同意上报（引擎接口）");
    // the engine recorded him as the task's assignee at completion (CompleterAsAssignee) ...
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(review)
                .singleResult()
                .getAssignee())
        .isEqualTo(DEPARTMENT);
    // ... so the step is in his 已办 with his opinion, by search and by procedure too
    for (String filter :
        List.of("", "&q=" + p1.businessKey, "&procedure=" + SoeReformFundProcess.KEY)) {
      JsonNode done = as(DEPARTMENT).get("/api/workbench/done?size=100" + filter).json();
      JsonNode item = doneItem(done, review);
      assertThat(item).as(filter + ": " + done).isNotNull();
      assertThat(item.path("approved").asBoolean()).isTrue();
      assertThat(item.path("opinion").asText()).isEqualTo("职工安置方案可行，同意上报（引擎接口）");
      assertThat(done.path("total").asLong()).isGreaterThanOrEqualTo(1);
    }
    assertThat(
            as(DEPARTMENT)
                .get("/api/workbench/done?q=" + p1.businessKey)
                .json()
                .path("total")
                .asLong())
        .isEqualTo(1);
    // a colleague of the same group, who did not complete it, does not have it
    assertThat(doneItem(as(COLLEAGUE).get("/api/workbench/done?size=100").json(), review)).isNull();
    assertThat(
            as(COLLEAGUE)
                .get("/api/workbench/done?q=" + p1.businessKey)
                .json()
                .path("total")
                .asLong())
        .isZero();

    // the next officer works like Tasklist does: claims, then submits the form
    String check = p1.openTask(COMPLETENESS_CHECK).getId();
    Http.Response claimed =
        as(REFORM_OFFICE)
            .post(
                "/engine-rest/task/" + check + "/claim", "{\"userId\":\"" + REFORM_OFFICE + "\"}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    Http.Response submitted =
        as(REFORM_OFFICE)
            .post(
                "/engine-rest/task/" + check + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":false},"
                    + "\"opinion\":{\"value\":\"缺少职工花名册，请补正\"}}}");
    assertThat(submitted.status()).as(submitted.toString()).isIn(200, 204);

    JsonNode returned = stepRow(p1.applicant, p1, COMPLETENESS_CHECK);
    assertThat(returned.path("status").asText()).isEqualTo("done");
    assertThat(returned.path("assignee").asText()).isEqualTo(REFORM_OFFICE);
    assertThat(returned.path("approved").asBoolean(true)).isFalse();
    assertThat(returned.path("opinion").asText()).isEqualTo("缺少职工花名册，请补正");
    // both completions are the engine's: no entry of the workbench was written for them
    assertThat(timeline(p1)).doesNotContain(Action.COMPLETE);
    // the people of these rows have their names in the answer
    JsonNode names = as(p1.applicant).get("/api/cases/" + p1.businessKey).json().get("names");
    assertThat(names.path(DEPARTMENT).asText()).isNotBlank().isNotEqualTo(DEPARTMENT);
    assertThat(names.path(REFORM_OFFICE).asText()).isNotBlank().isNotEqualTo(REFORM_OFFICE);
  }

  // ------------------------------------------------------------------ add-signer, remove-signer

  @Test
  void a_signer_added_before_acts_first_and_the_task_cannot_be_completed_on_any_path_until_then() {
    SoeReformFundScenario p1 = atInitialReview("WB-SIGN-BEFORE");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));
    String body =
        "{\"userId\":\"" + FINANCE + "\",\"position\":\"before\",\"reason\":\"涉及资金，请财政局先看\"}";

    refused(post(as(STRANGER), id, "add-signer", body), 404, "taskId");
    refused(post(as(SUPERVISOR), id, "add-signer", body), 403, "user");
    refused(post(as(COLLEAGUE), id, "add-signer", body), 403, "taskId");
    refused(
        post(as(DEPARTMENT), id, "add-signer", body.replace("\"before\"", "\"sideways\"")),
        400,
        "position");
    refused(post(as(DEPARTMENT), id, "add-signer", body.replace("涉及资金，请财政局先看", "")), 400, "reason");
    assertThat(engine.getTaskService().getSubTasks(id)).isEmpty();

    Http.Response added = post(as(DEPARTMENT), id, "add-signer", body);
    ok(added);
    String signerTask = added.json().get("signerTaskId").asText();
    assertThat(task(signerTask).getAssignee()).isEqualTo(FINANCE);
    assertThat(task(signerTask).getParentTaskId()).isEqualTo(id);
    refused(post(as(DEPARTMENT), id, "add-signer", body), 409, "userId");
    assertThat(notificationsOf(FINANCE, p1, Kind.SIGNER_ADDED)).hasSize(1);

    // the holder cannot complete — not in the workbench, not in Tasklist's way (engine REST)
    refused(
        post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"同意\"}"),
        409,
        "taskId");
    Http.Response tasklist =
        as(DEPARTMENT)
            .post(
                "/engine-rest/task/" + id + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"同意\"}}}");
    assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(409);
    assertThat(tasklist.json().path("reason").asText()).contains("加签人");
    assertThat(task(id)).isNotNull();

    // the signer reads the case but acts only on his own task
    refused(
        post(as(FINANCE), id, "transfer", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"x\"}"),
        403,
        "user");
    refused(post(as(FINANCE), signerTask, "complete", "{}"), 400, "opinion");
    refused(post(as(DEPARTMENT), signerTask, "complete", "{\"opinion\":\"x\"}"), 403, "taskId");
    ok(post(as(FINANCE), signerTask, "complete", "{\"opinion\":\"资金测算无误\"}"));
    assertThat(task(signerTask)).isNull();

    ok(post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"同意上报\"}"));
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);
    assertThat(timeline(p1))
        .containsExactly(Action.CLAIM, Action.ADD_SIGNER, Action.COMPLETE, Action.COMPLETE);
    List<CaseEvent> completions =
        events.forCase(p1.processInstanceId).stream()
            .filter(e -> e.action() == Action.COMPLETE)
            .toList();
    assertThat(completions.get(0).actor()).isEqualTo(FINANCE);
    assertThat(completions.get(0).reason()).isEqualTo("资金测算无误");
    assertThat(completions.get(0).activityId()).isEqualTo(INITIAL_REVIEW);
    assertThat(last(p1, Action.ADD_SIGNER).reason()).contains("他先办", "涉及资金");
  }

  @Test
  void a_signer_added_after_gets_the_task_when_the_holder_is_done_and_may_be_removed_before() {
    SoeReformFundScenario p1 = atInitialReview("WB-SIGN-AFTER");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));
    String body = "{\"userId\":\"" + FINANCE + "\",\"position\":\"after\",\"reason\":\"请财政局把关\"}";

    ok(post(as(DEPARTMENT), id, "add-signer", body));
    refused(
        post(as(DEPARTMENT), id, "add-signer", body.replace(FINANCE, REFORM_OFFICE)),
        409,
        "userId");
    refused(
        post(as(DEPARTMENT), id, "remove-signer", "{\"userId\":\"" + REFORM_OFFICE + "\"}"),
        409,
        "userId");
    refused(post(as(DEPARTMENT), id, "remove-signer", "{}"), 400, "userId");
    refused(
        post(as(SUPERVISOR), id, "remove-signer", "{\"userId\":\"" + FINANCE + "\"}"), 403, "user");
    // 减签 before he acted
    ok(post(as(DEPARTMENT), id, "remove-signer", "{\"userId\":\"" + FINANCE + "\"}"));
    assertThat(engine.getTaskService().getVariableLocal(id, SignerGuard.AFTER_SIGNER)).isNull();
    ok(post(as(DEPARTMENT), id, "add-signer", body));

    // a completion outside the workbench would skip the signer: refused in the engine
    Http.Response tasklist =
        as(DEPARTMENT)
            .post(
                "/engine-rest/task/" + id + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"同意\"}}}");
    assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(409);

    Http.Response handed =
        post(as(DEPARTMENT), id, "complete", "{\"approved\":true,\"opinion\":\"主管部门同意\"}");
    ok(handed);
    assertThat(handed.json().get("handedTo").asText()).isEqualTo(FINANCE);
    assertThat(task(id).getAssignee()).isEqualTo(FINANCE);
    refused(
        post(as(DEPARTMENT), id, "remove-signer", "{\"userId\":\"" + FINANCE + "\"}"),
        403,
        "taskId");

    ok(post(as(FINANCE), id, "complete", "{\"approved\":true,\"opinion\":\"财政局同意\"}"));
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);
    assertThat(roundVariable(p1, "initialReviewOpinion")).isEqualTo("财政局同意");
    assertThat(timeline(p1))
        .containsExactly(
            Action.CLAIM,
            Action.ADD_SIGNER,
            Action.REMOVE_SIGNER,
            Action.ADD_SIGNER,
            Action.COMPLETE,
            Action.COMPLETE);
    List<CaseEvent> completions =
        events.forCase(p1.processInstanceId).stream()
            .filter(e -> e.action() == Action.COMPLETE)
            .toList();
    assertThat(completions).extracting(CaseEvent::actor).containsExactly(DEPARTMENT, FINANCE);
    assertThat(completions).extracting(CaseEvent::reason).containsExactly("主管部门同意", "财政局同意");
    // the case view (审批记录) shows both opinions and the added signer
    Http.Response view = as(DEPARTMENT).get("/api/cases/" + p1.businessKey);
    ok(view);
    assertThat(view.body()).contains("主管部门同意", "财政局同意", "请财政局把关", "add-signer");
  }

  // ------------------------------------------------------------------ cc

  @Test
  void the_holder_copies_the_case_and_the_readers_read_it_but_cannot_act() {
    SoeReformFundScenario p1 = atInitialReview("WB-CC");
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));

    refused(post(as(DEPARTMENT), id, "cc", "{\"userIds\":[],\"groupIds\":[]}"), 400, "userIds");
    refused(post(as(DEPARTMENT), id, "cc", "{\"userIds\":[\"nobody-here\"]}"), 400, "userIds");
    refused(post(as(DEPARTMENT), id, "cc", "{\"groupIds\":[\"no-such-group\"]}"), 400, "groupIds");
    refused(post(as(SUPERVISOR), id, "cc", "{\"userIds\":[\"" + STRANGER + "\"]}"), 403, "user");
    refused(post(as(STRANGER), id, "cc", "{\"userIds\":[\"" + STRANGER + "\"]}"), 404, "taskId");
    assertThat(timeline(p1)).containsExactly(Action.CLAIM);

    ok(
        post(
            as(DEPARTMENT),
            id,
            "cc",
            "{\"userIds\":[\"" + STRANGER + "\"],\"groupIds\":[\"sasac\"],\"note\":\"请知悉\"}"));
    assertThat(notificationsOf(STRANGER, p1, Kind.CASE_COPIED)).hasSize(1);
    assertThat(notificationsOf(demo(Groups.SASAC), p1, Kind.CASE_COPIED)).hasSize(1);
    assertThat(timeline(p1)).containsExactly(Action.CLAIM, Action.CC, Action.CC);
    // the copied user now sees the case (403, not 404) and cannot act
    refused(post(as(STRANGER), id, "claim", ""), 403, "user");
    refused(
        post(as(STRANGER), id, "transfer", "{\"userId\":\"" + COLLEAGUE + "\",\"reason\":\"x\"}"),
        403,
        "user");
    refused(post(as(STRANGER), id, "urge", "{\"message\":\"快\"}"), 403, "user");
    assertThat(task(id).getAssignee()).isEqualTo(DEPARTMENT);
  }

  // ------------------------------------------------------------------ urge

  @Test
  void the_applicant_urges_a_step_once_per_24_hours_of_the_engine_clock() {
    Instant start = Instant.parse("2026-11-02T02:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    SoeReformFundScenario p1 = atInitialReview("WB-URGE");
    String id = p1.openTask(INITIAL_REVIEW).getId();

    refused(post(as(STRANGER), id, "urge", "{\"message\":\"请尽快\"}"), 404, "taskId");
    refused(post(as(SUPERVISOR), id, "urge", "{\"message\":\"请尽快\"}"), 403, "user");
    refused(
        post(as(p1.applicant), id, "urge", "{\"message\":\"" + "催".repeat(2001) + "\"}"),
        400,
        "message");

    Http.Response urged = post(as(p1.applicant), id, "urge", "{\"message\":\"职工安置款急需，请尽快初审\"}");
    ok(urged);
    assertThat(urged.json().get("urged").toString()).contains(DEPARTMENT, COLLEAGUE);
    assertThat(notificationsOf(DEPARTMENT, p1, Kind.URGED)).hasSize(1);
    assertThat(notificationsOf(COLLEAGUE, p1, Kind.URGED)).hasSize(1);

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(23))));
    Http.Response again = post(as(p1.applicant), id, "urge", "{\"message\":\"再催\"}");
    refused(again, 429, "taskId");
    assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(3000L, 3600L);
    assertThat(notificationsOf(DEPARTMENT, p1, Kind.URGED)).hasSize(1);

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(24)).plusSeconds(60)));
    ok(post(as(p1.applicant), id, "urge", "{}"));
    assertThat(notificationsOf(DEPARTMENT, p1, Kind.URGED)).hasSize(2);
    assertThat(timeline(p1)).containsExactly(Action.URGE, Action.URGE);
    assertThat(last(p1, Action.URGE).targetGroupId()).isEqualTo(Groups.SUPERVISING_DEPARTMENT);

    // the holder urges nobody; once claimed, the claimer is the one urged
    ok(post(as(DEPARTMENT), id, "claim", ""));
    refused(post(as(DEPARTMENT), id, "urge", "{}"), 409, "taskId");
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(49))));
    ok(post(as(p1.applicant), id, "urge", "{\"message\":\"请今日办结\"}"));
    assertThat(last(p1, Action.URGE).targetUserId()).isEqualTo(DEPARTMENT);
    assertThat(notificationsOf(COLLEAGUE, p1, Kind.URGED)).hasSize(2);
  }

  // ------------------------------------------------------------------ return

  @Test
  void returning_out_of_the_parallel_review_keeps_the_other_branchs_opinion() {
    SoeReformFundScenario p1 =
        scenario("WB-RETURN")
            .start(
                SoeReformFundScenario.application(
                    Map.of(
                        "economicCompensation", "10000.00",
                        "oneChildFees", "5000.00",
                        "over4050LivingAllowance", "8000.00",
                        "owedWages", "0.00")));
    p1.on(SASAC_REVIEW, demo(Groups.SASAC), approve("国资：生活补助符合标准"));
    p1.runUntil(HRSS_REVIEW, HEALTH_COMMISSION_REVIEW, SASAC_REVIEW);
    assertThat(p1.openTaskKeys())
        .containsExactlyInAnyOrder(HRSS_REVIEW, HEALTH_COMMISSION_REVIEW, SASAC_REVIEW);
    p1.work(SASAC_REVIEW);
    String id = p1.openTask(HRSS_REVIEW).getId();
    ok(post(as(HRSS), id, "claim", ""));

    Http.Response targets = as(HRSS).get("/api/tasks/" + id + "/return-targets");
    ok(targets);
    assertThat(targets.json().findValuesAsText("activityId"))
        .containsExactly(INITIAL_REVIEW, COMPLETENESS_CHECK);
    assertThat(targets.json().findValuesAsText("name")).containsExactly("企业主管部门初审", "市企改办材料完整性初审");
    assertThat(targets.json().get(1).get("lastAssignee").asText()).isEqualTo(REFORM_OFFICE);
    assertThat(targets.json().get(1).get("lastAssigneeName").asText())
        .startsWith("演示")
        .isNotEqualTo(REFORM_OFFICE);
    refused(as(STRANGER).get("/api/tasks/" + id + "/return-targets"), 404, "taskId");

    String good =
        "{\"targetActivityId\":\"" + COMPLETENESS_CHECK + "\",\"reason\":\"补偿金测算表缺页，请市企改办重新核对材料\"}";
    refused(post(as(STRANGER), id, "return", good), 404, "taskId");
    refused(post(as(SUPERVISOR), id, "return", good), 403, "user");
    refused(post(as(demo(Groups.HEALTH_COMMISSION)), id, "return", good), 403, "taskId");
    refused(
        post(
            as(HRSS),
            id,
            "return",
            "{\"targetActivityId\":\"" + SASAC_REVIEW + "\",\"reason\":\"x\"}"),
        400,
        "targetActivityId");
    refused(
        post(as(HRSS), id, "return", "{\"targetActivityId\":\"" + COMPLETENESS_CHECK + "\"}"),
        400,
        "reason");
    assertThat(p1.openTaskKeys()).containsExactlyInAnyOrder(HRSS_REVIEW, HEALTH_COMMISSION_REVIEW);

    Http.Response returned = post(as(HRSS), id, "return", good);
    ok(returned);
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);
    Task again = p1.openTask(COMPLETENESS_CHECK);
    assertThat(again.getAssignee()).isEqualTo(REFORM_OFFICE);
    // the other branch's opinion is kept: in the case's variables and in the history
    Map<String, Object> seen = engine.getTaskService().getVariables(again.getId());
    assertThat(seen.get("sasacReviewOpinion")).isEqualTo("国资：生活补助符合标准");
    assertThat(seen.get("sasacReviewApproved")).isEqualTo(true);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(p1.processInstanceId)
                .taskDefinitionKey(SASAC_REVIEW)
                .finished()
                .count())
        .isEqualTo(1);
    // the case view (审批记录) reads the round (a DMN's collected list among its variables) and shows
    // the other branch's opinion with the return
    Http.Response view = as(p1.applicant).get("/api/cases/" + p1.businessKey);
    ok(view);
    assertThat(view.body()).contains("国资：生活补助符合标准", "补偿金测算表缺页");
    CaseEvent event = last(p1, Action.RETURN);
    assertThat(event.actor()).isEqualTo(HRSS);
    assertThat(event.activityId()).isEqualTo(HRSS_REVIEW);
    assertThat(event.targetUserId()).isEqualTo(REFORM_OFFICE);
    assertThat(event.reason()).contains("市企改办材料完整性初审", "补偿金测算表缺页");
    assertThat(notificationsOf(REFORM_OFFICE, p1, Kind.TASK_RETURNED)).hasSize(1);

    // the round goes on from the step returned to and the case is disbursed
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
  }

  // ------------------------------------------------------------------ withdraw

  @Test
  void the_applicant_withdraws_where_the_model_allows_it_and_nobody_else_may() {
    SoeReformFundScenario p1 = atInitialReview("WB-WITHDRAW");
    String path = "/api/workbench/cases/" + p1.businessKey + "/withdraw";
    String good = "{\"reason\":\"企业已通过其他渠道解决安置资金\"}";

    refused(as(STRANGER).post(path, good), 404, "businessKey");
    refused(as(SUPERVISOR).post(path, good), 403, "user");
    refused(as(DEPARTMENT).post(path, good), 403, "user");
    refused(as(p1.applicant).post(path, "{}"), 400, "reason");
    assertThat(p1.ended()).isFalse();
    assertThat(timeline(p1)).isEmpty();
    // a signer added before (他先办) has an open task: the withdrawal ends it with the case
    String id = p1.openTask(INITIAL_REVIEW).getId();
    ok(post(as(DEPARTMENT), id, "claim", ""));
    Http.Response added =
        post(
            as(DEPARTMENT),
            id,
            "add-signer",
            "{\"userId\":\"" + FINANCE + "\",\"position\":\"before\",\"reason\":\"请会签\"}");
    ok(added);
    String signerTask = added.json().get("signerTaskId").asText();
    // the applicant may also withdraw through a task of his case (he need not hold it)
    refused(post(as(p1.applicant), id, "withdraw", "{}"), 400, "reason");
    // the case screen offers 撤回 to the applicant alone, while the model allows it
    String casePath = "/api/cases/" + p1.businessKey;
    assertThat(as(p1.applicant).get(casePath).json().get("mayWithdraw").asBoolean()).isTrue();
    assertThat(as(DEPARTMENT).get(casePath).json().get("mayWithdraw").asBoolean()).isFalse();

    ok(as(p1.applicant).post(path, good));
    assertThat(as(p1.applicant).get(casePath).json().get("mayWithdraw").asBoolean()).isFalse();
    assertThat(p1.ended()).isTrue();
    assertThat(p1.topLevelEnd()).isEqualTo(END_WITHDRAWN);
    assertThat(task(signerTask)).isNull();
    assertThat(p1.historicVariable("withdrawalReason")).isEqualTo("企业已通过其他渠道解决安置资金");
    assertThat(last(p1, Action.WITHDRAW).actor()).isEqualTo(p1.applicant);
    assertThat(timeline(p1)).containsExactly(Action.CLAIM, Action.ADD_SIGNER, Action.WITHDRAW);
    refused(as(p1.applicant).post(path, good), 409, "businessKey");
  }

  @Test
  void a_procedure_without_a_withdrawal_answers_409_in_chinese() {
    String key = "wb-no-withdrawal-" + UUID.randomUUID().toString().substring(0, 8);
    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .name("无撤回事项")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("UserTask_Review")
                    .name("审核")
                    .camundaCandidateGroups(Groups.SUPERVISING_DEPARTMENT)
                    .endEvent()
                    .done())
            .deploy();
    try {
      String businessKey = "WB-NOWD-" + UUID.randomUUID();
      // started by the applicant (his start grant on this test model is not the point here)
      IdentityService identity = engine.getIdentityService();
      identity.setAuthentication(demo(Groups.LIQUIDATION_TEAM), List.of("admins"));
      String pid;
      try {
        pid = engine.getRuntimeService().startProcessInstanceByKey(key, businessKey).getId();
      } finally {
        identity.clearAuthentication();
      }
      String taskId =
          engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
      assertThat(
              as(demo(Groups.LIQUIDATION_TEAM))
                  .get("/api/cases/" + businessKey)
                  .json()
                  .get("mayWithdraw")
                  .asBoolean())
          .isFalse();
      refused(
          as(demo(Groups.LIQUIDATION_TEAM))
              .post("/api/workbench/cases/" + businessKey + "/withdraw", "{\"reason\":\"不办了\"}"),
          409,
          "businessKey");
      refused(
          post(as(demo(Groups.LIQUIDATION_TEAM)), taskId, "withdraw", "{\"reason\":\"不办了\"}"),
          409,
          "businessKey");
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(pid)
                  .count())
          .isEqualTo(1);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }
}
