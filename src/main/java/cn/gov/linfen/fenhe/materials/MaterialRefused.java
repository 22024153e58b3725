package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.common.FieldError;

/** An upload or download refused: its HTTP status and the refused field; nothing was written. */
public class MaterialRefused extends RuntimeException {

  private final int status;
  private final transient FieldError error;

  public MaterialRefused(int status, FieldError error) {
    super(error.field() + ": " + error.english());
    this.status = status;
    this.error = error;
  }

  public static MaterialRefused badRequest(FieldError error) {
    return new MaterialRefused(400, error);
  }

  public int status() {
    return status;
  }

  public FieldError error() {
    return error;
  }
}
