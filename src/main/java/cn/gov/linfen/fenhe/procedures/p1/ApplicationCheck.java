package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Yuan;

import static cn.gov.linfen.fenhe.common.FieldChecks.blank;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
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

  static final Set<String> REFORM_TYPES = Set.of(SoeReformFundProcess.ReformTypes.BANKRUPTCY,
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
    amounts.addAll(List.of(EXTERNAL_HEAD_MONTHLY_PAY, GROUP_LEADER_MONTHLY_PAY, OTHER_STAFF_MONTHLY_PAY,
        CARETAKER_MONTHLY_PAY));
    return List.copyOf(amounts);
  }

  public List<FieldError> check(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    Object name = variables.get(ENTERPRISE_NAME);
    if (!(name instanceof String text) || text.isBlank()) {
      errors.add(new FieldError(ENTERPRISE_NAME, "企业名称必填", "the enterprise name is required"));
    } else if (text.length() > MAX_NAME) {
      errors.add(new FieldError(ENTERPRISE_NAME, "企业名称不超过 100 字", "the enterprise name is too long"));
    }
    Object type = variables.get(REFORM_TYPE);
    if (!(type instanceof String text) || !REFORM_TYPES.contains(text)) {
      errors.add(new FieldError(REFORM_TYPE,
          "改革方式须为破产或清算注销：本办法仅适用于破产、清算注销的市属国有企业（第十六条）",
          "reformType must be BANKRUPTCY or LIQUIDATION (Art. 16)"));
    } else if (SoeReformFundProcess.ReformTypes.LIQUIDATION.equals(type)
        && !Boolean.TRUE.equals(variables.get(ONLY_EMPLOYEE_DEBTS_DECLARED))) {
      errors.add(new FieldError(ONLY_EMPLOYEE_DEBTS_DECLARED,
          "清算注销的企业须声明仅拖欠职工工资、社保债务，无其他非职工债务（第五条）；有其他债务的不属于本办法所指清算注销",
          "a liquidation-deregistration applicant must declare that it owes only wages and social insurance (Art. 5)"));
    }
    Object goals = variables.get(PERFORMANCE_GOALS);
    if (blank(goals)) {
      errors.add(new FieldError(PERFORMANCE_GOALS,
          "绩效目标必填：写明预期产出和效果，指标细化、量化、可衡量（第七条、第十一条），年度绩效评价据此进行",
          "performanceGoals is required (Art. 7, 11)"));
    } else {
      FieldChecks.tooLong(errors, variables, PERFORMANCE_GOALS);
    }
    FieldError employees = count(EMPLOYEE_COUNT, variables.get(EMPLOYEE_COUNT), true, MAX_EMPLOYEES);
    if (employees != null) {
      errors.add(employees);
    }
    boolean amountsValid = true;
    for (String field : REQUIRED_AMOUNTS) {
      Object value = variables.get(field);
      if (blank(value)) {
        errors.add(new FieldError(field, "必填", "required"));
        amountsValid = false;
        continue;
      }
      String problem = Yuan.problem(value);
      if (problem != null) {
        errors.add(amountError(field, problem));
        amountsValid = false;
      }
    }
    for (String field : OPTIONAL_AMOUNTS) {
      String problem = Yuan.problem(variables.get(field));
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
          errors.add(new FieldError(CREDITORS_MEETING_RESOLUTION,
              "破产管理人费用须经债权人会议审议表决通过：请填写表决通过的日期和决议文号（第九条(二)1）",
              "bankruptcy administrator costs need the creditors' meeting resolution (Art. 9(2)1)"));
        } else {
          FieldChecks.tooLong(errors, variables, CREDITORS_MEETING_RESOLUTION);
        }
      }
      if (gap.requested().signum() <= 0) {
        errors.add(new FieldError(REQUESTED_AMOUNT, "申请金额（清算费用与职工安置费用之和）须大于 0",
            "the requested amount (liquidation plus resettlement costs) must be greater than 0"));
      } else if (gap.requested().compareTo(gap.gap()) > 0) {
        errors.add(new FieldError(REQUESTED_AMOUNT,
            "申请金额 " + Yuan.format(gap.requested()) + " 元超过资金缺口 " + Yuan.format(gap.gap())
                + " 元（改革全部费用扣减资产变现收入，不含土地使用权处置收入，第五条）",
            "the requested amount " + Yuan.format(gap.requested()) + " exceeds the funding gap "
                + Yuan.format(gap.gap()) + " (total reform cost minus asset realisation, land proceeds not counted, Art. 5)"));
      }
    }
    return errors;
  }

  private static FieldError amountError(String field, String problem) {
    return FieldChecks.problem(field, "", problem);
  }

  /** A count of people: a whole number ≥ 0. */
  static FieldError count(String field, Object value, boolean required, long maximum) {
    if (blank(value)) {
      return required ? new FieldError(field, "必填", "required") : null;
    }
    Long number = wholeNumber(value);
    if (number == null) {
      return new FieldError(field, "须为不小于 0 的整数（人数）", "must be a whole number of people, 0 or more");
    }
    if (number > maximum) {
      return new FieldError(field, "人数过大", "number too large");
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
    if (value instanceof CharSequence text && INTEGER.matcher(text.toString().trim()).matches()
        && text.toString().trim().length() < 15) {
      return Long.parseLong(text.toString().trim());
    }
    return null;
  }
}
