package cn.gov.linfen.fenhe.procedures.p3;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The 3-month deadline of P3-R06 ("奖励资金确认及拨付工作在三个月内完成") and its warning: due at 18:00 Asia/Shanghai
 * on the same day of the month three calendar months after the application day (a day the month
 * lacks → its last day, e.g. 31 Jan → 30 Apr), not moved for holidays; "due soon" from 18:00 of the
 * 10th working day before that day — the moment from which the deadline lies within 10 working days
 * (X-R01 calendar). Both numbers are configuration ({@code fenhe.p3.deadline-months}, {@code
 * fenhe.p3.due-soon-working-days}).
 */
public class ScrapSteelDeadlines {

  /** The application day and the two instants. */
  public record Deadlines(LocalDate applicationDate, Instant dueAt, Instant dueSoonAt) {}

  private final WorkingDayCalendar calendar;
  private final int months;
  private final int dueSoonWorkingDays;

  public ScrapSteelDeadlines(WorkingDayCalendar calendar, int months, int dueSoonWorkingDays) {
    if (months < 1 || dueSoonWorkingDays < 0) {
      throw new IllegalArgumentException(
          "fenhe.p3.deadline-months must be at least 1 and fenhe.p3.due-soon-working-days"
              + " not negative: "
              + months
              + ", "
              + dueSoonWorkingDays);
    }
    this.calendar = calendar;
    this.months = months;
    this.dueSoonWorkingDays = dueSoonWorkingDays;
  }

  public Deadlines of(Instant appliedAt) {
    LocalDate applied = calendar.dateOf(appliedAt);
    LocalDate dueDay = applied.plusMonths(months);
    LocalDate soonDay = dueDay;
    int counted = 0;
    while (counted < dueSoonWorkingDays) {
      soonDay = soonDay.minusDays(1);
      if (calendar.isWorkingDay(soonDay)) {
        counted++;
      }
    }
    return new Deadlines(
        applied, calendar.endOfOfficeHours(dueDay), calendar.endOfOfficeHours(soonDay));
  }
}
