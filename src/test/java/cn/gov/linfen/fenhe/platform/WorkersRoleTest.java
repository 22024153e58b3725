package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.example.ExampleRegistrationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
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

  @Autowired HistoryService historyService;

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

    try (ConfigurableApplicationContext workers =
        new SpringApplicationBuilder(FenheApplication.class)
            .profiles("workers")
            .run(
                "--server.port=0",
                "--camunda.bpm.client.base-url=" + baseUrl() + "/engine-rest",
                "--camunda.bpm.client.basic-auth.username=fenhe-worker",
                "--camunda.bpm.client.basic-auth.password=" + DEMO_PASSWORD,
                "--camunda.bpm.client.async-response-timeout=2000")) {
      assertThat(workers.getBeanNamesForType(ProcessEngine.class)).isEmpty();
      assertThat(workers.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)
          && historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKey(businessKey)
                  .finished()
                  .count()
              == 0) {
        Thread.sleep(200);
      }
    }
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
