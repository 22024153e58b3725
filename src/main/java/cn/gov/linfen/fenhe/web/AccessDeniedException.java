package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.common.Reason;

/** The caller may not use this part of the platform API: HTTP 403. */
public class AccessDeniedException extends RuntimeException {

  private final Reason reason;

  public AccessDeniedException(Reason reason) {
    super(reason.english());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
