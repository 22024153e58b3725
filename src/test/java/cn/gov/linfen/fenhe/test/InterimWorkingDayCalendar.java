package cn.gov.linfen.fenhe.test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEST-ONLY stand-in for the working-day calendar of issue 3 (branch {@code calendar}), which is
 * not on {@code main} yet: models already write working-day deadlines as {@code 3WD} (due dates
 * and timer durations). Whatever calendar the engine has is asked first; only what it refuses
 * and reads {@code <n>WD} is computed here — so once the real calendar lands this class does
 * nothing and can be deleted. Working days per 国办发明电〔2025〕7号 for 2026 only (Mon–Fri
 * otherwise); the deadline is 18:00 Asia/Shanghai of the n-th working day, the start day not
 * counted (PROCEDURES.md conventions).
 */
@Configuration(proxyBeanMethods = false)
public class InterimWorkingDayCalendar {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Pattern WORKING_DAYS = Pattern.compile("^(\\d+)WD$");
  /** 国办发明电〔2025〕7号: the 2026 holidays. */
  private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(
      d(1, 1), d(1, 2), d(1, 3),
      d(2, 15), d(2, 16), d(2, 17), d(2, 18), d(2, 19), d(2, 20), d(2, 21), d(2, 22), d(2, 23),
      d(4, 4), d(4, 5), d(4, 6),
      d(5, 1), d(5, 2), d(5, 3), d(5, 4), d(5, 5),
      d(6, 19), d(6, 20), d(6, 21),
      d(9, 25), d(9, 26), d(9, 27),
      d(10, 1), d(10, 2), d(10, 3), d(10, 4), d(10, 5), d(10, 6), d(10, 7));
  /** 国办发明电〔2025〕7号: the 2026 make-up working days (调休上班). */
  private static final Set<LocalDate> MAKE_UP_2026 = Set.of(d(1, 4), d(2, 14), d(2, 28), d(5, 9), d(9, 20), d(10, 10));

  private static LocalDate d(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  @Bean
  AbstractProcessEnginePlugin interimWorkingDayCalendarPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager manager = configuration.getBusinessCalendarManager();
        if (manager instanceof MapBusinessCalendarManager map) {
          for (String name : new String[] {DueDateBusinessCalendar.NAME, DurationBusinessCalendar.NAME}) {
            map.addBusinessCalendar(name, new Fallback(map.getBusinessCalendar(name)));
          }
        }
      }
    };
  }

  static boolean isWorkingDay(LocalDate day) {
    if (MAKE_UP_2026.contains(day)) {
      return true;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend && !HOLIDAYS_2026.contains(day);
  }

  /** 18:00 Shanghai of the n-th working day after the day of {@code start}. */
  public static Date addWorkingDays(Date start, int days) {
    LocalDate day = start.toInstant().atZone(SHANGHAI).toLocalDate();
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return Date.from(ZonedDateTime.of(day, LocalTime.of(18, 0), SHANGHAI).toInstant());
  }

  private record Fallback(BusinessCalendar delegate) implements BusinessCalendar {

    @Override
    public Date resolveDuedate(String duedate) {
      return resolveDuedate(duedate, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      try {
        return delegate.resolveDuedate(duedate, startDate);
      } catch (RuntimeException refused) {
        Matcher matcher = WORKING_DAYS.matcher(duedate == null ? "" : duedate.trim());
        if (!matcher.matches()) {
          throw refused;
        }
        return addWorkingDays(startDate != null ? startDate : ClockUtil.getCurrentTime(), Integer.parseInt(matcher.group(1)));
      }
    }

    @Override
    public Date resolveDuedate(String duedate, Task task) {
      try {
        return delegate.resolveDuedate(duedate, task);
      } catch (RuntimeException refused) {
        return resolveDuedate(duedate, (Date) null);
      }
    }
  }
}
