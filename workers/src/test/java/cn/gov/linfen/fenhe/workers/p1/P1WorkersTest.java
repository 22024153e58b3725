package cn.gov.linfen.fenhe.workers.p1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p1.CheckingStaffingAndPay;
import cn.gov.linfen.fenhe.procedures.p1.ComputingFundingGap;
import cn.gov.linfen.fenhe.procedures.p1.IssuingDisbursementNotice;
import cn.gov.linfen.fenhe.procedures.p1.OpeningEvaluationRound;
import cn.gov.linfen.fenhe.procedures.p1.RecordingTransfer;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.Role;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;

/** Each worker is thin: it reads the task, calls its plain service, completes with the output. */
class P1WorkersTest extends WorkerTestSupport {

  static final Instant NOW = Instant.parse("2026-10-10T10:01:00Z");
  final FenheClock clock = clockAt(NOW);

  @Test
  void validate_application_completes_with_the_figures() {
    ComputingFundingGap computing = mock(ComputingFundingGap.class);
    when(task.getBusinessKey()).thenReturn("SOE-1");
    when(task.getProcessInstanceId()).thenReturn("pi");
    when(task.getVariable("enterpriseName")).thenReturn("某厂");
    when(computing.compute(any(), eq("SOE-1"), eq("pi")))
        .thenReturn(Map.of("requestedAmount", "1.00"));

    new ValidateApplicationWorker(computing).execute(task, service);

    assertThat(completed()).containsEntry("requestedAmount", "1.00");
  }

  @Test
  void validate_application_raises_an_incident_for_an_invalid_application() {
    ComputingFundingGap computing = mock(ComputingFundingGap.class);
    when(computing.compute(any(), any(), any()))
        .thenThrow(new ComputingFundingGap.InvalidApplication(List.of()));

    new ValidateApplicationWorker(computing).execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }

  @Test
  void check_staffing_and_pay_attaches_the_findings() {
    CheckingStaffingAndPay checking = mock(CheckingStaffingAndPay.class);
    when(task.getVariable("employeeCount")).thenReturn(120);
    when(task.getVariable("hiredStaffCount")).thenReturn("9");
    when(task.getVariable("caretakerMonthlyPay")).thenReturn("1800.00");
    when(checking.check(120, 9, null, Map.of(Role.CARETAKER, new BigDecimal("1800.00"))))
        .thenReturn(
            new CheckingStaffingAndPay.Findings("101–500 人", true, 1, List.of("超标准：聘用人员 9 人")));

    new CheckStaffingAndPayWorker(checking).execute(task, service);

    assertThat(completed())
        .containsEntry("staffingFindings", "超标准：聘用人员 9 人")
        .containsEntry("staffingBreachCount", 1)
        .containsEntry("staffingStandardApplies", true)
        .containsEntry("staffingBand", "101–500 人");
  }

  @Test
  void issue_disbursement_notice_writes_the_number_and_day_the_engine_issued() {
    when(task.getVariable("noticeNumber")).thenReturn("临企改拨〔2026〕9号");
    when(task.getVariable("noticeIssuedOn")).thenReturn("2026-10-09");
    when(task.getVariable("applicationNumber")).thenReturn("SOE-9");
    when(task.getVariable("enterpriseName")).thenReturn("某厂");
    when(task.getVariable("disbursementAmount")).thenReturn("100.00");
    when(task.getVariable("accountNumber")).thenReturn("6222");
    when(task.getVariable("reviewerGroups")).thenReturn(List.of("sasac"));
    when(task.getVariable("transferDueDate")).thenReturn("2026-10-14");

    new IssueDisbursementNoticeWorker(new IssuingDisbursementNotice(), clock)
        .execute(task, service);

    Map<String, Object> out = completed();
    assertThat(out)
        .containsEntry("noticeNumber", "临企改拨〔2026〕9号")
        .containsEntry("noticeIssuedOn", "2026-10-09");
    assertThat((String) out.get("disbursementNotice"))
        .contains("编号：临企改拨〔2026〕9号", "经市国资委、市财政局审核", "于10月14日前", "2026年10月9日");
  }

  @Test
  void record_transfer_completes_with_on_time_or_reports_a_mismatch() {
    when(task.getVariable("noticeNumber")).thenReturn("N");
    when(task.getVariable("disbursementAmount")).thenReturn("100.00");
    when(task.getVariable("transferredAmount")).thenReturn("100");
    when(task.getVariable("transferVoucherNumber")).thenReturn("V");
    when(task.getVariable("transferDeadline")).thenReturn(Date.from(NOW.minusSeconds(60)));

    new RecordTransferWorker(new RecordingTransfer(TestClock.ZONE), clock).execute(task, service);
    assertThat(completed()).containsEntry("transferOnTime", false);

    ExternalTaskService other = mock(ExternalTaskService.class);
    when(task.getVariable("transferredAmount")).thenReturn("99");
    new RecordTransferWorker(new RecordingTransfer(TestClock.ZONE), clock).execute(task, other);
    verify(other).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
  }

  @Test
  void open_evaluation_round_takes_the_previous_year_unless_asked() {
    new OpenEvaluationRoundWorker(new OpeningEvaluationRound(TestClock.ZONE), clock)
        .execute(task, service);
    assertThat(completed()).containsEntry("evaluationYear", 2025);

    ExternalTaskService other = mock(ExternalTaskService.class);
    when(task.getVariable("evaluationYear")).thenReturn(2030);
    new OpenEvaluationRoundWorker(new OpeningEvaluationRound(TestClock.ZONE), clock)
        .execute(task, other);
    verify(other).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
  }
}
