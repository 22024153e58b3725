package cn.gov.linfen.fenhe.workers.p3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.ComputingReward;
import cn.gov.linfen.fenhe.procedures.p3.ComputingRewardTest;
import cn.gov.linfen.fenhe.procedures.p3.OpeningRound;
import cn.gov.linfen.fenhe.procedures.p3.RecordingPayment;
import cn.gov.linfen.fenhe.procedures.p3.VatBasis;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each P3 worker is thin: it reads the task, calls its plain service, completes with the output.
 */
class P3WorkersTest extends WorkerTestSupport {

  static FenheClock at(String instant) {
    return clockAt(Instant.parse(instant));
  }

  @Test
  void compute_reward_reads_the_five_taxes_and_completes_with_the_reward() {
    when(task.getVariable("vatPaid")).thenReturn("1000000.00");
    when(task.getVariable("urbanConstructionTax")).thenReturn("70000.00");
    when(task.getVariable("educationSurcharge")).thenReturn("30000.00");
    when(task.getVariable("localEducationSurcharge")).thenReturn("20000.00");
    when(task.getVariable("stampDuty")).thenReturn("3000.00");

    new ComputeRewardWorker(new ComputingReward(ComputingRewardTest.DEMO)).execute(task, service);

    assertThat(completed())
        .containsEntry("rewardCity", "184900.00")
        .containsEntry("rewardCounty", "282100.00")
        .containsEntry("rewardTotal", "467000.00")
        .containsKey("rewardBreakdown");
  }

  @Test
  void P3_R03_compute_reward_reads_the_miit_flag_for_a_vat_net_of_the_refund() {
    when(task.getVariable("vatPaid")).thenReturn("1000000.00");
    when(task.getVariable("urbanConstructionTax")).thenReturn("0");
    when(task.getVariable("educationSurcharge")).thenReturn("0");
    when(task.getVariable("localEducationSurcharge")).thenReturn("0");
    when(task.getVariable("stampDuty")).thenReturn("0");
    when(task.getVariable("miitListed")).thenReturn(true);

    new ComputeRewardWorker(
            new ComputingReward(
                ComputingRewardTest.DEMO, VatBasis.fromConfiguration("net-of-refund", null, "测试")))
        .execute(task, service);

    assertThat(completed())
        .containsEntry("rewardCity", "105000.00")
        .containsEntry("rewardCounty", "140000.00");
  }

  @Test
  void compute_reward_raises_an_incident_for_invalid_taxes() {
    when(task.getVariable("vatPaid")).thenReturn("x");

    new ComputeRewardWorker(new ComputingReward(ComputingRewardTest.DEMO)).execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }

  @Test
  void P3_R06_record_payment_says_whether_it_was_within_the_deadline() {
    Date due = Date.from(Instant.parse("2026-10-15T10:00:00Z"));
    when(task.getVariable("dueAt")).thenReturn(due);

    new RecordPaymentWorker(new RecordingPayment(), at("2026-10-15T10:00:00Z"))
        .execute(task, service);
    assertThat(completed())
        .containsEntry("paidOnTime", true)
        .containsEntry("paidAt", Date.from(Instant.parse("2026-10-15T10:00:00Z")));

    assertThat(new RecordingPayment().record(due, Instant.parse("2026-10-15T10:00:01Z")))
        .containsEntry("paidOnTime", false);
  }

  @Test
  void
      P3_R08_open_round_names_the_preceding_half_year_and_closes_at_the_end_of_the_month_in_shanghai() {
    // 1 July 2026 09:00 Shanghai = 01:00 UTC
    new OpenRoundWorker(new OpeningRound(TestClock.ZONE), at("2026-07-01T01:00:00Z"))
        .execute(task, service);

    Map<String, Object> output = completed();
    assertThat(output)
        .containsEntry("period", "2026-H1")
        .containsEntry("periodLabel", "2026年上半年")
        .containsEntry("windowClosesAt", Date.from(Instant.parse("2026-07-31T16:00:00Z")))
        .containsEntry("roundOpenedAt", Date.from(Instant.parse("2026-07-01T01:00:00Z")));
    assertThat(new OpeningRound(TestClock.ZONE).open(Instant.parse("2027-01-01T01:00:00Z")))
        .containsEntry("period", "2026-H2")
        .containsEntry("periodLabel", "2026年下半年")
        .containsEntry("windowClosesAt", Date.from(Instant.parse("2027-01-31T16:00:00Z")));
  }

  @Test
  void close_round_records_when() {
    new CloseRoundWorker(new OpeningRound(TestClock.ZONE), at("2026-07-31T16:00:05Z"))
        .execute(task, service);

    assertThat(completed())
        .containsEntry("roundClosedAt", Date.from(Instant.parse("2026-07-31T16:00:05Z")));
  }
}
