package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.common.FieldChecks.blank;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an application for the SOE reform fund must carry (Art. 5, 6, 16): checked when it starts
 * and again when the applicant resubmits a corrected one. Plain logic; every refusal names the
 * variable and the reason in Chinese and English.
 */
public class ApplicationCheck {

  static final Set<String> REFORM_TYPES =
      Set.of(
          SoeReformFundProcess.ReformTypes.BANKRUPTCY,
          SoeReformFundProcess.ReformTypes.LIQUIDATION);
  public static final List<String> REQUIRED_AMOUNTS = List.of(TOTAL_REFORM_COST, ASSET_REALIZATION);
  public static final List<String> OPTIONAL_AMOUNTS = optionalAmounts();
  public static final List<String> COUNTS = List.of(HIRED_STAFF_COUNT, CARETAKER_STAFF_COUNT);
  private static final Pattern INTEGER = Pattern.compile("^\\d+$");
  private static final int MAX_NAME = 100;
  private static final long MAX_EMPLOYEES = 1_000_000;

  private static List<String> optionalAmounts() {
    List<String> amounts = new ArrayList<>();
    amounts.add(LAND_PROCEEDS);
    amounts.add(LIQUIDATION_COST_AMOUNT);
    amounts.addAll(RESETTLEMENT_ITEMS);
    amounts.addAll(
        List.of(
            EXTERNAL_HEAD_MONTHLY_PAY,
            GROUP_LEADER_MONTHLY_PAY,
            OTHER_STAFF_MONTHLY_PAY,
            CARETAKER_MONTHLY_PAY));
    return List.copyOf(amounts);
  }

  public List<FieldError> check(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object name = variables.get(ENTERPRISE_NAME);
    if (!(name instanceof String text) || text.isBlank()) {
      errors.add(P1Refusal.ENTERPRISE_NAME_REQUIRED.at(ENTERPRISE_NAME));
    } else if (text.length() > MAX_NAME) {
      errors.add(P1Refusal.ENTERPRISE_NAME_TOO_LONG.at(ENTERPRISE_NAME));
    }
    Object type = variables.get(REFORM_TYPE);
    if (!(type instanceof String text) || !REFORM_TYPES.contains(text)) {
      errors.add(P1Refusal.REFORM_TYPE_BANKRUPTCY_LIQUIDATION_ART.at(REFORM_TYPE));
    } else if (SoeReformFundProcess.ReformTypes.LIQUIDATION.equals(type)
        && !Boolean.TRUE.equals(variables.get(ONLY_EMPLOYEE_DEBTS_DECLARED))) {
      errors.add(
          P1Refusal.LIQUIDATION_DEREGISTRATION_APPLICANT_DECLARE_OWES.at(
              ONLY_EMPLOYEE_DEBTS_DECLARED));
    }
    Object goals = variables.get(PERFORMANCE_GOALS);
    if (blank(goals)) {
      errors.add(P1Refusal.PERFORMANCE_GOALS_REQUIRED_ART.at(PERFORMANCE_GOALS));
    } else {
      FieldChecks.tooLong(errors, variables, PERFORMANCE_GOALS);
    }
    FieldError employees =
        count(EMPLOYEE_COUNT, variables.get(EMPLOYEE_COUNT), true, MAX_EMPLOYEES);
    if (employees != null) {
      errors.add(employees);
    }
    boolean amountsValid = true;
    for (String field : REQUIRED_AMOUNTS) {
      Object value = variables.get(field);
      if (blank(value)) {
        errors.add(P1Refusal.AMOUNT_REQUIRED.at(field));
        amountsValid = false;
        continue;
      }
      Reason problem = Yuan.problem(value);
      if (problem != null) {
        errors.add(amountError(field, problem));
        amountsValid = false;
      }
    }
    for (String field : OPTIONAL_AMOUNTS) {
      Reason problem = Yuan.problem(variables.get(field));
      if (problem != null) {
        errors.add(amountError(field, problem));
        amountsValid = false;
      }
    }
    for (String field : COUNTS) {
      FieldError error = count(field, variables.get(field), false, MAX_EMPLOYEES);
      if (error != null) {
        errors.add(error);
      }
    }
    if (amountsValid) {
      FundingGap gap = FundingGap.of(variables);
      if (SoeReformFundProcess.ReformTypes.BANKRUPTCY.equals(type) && gap.hasLiquidationCosts()) {
        if (blank(variables.get(CREDITORS_MEETING_RESOLUTION))) {
          errors.add(
              P1Refusal.BANKRUPTCY_ADMINISTRATOR_COSTS_NEED_CREDITORS.at(
                  CREDITORS_MEETING_RESOLUTION));
        } else {
          FieldChecks.tooLong(errors, variables, CREDITORS_MEETING_RESOLUTION);
        }
      }
      if (gap.requested().signum() <= 0) {
        errors.add(P1Refusal.REQUESTED_AMOUNT_NOT_POSITIVE.at(REQUESTED_AMOUNT));
      } else if (gap.requested().compareTo(gap.gap()) > 0) {
        errors.add(
            P1Refusal.REQUESTED_AMOUNT_EXCEEDS_FUNDING_GAP.at(
                REQUESTED_AMOUNT, Yuan.format(gap.requested()), Yuan.format(gap.gap())));
      }
    }
    return errors;
  }

  private static FieldError amountError(String field, Reason problem) {
    return FieldChecks.problem(field, "", problem);
  }

  /** A count of people: a whole number ≥ 0. */
  static FieldError count(String field, Object value, boolean required, long maximum) {
    if (blank(value)) {
      return required ? P1Refusal.AMOUNT_REQUIRED.at(field) : null;
    }
    Long number = wholeNumber(value);
    if (number == null) {
      return P1Refusal.PEOPLE_NOT_WHOLE_NUMBER.at(field);
    }
    if (number > maximum) {
      return P1Refusal.PEOPLE_TOO_MANY.at(field);
    }
    return null;
  }

  /** A whole number ≥ 0 from an integer, a whole double or a digit string; otherwise null. */
  public static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long number = ((Number) value).longValue();
      return number < 0 ? null : number;
    }
    if (value instanceof BigInteger integer) {
      return integer.signum() < 0 || integer.bitLength() > 62 ? null : integer.longValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      try {
        BigDecimal decimal = Yuan.parse(value);
        long number = decimal.longValueExact();
        return number < 0 ? null : number;
      } catch (ArithmeticException | IllegalArgumentException e) {
        return null;
      }
    }
    if (value instanceof CharSequence text
        && INTEGER.matcher(text.toString().trim()).matches()
        && text.toString().trim().length() < 15) {
      return Long.parseLong(text.toString().trim());
    }
    return null;
  }
}
