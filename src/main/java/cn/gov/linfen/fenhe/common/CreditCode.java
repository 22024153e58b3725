package cn.gov.linfen.fenhe.common;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet, the last one a check character over the first 17.
 */
public final class CreditCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return code.charAt(17) == checkCharacter(code.substring(0, 17));
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }

  /** The reason a code is refused, or null when it is valid. */
  public static FieldError check(String field, String code) {
    if (code == null || code.isBlank()) {
      return CommonRefusal.CREDIT_CODE_REQUIRED.at(field);
    }
    if (code.length() != 18) {
      return CommonRefusal.CREDIT_CODE_LENGTH.at(field);
    }
    if (!isValid(code)) {
      return CommonRefusal.CREDIT_CODE_INVALID.at(field);
    }
    return null;
  }
}
