package cn.gov.linfen.fenhe.procedures.p4;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The month-end check of one county (P4-R05, 二(五)): the month's sampled sellers against 20% of the
 * registered ones, and at the end of the year (December) the sellers sampled in the year against
 * 100%. A shortfall is escalated to the city market supervision bureau. Plain logic.
 */
public class CheckingCoverage {

  public static final BigDecimal MONTH_TARGET = new BigDecimal("20");
  public static final BigDecimal YEAR_TARGET = new BigDecimal("100");

  /** The check's answer. */
  public record Coverage(
      BigDecimal monthPercent,
      BigDecimal yearPercent,
      boolean monthShort,
      boolean yearShort,
      String summary) {
    public boolean shortfall() {
      return monthShort || yearShort;
    }
  }

  /**
   * Sampled ÷ registered in percent, two decimals, rounded down (never shows 20.00 for 19.999); 100
   * when none is registered.
   */
  public static BigDecimal percent(int sampled, int registered) {
    if (registered <= 0) {
      return new BigDecimal("100.00");
    }
    return BigDecimal.valueOf(sampled)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(registered), 2, RoundingMode.DOWN);
  }

  public Coverage check(
      String county,
      String month,
      int registered,
      int monthSampled,
      int yearRegistered,
      int yearSampled) {
    BigDecimal monthPercent = percent(monthSampled, registered);
    BigDecimal yearPercent = percent(yearSampled, yearRegistered);
    // exact comparison: sampled × 100 ≥ 20 × registered
    boolean monthShort = registered > 0 && monthSampled * 100L < 20L * registered;
    boolean yearEnd = month.endsWith("-12");
    boolean yearShort = yearEnd && yearRegistered > 0 && yearSampled < yearRegistered;
    String label = MonthLabels.label(month);
    StringBuilder summary =
        new StringBuilder(
            county
                + label
                + "：登记 "
                + registered
                + " 家，已抽检 "
                + monthSampled
                + " 家，抽检覆盖率 "
                + monthPercent
                + "%"
                + (monthShort ? "，低于每月 20% 的要求" : "，达到每月 20% 的要求"));
    if (yearEnd) {
      summary
          .append("；全年已抽检 ")
          .append(yearSampled)
          .append(" / ")
          .append(yearRegistered)
          .append(" 家，覆盖率 ")
          .append(yearPercent)
          .append("%")
          .append(yearShort ? "，未达到全年 100% 的要求" : "，达到全年 100% 的要求");
    }
    return new Coverage(monthPercent, yearPercent, monthShort, yearShort, summary.toString());
  }
}
