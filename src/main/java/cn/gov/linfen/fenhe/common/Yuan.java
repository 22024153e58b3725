package cn.gov.linfen.fenhe.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts of money in yuan (元), exact decimals with at most two places (分). Values come from REST
 * calls and forms as strings, integers or (from JSON) doubles; a double is taken by its shortest
 * decimal representation, so 499999.99 stays 499999.99. Never binary floating point in arithmetic.
 * Stored in process variables as canonical strings ("499999.99").
 */
public final class Yuan {

  private static final Pattern DECIMAL = Pattern.compile("^-?\\d+(\\.\\d+)?$");

  /** 十万亿元: larger amounts are typing errors. */
  private static final BigDecimal MAXIMUM = new BigDecimal("10000000000000");

  private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

  private Yuan() {}

  /** The reason an amount is refused, or null. Absent (null or blank) is not refused here. */
  public static Reason problem(Object value) {
    try {
      BigDecimal amount = parse(value);
      if (amount == null) {
        return null;
      }
      if (amount.signum() < 0) {
        return CommonRefusal.AMOUNT_NEGATIVE.reason();
      }
      if (amount.stripTrailingZeros().scale() > 2) {
        return CommonRefusal.AMOUNT_SCALE.reason();
      }
      if (amount.compareTo(MAXIMUM) >= 0) {
        return CommonRefusal.AMOUNT_TOO_LARGE.reason();
      }
      return null;
    } catch (IllegalArgumentException e) {
      return CommonRefusal.AMOUNT_NOT_A_NUMBER.reason();
    }
  }

  /**
   * The amount, or null when absent. Throws IllegalArgumentException for anything that is not a
   * decimal number.
   */
  public static BigDecimal parse(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException("not a finite number: " + value);
      }
      return new BigDecimal(Double.toString(number));
    }
    if (value instanceof CharSequence text) {
      String trimmed = text.toString().trim().replace(",", "");
      if (trimmed.isEmpty()) {
        return null;
      }
      if (!DECIMAL.matcher(trimmed).matches()) {
        throw new IllegalArgumentException("not a decimal number: " + text);
      }
      return new BigDecimal(trimmed);
    }
    throw new IllegalArgumentException("not an amount: " + value.getClass().getSimpleName());
  }

  /** The amount, absent counted as 0. */
  public static BigDecimal orZero(Object value) {
    BigDecimal amount = parse(value);
    return amount == null ? BigDecimal.ZERO : amount;
  }

  /** Canonical text in yuan with two decimals: "499999.99", "500000.00". */
  public static String format(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** For people: 万元 with up to six decimals, trailing zeros dropped ("49.999999 万元"). */
  public static String inWan(BigDecimal amount) {
    BigDecimal wan = amount.divide(TEN_THOUSAND).stripTrailingZeros();
    return (wan.scale() < 0 ? wan.setScale(0) : wan).toPlainString() + " 万元";
  }
}
