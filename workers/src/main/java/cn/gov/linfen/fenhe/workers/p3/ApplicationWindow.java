package cn.gov.linfen.fenhe.workers.p3;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When applications are accepted (P3-R02, 临政办发〔2021〕20号 三: "于每年 1 月份和 7 月份"): the
 * configured months (default January and July), in Asia/Shanghai. The period of an application
 * is named after the half-year of the month it is made in: {@code YYYY-H1} in January,
 * {@code YYYY-H2} in July (the naming). Plain logic.
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

  /** The period of an application made on that day, when the window is open. */
  public Optional<String> periodOn(LocalDate day) {
    return isOpen(day) ? Optional.of(periodOf(day)) : Optional.empty();
  }

  /** The half-year of a day: {@code 2027-H1} for January to June, {@code 2027-H2} for July to December. */
  public static String periodOf(LocalDate day) {
    return day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
  }

  /** The months in Chinese, e.g. "1 月、7 月". */
  public String monthsInChinese() {
    return months.stream().map(m -> m + " 月").collect(Collectors.joining("、"));
  }
}
