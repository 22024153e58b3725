package cn.gov.linfen.fenhe.common;

/**
 * The refusal texts of {@code common}: the checks every procedure shares. The texts, Chinese and
 * English side by side, are in {@code src/main/resources/refusals/common.properties}.
 */
public enum CommonRefusal implements RefusalText {
  COUNTY_UNKNOWN,
  CREDIT_CODE_REQUIRED,
  CREDIT_CODE_LENGTH,
  CREDIT_CODE_INVALID,
  FIELD_REQUIRED,
  TEXT_TOO_LONG,
  FIELD_NOT_TEXT,
  FIELD_WRONG_FORMAT,
  AMOUNT_NEGATIVE,
  AMOUNT_SCALE,
  AMOUNT_TOO_LARGE,
  AMOUNT_NOT_A_NUMBER;

  @Override
  public String bundle() {
    return "common";
  }
}
