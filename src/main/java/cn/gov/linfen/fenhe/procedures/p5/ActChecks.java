package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.common.CommonRefusal;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FieldError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of one regulatory act (临政办发明电〔2021〕6号 二(二)1(3)、3), plain logic: the batch API refuses
 * with them (X-R04), the quality-check worker finds abnormal data with them and the correction task
 * re-checks with them. Fields are named with a prefix ({@code acts[3].}) where the caller wants it.
 */
public final class ActChecks {

  /** The act's text fields as stored (besides its inspectors and time). */
  public static final List<String> STORED_FIELDS =
      List.of(
          ITEM_CODE,
          OBJECT_NAME,
          OBJECT_CREDIT_CODE,
          METHOD,
          KIND,
          CHECK_FORM,
          CONTENT,
          RESULT,
          DEPARTMENT,
          COUNTY);

  public static final int MAX_TEXT = 1000;
  public static final int MAX_NAME = 200;

  /** At most 10 inspectors: the act's JSON stays within one string variable (4,000 characters). */
  public static final int MAX_INSPECTORS = 10;

  public static final Set<String> METHODS =
      Set.of("ON_SITE", "DOCUMENT", "RANDOM", "REMOTE", "OTHER");
  public static final Set<String> KINDS = Set.of("INSPECTION", "PENALTY", "ENFORCEMENT", "OTHER");
  public static final Pattern CERTIFICATE_NO = Pattern.compile("[0-9A-Za-z-]{6,20}");
  public static final Pattern ITEM_CODE_PATTERN = Pattern.compile("[0-9A-Za-z-]{4,64}");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private final ZoneId zone;

  public ActChecks(ZoneId zone) {
    this.zone = zone;
  }

