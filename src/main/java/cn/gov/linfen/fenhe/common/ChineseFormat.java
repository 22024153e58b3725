package cn.gov.linfen.fenhe.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How official documents (公文) write dates and money: dates as {@code 2026年12月9日}, yuan with two
 * decimals ({@code 1,234,567.89元}), 万元 where the gazette uses 万元, and the amount in Chinese
 * capitals (大写金额, {@code 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分}) by the rules of the People's Bank's 支付结算办法: "整" after
 * 元 or 角, none after 分, "零" for a missing 角 between 元 and 分. Plain Java, shared by the procedures'
 * documents.
 */
public final class ChineseFormat {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] PLACES = {"", "拾", "佰", "仟"};
  private static final String[] GROUPS = {"", "万", "亿", "万亿"};
  private static final BigDecimal LIMIT = new BigDecimal("10000000000000");

  private ChineseFormat() {}

  /** {@code 2026年12月9日}: no leading zeros, as the gazette writes dates. */
  public static String date(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** {@code 1,234,567.89元}: yuan with two decimals and thousands separators. */
  public static String yuan(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + "元";
  }

  /** {@code 123.456789万元}: 万元 as the gazette's forms write amounts, trailing zeros dropped. */
  public static String wan(BigDecimal amount) {
    BigDecimal wan = amount.movePointLeft(4).stripTrailingZeros();
    return (wan.scale() < 0 ? wan.setScale(0) : wan).toPlainString() + "万元";
  }

  /**
   * The amount in Chinese capitals (大写): {@code 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分}, {@code 壹拾元整}, {@code 伍分},
   * {@code 零元整}. Amounts from 0 to below 十万亿元 with at most two decimals.
   */
  public static String capitals(BigDecimal amount) {
    if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("amount out of range: " + amount);
    }
    BigDecimal cents = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
    long total = cents.longValueExact();
    long yuan = total / 100;
    int jiao = (int) (total / 10 % 10);
    int fen = (int) (total % 10);
    StringBuilder text = new StringBuilder();
    if (yuan > 0) {
      text.append(integer(yuan)).append('元');
    }
    if (jiao > 0) {
      text.append(DIGITS.charAt(jiao)).append('角');
    } else if (fen > 0 && yuan > 0) {
      text.append('零');
    }
    if (fen > 0) {
      text.append(DIGITS.charAt(fen)).append('分');
    } else if (yuan == 0 && jiao == 0) {
      text.append("零元整");
    } else {
      text.append('整');
    }
    return text.toString();
  }

  /** A whole number of yuan in capitals, groups of four digits (万, 亿), zeros written once. */
  static String integer(long number) {
    int[] groups = new int[GROUPS.length];
    long rest = number;
    for (int i = 0; i < groups.length; i++) {
      groups[i] = (int) (rest % 10000);
      rest /= 10000;
    }
    StringBuilder text = new StringBuilder();
    boolean zeroPending = false;
    for (int i = groups.length - 1; i >= 0; i--) {
      int group = groups[i];
      if (group == 0) {
        zeroPending = text.length() > 0;
        continue;
      }
      if (text.length() > 0 && (zeroPending || group < 1000)) {
        text.append('零');
      }
      // 9,9999,0000,0000 is 玖万玖仟玖佰玖拾玖亿: the 亿 of the next group serves both
      String unit = i == 3 && groups[2] != 0 ? "万" : GROUPS[i];
      text.append(group(group)).append(unit);
      zeroPending = false;
    }
    return text.toString();
  }

  private static String group(int group) {
    StringBuilder text = new StringBuilder();
    boolean zero = false;
    for (int place = 3; place >= 0; place--) {
      int digit = group / (int) Math.pow(10, place) % 10;
      if (digit == 0) {
        zero = text.length() > 0;
      } else {
        if (zero) {
          text.append('零');
          zero = false;
        }
        text.append(DIGITS.charAt(digit)).append(PLACES[place]);
      }
    }
    return text.toString();
  }
}
