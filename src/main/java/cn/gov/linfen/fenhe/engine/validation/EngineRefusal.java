package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request the engine refuses on Fenhe's behalf (a guard or a check): the HTTP status it is
 * answered with (400, 403, 404 or 409) and the refused fields with their reasons in Chinese and
 * English. Nothing is written: the command's transaction rolls back.
 *
 * <p>Every refusal is handed to the HTTP layer of the same request thread ({@link Refusals}), so
 * the engine REST API, the webapps and the platform API answer it with its status and JSON body,
 * not with the 500 or 400 the engine REST API gives any engine exception.
 */
public class EngineRefusal extends BadUserRequestException {

  private final int status;
  private final transient List<FieldError> errors;

  public EngineRefusal(int status, List<FieldError> errors, String message) {
    super(message);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one field");
    }
    this.status = status;
    this.errors = List.copyOf(errors);
    Refusals.record(this);
  }

  public EngineRefusal(int status, FieldError error) {
    this(status, List.of(error), error.toString());
  }

  public static EngineRefusal badRequest(FieldError error) {
    return new EngineRefusal(400, error);
  }

  public static EngineRefusal forbidden(FieldError error) {
    return new EngineRefusal(403, error);
  }

  /** A refusal of several fields; the summary heads the message (logs). */
  public static EngineRefusal badRequest(List<FieldError> errors, Reason summary) {
    return new EngineRefusal(
        400,
        errors,
        summary
            + ": "
            + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
