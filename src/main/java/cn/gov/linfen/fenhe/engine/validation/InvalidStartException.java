package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.List;

/** Thrown by the start check: answered with HTTP 400 naming the fields; no case is created. */
public class InvalidStartException extends EngineRefusal {

  public InvalidStartException(String processKey, String processName, List<FieldError> errors) {
    super(
        400,
        errors,
        "申请内容有误，未创建案件（"
            + (processName == null ? processKey : processName)
            + "）："
            + chinese(errors)
            + " / invalid start of "
            + processKey
            + ", nothing was created: "
            + english(errors));
  }

  /** For other refused inputs of a request (see {@link InvalidTaskCompletionException}). */
  protected InvalidStartException(List<FieldError> errors, String message) {
    super(400, errors, message);
  }

  static String chinese(List<FieldError> errors) {
    return String.join("；", errors.stream().map(e -> e.chinese()).distinct().toList());
  }

  static String english(List<FieldError> errors) {
    return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.english()).toList());
  }
}
