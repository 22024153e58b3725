package cn.gov.linfen.fenhe.common;

/**
 * One refused input: the field (a process variable name) and the reason, in Chinese and English.
 */
public record FieldError(String field, String chinese, String english) {

  @Override
  public String toString() {
    return field + ": " + chinese + " / " + english;
  }
}
