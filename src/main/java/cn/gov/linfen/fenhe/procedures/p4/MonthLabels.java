package cn.gov.linfen.fenhe.procedures.p4;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The sampling month: {@code 2026-11} in the API, "2026年11月" for people. */
public final class MonthLabels {

  public static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private MonthLabels() {}

  public static Optional<YearMonth> parse(Object text) {
    if (!(text instanceof String s) || !MONTH.matcher(s.trim()).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(s.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static String label(String month) {
    YearMonth ym = YearMonth.parse(month);
    return ym.getYear() + "年" + ym.getMonthValue() + "月";
  }
}
