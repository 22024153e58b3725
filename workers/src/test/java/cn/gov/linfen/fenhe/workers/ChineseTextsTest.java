package cn.gov.linfen.fenhe.workers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.procedures.p1.CheckingStaffingAndPay;
import cn.gov.linfen.fenhe.procedures.p1.DmnStaffingStandards;
import cn.gov.linfen.fenhe.procedures.p1.IssuingDisbursementNotice;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.Role;
import cn.gov.linfen.fenhe.procedures.p3.ApplicationWindow;
import cn.gov.linfen.fenhe.procedures.p3.ComputingReward;
import cn.gov.linfen.fenhe.procedures.p3.RetainedShares;
import cn.gov.linfen.fenhe.procedures.p3.VatBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Chinese a person reads from P1 and P3 (issue 17): the Chinese reason of every refusal the
 * start and task checks give on empty and wrong input, and the documents the workers write (the
 * reward breakdown, the disbursement notice, the staffing findings) carry no English words, no
 * variable names and no codes. "GB" (GB 32100) is allowed. The English stays in {@code reasonEn}.
 */
class ChineseTextsTest {

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");

  static List<String> latinWords(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = LATIN_WORD.matcher(text);
    while (matcher.find()) {
      if (!matcher.group().equals("GB")) {
        words.add(matcher.group());
      }
    }
    return words;
  }

  static void assertChinese(List<String> texts) {
    assertThat(texts).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (String text : texts) {
      if (!latinWords(text).isEmpty()) {
        problems.add(latinWords(text) + " in: " + text);
      }
    }
    assertThat(problems).isEmpty();
  }

  static List<String> reasons(List<FieldError> errors) {
    assertThat(errors).isNotEmpty();
    return errors.stream().map(FieldError::chinese).toList();
  }

  static Map<String, Object> wrong() {
    Map<String, Object> v = new HashMap<>();
    for (String field :
        List.of(
            "vatPaid",
            "urbanConstructionTax",
            "educationSurcharge",
            "localEducationSurcharge",
            "stampDuty",
            "totalReformCost",
            "assetRealization",
            "liquidationCostAmount",
            "owedWages",
            "cityPaidAmount",
            "countyPaidAmount",
            "transferredAmount",
            "disbursementAmount",
            "approvedAmount")) {
      v.put(field, "-1.234");
    }
    v.put("creditCode", "91141002MA0K1A2B39");
    v.put("county", "北京市");
    v.put("reformType", "MERGER");
    v.put("employeeCount", "多");
    v.put("period", "2026-H2");
    v.put("approved", false);
    v.put("applicantDecision", "MAYBE");
    v.put("evaluationRating", "GOOD");
    v.put("selfEvaluations", "[{\"department\":\"\"}]");
    return v;
  }

  @Test
  void p3_refusals_are_chinese() {
    cn.gov.linfen.fenhe.procedures.p3.ApplicationCheck check =
        new cn.gov.linfen.fenhe.procedures.p3.ApplicationCheck(
            new ApplicationWindow(List.of(1, 7)));
    cn.gov.linfen.fenhe.procedures.p3.CompletionChecks checks =
        new cn.gov.linfen.fenhe.procedures.p3.CompletionChecks(check);
    List<String> texts = new ArrayList<>();
    texts.addAll(reasons(check.checkStart(Map.of(), LocalDate.of(2026, 7, 15))));
    texts.addAll(reasons(check.checkStart(wrong(), LocalDate.of(2026, 7, 15))));
    texts.addAll(reasons(check.checkStart(Map.of(), LocalDate.of(2026, 8, 3))));
    List<Function<Map<String, Object>, List<FieldError>>> all =
        List.of(
            checks::review,
            checks::countyReview,
            checks::correction,
            checks::cityDisbursement,
            checks::countyDisbursement,
            checks::followUp);
    for (Function<Map<String, Object>, List<FieldError>> completion : all) {
      texts.addAll(reasons(completion.apply(Map.of())));
      texts.addAll(reasons(completion.apply(wrong())));
    }
    assertChinese(texts);
  }

