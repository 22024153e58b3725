package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import cn.gov.linfen.fenhe.workers.example.RecordRegistrationWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The example process end to end, over REST, as its users, with the real worker. */
class ExampleRegistrationProcessTest extends IntegrationTest {

  static final String VALID_CODE = "91141000MA0KABCD1W";

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired RecordRegistrationWorker worker;

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private static Http.Response start(String businessKey, String name, String code) {
    return as("demo-enterprise")
        .post(
            "/engine-rest/process-definition/key/" + ExampleRegistrationProcess.KEY + "/start",
            """
        {"businessKey":"%s","variables":{"enterpriseName":{"value":%s},"creditCode":{"value":%s}}}"""
                .formatted(
                    businessKey,
                    name == null ? "null" : "\"" + name + "\"",
                    code == null ? "null" : "\"" + code + "\""));
  }

  private JsonNode reviewTask(String businessKey) {
    JsonNode tasks =
        as("demo-industry-it-bureau")
            .get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=10")
            .json();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void completeReview(String taskId, boolean approved, String opinion) {
    Http officer = as("demo-industry-it-bureau");
    assertThat(
            officer
                .post(
                    "/engine-rest/task/" + taskId + "/claim",
                    "{\"userId\":\"demo-industry-it-bureau\"}")
                .status())
        .isEqualTo(204);
    Http.Response done =
        officer.post(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"approved\":{\"value\":%s},\"opinion\":{\"value\":\"%s\"}}}"
                .formatted(approved, opinion));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private String endEvent(String businessKey) {
    String instanceId =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instanceId)
        .activityType("noneEndEvent")
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .findFirst()
        .orElse(null);
  }

  @Test
  void
      X_R04_a_start_without_enterprise_name_or_with_a_bad_credit_code_is_refused_with_400_and_nothing_is_created() {
    String businessKey = "EX-BAD-" + UUID.randomUUID();
    Http.Response response = start(businessKey, "", "91141000MA0KABCD1X");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("enterpriseName");
    assertThat(response.json().get("errors")).hasSize(2);
    assertThat(response.json().get("message").asText())
        .contains("企业名称必填")
        .doesNotContain("enterpriseName");
    assertThat(response.body())
        .contains("enterpriseName")
        .contains("企业名称必填")
        .contains("creditCode")
        .contains("校验位");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
  }

  @Test
  void an_approved_registration_is_numbered_by_the_worker_and_ends_registered() {
    String businessKey = "EX-OK-" + UUID.randomUUID();
    assertThat(start(businessKey, "临汾示例钢铁有限公司", VALID_CODE).status()).isEqualTo(200);

    JsonNode task = reviewTask(businessKey);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(Elements.REVIEW);
    assertThat(task.get("name").asText()).isEqualTo("市工信局审核登记");
    assertThat(task.get("due").isNull()).isFalse();
    Http.Response form =
        as("demo-industry-it-bureau")
            .get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form");
    assertThat(form.json().get("id").asText()).isEqualTo("form-example-review");
    JsonNode groups =
        as("admin")
            .get("/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate")
            .json();
    assertThat(groups.get(0).get("groupId").asText()).isEqualTo("industry-it-bureau");

    completeReview(task.get("id").asText(), true, "材料齐全");
    assertThat(
            new ExternalTasks(engine)
                .run(ExampleRegistrationProcess.Topics.RECORD_REGISTRATION, businessKey, worker))
        .isEqualTo(1);

    assertThat(endEvent(businessKey)).isEqualTo(Elements.END_REGISTERED);
    Object number =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey)
                    .singleResult()
                    .getId())
            .variableName(ExampleRegistrationProcess.Variables.REGISTRATION_NUMBER)
            .singleResult()
            .getValue();
    assertThat(number).asString().matches("LFDJ-\\d{4}-MA0KABCD1");
  }

  @Test
  void a_case_started_without_a_business_key_gets_one() {
    Http.Response started =
        as("demo-enterprise")
            .post(
                "/engine-rest/process-definition/key/" + ExampleRegistrationProcess.KEY + "/start",
                "{\"variables\":{\"enterpriseName\":{\"value\":\"临汾无编号有限公司\"},\"creditCode\":{\"value\":\"%s\"}}}"
                    .formatted(VALID_CODE));
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("businessKey").asText()).matches("ER-\\d{8}-[2-9A-HJ-NP-Z]{6}");
  }

  @Test
  void a_rejected_registration_ends_rejected_without_a_number() {
    String businessKey = "EX-NO-" + UUID.randomUUID();
    assertThat(start(businessKey, "临汾示例钢铁有限公司", VALID_CODE).status()).isEqualTo(200);
    completeReview(reviewTask(businessKey).get("id").asText(), false, "不在公告名单内");
    assertThat(endEvent(businessKey)).isEqualTo(Elements.END_REJECTED);
  }
}
