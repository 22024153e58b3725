package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.common.FieldError;

/** Bad input to the platform API: answered with HTTP 400 naming the field and the reason. */
public class InvalidInputException extends RuntimeException {

  private final FieldError error;

  public InvalidInputException(FieldError error) {
    super(error.field() + ": " + error.english());
    this.error = error;
  }

  public FieldError error() {
    return error;
  }
}
