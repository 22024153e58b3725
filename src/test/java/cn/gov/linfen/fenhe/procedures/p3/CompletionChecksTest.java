package cn.gov.linfen.fenhe.procedures.p3;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionChecksTest {

  final CompletionChecks checks =
      new CompletionChecks(new ApplicationCheck(new ApplicationWindow(List.of(1, 7))));

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void X_R02_a_review_needs_approved_and_an_opinion_when_returned() {
    assertThat(checks.review(Map.of("approved", true))).isEmpty();
    assertThat(fields(checks.review(Map.of()))).containsExactly("approved");
    assertThat(fields(checks.review(Map.of("approved", false)))).containsExactly("opinion");
    assertThat(checks.review(Map.of("approved", false, "opinion", "实缴税额与凭证不符"))).isEmpty();
  }

  @Test
  void P3_R09_the_county_approves_only_with_the_sales_channels_verified_and_written_down() {
    Map<String, Object> v = new HashMap<>(Map.of("approved", true));
    assertThat(fields(checks.countyReview(v)))
        .containsExactly("salesChannelsVerified", "salesChannelNote");
    v.put("salesChannelsVerified", true);
    assertThat(fields(checks.countyReview(v))).containsExactly("salesChannelNote");
    v.put("salesChannelNote", "核对 2026 年 1 至 6 月销售凭证，产品售予某钢铁公司（符合产业政策）");
    assertThat(checks.countyReview(v)).isEmpty();
    // returning needs only the opinion
    assertThat(checks.countyReview(Map.of("approved", false, "opinion", "销售凭证不全"))).isEmpty();
    assertThat(fields(checks.countyReview(Map.of("approved", false)))).containsExactly("opinion");
  }

  @Test
  void a_correction_resubmits_valid_figures_or_withdraws_with_a_reason() {
    Map<String, Object> resubmit = new HashMap<>(ApplicationCheckTest.application());
    resubmit.put("applicantDecision", "RESUBMIT");
    assertThat(checks.correction(resubmit)).isEmpty();
    resubmit.put("vatPaid", "abc");
    assertThat(fields(checks.correction(resubmit))).containsExactly("vatPaid");
    assertThat(fields(checks.correction(Map.of("applicantDecision", "WITHDRAW"))))
        .containsExactly("withdrawalReason");
    assertThat(
            checks.correction(
                Map.of("applicantDecision", "WITHDRAW", "withdrawalReason", "税额有误，下期再报")))
        .isEmpty();
    assertThat(fields(checks.correction(Map.of()))).containsExactly("applicantDecision");
  }

  @Test
  void P3_R05_each_level_pays_exactly_its_share() {
    Map<String, Object> v =
        new HashMap<>(Map.of("rewardCity", "184900.00", "rewardCounty", "282100.00"));
    v.put("cityPaidAmount", "184900");
    v.put("cityPaymentVoucher", "SCZ-2026-001");
    assertThat(checks.cityDisbursement(v)).isEmpty();
    v.put("cityPaidAmount", "184900.01");
    assertThat(fields(checks.cityDisbursement(v))).containsExactly("cityPaidAmount");
    v.put("countyPaidAmount", "282100.00");
    assertThat(fields(checks.countyDisbursement(v))).containsExactly("countyPaymentVoucher");
  }

  @Test
  void a_follow_up_records_what_was_done() {
    assertThat(fields(checks.followUp(Map.of()))).containsExactly("followUpNote");
    assertThat(checks.followUp(Map.of("followUpNote", "已督促县财政本周拨付"))).isEmpty();
  }
}
