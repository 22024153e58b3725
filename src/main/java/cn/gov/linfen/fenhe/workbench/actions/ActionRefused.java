package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.common.FieldError;

/**
 * A task action refused before anything was changed: the HTTP status (400, 403, 404, 409, 429) and
 * the refused field with its reason in Chinese and English.
 */
public class ActionRefused extends RuntimeException {

  private final int status;
  private final transient FieldError error;
  private final Long retryAfterSeconds;

  public ActionRefused(int status, FieldError error) {
    this(status, error, null);
  }

  public ActionRefused(int status, FieldError error, Long retryAfterSeconds) {
    super(error.toString());
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ActionRefused badRequest(FieldError error) {
    return new ActionRefused(400, error);
  }

  static ActionRefused forbidden(FieldError error) {
    return new ActionRefused(403, error);
  }

  static ActionRefused notFound(FieldError error) {
    return new ActionRefused(404, error);
  }

  static ActionRefused conflict(FieldError error) {
    return new ActionRefused(409, error);
  }

  public int status() {
    return status;
  }

  public FieldError error() {
    return error;
  }

  /** For 429: the seconds until the action is allowed again. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
