package cn.gov.linfen.fenhe.web;

/** Bad input to the platform API: answered with HTTP 400 naming the field and the reason. */
public class InvalidInputException extends RuntimeException {

  private final String field;
  private final String chinese;
  private final String english;

  public InvalidInputException(String field, String chinese, String english) {
    super(field + ": " + english);
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
