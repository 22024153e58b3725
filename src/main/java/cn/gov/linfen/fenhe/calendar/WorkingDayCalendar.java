package cn.gov.linfen.fenhe.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * China's working days (工作日) per the State Council's yearly holiday notices: Mon–Fri except the
 * listed holidays, plus the listed make-up weekend days (调休上班). A year without data is computed on
 * plain Mon–Fri and every answer touching it is marked provisional.
 *
 * <p>"N working days after X": the day of X is not counted; the deadline is the end of office hours
 * on the N-th working day after it, in the calendar's zone (Asia/Shanghai by default, whatever the
 * JVM's zone). Plain Java; the years can be replaced at run time (thread-safe).
 */
public class WorkingDayCalendar {

  /** Why a day is or is not a working day. */
  public enum Reason {
    WEEKDAY("工作日"),
    WEEKEND("周末"),
    HOLIDAY("法定节假日"),
    MAKE_UP_WORKDAY("调休上班");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** The Chinese label people see. */
    public String label() {
      return label;
    }
  }

  /** A day and why it is or is not a working day; {@code holiday} names the holiday, if any. */
  public record Day(
      LocalDate date, boolean workingDay, Reason reason, String holiday, boolean provisional) {}

  /** A computed date; provisional when a year it depends on has no data. */
  public record WorkingDate(LocalDate date, boolean provisional) {}

  /** The largest N accepted (about 40 years): protects against endless loops. */
  public static final int MAX_DAYS = 10_000;

  private final ZoneId zone;
  private final LocalTime officeHoursEnd;
  private volatile Data data;

  private record Data(Map<Integer, HolidayYear> years, Map<LocalDate, Day> specialDays) {}

  public WorkingDayCalendar(ZoneId zone, LocalTime officeHoursEnd, Collection<HolidayYear> years) {
    this.zone = zone;
    this.officeHoursEnd = officeHoursEnd;
    useYears(years);
  }

  /** Replaces every year's data at once; computations started afterwards see the new data. */
  public void useYears(Collection<HolidayYear> years) {
    Map<Integer, HolidayYear> byYear = new TreeMap<>();
    for (HolidayYear year : years) {
      byYear.put(year.year(), year);
    }
    Map<LocalDate, Day> special = new HashMap<>();
    // a notice may name days of the adjacent year (元旦 from 31 December): the notice of the
    // day's own year wins, so it is written last
    for (boolean ownYear : new boolean[] {false, true}) {
      for (HolidayYear year : byYear.values()) {
        for (HolidayYear.Holiday holiday : year.holidays()) {
          for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
            if ((d.getYear() == year.year()) == ownYear) {
              special.put(d, new Day(d, false, Reason.HOLIDAY, holiday.name(), false));
            }
          }
        }
        for (HolidayYear.MakeUpWorkday makeUp : year.makeUpWorkdays()) {
          LocalDate d = makeUp.date();
          if ((d.getYear() == year.year()) == ownYear) {
            special.put(d, new Day(d, true, Reason.MAKE_UP_WORKDAY, makeUp.holiday(), false));
          }
        }
      }
    }
    data = new Data(Map.copyOf(byYear), Map.copyOf(special));
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime officeHoursEnd() {
    return officeHoursEnd;
  }

  /** The years with data, ascending. */
  public List<Integer> yearsCovered() {
    return data.years().keySet().stream().sorted().toList();
  }

  public boolean hasYear(int year) {
    return data.years().containsKey(year);
  }

  public HolidayYear year(int year) {
    return data.years().get(year);
  }

  public boolean isWorkingDay(LocalDate date) {
    return describe(date).workingDay();
  }

  public Day describe(LocalDate date) {
    return describe(data, date);
  }

  /**
   * The N-th working day after {@code from} ({@code from} not counted); N = 0 gives {@code from}.
   */
  public WorkingDate addWorkingDays(LocalDate from, int n) {
    checkDays(n);
    Data current = data;
    boolean provisional = !current.years().containsKey(from.getYear());
    LocalDate date = from;
    int counted = 0;
    while (counted < n) {
      date = date.plusDays(1);
      provisional |= !current.years().containsKey(date.getYear());
      if (describe(current, date).workingDay()) {
        counted++;
      }
    }
    return new WorkingDate(date, provisional);
  }

  /**
   * Working days after {@code from} up to and including {@code to} ("working days left" from today
   * until a deadline day); negative when {@code to} is before {@code from}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    Data current = data;
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (describe(current, d).workingDay()) {
        count++;
      }
    }
    return count;
  }

  /** End of office hours on the N-th working day after the start's date in the calendar's zone. */
  public Instant deadline(Instant start, int n) {
    LocalDate startDate = start.atZone(zone).toLocalDate();
    return endOfOfficeHours(addWorkingDays(startDate, n).date());
  }

  /** Whether {@link #deadline} from this start depends on a year without data. */
  public boolean isProvisional(Instant start, int n) {
    return addWorkingDays(start.atZone(zone).toLocalDate(), n).provisional();
  }

  public Instant endOfOfficeHours(LocalDate date) {
    return date.atTime(officeHoursEnd).atZone(zone).toInstant();
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** One snapshot of the data for a whole computation (the years may be replaced meanwhile). */
  private static Day describe(Data current, LocalDate date) {
    Day special = current.specialDays().get(date);
    if (special != null) {
      return special;
    }
    boolean provisional = !current.years().containsKey(date.getYear());
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    boolean weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
    return new Day(date, !weekend, weekend ? Reason.WEEKEND : Reason.WEEKDAY, null, provisional);
  }

  private static void checkDays(int n) {
    if (n < 0 || n > MAX_DAYS) {
      throw new IllegalArgumentException(
          "working days must be between 0 and " + MAX_DAYS + ": " + n);
    }
  }
}
