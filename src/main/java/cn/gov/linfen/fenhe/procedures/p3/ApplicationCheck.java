package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.common.FieldChecks.blank;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an application for the scrap-steel reward must carry, checked when it starts (the window of
 * P3-R02, the preceding half-year of P3-R08, the declaration of P3-R09) and when a returned one is
 * resubmitted (its figures). Duplicates (P3-R07) need the platform's table: the engine side checks
 * them. The MIIT announcement list is information for the reviewers, not a condition (P3-R01).
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
      errors.add(
          P3Refusal.OUTSIDE_APPLICATION_MONTHS.at(
              PERIOD, window.monthsInChinese(), today, window.months()));
    } else {
      Object period = variables.get(PERIOD);
      if (!blank(period) && !current.get().equals(String.valueOf(period).trim())) {
        String applied = ApplicationWindow.label(current.get());
        errors.add(
            P3Refusal.NOT_PRECEDING_HALF_YEAR.at(
                PERIOD, applied, ApplicationWindow.monthsOf(current.get()), current.get()));
      }
    }
    if (!Boolean.TRUE.equals(variables.get(MATERIALS_DECLARED_TRUE))) {
      errors.add(
          P3Refusal.ENTERPRISE_DECLARE_APPLICATION_MATERIALS_TRUE.at(MATERIALS_DECLARED_TRUE));
    }
    String name = text(variables.get(ENTERPRISE_NAME));
    if (name == null) {
      errors.add(P3Refusal.ENTERPRISE_NAME_REQUIRED.at(ENTERPRISE_NAME));
    } else if (name.length() > MAX_NAME) {
      errors.add(P3Refusal.ENTERPRISE_NAME_TOO_LONG.at(ENTERPRISE_NAME));
    }
    Object code = variables.get(CREDIT_CODE);
    FieldError credit =
        CreditCode.check(
            CREDIT_CODE, code instanceof String s ? s.trim() : code == null ? null : "?");
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
        errors.add(P3Refusal.TAX_REQUIRED.at(tax, TaxNames.of(tax), tax));
        valid = false;
        continue;
      }
      Reason problem = Yuan.problem(value);
      if (problem != null) {
        errors.add(FieldChecks.problem(tax, TaxNames.of(tax), problem));
        valid = false;
        continue;
      }
      sum = sum.add(Yuan.parse(value));
    }
    if (valid && sum.signum() == 0) {
      errors.add(P3Refusal.ALL_FIVE_TAXES_THERE_RETAINED.at(VAT_PAID));
    }
    return errors;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }
}
