package cn.gov.linfen.fenhe.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The supervisors' deadlines API, across National Day 2026, with the engine clock. */
class DeadlinesApiTest extends IntegrationTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  private String key;
  private Deployment deployment;

  @BeforeEach
  void deployAStepDueIn3WorkingDays() {
    key = "deadline-check-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name("期限检查")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("UserTask_Transfer")
            .name("划转资金")
            .camundaCandidateGroups("jilin-investment")
            .camundaDueDate("3WD")
            .endEvent()
            .done();
    deployment =
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private static void now(String localDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(
            ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant()));
  }

  private JsonNode itemFor(String user, String query, String businessKey) {
    Http.Response response =
        Http.as(baseUrl(), user, DEMO_PASSWORD).get("/api/deadlines?procedure=" + key + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    for (JsonNode item : response.json().get("items")) {
      if (businessKey.equals(item.get("businessKey").asText())) {
        return item;
      }
    }
    return null;
  }

  @Test
  void X_R01_working_days_left_are_counted_across_national_day_and_the_make_up_saturday() {
    String businessKey = "DL-" + UUID.randomUUID();
    now("2026-09-30T10:00");
    runtimeService.startProcessInstanceByKey(key, businessKey);

    now("2026-10-08T09:00");
    JsonNode item = itemFor("demo-supervisors", "", businessKey);
    assertThat(item.get("procedure").asText()).isEqualTo("期限检查");
    assertThat(item.get("step").asText()).isEqualTo("划转资金");
    assertThat(item.get("dueLocal").asText()).isEqualTo("2026-10-10T18:00");
    assertThat(item.get("workingDaysLeft").asInt()).isEqualTo(2); // Fri 9th, make-up Sat 10th
    assertThat(item.get("status").asText()).isEqualTo("on-time");
    assertThat(item.get("candidateGroups").get(0).get("name").asText()).isEqualTo("临汾济林投资有限公司");
    assertThat(item.get("cockpitUrl").asText()).contains("/camunda/app/cockpit/");

    now("2026-10-09T10:00");
    assertThat(itemFor("demo-supervisors", "&state=due-soon", businessKey)).isNotNull();
    assertThat(itemFor("demo-supervisors", "&state=overdue", businessKey)).isNull();

    now("2026-10-12T09:00"); // Monday after the make-up Saturday
    JsonNode overdue = itemFor("demo-supervisors", "&state=overdue", businessKey);
    assertThat(overdue.get("status").asText()).isEqualTo("overdue");
    assertThat(overdue.get("workingDaysLeft").asInt()).isEqualTo(-1);
  }

  @Test
  void each_group_sees_its_own_deadlines_only_and_others_are_refused() {
    String businessKey = "DL-" + UUID.randomUUID();
    runtimeService.startProcessInstanceByKey(key, businessKey);
    assertThat(itemFor("demo-jilin-investment", "", businessKey)).isNotNull();
    assertThat(itemFor("demo-finance-bureau", "", businessKey)).isNull();

    Http modeller = Http.as(baseUrl(), "demo-modellers", DEMO_PASSWORD);
    assertThat(modeller.get("/api/deadlines").status()).isEqualTo(403);
    Http finance = Http.as(baseUrl(), "demo-finance-bureau", DEMO_PASSWORD);
    assertThat(finance.get("/api/deadlines?group=jilin-investment").status()).isEqualTo(403);
    assertThat(Http.anonymous(baseUrl()).get("/api/deadlines").status()).isEqualTo(401);
  }

  @Test
  void X_R04_bad_filters_are_refused_with_the_field() {
    Http supervisor = Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD);
    Http.Response badState = supervisor.get("/api/deadlines?state=late");
    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.json().get("field").asText()).isEqualTo("state");
    assertThat(supervisor.get("/api/deadlines?size=500").json().get("field").asText())
        .isEqualTo("size");
    assertThat(supervisor.get("/api/deadlines?page=x").status()).isEqualTo(400);
  }

  @Test
  void the_supervisors_page_is_served_in_chinese() {
    Http.Response page = Http.anonymous(baseUrl()).get("/fenhe/deadlines.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("期限督查")
        .contains("/api/deadlines")
        .contains("在监控中心查看")
        .contains("最近督办")
        .contains("/api/escalations")
        .contains("totalAtLeast")
        .contains("超过 ");
  }
}
