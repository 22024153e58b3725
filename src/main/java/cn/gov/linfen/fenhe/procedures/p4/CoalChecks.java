package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

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
 * record, the closure and a follow-up. Plain logic; refusals in Chinese and English.
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
      errors.add(new FieldError(ADDED_SELLERS, "增加的抽检对象须按文字填写", "addedSellers must be text"));
      return errors;
    }
    for (String code : addedCodes(added)) {
      FieldError invalid = CreditCode.check(ADDED_SELLERS, code);
      if (invalid != null) {
        errors.add(
            new FieldError(
                ADDED_SELLERS, "增加的抽检对象 " + code + "：" + invalid.chinese(), invalid.english()));
      } else if (!registeredInCounty.test(code)) {
        errors.add(
            new FieldError(
                ADDED_SELLERS,
                "增加的抽检对象 " + code + " 不是本县登记在册的民用煤销售单位",
                code + " is not a seller registered in the county"));
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
        errors.add(
            new FieldError(
                COAL_TYPE,
                "煤种须为烟煤、无烟煤、型煤、焦炭或兰炭之一",
                "coalType must be bituminous, anthracite, briquette, coke or semi-coke"));
      }
      FieldChecks.required(errors, v, BATCH_NUMBER, "批次");
      Object quantity = v.get(QUANTITY_TONNES);
      BigDecimal q = decimal(quantity);
      if (q == null || q.signum() <= 0 || q.scale() > 3) {
        errors.add(
            new FieldError(
                QUANTITY_TONNES,
                "数量（吨）须为大于 0 的数，最多 3 位小数",
                "quantityTonnes must be a number above 0 with at most 3 decimals"));
      }
    } else if (CoalQualitySamplingProcess.Decided.NOT_POSSIBLE.equals(outcome)) {
      FieldChecks.required(errors, v, NOT_POSSIBLE_REASON, "无法抽样的原因");
    } else {
      errors.add(
          new FieldError(
              SAMPLING_OUTCOME, "请选择已抽样或无法抽样", "samplingOutcome must be SAMPLED or NOT_POSSIBLE"));
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
      errors.add(
          new FieldError(REPORT_DATE, "检测报告日期不能早于抽样日期", "the report cannot predate the sampling"));
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
      errors.add(
          new FieldError(
              REPORT_DELIVERED_ON, "送达日期不能早于检测报告日期", "delivery cannot predate the report"));
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
      errors.add(
          new FieldError(
              VIOLATION_SALE,
              "销售环节抽检不合格（含禁煤区内销售）即属销售违法情形，须交市场监督管理部门查处",
              "a failed sample at a seller is a sale violation: violationSale must be true"));
    }
    for (String f : List.of(VIOLATION_STORAGE_OR_BURNING, VIOLATION_WARNING_PERIOD)) {
      Object value = v.get(f);
      if (value != null && !(value instanceof Boolean)) {
        errors.add(new FieldError(f, "须为是或否", f + " must be true or false"));
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
        new cn.gov.linfen.fenhe.common.Reason("请选择是否确认闭环", "approved (true or false) is required"),
        new cn.gov.linfen.fenhe.common.Reason(
            "未确认闭环时须写明意见", "an opinion is required when the loop is not closed"));
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
      errors.add(
          new FieldError(
              field, label + "（%）必填，须为数字", field + " (percent) is required and must be a number"));
    } else if (value.signum() < 0
        || value.compareTo(HUNDRED) > 0
        || value.stripTrailingZeros().scale() > 2) {
      errors.add(
          new FieldError(
              field,
              label + "须在 0 至 100 之间，最多两位小数",
              field + " must be between 0 and 100 with at most two decimals"));
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
      errors.add(new FieldError(field, label + "必填", field + " is required"));
      return null;
    }
    LocalDate date = date(value, zone);
    if (date == null) {
      errors.add(
          new FieldError(field, label + "须为日期（年-月-日）", field + " must be a date (YYYY-MM-DD)"));
    } else if (date.isAfter(today)) {
      errors.add(new FieldError(field, label + "不能晚于今天", field + " cannot be in the future"));
    }
    return date;
  }
}