  @Test
  void p1_refusals_are_chinese() {
    cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck check =
        new cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck();
    cn.gov.linfen.fenhe.procedures.p1.CompletionChecks checks =
        new cn.gov.linfen.fenhe.procedures.p1.CompletionChecks(check);
    List<String> texts = new ArrayList<>();
    texts.addAll(reasons(check.check(Map.of())));
    texts.addAll(reasons(check.check(wrong())));
    Map<String, Object> liquidation = new HashMap<>(Map.of("reformType", "LIQUIDATION"));
    texts.addAll(reasons(check.check(liquidation)));
    Map<String, Object> bankruptcy =
        new HashMap<>(
            Map.of(
                "enterpriseName",
                "某厂",
                "reformType",
                "BANKRUPTCY",
                "employeeCount",
                10,
                "totalReformCost",
                "100",
                "assetRealization",
                "0",
                "liquidationCostAmount",
                "100",
                "performanceGoals",
                "目标"));
    texts.addAll(reasons(check.check(bankruptcy)));
    List<Function<Map<String, Object>, List<FieldError>>> all =
        List.of(
            checks::review,
            checks::correction,
            checks::withdrawal,
            checks::procurement,
            checks::notice,
            checks::followUp,
            checks::hold,
            checks::suspensionDecision,
            checks::selfEvaluation,
            checks::sasacEvaluation);
    for (Function<Map<String, Object>, List<FieldError>> completion : all) {
      texts.addAll(reasons(completion.apply(Map.of())));
    }
    texts.addAll(reasons(checks.sasacEvaluation(wrong())));
    texts.addAll(reasons(checks.selfEvaluation(wrong())));
    assertChinese(texts);
  }

  @Test
  void the_documents_the_workers_write_are_chinese() {
    Map<String, BigDecimal> shares =
        Map.of(
            "vat",
            new BigDecimal("0.15"),
            "urban-construction-tax",
            new BigDecimal("0.3"),
            "education-surcharge",
            new BigDecimal("0.3"),
            "local-education-surcharge",
            new BigDecimal("0.2"),
            "stamp-duty",
            new BigDecimal("0.3"));
    ComputingReward reward =
        new ComputingReward(
            RetainedShares.fromConfiguration(shares, shares),
            VatBasis.fromConfiguration("net-of-refund", null, "临财预〔2026〕1号"));
    Map<String, Object> taxes =
        Map.of(
            "vatPaid",
            "1000.00",
            "urbanConstructionTax",
            "70",
            "educationSurcharge",
            "30",
            "localEducationSurcharge",
            "20",
            "stampDuty",
            "3");
    IssuingDisbursementNotice.Request request =
        new IssuingDisbursementNotice.Request(
            "临企改拨〔2026〕1号",
            "SOE-1",
            "某厂",
            new BigDecimal("100"),
            new BigDecimal("100"),
            "PAY",
            new BigDecimal("100"),
            "某局",
            "1",
            "某行",
            "2",
            "王",
            "3",
            List.of("supervising-department", "hrss-bureau", "sasac"),
            LocalDate.of(2026, 10, 10));
    CheckingStaffingAndPay.Findings findings =
        new CheckingStaffingAndPay(new DmnStaffingStandards())
            .check(
                100,
                9,
                2,
                Map.of(
                    Role.CARETAKER,
                    new BigDecimal("1500"),
                    Role.EXTERNAL_HEAD,
                    new BigDecimal("6000")));
    assertChinese(
        List.of(
            reward.compute(taxes, true).breakdown(),
            reward.compute(taxes, false).breakdown(),
            new IssuingDisbursementNotice()
                .issue(request, LocalDate.of(2026, 9, 30))
                .text()
                .replace("SOE-1", ""), // the case's application number is a number, not a word
            findings.text(),
            ApplicationWindow.label("2026-H2")));
  }
}
