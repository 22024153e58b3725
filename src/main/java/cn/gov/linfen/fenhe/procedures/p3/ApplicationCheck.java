package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.common.FieldChecks.blank;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an application for the scrap-steel reward must carry, checked when it starts (the window
 * of P3-R02, the preceding half-year of P3-R08, the declaration of P3-R09) and when a returned one
 * is resubmitted (its figures). Duplicates (P3-R07) need the platform's table: the engine side
 * checks them. The MIIT announcement list is information for the reviewers, not a condition (P3-R01).
 * Plain logic; every refusal names the variable and the reason in Chinese and English.
 */
public class ApplicationCheck {

  private static final int MAX_NAME = 100;

  private final ApplicationWindow window;

  public ApplicationCheck(ApplicationWindow window) {
    this.window = window;
  }

  public ApplicationWindow window() {
    return window;
  }

  /** The start: everything, on the day of the application (Asia/Shanghai, engine clock). */
  public List<FieldError> checkStart(Map<String, Object> variables, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Optional<String> current = window.periodOn(today);
    if (current.isEmpty()) {
      errors.add(new FieldError(PERIOD, "不在申报期内：奖励资金每年 " + window.monthsInChinese()
          + "受理申请（临政办发〔2021〕20号），今天（" + today + "）不受理",
          "applications are accepted only in months " + window.months() + "; today is " + today));
    } else {
      Object period = variables.get(PERIOD);
      if (!blank(period) && !current.get().equals(String.valueOf(period).trim())) {
        String applied = ApplicationWindow.label(current.get());
        errors.add(new FieldError(PERIOD, "本月只能申请上一个半年度（" + applied + "，"
            + ApplicationWindow.monthsOf(current.get()) + "）的奖励资金：1 月申请上一年下半年，7 月申请当年上半年",
            "the period applied for is the preceding half-year, " + current.get()));
      }
    }
    if (!Boolean.TRUE.equals(variables.get(MATERIALS_DECLARED_TRUE))) {
      errors.add(new FieldError(MATERIALS_DECLARED_TRUE, "须声明对奖励资金申报材料的真实性负责（临政办发〔2021〕20号 三）",
          "the enterprise must declare that its application materials are true"));
    }
    String name = text(variables.get(ENTERPRISE_NAME));
    if (name == null) {
      errors.add(new FieldError(ENTERPRISE_NAME, "企业名称必填", "the enterprise name is required"));
    } else if (name.length() > MAX_NAME) {
      errors.add(new FieldError(ENTERPRISE_NAME, "企业名称不超过 100 字", "the enterprise name is too long"));
    }
    Object code = variables.get(CREDIT_CODE);
    FieldError credit = CreditCode.check(CREDIT_CODE, code instanceof String s ? s.trim() : code == null ? null : "?");
    if (credit != null) {
      errors.add(credit);
    }
    FieldError county = County.check(COUNTY, variables.get(COUNTY));
    if (county != null) {
      errors.add(county);
    }
    errors.addAll(checkFigures(variables));
    return errors;
  }

  /** The figures and vouchers: at the start and again at a resubmission. */
  public List<FieldError> checkFigures(Map<String, Object> variables) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    boolean valid = true;
    for (String tax : TAXES) {
      Object value = variables.get(tax);
      if (blank(value)) {
        errors.add(new FieldError(tax, TaxNames.of(tax) + "必填（未缴纳填 0）", tax + " is required (0 if none)"));
        valid = false;
        continue;
      }
      String problem = Yuan.problem(value);
      if (problem != null) {
        int slash = problem.indexOf(" / ");
        errors.add(new FieldError(tax, TaxNames.of(tax) + problem.substring(0, slash), problem.substring(slash + 3)));
        valid = false;
        continue;
      }
      sum = sum.add(Yuan.parse(value));
    }
    if (valid && sum.signum() == 0) {
      errors.add(new FieldError(VAT_PAID, "五项税费均为 0，没有可奖励的市、县留成",
          "all five taxes are 0: there is no retained share to reward"));
    }
    if (!Boolean.TRUE.equals(variables.get(TAX_VOUCHERS_ATTACHED))) {
      errors.add(new FieldError(TAX_VOUCHERS_ATTACHED, "须附税收缴纳凭证", "the tax payment vouchers are required"));
    }
    if (!Boolean.TRUE.equals(variables.get(SALES_VOUCHERS_ATTACHED))) {
      errors.add(new FieldError(SALES_VOUCHERS_ATTACHED, "须附销售凭证", "the sales vouchers are required"));
    }
    return errors;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }
}
