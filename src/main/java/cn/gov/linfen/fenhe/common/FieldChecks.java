package cn.gov.linfen.fenhe.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks a submitted field goes through in every procedure — required, not too long, of a
 * format — each adding its refusal (Chinese and English) to the list. Plain logic.
 */
public final class FieldChecks {

  /** The longest free text a form may send. */
  public static final int MAX_TEXT = 2000;

  private FieldChecks() {}

  /** Nothing given: null, or text of blanks only. */
  public static boolean blank(Object value) {
    return value == null || value instanceof CharSequence text && text.toString().isBlank();
  }

  /** The field must be given. */
  public static void required(List<FieldError> errors, Map<String, Object> variables, String field, String label) {
    if (blank(variables.get(field))) {
      errors.add(new FieldError(field, label + "必填", field + " is required"));
    }
  }

  /** The field, if text, may be at most {@link #MAX_TEXT} characters. */
  public static void tooLong(List<FieldError> errors, Map<String, Object> variables, String field) {
    Object value = variables.get(field);
    if (value instanceof String text && text.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "不超过 2000 字", "at most 2000 characters"));
    }
  }

  /**
   * The field must be given as text and (trimmed) match the pattern. A number is refused: the
   * workers read these fields as text, and a number loses leading zeros and digits beyond 2^63.
   */
  public static void pattern(List<FieldError> errors, Map<String, Object> variables, String field, String label,
      Pattern pattern) {
    Object value = variables.get(field);
    if (blank(value)) {
      errors.add(new FieldError(field, label + "必填", field + " is required"));
    } else if (!(value instanceof String)) {
      errors.add(new FieldError(field, label + "须按文字填写（不能是数字或其他类型）", field + " must be text"));
    } else if (!pattern.matcher(String.valueOf(value).trim()).matches()) {
      errors.add(new FieldError(field, label + "格式不正确", field + " has a wrong format"));
    }
  }

  /**
   * The refusal of a field from a problem stated as "中文 / English" (as {@code Yuan.problem} states
   * them), the label put before the Chinese.
   */
  public static FieldError problem(String field, String label, String problem) {
    int slash = problem.indexOf(" / ");
    return new FieldError(field, label + problem.substring(0, slash), problem.substring(slash + 3));
  }

  /**
   * A review's conclusion (X-R02): approved (Boolean), an opinion required when it is false, the
   * opinion not too long. The Chinese wording is the procedure's own.
   */
  public static List<FieldError> review(Map<String, Object> variables, String conclusionRequired,
      String opinionRequired) {
    List<FieldError> errors = new ArrayList<>();
    Object approved = variables.get("approved");
    if (!(approved instanceof Boolean)) {
      errors.add(new FieldError("approved", conclusionRequired, "approved (true or false) is required"));
    } else if (!((Boolean) approved) && blank(variables.get("opinion"))) {
      errors.add(new FieldError("opinion", opinionRequired, "an opinion is required when not approved"));
    }
    tooLong(errors, variables, "opinion");
    return errors;
  }
}
