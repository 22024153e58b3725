package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the calendar current and says when it is not: re-reads the stored years regularly (another
 * engine node may have changed them) and logs a warning at start-up and every morning while a
 * needed year has no data (see {@link CalendarStatus}). "Today" is the engine's clock in the
 * calendar's zone.
 */
public class CalendarWatch {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarWatch.class);

  private final WorkingDayCalendar calendar;
  private final CalendarYears years;

  private final FenheClock clock;

  public CalendarWatch(WorkingDayCalendar calendar, CalendarYears years, FenheClock clock) {
    this.clock = clock;
    this.calendar = calendar;
    this.years = years;
  }

  public CalendarStatus status() {
    return CalendarStatus.of(calendar, today());
  }

  public LocalDate today() {
    return calendar.dateOf(clock.now());
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warnAtStartUp() {
    warnIfDataMissing();
  }

  @Scheduled(
      cron = "${fenhe.calendar.warning-cron:0 0 8 * * *}",
      zone = "${fenhe.time-zone:Asia/Shanghai}")
  public void warnIfDataMissing() {
    CalendarStatus status = status();
    if (status.hasWarning()) {
      LOG.warn("{} / {}", status.warning(), status.warningEn());
    }
  }

  @Scheduled(
      fixedDelayString = "${fenhe.calendar.reload-interval:PT1M}",
      initialDelayString = "${fenhe.calendar.reload-interval:PT1M}")
  public void reload() {
    years.reload();
  }
}
