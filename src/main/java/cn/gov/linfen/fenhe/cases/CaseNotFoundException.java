package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.web.PlatformRefusal;

/**
 * No such case, or the caller takes no part in it: both HTTP 404 with the same answer, so that a
 * stranger cannot tell which business keys exist.
 */
public class CaseNotFoundException extends RuntimeException {

  private final transient FieldError error;

  public CaseNotFoundException(String field) {
    this(PlatformRefusal.CASE_NOT_FOUND.at(field));
  }

  public CaseNotFoundException(FieldError error) {
    super(error.english());
    this.error = error;
  }

  public FieldError error() {
    return error;
  }
}
