package cn.gov.linfen.fenhe.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared escalation mechanism end to end: a 3WD deadline passes on the engine clock (National
 * Day 2026), the non-interrupting timer escalates through topic fenhe-escalate, the case records
 * whom and when, the alerted group gets its follow-up task and sees the escalation in
 * /api/escalations.
 */
class EscalationsApiTest extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  private String key;
  private Deployment deployment;

  @BeforeEach
  void deployAStepThatEscalates() {
    key = "escalation-check-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name("督办检查")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("UserTask_Transfer")
            .name("划转资金")
            .camundaCandidateGroups("jilin-investment")
            .camundaDueDate("3WD")
            .endEvent("EndEvent_Done")
            .moveToActivity("UserTask_Transfer")
            .boundaryEvent("BoundaryEvent_Overdue")
            .cancelActivity(false)
            .timerWithDuration("3WD")
            .serviceTask("ServiceTask_Escalate")
            .name("督办")
            .camundaExternalTask(Escalating.TOPIC)
            .camundaInputParameter("escalationTo", "finance-bureau")
            .camundaInputParameter("escalationReason", "督办：${caseName}未按期划转")
            .camundaInputParameter("escalationFlag", "transferOverdue")
            .userTask("UserTask_FollowUp")
            .name("督办逾期")
            .camundaCandidateGroups("${lastEscalationTo}")
            .camundaFormRef("form-escalation-follow-up")
            .camundaFormRefBinding("latest")
            .endEvent("EndEvent_FollowedUp")
            .done();
    deployment =
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void
      X_R01_a_missed_working_day_deadline_is_escalated_recorded_and_shown_to_the_alerted_group_only() {
    String businessKey = "ESC-" + UUID.randomUUID();
    ClockUtil.setCurrentTime(
        Date.from(Instant.parse("2026-09-30T02:00:00Z"))); // Wed 30 Sep, 10:00 Shanghai
    String instance =
        runtimeService
            .startProcessInstanceByKey(key, businessKey, java.util.Map.of("caseName", "某厂资金"))
            .getId();
    Job timer =
        managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(timer.getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-10-10T10:00:00Z")); // make-up Saturday 18:00

    Instant late = Instant.parse("2026-10-10T10:01:00Z");
    ClockUtil.setCurrentTime(Date.from(late));
    managementService.executeJob(timer.getId());
    int escalated =
        new ExternalTasks(engine)
            .run(
                Escalating.TOPIC,
                businessKey,
                new EscalateWorker(
                    new Escalating(TestClock.ZONE),
                    TestClock.of(Clock.fixed(late, ZoneOffset.UTC))));
    assertThat(escalated).isEqualTo(1);

    // recorded on the case; the task with the deadline stays open; the alerted group has its
    // follow-up
    assertThat(runtimeService.getVariable(instance, "transferOverdue")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance, "lastEscalation").toString())
        .isEqualTo("督办：某厂资金未按期划转（已于 2026-10-10 18:01 提醒市财政局督办）");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_Transfer")
                .count())
        .isEqualTo(1);
    Task followUp =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("UserTask_FollowUp")
            .singleResult();
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(followUp.getId())
                .taskCandidateGroup("finance-bureau")
                .count())
        .isEqualTo(1);

    Http.Response finance =
        Http.as(baseUrl(), "demo-finance-bureau", DEMO_PASSWORD)
            .get("/api/escalations?procedure=" + key);
    assertThat(finance.status()).as(finance.toString()).isEqualTo(200);
    JsonNode item = finance.json().get("items").get(0);
    assertThat(item.get("businessKey").asText()).isEqualTo(businessKey);
    assertThat(item.get("procedure").asText()).isEqualTo("督办检查");
    assertThat(item.get("stepId").asText()).isEqualTo("ServiceTask_Escalate");
    assertThat(item.get("toNames").asText()).isEqualTo("市财政局");
    assertThat(item.get("escalatedAt").asText()).isEqualTo("2026-10-10T10:01:00Z");
    assertThat(item.get("caseState").asText()).isEqualTo("ACTIVE");

    JsonNode supervisors =
        Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD)
            .get("/api/escalations?businessKey=" + businessKey)
            .json();
    assertThat(supervisors.get("total").asInt()).isEqualTo(1);
    JsonNode sasac =
        Http.as(baseUrl(), "demo-sasac", DEMO_PASSWORD)
            .get("/api/escalations?procedure=" + key)
            .json();
    assertThat(sasac.get("total").asInt()).isZero();
  }

  @Test
  void X_R04_bad_paging_is_refused_with_the_field_and_strangers_are_refused() {
    Http supervisor = Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD);
    Http.Response tooBig = supervisor.get("/api/escalations?size=500");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("field").asText()).isEqualTo("size");
    assertThat(supervisor.get("/api/escalations?page=-1").json().get("field").asText())
        .isEqualTo("page");
    assertThat(Http.as(baseUrl(), "demo-modellers", DEMO_PASSWORD).get("/api/escalations").status())
        .isEqualTo(403);
    assertThat(Http.anonymous(baseUrl()).get("/api/escalations").status()).isEqualTo(401);
  }
}
