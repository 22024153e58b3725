package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps one of the engine's stock business calendars ({@code duration}, {@code dueDate}): {@code
 * 3WD} means the deadline of 3 working days after now (the engine clock), i.e. the end of office
 * hours (18:00 Asia/Shanghai) on the 3rd working day after today; any other value (ISO 8601 {@code
 * P10D}, {@code P3M}, a date) goes to the stock calendar unchanged.
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

  /** The modellers' syntax: a number of working days, e.g. {@code 3WD}. */
  public static final Pattern WORKING_DAYS = Pattern.compile("^\\s*(\\d+)\\s*WD\\s*$");

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayBusinessCalendar.class);

  private final WorkingDayCalendar calendar;
  private final BusinessCalendar stock;

  private final FenheClock clock;

  public WorkingDayBusinessCalendar(
      WorkingDayCalendar calendar, BusinessCalendar stock, FenheClock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.stock = stock;
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Integer days = workingDays(duedateDescription);
    if (days == null) {
      return stock.resolveDuedate(duedateDescription, startDate);
    }
    return deadline(startDate == null ? clock.nowAsDate() : startDate, days, duedateDescription);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    Integer days = workingDays(duedateDescription);
    if (days == null) {
      return stock.resolveDuedate(duedateDescription, task);
    }
    return deadline(clock.nowAsDate(), days, duedateDescription);
  }

  /** The number of working days of a {@code NWD} value, or null for any other value. */
  static Integer workingDays(String description) {
    if (description == null) {
      return null;
    }
    Matcher matcher = WORKING_DAYS.matcher(description);
    if (!matcher.matches()) {
      return null;
    }
    String digits = matcher.group(1);
    if (digits.length() > 5 || Integer.parseInt(digits) > WorkingDayCalendar.MAX_DAYS) {
      throw new ProcessEngineException(
          "工作日期限过大 / too many working days (at most "
              + WorkingDayCalendar.MAX_DAYS
              + "): "
              + description);
    }
    return Integer.parseInt(digits);
  }

  private Date deadline(Date start, int days, String description) {
    Instant from = start.toInstant();
    if (calendar.isProvisional(from, days)) {
      LOG.warn(
          "期限 {} 涉及无工作日数据的年份，按周一至周五临时计算 / deadline {} from {} falls in a year without"
              + " working-day data: computed on Mon–Fri (provisional)",
          description,
          description,
          from);
    }
    return Date.from(calendar.deadline(from, days));
  }
}
