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
  public static void required(
      List<FieldError> errors, Map<String, Object> variables, String field, String label) {
    if (blank(variables.get(field))) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at(field, label, field));
    }
  }

  /** The field, if text, may be at most {@link #MAX_TEXT} characters. */
  public static void tooLong(List<FieldError> errors, Map<String, Object> variables, String field) {
    Object value = variables.get(field);
    if (value instanceof String text && text.length() > MAX_TEXT) {
      errors.add(CommonRefusal.TEXT_TOO_LONG.at(field));
    }
  }

  /**
   * The field must be given as text and (trimmed) match the pattern. A number is refused: the
   * workers read these fields as text, and a number loses leading zeros and digits beyond 2^63.
   */
  public static void pattern(
      List<FieldError> errors,
      Map<String, Object> variables,
      String field,
      String label,
      Pattern pattern) {
    Object value = variables.get(field);
    if (blank(value)) {
      errors.add(CommonRefusal.FIELD_REQUIRED.at(field, label, field));
    } else if (!(value instanceof String)) {
      errors.add(CommonRefusal.FIELD_NOT_TEXT.at(field, label, field));
    } else if (!pattern.matcher(String.valueOf(value).trim()).matches()) {
      errors.add(CommonRefusal.FIELD_WRONG_FORMAT.at(field, label, field));
    }
  }

  /**
   * The refusal of a field from a reason (as {@code Yuan.problem} gives them), the label put before
   * the Chinese.
   */
  public static FieldError problem(String field, String label, Reason problem) {
    return problem.labelled(label).at(field);
  }

  /**
   * A review's conclusion (X-R02): approved (Boolean), an opinion required when it is false, the
   * opinion not too long. The wording is the procedure's own (its bundle).
   */
  public static List<FieldError> review(
      Map<String, Object> variables, Reason conclusionRequired, Reason opinionRequired) {
    List<FieldError> errors = new ArrayList<>();
    Object approved = variables.get("approved");
    if (!(approved instanceof Boolean)) {
      errors.add(conclusionRequired.at("approved"));
    } else if (!((Boolean) approved) && blank(variables.get("opinion"))) {
      errors.add(opinionRequired.at("opinion"));
    }
    tooLong(errors, variables, "opinion");
    return errors;
  }
}
