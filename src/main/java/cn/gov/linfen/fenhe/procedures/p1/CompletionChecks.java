package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.common.FieldChecks.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Decided;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each kind of P1 user task must be completed with — the forms check the same, the server
 * checks again (a REST client or an old form must not get around it). Plain logic: each method
 * takes the variables visible to the task after the submission and answers the refusals.
 */
public class CompletionChecks {

  /** 行号: the 12-digit CNAPS bank code. */
  static final Pattern BANK_CODE_FORMAT = Pattern.compile("^\\d{12}$");

  static final Pattern ACCOUNT_NUMBER_FORMAT = Pattern.compile("^[0-9][0-9 -]{5,39}$");
  static final Pattern PHONE_FORMAT = Pattern.compile("^[0-9+][0-9 -]{6,19}$");

  /**
   * The overall rating in the text's own terms (Art. 12, 13): the annual performance goals
   * achieved, execution deviated from them and was corrected, or a project with serious problems.
   * The gazette has no graded scale (优秀/良好/… were invented and are gone).
   */
  static final Set<String> RATINGS = Set.copyOf(SoeReformFundProcess.Ratings.LABELS.keySet());

  private final ApplicationCheck applicationCheck;

  public CompletionChecks(ApplicationCheck applicationCheck) {
    this.applicationCheck = applicationCheck;
  }

  /** Every review or approval: approved (Boolean) and opinion, required when approved is false. */
  public List<FieldError> review(Map<String, Object> variables) {
    return FieldChecks.review(
        variables,
        P1Refusal.REVIEW_CONCLUSION_REQUIRED.reason(),
        P1Refusal.REVIEW_OPINION_REQUIRED.reason());
  }

  /** The applicant corrects and resubmits (the application is checked again), or withdraws. */
  public List<FieldError> correction(Map<String, Object> variables) {
    Object decision = variables.get(APPLICANT_DECISION);
    if (Decided.WITHDRAW.equals(decision)) {
      return withdrawalReason(variables);
    }
    if (!Decided.RESUBMIT.equals(decision)) {
      return List.of(P1Refusal.APPLICANT_DECISION_RESUBMIT_WITHDRAW.at(APPLICANT_DECISION));
    }
    return applicationCheck.check(variables);
  }

  /**
   * The applicant withdraws at any time before sign-off (the platform's withdraw action): a reason.
   */
  public List<FieldError> withdrawal(Map<String, Object> variables) {
    return withdrawalReason(variables);
  }

