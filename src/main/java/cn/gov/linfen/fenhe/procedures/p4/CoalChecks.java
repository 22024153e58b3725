package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import cn.gov.linfen.fenhe.common.CommonRefusal;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FieldChecks;
import cn.gov.linfen.fenhe.common.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each P4 user task is completed with, checked on the server (X-R04): the plan's additions,
 * the sampling record, the test result, the delivery of the report, the disposal, a handler's
 * record, the closure and a follow-up. Plain logic; refusals from {@link P4Refusal}.
 */
public class CoalChecks {

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final ZoneId zone;

  /**
   * @param zone the platform's zone (fenhe.time-zone), for dates sent as instants
   */
  public CoalChecks(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * Credit codes one per line (or separated by commas, blanks), upper-cased, in order, without
   * repeats.
   */
  public static List<String> addedCodes(Object text) {
    Set<String> codes = new LinkedHashSet<>();
    if (text instanceof String s) {
      for (String part : s.split("[\\s,，;；]+")) {
        if (!part.isBlank()) {
          codes.add(part.trim().toUpperCase(java.util.Locale.ROOT));
        }
      }
    }
    return new ArrayList<>(codes);
  }

  /**
   * The county's confirmation of the plan: sellers added must be valid credit codes of sellers
   * registered in the county; drawn ones are never removed (the plan is drawn + added).
   */
  public List<FieldError> plan(Map<String, Object> v, Predicate<String> registeredInCounty) {
    List<FieldError> errors = new ArrayList<>();
    Object added = v.get(ADDED_SELLERS);
    if (added != null && !(added instanceof String)) {
      errors.add(P4Refusal.ADDED_SELLERS_NOT_TEXT.at(ADDED_SELLERS));
      return errors;
    }
    for (String code : addedCodes(added)) {
      FieldError invalid = CreditCode.check(ADDED_SELLERS, code);
      if (invalid != null) {
        errors.add(
            P4Refusal.ADDED_SELLER_INVALID.at(
                ADDED_SELLERS, code, invalid.chinese(), invalid.english()));
      } else if (!registeredInCounty.test(code)) {
        errors.add(P4Refusal.ADDED_SELLER_NOT_REGISTERED.at(ADDED_SELLERS, code));
      }
    }
    FieldChecks.tooLong(errors, v, PLAN_NOTE);
    return errors;
  }

  /** Sampled on site (date, coal type, batch, quantity) or not possible (reason). */
  public List<FieldError> sampling(Map<String, Object> v, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Object outcome = v.get(SAMPLING_OUTCOME);
    if (CoalQualitySamplingProcess.Decided.SAMPLED.equals(outcome)) {
      pastDate(errors, v, SAMPLED_ON, "抽样日期", today);
      if (CoalType.of(v.get(COAL_TYPE)).isEmpty()) {
        errors.add(P4Refusal.COAL_TYPE_UNKNOWN.at(COAL_TYPE));
      }
      FieldChecks.required(errors, v, BATCH_NUMBER, "批次");
      Object quantity = v.get(QUANTITY_TONNES);
      BigDecimal q = decimal(quantity);
      if (q == null || q.signum() <= 0 || q.scale() > 3) {
        errors.add(P4Refusal.QUANTITY_INVALID.at(QUANTITY_TONNES));
      }
    } else if (CoalQualitySamplingProcess.Decided.NOT_POSSIBLE.equals(outcome)) {
      FieldChecks.required(errors, v, NOT_POSSIBLE_REASON, "无法抽样的原因");
    } else {
      errors.add(P4Refusal.SAMPLING_OUTCOME_REQUIRED.at(SAMPLING_OUTCOME));
    }
    for (String f : List.of(BATCH_NUMBER, NOT_POSSIBLE_REASON)) {
      FieldChecks.tooLong(errors, v, f);
    }
    return errors;
  }

  /** The lab report's figures (percent, 0–100, at most two decimals), its number and date. */
  public List<FieldError> result(Map<String, Object> v, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    percent(errors, v, SULPHUR, "含硫量");
    percent(errors, v, ASH, "灰分");
    percent(errors, v, VOLATILES, "挥发分");
    FieldChecks.required(errors, v, REPORT_NUMBER, "检测报告编号");
    LocalDate report = pastDate(errors, v, REPORT_DATE, "检测报告日期", today);
    LocalDate sampled = date(v.get(SAMPLED_ON), zone);
    if (report != null && sampled != null && report.isBefore(sampled)) {
      errors.add(P4Refusal.REPORT_BEFORE_SAMPLING.at(REPORT_DATE));
    }
    FieldChecks.tooLong(errors, v, REPORT_NUMBER);
    FieldChecks.tooLong(errors, v, LAB_NAME);
    return errors;
  }

  /** The report delivered to the county government (date, to whom). */
  public List<FieldError> delivery(Map<String, Object> v, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = pastDate(errors, v, REPORT_DELIVERED_ON, "送达日期", today);
    LocalDate report = date(v.get(REPORT_DATE), zone);
    if (on != null && report != null && on.isBefore(report)) {
      errors.add(P4Refusal.DELIVERY_BEFORE_REPORT.at(REPORT_DELIVERED_ON));
    }
    FieldChecks.required(errors, v, DELIVERED_TO, "送达单位");
    FieldChecks.tooLong(errors, v, DELIVERED_TO);
    return errors;
  }

  /**
   * The county government's findings: a failed sample at a seller is a sale violation (二(三)), so
   * {@code violationSale} must be ticked; storage or burning and the warning period may be added.
   */
  public List<FieldError> disposal(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(v.get(VIOLATION_SALE))) {
      errors.add(P4Refusal.SALE_VIOLATION_REQUIRED.at(VIOLATION_SALE));
    }
    for (String f : List.of(VIOLATION_STORAGE_OR_BURNING, VIOLATION_WARNING_PERIOD)) {
      Object value = v.get(f);
      if (value != null && !(value instanceof Boolean)) {
        errors.add(P4Refusal.YES_OR_NO.at(f, f));
      }
    }
    FieldChecks.required(errors, v, DISPOSAL_FINDINGS, "处置意见");
    FieldChecks.tooLong(errors, v, DISPOSAL_FINDINGS);
    return errors;
  }