  /** Everything wrong with the act, each field named {@code prefix + field}. */
  public List<FieldError> check(String prefix, Map<String, ?> act, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String itemCode = text(errors, prefix, act, ITEM_CODE, "监管事项编码", 64, true);
    if (itemCode != null && !ITEM_CODE_PATTERN.matcher(itemCode).matches()) {
      errors.add(P5Refusal.ITEM_CODE_INVALID.at(prefix + ITEM_CODE));
    }
    text(errors, prefix, act, OBJECT_NAME, "监管对象名称", MAX_NAME, true);
    String code = text(errors, prefix, act, OBJECT_CREDIT_CODE, "统一社会信用代码或身份证号", 18, true);
    if (code != null && !validObjectCode(code)) {
      errors.add(P5Refusal.OBJECT_CODE_INVALID.at(prefix + OBJECT_CREDIT_CODE));
    }
    String method = text(errors, prefix, act, METHOD, "监管方式", 20, true);
    if (method != null && !METHODS.contains(method)) {
      errors.add(P5Refusal.METHOD_UNKNOWN.at(prefix + METHOD));
    }
    String kind = text(errors, prefix, act, KIND, "监管行为类别", 20, true);
    if (kind != null && !KINDS.contains(kind)) {
      errors.add(P5Refusal.KIND_UNKNOWN.at(prefix + KIND));
    }
    text(errors, prefix, act, CHECK_FORM, "检查表单", MAX_NAME, false);
    text(errors, prefix, act, CONTENT, "监管内容", MAX_TEXT, true);
    text(errors, prefix, act, RESULT, "监管结果", MAX_TEXT, true);
    text(errors, prefix, act, DEPARTMENT, "监管部门", 100, true);
    Object county = act.get(COUNTY);
    if (county != null && !(county instanceof String s && s.isBlank())) {
      FieldError unknown = County.check(prefix + COUNTY, county);
      if (unknown != null) {
        errors.add(unknown);
      }
    }
    Object inspectors = act.get(INSPECTORS);
    if (!(inspectors instanceof List<?> list) || list.isEmpty()) {
      errors.add(P5Refusal.INSPECTORS_REQUIRED.at(prefix + INSPECTORS));
    } else if (list.size() > MAX_INSPECTORS) {
      errors.add(P5Refusal.INSPECTORS_TOO_MANY.at(prefix + INSPECTORS, MAX_INSPECTORS));
    } else {
      for (int i = 0; i < list.size(); i++) {
        String at = prefix + INSPECTORS + "[" + i + "].";
        if (!(list.get(i) instanceof Map<?, ?> inspector)) {
          errors.add(P5Refusal.INSPECTORS_REQUIRED.at(prefix + INSPECTORS + "[" + i + "]"));
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> person = (Map<String, ?>) inspector;
        text(errors, at, person, "name", "监管人员姓名", 50, true);
        String no = text(errors, at, person, "certificateNo", "执法证号", 20, true);
        if (no != null && !CERTIFICATE_NO.matcher(no).matches()) {
          errors.add(P5Refusal.CERTIFICATE_NO_INVALID.at(at + "certificateNo"));
        }
      }
    }
    Object acted = act.get(ACTED_AT);
    if (acted == null || acted instanceof String s && s.isBlank()) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at(prefix + ACTED_AT, "监管时间", ACTED_AT));
    } else {
      Optional<Instant> at = instant(acted);
      if (at.isEmpty()) {
        errors.add(P5Refusal.ACTED_AT_INVALID.at(prefix + ACTED_AT));
      } else if (at.get().isAfter(now)) {
        errors.add(P5Refusal.ACTED_AT_FUTURE.at(prefix + ACTED_AT));
      }
    }
    return errors;
  }

  /**
   * The quality check (P5-R02): the act's checks and its item on the department's 检查实施清单; an empty
   * list means the act is normal.
   */
  public List<FieldError> quality(Map<String, ?> act, boolean itemListed, Instant now) {
    List<FieldError> findings = check("", act, now);
    if (!itemListed) {
      findings.add(
          P5Refusal.ITEM_NOT_LISTED.at(ITEM_CODE, act.get(ITEM_CODE), act.get(DEPARTMENT)));
    }
    return findings;
  }

  /** The act's time, from ISO text (with or without offset, then in Fenhe's zone) or a date. */
  public Optional<Instant> instant(Object value) {
    if (value instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    String s = text.trim().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * A unified social credit code (GB 32100) or a citizen ID number (GB 11643), check digit valid.
   */
  public static boolean validObjectCode(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT);
    if (c.length() != 18) {
      return false;
    }
    if (c.substring(0, 17).chars().allMatch(Character::isDigit)
        && (Character.isDigit(c.charAt(17)) || c.charAt(17) == 'X')) {
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (c.charAt(i) - '0') * ID_WEIGHTS[i];
      }
      if (ID_CHECK.charAt(sum % 11) == c.charAt(17)) {
        return true;
      }
    }
    return CreditCode.isValid(c);
  }

  private static String text(
      List<FieldError> errors,
      String prefix,
      Map<String, ?> map,
      String field,
      String label,
      int max,
      boolean required) {
    Object value = map.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      if (required) {
        errors.add(CommonRefusal.FIELD_REQUIRED.at(prefix + field, label, field));
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(P5Refusal.TEXT_EXPECTED.at(prefix + field, label, field));
      return null;
    }
    if (s.length() > max) {
      errors.add(P5Refusal.TEXT_TOO_LONG.at(prefix + field, label, max, field));
      return null;
    }
    return s.trim();
  }

  /** The act as stored: known fields only, trimmed, {@code actedAt} as an instant with offset. */
  public Map<String, Object> normalized(Map<String, ?> act) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : STORED_FIELDS) {
      Object v = act.get(f);
      if (v instanceof String s && !s.isBlank()) {
        out.put(f, f.equals(OBJECT_CREDIT_CODE) ? s.trim().toUpperCase(Locale.ROOT) : s.trim());
      }
    }
    if (out.get(COUNTY) instanceof String c) {
      County.of(c).ifPresent(county -> out.put(COUNTY, county.chineseName()));
    }
    List<Map<String, String>> people = new ArrayList<>();
    if (act.get(INSPECTORS) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("name", String.valueOf(m.get("name")).trim());
          p.put("certificateNo", String.valueOf(m.get("certificateNo")).trim());
          people.add(p);
        }
      }
    }
    out.put(INSPECTORS, people);
    instant(act.get(ACTED_AT))
        .ifPresent(i -> out.put(ACTED_AT, OffsetDateTime.ofInstant(i, zone).toString()));
    return out;
  }

  /** Inspectors from the form's text, one per line: name, then the certificate number. */
  public static List<Map<String, String>> inspectors(Object text) {
    List<Map<String, String>> people = new ArrayList<>();
    if (text instanceof String s) {
      for (String line : s.split("\\R")) {
        String[] parts = line.trim().split("[\\s,，、]+");
        if (parts.length >= 2) {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("name", parts[0]);
          p.put("certificateNo", parts[parts.length - 1]);
          people.add(p);
        } else if (!line.isBlank()) {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("name", parts[0]);
          p.put("certificateNo", "");
          people.add(p);
        }
      }
    }
    return people;
  }

  /** The form's text of the inspectors. */
  public static String inspectorsText(Object list) {
    StringBuilder b = new StringBuilder();
    if (list instanceof List<?> people) {
      for (Object o : people) {
        if (o instanceof Map<?, ?> m) {
          if (b.length() > 0) {
            b.append('\n');
          }
          b.append(m.get("name")).append(' ').append(m.get("certificateNo"));
        }
      }
    }
    return b.toString();
  }
}