  private static List<FieldError> withdrawalReason(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, variables, WITHDRAWAL_REASON, "撤回原因");
    tooLong(errors, variables, WITHDRAWAL_REASON);
    return errors;
  }

  /** Government procurement for a fiscal advance: the procurement reference and its result. */
  public List<FieldError> procurement(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, variables, PROCUREMENT_REFERENCE, "政府采购项目编号");
    required(errors, variables, PROCUREMENT_RESULT, "采购结果");
    tooLong(errors, variables, PROCUREMENT_RESULT);
    return errors;
  }

  /**
   * The disbursement notice (Appendix 3): amounts within what was requested, the account complete.
   */
  public List<FieldError> notice(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal approvedAmount = positiveAmount(errors, variables, APPROVED_AMOUNT, "核定金额");
    BigDecimal disbursement = positiveAmount(errors, variables, DISBURSEMENT_AMOUNT, "同意支付（借款）金额");
    BigDecimal requested = Yuan.parse(variables.get(REQUESTED_AMOUNT));
    if (approvedAmount != null && requested != null && approvedAmount.compareTo(requested) > 0) {
      errors.add(
          P1Refusal.APPROVED_AMOUNT_EXCEED_REQUESTED_AMOUNT.at(
              APPROVED_AMOUNT, Yuan.format(requested)));
    }
    if (approvedAmount != null
        && disbursement != null
        && disbursement.compareTo(approvedAmount) > 0) {
      errors.add(P1Refusal.AMOUNT_PAY_LEND_EXCEED_APPROVED.at(DISBURSEMENT_AMOUNT));
    }
    Object type = variables.get(DISBURSEMENT_TYPE);
    if (!Decided.PAY.equals(type) && !Decided.LEND.equals(type)) {
      errors.add(P1Refusal.DISBURSEMENT_TYPE_PAY_LEND.at(DISBURSEMENT_TYPE));
    }
    required(errors, variables, ACCOUNT_NAME, "户名");
    pattern(errors, variables, ACCOUNT_NUMBER, "账号", ACCOUNT_NUMBER_FORMAT);
    required(errors, variables, BANK_NAME, "开户行");
    pattern(errors, variables, BANK_CODE, "行号（12 位数字）", BANK_CODE_FORMAT);
    required(errors, variables, ACCOUNT_CONTACT, "联系人");
    pattern(errors, variables, ACCOUNT_CONTACT_PHONE, "电话", PHONE_FORMAT);
    return errors;
  }

  /** Jilin Investment confirms the transfer of exactly the amount of the notice. */
  public List<FieldError> transfer(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal transferred = positiveAmount(errors, variables, TRANSFERRED_AMOUNT, "划转金额");
    BigDecimal expected = Yuan.parse(variables.get(DISBURSEMENT_AMOUNT));
    if (transferred != null && expected != null && transferred.compareTo(expected) != 0) {
      errors.add(
          P1Refusal.TRANSFERRED_AMOUNT_EQUAL_AMOUNT_NOTICE.at(
              TRANSFERRED_AMOUNT, Yuan.format(expected)));
    }
    required(errors, variables, TRANSFER_VOUCHER_NUMBER, "划转凭证号");
    return errors;
  }

  /** The reform office or the finance bureau follows up an overdue transfer (督办). */
  public List<FieldError> followUp(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, variables, FOLLOW_UP_NOTE, "督办情况");
    tooLong(errors, variables, FOLLOW_UP_NOTE);
    return errors;
  }

  /** The finance bureau suspends or stops a disbursement (Art. 12), giving the reason. */
  public List<FieldError> hold(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object hold = variables.get(DISBURSEMENT_HOLD);
    if (!Decided.SUSPEND.equals(hold) && !Decided.STOP.equals(hold)) {
      errors.add(P1Refusal.DISBURSEMENT_HOLD_SUSPEND_STOP.at(DISBURSEMENT_HOLD));
    }
    required(errors, variables, HOLD_REASON, "存在的严重问题");
    tooLong(errors, variables, HOLD_REASON);
    return errors;
  }

  /** A suspended disbursement is resumed or stopped. */
  public List<FieldError> suspensionDecision(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object decision = variables.get(SUSPENSION_DECISION);
    if (!Decided.RESUME.equals(decision) && !Decided.STOP.equals(decision)) {
      errors.add(P1Refusal.SUSPENSION_DECISION_RESUME_STOP.at(SUSPENSION_DECISION));
    }
    required(errors, variables, SUSPENSION_DECISION_NOTE, "整改落实情况");
    tooLong(errors, variables, SUSPENSION_DECISION_NOTE);
    return errors;
  }

  /**
   * The supervising departments' self-evaluations (Art. 13): at least one report; each names its
   * department and its monitoring during the year (Art. 12: deviations from the performance goals,
   * their correction and the report to the finance bureau, P1-R20).
   */
  public List<FieldError> selfEvaluation(Map<String, Object> variables) {
    Object reports = variables.get(SELF_EVALUATIONS);
    boolean empty =
        reports == null
            || reports instanceof Collection<?> collection && collection.isEmpty()
            || String.valueOf(reports).replaceAll("\\s", "").equals("[]");
    if (empty) {
      return List.of(P1Refusal.LEAST_SELF_EVALUATION_REQUIRED.at(SELF_EVALUATIONS));
    }
    for (Map<String, Object> entry : entries(reports)) {
      if (blank(entry.get("department")) || blank(entry.get("monitoring"))) {
        return List.of(P1Refusal.EACH_SELF_EVALUATION_NEEDS_DEPARTMENT.at(SELF_EVALUATIONS));
      }
    }
    return List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Object reports) {
    try {
      Object parsed =
          reports instanceof Collection<?>
              ? reports
              : new com.fasterxml.jackson.databind.ObjectMapper()
                  .readValue(String.valueOf(reports), List.class);
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Object item : (Collection<Object>) parsed) {
        entries.add(item instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
      }
      return entries;
    } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
      return List.of(Map.of());
    }
  }

  /** SASAC's overall evaluation (Art. 13): a rating and the report. */
  public List<FieldError> sasacEvaluation(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    if (!RATINGS.contains(String.valueOf(variables.get(EVALUATION_RATING)))) {
      errors.add(
          P1Refusal.EVALUATION_RATING_MISSING.at(
              EVALUATION_RATING, new java.util.TreeSet<>(RATINGS)));
    }
    required(errors, variables, EVALUATION_REPORT, "评价报告");
    return errors;
  }

  private static BigDecimal positiveAmount(
      List<FieldError> errors, Map<String, Object> variables, String field, String label) {
    Object value = variables.get(field);
    if (blank(value)) {
      errors.add(P1Refusal.LABELLED_REQUIRED.at(field, label, field));
      return null;
    }
    Reason problem = Yuan.problem(value);
    if (problem != null) {
      errors.add(FieldChecks.problem(field, label, problem));
      return null;
    }
    BigDecimal amount = Yuan.parse(value);
    if (amount.signum() <= 0) {
      errors.add(P1Refusal.AMOUNT_NOT_POSITIVE.at(field, label, field));
      return null;
    }
    return amount;
  }
}
