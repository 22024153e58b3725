package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.test.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain services behind the notice, transfer, overdue alert and evaluation workers. */
class P1ServicesTest {

  static IssuingDisbursementNotice.Request request(String type) {
    return new IssuingDisbursementNotice.Request(
        "临企改拨〔2026〕7号",
        "SOE-2026-007",
        "临汾市第二机械厂",
        new BigDecimal("499999.99"),
        new BigDecimal("480000.00"),
        type,
        new BigDecimal("450000.00"),
        "临汾市工信局",
        "6222 0000 1111",
        "工行临汾分行",
        "102171000019",
        "王会计",
        "0357-2012345",
        List.of("supervising-department", "hrss-bureau", "supervising-department"),
        LocalDate.of(2026, 10, 10));
  }

  @Test
  void P1_R09_the_notice_is_numbered_per_case_and_worded_as_appendix_3() {
    IssuingDisbursementNotice.Notice notice =
        new IssuingDisbursementNotice().issue(request("LEND"), LocalDate.of(2026, 9, 30));
    assertThat(notice.number()).isEqualTo("临企改拨〔2026〕7号");
    assertThat(notice.text())
        .contains(
            "临汾济林投资有限公司：",
            "经企业主管部门、市人社局、市财政局审核",
            "临汾市第二机械厂申请的改革资金 49.999999 万元（499999.99 元）",
            "同意借款资金 45 万元（450000.00 元）",
            "核定金额 48 万元",
            "请你公司收到通知后，于10月10日前，与企业主管部门完成资金划转",
            "户　名：临汾市工信局",
            "账　号：6222 0000 1111",
            "开户行：工行临汾分行",
            "行　号：102171000019",
            "联系人：王会计　电话：0357-2012345",
            "市企改办",
            "2026年9月30日");
    assertThat(
            new IssuingDisbursementNotice().issue(request("PAY"), LocalDate.of(2026, 9, 30)).text())
        .contains("同意支付资金");
  }

  @Test
  void P1_R19_the_notice_names_the_transfer_date_as_appendix_3_and_its_year_when_it_is_the_next() {
    String text =
        new IssuingDisbursementNotice().issue(request("PAY"), LocalDate.of(2026, 9, 30)).text();
    assertThat(text).contains("于10月10日前").doesNotContain("三个工作日内");
    IssuingDisbursementNotice.Request december =
        new IssuingDisbursementNotice.Request(
            "临企改拨〔2026〕8号",
            "SOE-2026-008",
            "某厂",
            new BigDecimal("100"),
            new BigDecimal("100"),
            "PAY",
            new BigDecimal("100"),
            "户名",
            "1",
            "行",
            "2",
            "人",
            "3",
            List.of(),
            LocalDate.of(2027, 1, 5));
    assertThat(new IssuingDisbursementNotice().issue(december, LocalDate.of(2026, 12, 30)).text())
        .contains("于2027年1月5日前");
  }

  @Test
  void P1_R10_a_transfer_after_the_deadline_is_recorded_late() {
    Instant deadline = Instant.parse("2026-10-10T10:00:00Z"); // 18:00 Shanghai
    RecordingTransfer.Transfer onTime =
        new RecordingTransfer(TestClock.ZONE)
            .record(
                "N1", new BigDecimal("100.00"), new BigDecimal("100"), "V1", deadline, deadline);
    assertThat(onTime.onTime()).isTrue();
    assertThat(onTime.record()).contains("在期限 2026-10-10 18:00 内", "凭证号 V1");
    RecordingTransfer.Transfer late =
        new RecordingTransfer(TestClock.ZONE)
            .record(
                "N1",
                new BigDecimal("100.00"),
                new BigDecimal("100"),
                "V1",
                deadline,
                deadline.plusSeconds(60));
    assertThat(late.onTime()).isFalse();
    assertThat(late.record()).contains("已超过期限 2026-10-10 18:00");
    assertThatThrownBy(
            () ->
                new RecordingTransfer(TestClock.ZONE)
                    .record("N1", new BigDecimal("100"), new BigDecimal("99"), "V", null, deadline))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void P1_R15_the_round_evaluates_the_previous_year_due_in_march_shanghai_time() {
    OpeningEvaluationRound.Round round =
        new OpeningEvaluationRound(TestClock.ZONE).open(null, LocalDate.of(2027, 3, 1));
    assertThat(round.year()).isEqualTo(2026);
    assertThat(round.selfEvaluationDue().toInstant())
        .isEqualTo(Instant.parse("2027-03-15T10:00:00Z"));
    assertThat(round.sasacEvaluationDue().toInstant())
        .isEqualTo(Instant.parse("2027-03-31T10:00:00Z"));
    assertThat(
            new OpeningEvaluationRound(TestClock.ZONE).open(2024, LocalDate.of(2027, 3, 1)).year())
        .isEqualTo(2024);
    assertThat(OpeningEvaluationRound.yearProblem(2027, LocalDate.of(2027, 3, 1))).isNotNull();
    assertThat(OpeningEvaluationRound.yearProblem(2020, LocalDate.of(2027, 3, 1))).isNotNull();
  }
}
