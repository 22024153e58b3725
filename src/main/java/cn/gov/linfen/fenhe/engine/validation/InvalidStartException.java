package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.workers.common.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** Thrown by the start check: the engine REST API answers it with HTTP 400 and its message. */
public class InvalidStartException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public InvalidStartException(String processKey, String processName, List<FieldError> errors) {
    super("申请内容有误，未创建案件（" + (processName == null ? processKey : processName) + "）/ invalid start of "
        + processKey + ", nothing was created: "
        + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** For other refused inputs of a request (see {@link InvalidTaskCompletionException}). */
  protected InvalidStartException(List<FieldError> errors, String message) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
