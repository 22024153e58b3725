package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.INITIAL_REVIEW;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundCaseTest;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.test.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A person's work on a task changes only what the step owns, and only the holder of a claimed task
 * does it (issue 12, items 2 and 3; issue 13, item 2): checked in the engine, so Tasklist, the
 * engine REST API and the platform API all answer the same.
 */
class TaskWorkGuardTest extends SoeReformFundCaseTest {

  private SoeReformFundScenario atInitialReview(String prefix) {
    SoeReformFundScenario p1 = scenario(prefix);
    p1.start(application(Map.of("liquidationCostAmount", "120000.00")));
    p1.runUntil(INITIAL_REVIEW);
    return p1;
  }

  private static Map<String, Object> approvedWith(String name, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(SoeReformFundScenario.approve("同意上报"));
    variables.put(name, value);
    return variables;
  }

  @Test
  void a_reviewer_cannot_rewrite_the_requested_amount_or_the_applicant() {
    SoeReformFundScenario p1 = atInitialReview("OWN-AMOUNT");
    Object requested = p1.variable("requestedAmount");
    Object applicant = p1.variable("applicant");
    String reviewer = demo(Groups.SUPERVISING_DEPARTMENT);

    Http.Response amount =
        p1.submit(INITIAL_REVIEW, reviewer, approvedWith("requestedAmount", "1"));
    assertThat(amount.status()).as(amount.toString()).isEqualTo(400);
    assertThat(amount.json().get("field").asText()).isEqualTo("requestedAmount");
    assertThat(amount.json().get("reason").asText()).contains("本环节不能修改");
    Http.Response who =
        p1.submit(INITIAL_REVIEW, reviewer, approvedWith("applicant", "demo-enterprise"));
    assertThat(who.status()).as(who.toString()).isEqualTo(400);
    assertThat(who.json().get("field").asText()).isEqualTo("applicant");
    Http.Response planted =
        p1.submit(INITIAL_REVIEW, reviewer, approvedWith("fundingGapOverride", "9999999"));
    assertThat(planted.status()).as(planted.toString()).isEqualTo(400);

    assertThat(p1.variable("requestedAmount")).isEqualTo(requested);
    assertThat(p1.variable("applicant")).isEqualTo(applicant);
    assertThat(p1.variable("fundingGapOverride")).isNull();
    assertThat(p1.openTaskKeys()).contains(INITIAL_REVIEW);
  }

  @Test
  void a_shown_field_sent_back_unchanged_is_accepted_as_tasklist_may_send_it() {
    SoeReformFundScenario p1 = atInitialReview("OWN-ECHO");
    Http.Response response =
        p1.submit(
            INITIAL_REVIEW,
            demo(Groups.SUPERVISING_DEPARTMENT),
            approvedWith("requestedAmount", p1.variable("requestedAmount")));
    assertThat(response.status()).as(response.toString()).isEqualTo(204);
    assertThat(p1.openTaskKeys()).doesNotContain(INITIAL_REVIEW);
  }

  @Test
  void an_opinion_that_is_a_number_or_a_conclusion_that_is_text_is_refused() {
    SoeReformFundScenario p1 = atInitialReview("OWN-TYPE");
    String reviewer = demo(Groups.SUPERVISING_DEPARTMENT);
    Http.Response number =
        p1.submit(INITIAL_REVIEW, reviewer, Map.of("approved", true, "opinion", 12345));
    assertThat(number.status()).as(number.toString()).isEqualTo(400);
    assertThat(number.json().get("field").asText()).isEqualTo("opinion");
    assertThat(number.json().get("reason").asText()).contains("应为文字");
    Http.Response object =
        p1.submit(
            INITIAL_REVIEW,
            reviewer,
            Map.of("approved", true, "opinion", new SoeReformFundScenario.Json("{\"a\":1}")));
    assertThat(object.status()).as(object.toString()).isEqualTo(400);
    Http.Response text =
        p1.submit(INITIAL_REVIEW, reviewer, Map.of("approved", "yes", "opinion", "同意"));
    assertThat(text.status()).as(text.toString()).isEqualTo(400);
    assertThat(text.json().get("field").asText()).isEqualTo("approved");
    assertThat(p1.openTaskKeys()).contains(INITIAL_REVIEW);
  }

