package cn.gov.linfen.fenhe.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the calendar has the data it needs: the current year always, and from 1 November (the
 * State Council publishes next year's notice around then) the next year too.
 *
 * @param today the day checked, in the calendar's zone
 * @param yearsCovered the years with data
 * @param missingYears the years that should have data and have none
 * @param warning the warning in Chinese, or null
 * @param warningEn the warning in English, or null
 */
public record CalendarStatus(
    LocalDate today,
    List<Integer> yearsCovered,
    List<Integer> missingYears,
    String warning,
    String warningEn) {

  public static CalendarStatus of(WorkingDayCalendar calendar, LocalDate today) {
    List<Integer> needed = new ArrayList<>(List.of(today.getYear()));
    if (today.getMonthValue() >= Month.NOVEMBER.getValue()) {
      needed.add(today.getYear() + 1);
    }
    List<Integer> missing = needed.stream().filter(year -> !calendar.hasYear(year)).toList();
    if (missing.isEmpty()) {
      return new CalendarStatus(today, calendar.yearsCovered(), missing, null, null);
    }
    String years = missing.stream().map(String::valueOf).collect(Collectors.joining("、"));
    String yearsEn = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return new CalendarStatus(
        today,
        calendar.yearsCovered(),
        missing,
        "缺少 "
            + years
            + " 年的工作日数据：请在国务院办公厅发布节假日安排通知后，由系统管理员在“工作日日历”页面录入。"
            + "录入之前，落在该年的期限按周一至周五临时计算（标记为“临时”）。",
        "Working-day data for "
            + yearsEn
            + " is missing: an administrator must enter it on the working-day"
            + " calendar page once the State Council's holiday notice is published. Until then deadlines"
            + " in that year are computed on Mon–Fri and marked provisional.");
  }

  public boolean hasWarning() {
    return warning != null;
  }
}
