package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.common.FieldError;

/** Calendar data that cannot be used: names the field and the reason in Chinese and English. */
public class CalendarDataException extends RuntimeException {

  private final FieldError error;

  public CalendarDataException(FieldError error) {
    super(error.toString());
    this.error = error;
  }

  public FieldError error() {
    return error;
  }

  public String field() {
    return error.field();
  }

  public String chinese() {
    return error.chinese();
  }

  public String english() {
    return error.english();
  }
}
