package cn.gov.linfen.fenhe.workers.p4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.procedures.p4.CheckingCoverage;
import cn.gov.linfen.fenhe.procedures.p4.DrawingSellers;
import cn.gov.linfen.fenhe.procedures.p4.OpeningSamplingMonth;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The P4 workers: read, call, complete (and a failure for input they cannot use). */
class P4WorkersTest extends WorkerTestSupport {

  @Test
  void P4_R01_open_sampling_month_takes_the_clock_month_in_shanghai_and_ends_it_at_the_next_1st() {
    // 2026-10-31 16:30 UTC is 1 November 00:30 in Shanghai
    new OpenSamplingMonthWorker(
            new OpeningSamplingMonth(java.time.ZoneId.of("Asia/Shanghai")),
            clockAt(Instant.parse("2026-10-31T16:30:00Z")))
        .execute(task, service);
    Map<String, Object> out = completed();
    assertThat(out.get("samplingMonth")).isEqualTo("2026-11");
    assertThat(out.get("samplingMonthLabel")).isEqualTo("2026年11月");
    assertThat(out.get("monthEndsAt")).isEqualTo(Date.from(Instant.parse("2026-11-30T16:00:00Z")));
  }

  @Test
  void open_sampling_month_keeps_a_month_given_at_a_manual_start_and_fails_on_a_bad_one() {
    when(task.getVariable("samplingMonth")).thenReturn("2026-13");
    new OpenSamplingMonthWorker(
            new OpeningSamplingMonth(java.time.ZoneId.of("Asia/Shanghai")), clockAt(Instant.now()))
        .execute(task, service);
    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), anyLong());
  }

  @Test
  void P4_R01_draw_sellers_draws_a_fifth_rounded_up_and_records_the_seed() {
    StringBuilder register = new StringBuilder("[");
    for (int i = 0; i < 23; i++) {
      register
          .append(i == 0 ? "" : ",")
          .append("{\"creditCode\":\"C")
          .append(i)
          .append("\",\"sampledThisYear\":")
          .append(i < 20)
          .append("}");
    }
    when(task.getVariable("registeredSellers")).thenReturn(register.append("]").toString());
    when(task.getVariable("drawSeed")).thenReturn("0123456789abcdef");
    new DrawSellersWorker(new DrawingSellers()).execute(task, service);
    Map<String, Object> out = completed();
    assertThat(out.get("drawSeed")).isEqualTo("0123456789abcdef");
    assertThat(out.get("drawTarget")).isEqualTo(5);
    assertThat(out.get("drawnCount")).isEqualTo(5);
    String drawn = ((JsonValue) out.get("drawnSellers")).getValue();
    // the three never sampled this year come first
    assertThat(drawn).contains("\"C20\"", "\"C21\"", "\"C22\"");
  }

  @Test
  void P4_R05_check_coverage_flags_a_month_below_20_percent() {
    when(task.getVariable("county")).thenReturn("尧都区");
    when(task.getVariable("samplingMonth")).thenReturn("2026-11");
    when(task.getVariable("registeredCount")).thenReturn(23);
    when(task.getVariable("monthSampled")).thenReturn(4);
    when(task.getVariable("yearRegistered")).thenReturn(23);
    when(task.getVariable("yearSampled")).thenReturn(12);
    new CheckCoverageWorker(new CheckingCoverage()).execute(task, service);
    Map<String, Object> out = completed();
    assertThat(out.get("coverageShortfall")).isEqualTo(true);
    assertThat(out.get("monthCoveragePercent")).isEqualTo("17.39");
  }

  @Test
  void check_coverage_fails_without_its_numbers() {
    when(task.getVariable("county")).thenReturn("尧都区");
    when(task.getVariable("samplingMonth")).thenReturn("2026-11");
    new CheckCoverageWorker(new CheckingCoverage()).execute(task, service);
    verify(service).handleFailure(eq(task), anyString(), anyString(), anyInt(), anyLong());
  }
}
