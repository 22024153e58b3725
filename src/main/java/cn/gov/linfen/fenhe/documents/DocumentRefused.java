package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.common.FieldError;

/** A document that cannot be given: its HTTP status and the reason. */
public class DocumentRefused extends RuntimeException {

  private final int status;
  private final transient FieldError error;

  public DocumentRefused(int status, FieldError error) {
    super(error.english());
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public FieldError error() {
    return error;
  }
}
