package cn.gov.linfen.fenhe.procedures.p3;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When applications are accepted and for which half-year (临政办发〔2021〕20号 三: "奖励资金按半年度 核定拨付。于每年 1 月份和
 * 7 月份…提出书面申请"): in the configured months (default January and July, P3-R02), Asia/Shanghai, for
 * the <b>preceding</b> half-year (P3-R08): an application in January 2027 is for 2026年下半年 ({@code
 * 2026-H2}, July–December 2026), one in July 2026 for 2026年上半年 ({@code 2026-H1}). {@code
 * YYYY-H1}/{@code YYYY-H2} is the API's and the database's key; people read {@link #label(String)}.
 * Plain logic.
 */
public class ApplicationWindow {

  public static final Pattern PERIOD = Pattern.compile("^(\\d{4})-H([12])$");

  private final SortedSet<Integer> months;

  public ApplicationWindow(List<Integer> months) {
    if (months == null || months.isEmpty()) {
      throw new IllegalArgumentException("fenhe.p3.application-months: at least one month");
    }
    for (Integer month : months) {
      if (month == null || month < 1 || month > 12) {
        throw new IllegalArgumentException("fenhe.p3.application-months: not a month: " + month);
      }
    }
    this.months = new TreeSet<>(months);
  }

  public SortedSet<Integer> months() {
    return months;
  }

  public boolean isOpen(LocalDate day) {
    return months.contains(day.getMonthValue());
  }

  /** The period applied for on that day (the preceding half-year), when the window is open. */
  public Optional<String> periodOn(LocalDate day) {
    return isOpen(day) ? Optional.of(precedingPeriod(day)) : Optional.empty();
  }

  /**
   * The half-year before the one the day lies in (P3-R08): {@code 2026-H2} for any day of January
   * to June 2027, {@code 2027-H1} for any day of July to December 2027.
   */
  public static String precedingPeriod(LocalDate day) {
    return day.getMonthValue() <= 6 ? (day.getYear() - 1) + "-H2" : day.getYear() + "-H1";
  }

  /** {@code 2026-H2} → "2026年下半年"; {@code 2026-H1} → "2026年上半年"; anything else unchanged. */
  public static String label(String period) {
    if (period == null) {
      return null;
    }
    Matcher matcher = PERIOD.matcher(period.trim());
    if (!matcher.matches()) {
      return period;
    }
    return matcher.group(1) + "年" + ("1".equals(matcher.group(2)) ? "上" : "下") + "半年";
  }

  /** The months of the half-year in Chinese: "2026年7月至12月". */
  public static String monthsOf(String period) {
    Matcher matcher = PERIOD.matcher(period.trim());
    if (!matcher.matches()) {
      return period;
    }
    return matcher.group(1) + ("1".equals(matcher.group(2)) ? "年1月至6月" : "年7月至12月");
  }

  /** The months in Chinese, e.g. "1 月、7 月". */
  public String monthsInChinese() {
    return months.stream().map(m -> m + " 月").collect(Collectors.joining("、"));
  }
}
