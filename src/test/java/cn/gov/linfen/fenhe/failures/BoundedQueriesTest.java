package cn.gov.linfen.fenhe.failures;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Queries the platform runs as itself are bounded (issue 13, item 6): the escalations are paged in
 * the database, cases newest escalation first, and read only as deep as the page asked for; the
 * round overview lists a bounded number of applications and counts them in the database.
 */
class BoundedQueriesTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @Test
  void escalations_are_paged_newest_first_across_cases_and_say_whether_more_follow() {
    String key = "bounded-" + UUID.randomUUID().toString().substring(0, 8);
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .name("分页检查")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("UserTask_Wait")
                .name("等待")
                .camundaCandidateGroups("finance-bureau")
                .endEvent()
                .done())
        .deploy();
    Instant base = Instant.parse("2026-10-12T02:00:00Z");
    List<String> cases = new ArrayList<>();
    // case i escalated i+1 times, the last at base + i hours, each earlier one 1.5 h before: the
    // cases' entries interleave
    for (int i = 0; i < 3; i++) {
      StringBuilder entries = new StringBuilder("[");
      for (int e = 0; e <= i; e++) {
        Instant at = base.plusSeconds(3600L * i - 5400L * (i - e));
        entries
            .append(e == 0 ? "" : ",")
            .append("{\"step\":\"S")
            .append(i)
            .append("\",\"to\":\"finance-bureau\",")
            .append("\"reason\":\"督办\",\"escalatedAt\":\"")
            .append(at)
            .append("\",\"message\":\"m")
            .append(i)
            .append(e)
            .append("\"}");
      }
      entries.append("]");
      String businessKey = key + "-" + i;
      cases.add(businessKey);
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              key,
              businessKey,
              Variables.createVariables()
                  .putValue("escalations", SpinValues.jsonValue(entries.toString()).create())
                  .putValue("lastEscalatedAt", Date.from(base.plusSeconds(3600L * i))));
    }
    Http supervisor = Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD);

    JsonNode first = supervisor.get("/api/escalations?procedure=" + key + "&size=2").json();
    assertThat(first.get("items"))
        .extracting(item -> item.get("message").asText())
        .containsExactly("m22", "m11");
    assertThat(first.get("more").asBoolean()).isTrue();

    JsonNode all = supervisor.get("/api/escalations?procedure=" + key + "&size=10").json();
    assertThat(all.get("items"))
        .extracting(item -> item.get("message").asText())
        .containsExactly("m22", "m11", "m21", "m00", "m10", "m20");
    assertThat(all.get("total").asInt()).isEqualTo(6);
    assertThat(all.get("more").asBoolean()).isFalse();

    JsonNode last = supervisor.get("/api/escalations?procedure=" + key + "&size=4&page=1").json();
    assertThat(last.get("items"))
        .extracting(item -> item.get("message").asText())
        .containsExactly("m10", "m20");
    assertThat(last.get("more").asBoolean()).isFalse();

    JsonNode sasac =
        Http.as(baseUrl(), "demo-sasac", DEMO_PASSWORD)
            .get("/api/escalations?procedure=" + key)
            .json();
    assertThat(sasac.get("items")).isEmpty();
  }

  @Test
  void the_round_overview_counts_in_the_database_and_lists_a_bounded_number() {
    JsonNode round =
        Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD)
            .get("/api/scrap-steel/rounds/2031-H1")
            .json();
    JsonNode summary = round.get("summary");
    assertThat(summary.get("applied").asLong()).isZero();
    assertThat(summary.get("listed").asInt()).isZero();
    assertThat(summary.get("truncated").asBoolean()).isFalse();
  }
}