  @Test
  void the_case_variables_cannot_be_changed_through_the_tasks_variables_either() {
    SoeReformFundScenario p1 = atInitialReview("OWN-VARS");
    Object requested = p1.variable("requestedAmount");
    String taskId = p1.openTask(INITIAL_REVIEW).getId();
    Http reviewer = p1.as(demo(Groups.SUPERVISING_DEPARTMENT));
    reviewer.post(
        "/engine-rest/task/" + taskId + "/claim",
        "{\"userId\":\"" + demo(Groups.SUPERVISING_DEPARTMENT) + "\"}");
    Http.Response modified =
        reviewer.post(
            "/engine-rest/task/" + taskId + "/variables",
            "{\"modifications\":{\"requestedAmount\":{\"value\":\"1\"}}}");
    assertThat(modified.status()).as(modified.toString()).isIn(400, 403);
    Http.Response put =
        reviewer.put(
            "/engine-rest/task/" + taskId + "/variables/requestedAmount", "{\"value\":\"1\"}");
    assertThat(put.status()).as(put.toString()).isIn(400, 403);
    assertThat(p1.variable("requestedAmount")).isEqualTo(requested);
  }

  /** A user's name as a person reads it: last name then first name, else his id. */
  private String nameOf(String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    String name =
        (user.getLastName() == null ? "" : user.getLastName())
            + (user.getFirstName() == null ? "" : user.getFirstName());
    return name.isBlank() ? userId : name;
  }

  @Test
  void only_the_holder_completes_a_claimed_task_and_an_administrators_override_is_recorded() {
    SoeReformFundScenario p1 = atInitialReview("HOLDER");
    String colleague = "sec-colleague-" + UUID.randomUUID().toString().substring(0, 8);
    User user = engine.getIdentityService().newUser(colleague);
    user.setFirstName("同组");
    user.setLastName("同事");
    user.setPassword(DEMO_PASSWORD);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(colleague, Groups.SUPERVISING_DEPARTMENT);
    try {
      Task task = p1.openTask(INITIAL_REVIEW);
      Http holder = p1.as(demo(Groups.SUPERVISING_DEPARTMENT));
      assertThat(
              holder
                  .post(
                      "/engine-rest/task/" + task.getId() + "/claim",
                      "{\"userId\":\"" + demo(Groups.SUPERVISING_DEPARTMENT) + "\"}")
                  .status())
          .isEqualTo(204);

      Http other = Http.as(baseUrl(), colleague, DEMO_PASSWORD);
      Http.Response refused =
          other.post(
              "/engine-rest/task/" + task.getId() + "/submit-form",
              "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"代办\"}}}");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      // a person reads who holds it: the holder's name (姓名), never his account id
      String holderId = demo(Groups.SUPERVISING_DEPARTMENT);
      String holderName = nameOf(holderId);
      assertThat(holderName).isNotBlank().isNotEqualTo(holderId);
      assertThat(refused.json().get("field").asText()).isEqualTo("assignee");
      assertThat(refused.json().get("reason").asText())
          .isEqualTo("该任务已由" + holderName + "认领，只有认领人可以办理")
          .doesNotContain(holderId);
      Http.Response claimAgain =
          other.post(
              "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + colleague + "\"}");
      assertThat(claimAgain.status()).as(claimAgain.toString()).isEqualTo(409);
      assertThat(claimAgain.json().get("reason").asText()).contains("已被他人认领");
      assertThat(p1.openTaskKeys()).contains(INITIAL_REVIEW);

      Http.Response byAdmin =
          Http.as(baseUrl(), "admin", DEMO_PASSWORD)
              .post(
                  "/engine-rest/task/" + task.getId() + "/submit-form",
                  "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"同意\"}}}");
      assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
      List<Comment> comments =
          engine.getTaskService().getProcessInstanceComments(p1.processInstanceId);
      assertThat(comments)
          .anySatisfy(
              c ->
                  assertThat(c.getFullMessage())
                      .isEqualTo("系统管理员" + nameOf("admin") + "代认领人" + holderName + "办理本任务"));

      Http.Response gone = holder.post("/engine-rest/task/" + task.getId() + "/complete", "{}");
      assertThat(gone.status()).as(gone.toString()).isEqualTo(404);
      assertThat(gone.json().get("reason").asText()).contains("不存在");
    } finally {
      engine.getIdentityService().deleteUser(colleague);
    }
  }

  @Test
  void racing_claims_of_one_task_answer_204_or_409_never_500() throws Exception {
    SoeReformFundScenario p1 = atInitialReview("RACE");
    String taskId = p1.openTask(INITIAL_REVIEW).getId();
    String reviewer = demo(Groups.SUPERVISING_DEPARTMENT);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Http.Response>> claims = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return p1.as(reviewer)
                      .post(
                          "/engine-rest/task/" + taskId + "/claim",
                          "{\"userId\":\"" + reviewer + "\"}");
                }));
      }
      go.countDown();
      for (java.util.concurrent.Future<Http.Response> claim : claims) {
        Http.Response response = claim.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.status()).as(response.toString()).isIn(204, 409);
        if (response.status() == 409) {
          assertThat(response.json().get("reason").asText()).matches(".*\\p{IsHan}.*");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(reviewer);
  }
}
