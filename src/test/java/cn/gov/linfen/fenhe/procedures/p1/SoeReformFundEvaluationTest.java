package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.EvaluationElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Forms;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Topics;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.p1.OpenEvaluationRoundWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P1b soe-reform-fund-evaluation (Art. 13): every March, self-evaluations first, then SASAC,
 * reported on.
 */
class SoeReformFundEvaluationTest extends IntegrationTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Http as(String group) {
    return Http.as(baseUrl(), "demo-" + group, DEMO_PASSWORD);
  }

  /** The one task of the instance the group's demo user sees; checks its form and due date. */
  private JsonNode task(
      String instanceId, String group, String taskKey, String form, OffsetDateTime due) {
    JsonNode tasks =
        as(group)
            .get(
                "/engine-rest/task?processInstanceId="
                    + instanceId
                    + "&taskDefinitionKey="
                    + taskKey
                    + "&maxResults=10")
            .json();
    assertThat(tasks).as(group + " sees " + taskKey).hasSize(1);
    JsonNode task = tasks.get(0);
    String id = task.get("id").asText();
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(id).stream()
                .map(l -> l.getGroupId())
                .toList())
        .containsExactly(group);
    assertThat(
            as(group).get("/engine-rest/task/" + id + "/deployed-form").json().get("id").asText())
        .isEqualTo(form);
    if (due == null) {
      assertThat(task.get("due").isNull()).isTrue();
    } else {
      assertThat(SoeReformFundScenario.restDate(task.get("due").asText()).toInstant())
          .isEqualTo(due.toInstant());
    }
    return task;
  }

  private void complete(String group, JsonNode task, Map<String, Object> variables) {
    Http http = as(group);
    String id = task.get("id").asText();
    assertThat(
            http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"demo-" + group + "\"}")
                .status())
        .isEqualTo(204);
    String body = "{\"variables\":" + SoeReformFundScenario.variables(variables) + "}";
    Http.Response done = http.post("/engine-rest/task/" + id + "/submit-form", body);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void walk(String instanceId, int year) {
    OffsetDateTime selfDue =
        ZonedDateTime.of(LocalDate.of(year + 1, 3, 15), LocalTime.of(18, 0), SHANGHAI)
            .toOffsetDateTime();
    OffsetDateTime sasacDue =
        ZonedDateTime.of(LocalDate.of(year + 1, 3, 31), LocalTime.of(18, 0), SHANGHAI)
            .toOffsetDateTime();
    assertThat(engine.getRuntimeService().getVariable(instanceId, "evaluationYear"))
        .isEqualTo(year);

    JsonNode self =
        task(
            instanceId,
            Groups.SUPERVISING_DEPARTMENT,
            SELF_EVALUATION,
            Forms.SELF_EVALUATION,
            selfDue);
    Http.Response empty =
        as(Groups.SUPERVISING_DEPARTMENT)
            .post(
                "/engine-rest/task/" + self.get("id").asText() + "/submit-form",
                "{\"variables\":{\"selfEvaluations\":{\"value\":\"[]\",\"type\":\"Json\"}}}");
    assertThat(empty.status()).isEqualTo(400);
    // P1-R20: the year's projects with the goals entered with their applications; each report
    // carries the monitoring
    assertThat((String) engine.getRuntimeService().getVariable(instanceId, "yearProjects"))
        .startsWith(year + "年");
    Http.Response noMonitoring =
        as(Groups.SUPERVISING_DEPARTMENT)
            .post(
                "/engine-rest/task/" + self.get("id").asText() + "/submit-form",
                "{\"variables\":{\"selfEvaluations\":{\"value\":\"[{\\\"department\\\":\\\"市工信局\\\"}]\","
                    + "\"type\":\"Json\"}}}");
    assertThat(noMonitoring.status()).isEqualTo(400);
    complete(
        Groups.SUPERVISING_DEPARTMENT,
        self,
        Map.of(
            "selfEvaluations",
            new SoeReformFundScenario.Json(
                "[{\"department\":\"市工信局\",\"conclusion\":\"实现年度绩效目标\",\"monitoring\":\"未发现偏离绩效目标\","
                    + "\"report\":\"所属两户企业清算注销，资金专款专用\"}]")));
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(SASAC_EVALUATION)
                .count())
        .as("SASAC evaluates after the self-evaluations")
        .isEqualTo(1);

    JsonNode sasac =
        task(instanceId, Groups.SASAC, SASAC_EVALUATION, Forms.SASAC_EVALUATION, sasacDue);
    complete(
        Groups.SASAC,
        sasac,
        Map.of("evaluationRating", "ACHIEVED", "evaluationReport", year + " 年度国企改革专项资金实现年度绩效目标"));

    JsonNode government =
        task(
            instanceId,
            Groups.MUNICIPAL_GOVERNMENT,
            GOVERNMENT_RECEIVES_REPORT,
            Forms.EVALUATION_RECEIPT,
            null);
    JsonNode finance =
        task(
            instanceId,
            Groups.FINANCE_BUREAU,
            FINANCE_RECEIVES_REPORT,
            Forms.EVALUATION_RECEIPT,
            null);
    complete(Groups.MUNICIPAL_GOVERNMENT, government, Map.of("receiptNote", "已阅"));
    complete(Groups.FINANCE_BUREAU, finance, Map.of("receiptNote", "已阅，纳入下年预算参考"));

    var history =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult();
    assertThat(history.getEndTime()).isNotNull();
    assertThat(history.getEndActivityId()).isEqualTo(END_REPORTED);
    var variables =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instanceId)
            .list();
    assertThat(
            variables.stream()
                .filter(v -> v.getName().equals("governmentReceiptNote"))
                .map(v -> v.getValue())
                .toList())
        .containsExactly("已阅");
    assertThat(
            variables.stream()
                .filter(v -> v.getName().equals("financeReceiptNote"))
                .map(v -> v.getValue())
                .toList())
        .containsExactly("已阅，纳入下年预算参考");
  }

  @Test
  void P1_R15_sasac_evaluates_the_previous_year_every_march_after_the_self_evaluations() {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(SoeReformFundProcess.EVALUATION_KEY)
            .timers()
            .singleResult();
    ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
    ZonedDateTime march =
        ZonedDateTime.of(LocalDate.of(now.getYear(), 3, 1), LocalTime.of(9, 0), SHANGHAI);
    ZonedDateTime next = march.isAfter(now) ? march : march.plusYears(1);
    assertThat(timer.getDuedate().toInstant())
        .as("1 March, 09:00 Shanghai")
        .isEqualTo(next.toInstant());

    ClockUtil.setCurrentTime(Date.from(next.plusSeconds(1).toInstant()));
    engine.getManagementService().executeJob(timer.getId());

    List<ProcessInstance> started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(SoeReformFundProcess.EVALUATION_KEY)
            .list();
    assertThat(started).hasSize(1);
    Job following =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(SoeReformFundProcess.EVALUATION_KEY)
            .timers()
            .singleResult();
    assertThat(following.getDuedate().toInstant())
        .as("and again the next March")
        .isEqualTo(next.plusYears(1).toInstant());
    OpenEvaluationRoundWorker worker =
        new OpenEvaluationRoundWorker(
            new OpeningEvaluationRound(TestClock.ZONE),
            TestClock.of(Clock.fixed(next.plusSeconds(1).toInstant(), ZoneOffset.UTC)));
    assertThat(new ExternalTasks(engine).run(Topics.OPEN_EVALUATION_ROUND, worker)).isEqualTo(1);

    walk(started.get(0).getId(), next.getYear() - 1);
  }

  @Test
  void P1_R15_sasac_may_start_an_evaluation_of_a_past_year_by_hand_and_no_one_else() {
    int year = LocalDate.now(SHANGHAI).getYear() - 2;
    String businessKey = "P1-R15-" + UUID.randomUUID();
    String path =
        "/engine-rest/process-definition/key/" + SoeReformFundProcess.EVALUATION_KEY + "/start";
    String body =
        "{\"businessKey\":\""
            + businessKey
            + "\",\"variables\":{\"evaluationYear\":{\"value\":"
            + year
            + "}}}";

    assertThat(as(Groups.SUPERVISING_DEPARTMENT).post(path, body).status()).isIn(403, 404);
    Http.Response future =
        as(Groups.SASAC).post(path, "{\"variables\":{\"evaluationYear\":{\"value\":2999}}}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("field").asText()).isEqualTo("evaluationYear");
    Http.Response started = as(Groups.SASAC).post(path, body);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();

    OpenEvaluationRoundWorker worker =
        new OpenEvaluationRoundWorker(
            new OpeningEvaluationRound(TestClock.ZONE), TestClock.of(Clock.systemUTC()));
    assertThat(new ExternalTasks(engine).run(Topics.OPEN_EVALUATION_ROUND, businessKey, worker))
        .isEqualTo(1);
    walk(instanceId, year);
  }
}
