package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.common.FieldChecks.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Decided;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each kind of P3 user task must be completed with — the forms check the same, the server
 * checks again. Plain logic: each method takes the variables visible to the task after the
 * submission and answers the refusals.
 */
public class CompletionChecks {

  private final ApplicationCheck applicationCheck;

  public CompletionChecks(ApplicationCheck applicationCheck) {
    this.applicationCheck = applicationCheck;
  }

  /**
   * County review and each city confirmation: approved (Boolean), opinion required when false
   * (X-R02).
   */
  public List<FieldError> review(Map<String, Object> variables) {
    return FieldChecks.review(
        variables,
        P3Refusal.REVIEW_CONCLUSION_REQUIRED.reason(),
        P3Refusal.REVIEW_OPINION_REQUIRED.reason());
  }

  /**
   * The county review (三, 六): besides the conclusion, approving needs the sales channels of the
   * processed scrap verified (六 "工信部门要核实废钢铁加工产品销售渠道，坚决杜绝废钢铁向不符合产业政策的 钢铁企业销售") and what was verified
   * written down (P3-R09). Returning needs only the opinion.
   */
  public List<FieldError> countyReview(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>(review(variables));
    if (Boolean.TRUE.equals(variables.get(APPROVED))) {
      if (!Boolean.TRUE.equals(variables.get(SALES_CHANNELS_VERIFIED))) {
        errors.add(P3Refusal.SALES_CHANNELS_VERIFIED_BEFORE_COUNTY.at(SALES_CHANNELS_VERIFIED));
      }
      required(errors, variables, SALES_CHANNEL_NOTE, "销售渠道核实情况");
      tooLong(errors, variables, SALES_CHANNEL_NOTE);
    }
    return errors;
  }

  /**
   * The enterprise corrects and resubmits (the figures are checked again), or withdraws with a
   * reason.
   */
  public List<FieldError> correction(Map<String, Object> variables) {
    Object decision = variables.get(APPLICANT_DECISION);
    if (Decided.WITHDRAW.equals(decision)) {
      List<FieldError> errors = new ArrayList<>();
      required(errors, variables, WITHDRAWAL_REASON, "撤回原因");
      tooLong(errors, variables, WITHDRAWAL_REASON);
      return errors;
    }
    if (!Decided.RESUBMIT.equals(decision)) {
      return List.of(P3Refusal.APPLICANT_DECISION_RESUBMIT_WITHDRAW.at(APPLICANT_DECISION));
    }
    return applicationCheck.checkFigures(variables);
  }

  /** City finance pays exactly the city's share (P3-R05). */
  public List<FieldError> cityDisbursement(Map<String, Object> variables) {
    return disbursement(variables, CITY_PAID_AMOUNT, CITY_PAYMENT_VOUCHER, REWARD_CITY, "市级");
  }

  /** County finance pays exactly the county's share (P3-R05). */
  public List<FieldError> countyDisbursement(Map<String, Object> variables) {
    return disbursement(variables, COUNTY_PAID_AMOUNT, COUNTY_PAYMENT_VOUCHER, REWARD_COUNTY, "县级");
  }

  private static List<FieldError> disbursement(
      Map<String, Object> variables,
      String amountField,
      String voucherField,
      String shareField,
      String level) {
    List<FieldError> errors = new ArrayList<>();
    Object value = variables.get(amountField);
    if (blank(value)) {
      errors.add(P3Refusal.DISBURSED_AMOUNT_REQUIRED.at(amountField, amountField));
    } else if (Yuan.problem(value) != null) {
      errors.add(FieldChecks.problem(amountField, "拨付金额", Yuan.problem(value)));
    } else {
      BigDecimal share = Yuan.parse(variables.get(shareField));
      if (share == null || Yuan.parse(value).compareTo(share) != 0) {
        errors.add(
            P3Refusal.DISBURSED_AMOUNT_MISMATCH.at(
                amountField,
                level,
                (share == null ? "" : Yuan.format(share)),
                amountField,
                shareField));
      }
    }
    required(errors, variables, voucherField, "拨付凭证号");
    tooLong(errors, variables, voucherField);
    return errors;
  }

  /** The city industry-and-IT bureau follows up a case due soon or overdue (督办). */
  public List<FieldError> followUp(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, variables, FOLLOW_UP_NOTE, "督办情况");
    tooLong(errors, variables, FOLLOW_UP_NOTE);
    return errors;
  }
}
