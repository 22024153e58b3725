package cn.gov.linfen.fenhe.workers.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared escalation step: whom, why, when, appended to the case's list; a misconfiguration is
 * an incident.
 */
class EscalateWorkerTest extends WorkerTestSupport {

  static final Instant NOW = Instant.parse("2026-10-10T10:01:00Z");
  static final Instant DEADLINE = Instant.parse("2026-10-10T10:00:00Z");
  final EscalateWorker worker = new EscalateWorker(new Escalating(TestClock.ZONE), clockAt(NOW));

  @BeforeEach
  void activity() {
    when(task.getActivityId()).thenReturn("ServiceTask_RaiseOverdueAlert");
  }

  @Test
  void records_whom_why_and_when_and_sets_the_flag() throws Exception {
    when(task.getVariable(Escalating.TO)).thenReturn("reform-office, finance-bureau");
    when(task.getVariable(Escalating.REASON)).thenReturn("督办：资金划转逾期");
    when(task.getVariable(Escalating.DEADLINE)).thenReturn(Date.from(DEADLINE));
    when(task.getVariable(Escalating.FLAG)).thenReturn("transferOverdue");

    worker.execute(task, service);

    Map<String, Object> output = completed();
    assertThat(output)
        .containsEntry("transferOverdue", true)
        .containsEntry(Escalating.LAST_TO, "reform-office,finance-bureau")
        .containsEntry(Escalating.LAST_AT, Date.from(NOW));
    assertThat((String) output.get(Escalating.LAST_MESSAGE))
        .isEqualTo("督办：资金划转逾期（期限 2026-10-10 18:00；已于 2026-10-10 18:01 提醒市企改办、市财政局督办）");
    JsonNode list =
        new ObjectMapper().readTree(((JsonValue) output.get(Escalating.ESCALATIONS)).getValue());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("step").asText()).isEqualTo("ServiceTask_RaiseOverdueAlert");
    assertThat(list.get(0).get("to").asText()).isEqualTo("reform-office,finance-bureau");
    assertThat(list.get(0).get("escalatedAt").asText()).isEqualTo("2026-10-10T10:01:00Z");
    assertThat(list.get(0).get("deadline").asText()).isEqualTo("2026-10-10T10:00:00Z");
  }

  @Test
  void appends_to_earlier_escalations_without_changing_them_and_names_county_groups()
      throws Exception {
    String earlier = "[{\"step\":\"ServiceTask_A\",\"to\":\"supervisors\",\"message\":\"第一次\"}]";
    when(task.getVariable(Escalating.ESCALATIONS)).thenReturn(earlier);
    when(task.getVariable(Escalating.TO)).thenReturn("township-government-houma");
    when(task.getVariable(Escalating.REASON)).thenReturn("备案逾期");
    when(task.getVariable(Escalating.DEADLINE)).thenReturn("");
    when(task.getVariable(Escalating.FLAG)).thenReturn("");

    worker.execute(task, service);

    Map<String, Object> output = completed();
    JsonNode list =
        new ObjectMapper().readTree(((JsonValue) output.get(Escalating.ESCALATIONS)).getValue());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("message").asText()).isEqualTo("第一次");
    assertThat(list.get(1).get("toNames").asText()).isEqualTo("侯马市乡镇政府");
    assertThat(list.get(1).get("deadline").isNull()).isTrue();
    assertThat(output).doesNotContainKey("null").hasSize(4);
  }

  @Test
  void an_unknown_group_or_no_reason_is_an_incident_and_nothing_is_recorded() {
    when(task.getVariable(Escalating.TO)).thenReturn("reform-office,nobody");
    when(task.getVariable(Escalating.REASON)).thenReturn("逾期");

    worker.execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
    assertThatThrownBy(
            () -> new Escalating(TestClock.ZONE).escalate("S", "supervisors", " ", null, NOW))
        .isInstanceOf(Escalating.InvalidEscalation.class)
        .hasMessageContaining("escalationReason");
    assertThatThrownBy(() -> new Escalating(TestClock.ZONE).escalate("S", " , ", "r", null, NOW))
        .isInstanceOf(Escalating.InvalidEscalation.class)
        .hasMessageContaining("escalationTo");
  }

  @Test
  void a_deadline_that_is_not_a_date_is_an_incident() {
    when(task.getVariable(Escalating.TO)).thenReturn("supervisors");
    when(task.getVariable(Escalating.REASON)).thenReturn("逾期");
    when(task.getVariable(Escalating.DEADLINE)).thenReturn("明天");

    worker.execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }

  @Test
  void a_flag_that_is_not_a_variable_name_is_an_incident() {
    when(task.getVariable(Escalating.TO)).thenReturn("supervisors");
    when(task.getVariable(Escalating.REASON)).thenReturn("逾期");
    when(task.getVariable(Escalating.FLAG)).thenReturn("${x}");

    worker.execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }
}