  /** A handler's record: what was done and when. */
  public List<FieldError> handling(Map<String, Object> v, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    FieldChecks.required(errors, v, HANDLING_MEASURES, "处理情况");
    FieldChecks.tooLong(errors, v, HANDLING_MEASURES);
    pastDate(errors, v, HANDLED_ON, "处理日期", today);
    return errors;
  }

  /** The county government confirms the loop closed, or sends it back with an opinion (X-R02). */
  public List<FieldError> closure(Map<String, Object> v) {
    return FieldChecks.review(
        v,
        P4Refusal.CLOSURE_DECISION_REQUIRED.reason(),
        P4Refusal.CLOSURE_OPINION_REQUIRED.reason());
  }

  public List<FieldError> followUp(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    FieldChecks.required(errors, v, FOLLOW_UP_NOTE, "督办情况");
    FieldChecks.tooLong(errors, v, FOLLOW_UP_NOTE);
    return errors;
  }

  private static void percent(
      List<FieldError> errors, Map<String, Object> v, String field, String label) {
    BigDecimal value = decimal(v.get(field));
    if (value == null) {
      errors.add(P4Refusal.PERCENT_REQUIRED.at(field, label, field));
    } else if (value.signum() < 0
        || value.compareTo(HUNDRED) > 0
        || value.stripTrailingZeros().scale() > 2) {
      errors.add(P4Refusal.PERCENT_OUT_OF_RANGE.at(field, label, field));
    }
  }

  /** A number as an exact decimal (a JSON number or its text); null when it is none. */
  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A date as forms send it ({@code 2026-11-05}, or a date-time) or a Date; null when it is none.
   */
  public static LocalDate date(Object value, ZoneId zone) {
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), zone);
    }
    if (value instanceof String s && s.trim().length() >= 10) {
      try {
        return LocalDate.parse(s.trim().substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private LocalDate pastDate(
      List<FieldError> errors, Map<String, Object> v, String field, String label, LocalDate today) {
    Object value = v.get(field);
    if (FieldChecks.blank(value)) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at(field, label, field));
      return null;
    }
    LocalDate date = date(value, zone);
    if (date == null) {
      errors.add(P4Refusal.DATE_INVALID.at(field, label, field));
    } else if (date.isAfter(today)) {
      errors.add(P4Refusal.DATE_IN_FUTURE.at(field, label, field));
    }
    return date;
  }
}
