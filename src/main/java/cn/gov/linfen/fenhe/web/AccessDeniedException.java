package cn.gov.linfen.fenhe.web;

/** The caller may not use this part of the platform API: HTTP 403. */
public class AccessDeniedException extends RuntimeException {

  private final String chinese;
  private final String english;

  public AccessDeniedException(String chinese, String english) {
    super(english);
    this.chinese = chinese;
    this.english = english;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }
}
