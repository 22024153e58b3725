package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionChecksTest {

  final CompletionChecks checks = new CompletionChecks(new ApplicationCheck());

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void X_R02_a_review_needs_approved_and_an_opinion_when_not_approved() {
    assertThat(checks.review(map("approved", true))).isEmpty();
    assertThat(fields(checks.review(map("approved", false, "opinion", ""))))
        .containsExactly("opinion");
    assertThat(fields(checks.review(map("opinion", "看过")))).containsExactly("approved");
    assertThat(fields(checks.review(map("approved", "true")))).containsExactly("approved");
    assertThat(checks.review(map("approved", false, "opinion", "材料不实"))).isEmpty();
  }

  @Test
  void P1_R05_a_correction_is_resubmitted_valid_or_withdrawn_with_a_reason() {
    Map<String, Object> resubmit = ApplicationCheckTest.valid();
    resubmit.put("applicantDecision", "RESUBMIT");
    assertThat(checks.correction(resubmit)).isEmpty();
    resubmit.put("owedWages", "1");
    assertThat(fields(checks.correction(resubmit))).containsExactly("requestedAmount");
    assertThat(fields(checks.correction(map("applicantDecision", "WITHDRAW"))))
        .containsExactly("withdrawalReason");
    assertThat(fields(checks.correction(map()))).containsExactly("applicantDecision");
    assertThat(checks.withdrawal(map("withdrawalReason", "撤回"))).isEmpty();
    assertThat(fields(checks.withdrawal(map()))).containsExactly("withdrawalReason");
  }

  @Test
  void P1_R09_the_notice_needs_every_appendix_3_field_within_the_request() {
    Map<String, Object> notice =
        map(
            "requestedAmount",
            "100000.00",
            "approvedAmount",
            "90000",
            "disbursementType",
            "LEND",
            "disbursementAmount",
            "90000.00",
            "accountName",
            "某局",
            "accountNumber",
            "6222 0000 1111",
            "bankName",
            "工行",
            "bankCode",
            "102171000019",
            "accountContact",
            "王",
            "accountContactPhone",
            "0357-2012345");
    assertThat(checks.notice(notice)).isEmpty();
    notice.put("approvedAmount", "100000.01");
    notice.put("bankCode", "10217100001");
    notice.remove("accountName");
    notice.put("disbursementType", "GIFT");
    assertThat(fields(checks.notice(notice)))
        .containsExactlyInAnyOrder("approvedAmount", "bankCode", "accountName", "disbursementType");
    notice.put("approvedAmount", "80000");
    assertThat(fields(checks.notice(notice))).contains("disbursementAmount");
  }

  @Test
  void P1_R10_the_transfer_is_exactly_the_notice_amount_with_a_voucher() {
    assertThat(
            checks.transfer(
                map(
                    "disbursementAmount",
                    "90000.00",
                    "transferredAmount",
                    "90000",
                    "transferVoucherNumber",
                    "JL-1")))
        .isEmpty();
    assertThat(
            fields(
                checks.transfer(
                    map("disbursementAmount", "90000.00", "transferredAmount", "89999.99"))))
        .containsExactly("transferredAmount", "transferVoucherNumber");
  }

  @Test
  void P1_R14_a_hold_and_its_decision_need_a_choice_and_a_reason() {
    assertThat(checks.hold(map("disbursementHold", "SUSPEND", "holdReason", "问题"))).isEmpty();
    assertThat(fields(checks.hold(map("disbursementHold", "PAUSE"))))
        .containsExactly("disbursementHold", "holdReason");
    assertThat(fields(checks.suspensionDecision(map("suspensionDecision", "RESUME"))))
        .containsExactly("suspensionDecisionNote");
    assertThat(checks.followUp(map()))
        .extracting(FieldError::field)
        .containsExactly("followUpNote");
    assertThat(checks.procurement(map("procurementReference", "A")))
        .extracting(FieldError::field)
        .containsExactly("procurementResult");
  }

  @Test
  void P1_R15_the_evaluation_needs_self_evaluations_then_a_rating_and_a_report() {
    assertThat(fields(checks.selfEvaluation(map("selfEvaluations", "[ ]"))))
        .containsExactly("selfEvaluations");
    assertThat(
            checks.selfEvaluation(
                map("selfEvaluations", "[{\"department\":\"市工信局\",\"monitoring\":\"未发现偏离\"}]")))
        .isEmpty();
    assertThat(fields(checks.sasacEvaluation(map("evaluationRating", "BEST"))))
        .containsExactly("evaluationRating", "evaluationReport");
    assertThat(
            checks.sasacEvaluation(
                map("evaluationRating", "ACHIEVED", "evaluationReport", "实现年度绩效目标")))
        .isEmpty();
  }

  @Test
  void
      P1_R20_each_self_evaluation_carries_the_departments_monitoring_and_the_rating_uses_the_texts_terms() {
    List<FieldError> errors =
        checks.selfEvaluation(map("selfEvaluations", "[{\"department\":\"市工信局\"}]"));
    assertThat(errors).extracting(FieldError::field).containsExactly("selfEvaluations");
    assertThat(errors.get(0).chinese()).contains("绩效运行监控情况", "第十二条");
    for (String invented : List.of("EXCELLENT", "GOOD", "FAIR", "POOR")) {
      assertThat(
              fields(
                  checks.sasacEvaluation(
                      map("evaluationRating", invented, "evaluationReport", "报告"))))
          .containsExactly("evaluationRating");
    }
    for (String rating : List.of("ACHIEVED", "DEVIATED_CORRECTED", "SERIOUS_PROBLEMS")) {
      assertThat(checks.sasacEvaluation(map("evaluationRating", rating, "evaluationReport", "报告")))
          .isEmpty();
    }
    assertThat(SoeReformFundProcess.Ratings.LABELS.values())
        .allMatch(label -> label.matches("^[^A-Za-z]+$"));
  }
}
