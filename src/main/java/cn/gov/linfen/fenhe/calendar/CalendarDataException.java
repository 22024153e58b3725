package cn.gov.linfen.fenhe.calendar;

/** Calendar data that cannot be used: names the field and the reason in Chinese and English. */
public class CalendarDataException extends RuntimeException {

  private final String field;
  private final String chinese;
  private final String english;

  public CalendarDataException(String field, String chinese, String english) {
    super(field + ": " + chinese + " / " + english);
    this.field = field;
    this.chinese = chinese;
    this.english = english;
  }

  public String field() {
    return field;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }
}
