package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.engine.ExternalTaskCompletions;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Topics;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One jar, three roles: the test application is the engine (its own workers do not fetch); a second
 * instance of the same application in the role "workers" has no engine and no database, and
 * completes the external tasks over the engine's REST API as the technical user.
 */
class WorkersRoleTest extends IntegrationTest {

  static final String WORKER_ID = "workers-role-test";

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired MeterRegistry meters;

  double batched() {
    return meters.counter(ExternalTaskCompletions.COMPLETED_METRIC).count();
  }

  long ended(List<String> keys) {
    return keys.stream()
        .filter(
            key ->
                historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(key)
                        .finished()
                        .count()
                    == 1)
        .count();
  }

  @Test
  void a_workers_only_node_completes_external_tasks_of_a_remote_engine_as_the_technical_user()
      throws Exception {
    String businessKey = "ROLE-" + UUID.randomUUID();
    Http enterprise = Http.as(baseUrl(), "demo-enterprise", DEMO_PASSWORD);
    assertThat(
            enterprise
                .post(
                    "/engine-rest/process-definition/key/"
                        + ExampleRegistrationProcess.KEY
                        + "/start",
                    """
        {"businessKey":"%s","variables":{"enterpriseName":{"value":"临汾角色测试有限公司"},
         "creditCode":{"value":"91141000MA0KABCD1W"}}}"""
                        .formatted(businessKey))
                .status())
        .isEqualTo(200);
    Http officer = Http.as(baseUrl(), "demo-industry-it-bureau", DEMO_PASSWORD);
    JsonNode task =
        officer
            .get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=1")
            .json()
            .get(0);
    assertThat(
            officer
                .post(
                    "/engine-rest/task/" + task.get("id").asText() + "/complete",
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);

    // P5's acts: their workers run on the pool and complete in batches through the platform
    String department = "市角色测试局" + UUID.randomUUID().toString().substring(0, 8);
    Http regulator = Http.as(baseUrl(), "demo-regulator", DEMO_PASSWORD);
    assertThat(
            regulator
                .put(
                    "/api/supervision/lists/" + department + "/items/JC-900",
                    "{\"itemName\":\"对食品经营者的监督检查\"}")
                .status())
        .isEqualTo(201);
    String act =
        """
        {"itemCode":"JC-900","objectName":"临汾市某食品有限公司","objectCreditCode":"%s",
         "method":"ON_SITE","kind":"INSPECTION","content":"食品经营许可与索证索票检查","result":"未发现问题",
         "department":"%s","inspectors":[{"name":"张三","certificateNo":"14100012345"}],
         "actedAt":"%s"}"""
            .formatted(
                "91141000MA0K12345" + CreditCode.checkCharacter("91141000MA0K12345"),
                department,
                java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .minusHours(1)
                    .withNano(0));
    Http.Response posted =
        regulator.post("/api/supervision/acts", "{\"acts\":[" + act + "," + act + "," + act + "]}");
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    List<String> acts = new ArrayList<>();
    posted.json().get("actKeys").forEach(k -> acts.add(k.asText()));

    // a P1 case: its four steps' workers run on the pool too, and complete in batches
    SoeReformFundScenario p1 =
        new SoeReformFundScenario(engine, baseUrl(), "ROLE-P1-" + UUID.randomUUID(), Map.of());
    p1.start(SoeReformFundScenario.application(Map.of("liquidationCostAmount", "300000.00")));
    double batchedBefore = batched();

    try (ConfigurableApplicationContext workers =
        new SpringApplicationBuilder(FenheApplication.class)
            .profiles("workers")
            .run(
                "--server.port=0",
                "--camunda.bpm.client.base-url=" + baseUrl() + "/engine-rest",
                "--camunda.bpm.client.basic-auth.username=fenhe-worker",
                "--camunda.bpm.client.basic-auth.password=" + DEMO_PASSWORD,
                "--camunda.bpm.client.worker-id=" + WORKER_ID,
                "--camunda.bpm.client.async-response-timeout=2000")) {
      assertThat(workers.getBeanNamesForType(ProcessEngine.class)).isEmpty();
      assertThat(workers.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)
          && (historyService
                      .createHistoricProcessInstanceQuery()
                      .processInstanceBusinessKey(businessKey)
                      .finished()
                      .count()
                  == 0
              || ended(acts) < acts.size()
              || !p1.ended())) {
        // the officers' steps of P1 as Tasklist works them; its service steps are the node's
        p1.runUntil();
        Thread.sleep(200);
      }
    }
    assertThat(ended(acts)).as("the acts ran to their end").isEqualTo(acts.size());
    assertThat(p1.ended()).as("the P1 case ran to its end").isTrue();
    assertThat(
            historyService
                .createHistoricExternalTaskLogQuery()
                .processInstanceId(p1.processInstanceId)
                .successLog()
                .list())
        .as("P1's service steps, each completed by the workers node")
        .extracting(HistoricExternalTaskLog::getTopicName, HistoricExternalTaskLog::getWorkerId)
        .containsExactlyInAnyOrder(
            tuple(Topics.VALIDATE_APPLICATION, WORKER_ID),
            tuple(Topics.CHECK_STAFFING_AND_PAY, WORKER_ID),
            tuple(Topics.ISSUE_DISBURSEMENT_NOTICE, WORKER_ID),
            tuple(Topics.RECORD_TRANSFER, WORKER_ID));
    // each act's two tasks and P1's four completed through the platform's batch endpoint
    assertThat(batched() - batchedBefore).isGreaterThanOrEqualTo(2.0 * acts.size() + 4);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .finished()
                .count())
        .as("the remote worker completed the case")
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableName(ExampleRegistrationProcess.Variables.REGISTRATION_NUMBER)
                .processInstanceIdIn(
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .singleResult()
                        .getId())
                .count())
        .isEqualTo(1);
  }
}
