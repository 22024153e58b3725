package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.time.EngineClock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's calendars with working days: {@code NWD} here, everything else to the stock
 * calendar.
 */
class WorkingDayBusinessCalendarTest {

  static final Instant WEDNESDAY_30_SEPTEMBER_10_00 = Instant.parse("2026-09-30T02:00:00Z");
  static final Instant SATURDAY_10_OCTOBER_18_00 = Instant.parse("2026-10-10T10:00:00Z");

  final WorkingDayCalendar calendar =
      new WorkingDayCalendar(
          ZoneId.of("Asia/Shanghai"), LocalTime.of(18, 0), WorkingDayCalendarTest.FILE);
  final WorkingDayBusinessCalendar duration =
      new WorkingDayBusinessCalendar(
          calendar, new DurationBusinessCalendar(), TestClock.of(new EngineClock()));
  final WorkingDayBusinessCalendar dueDate =
      new WorkingDayBusinessCalendar(
          calendar, new DueDateBusinessCalendar(), TestClock.of(new EngineClock()));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void X_R01_nWD_is_the_deadline_of_n_working_days_after_now_on_the_engine_clock() {
    ClockUtil.setCurrentTime(Date.from(WEDNESDAY_30_SEPTEMBER_10_00));
    assertThat(duration.resolveDuedate("3WD").toInstant()).isEqualTo(SATURDAY_10_OCTOBER_18_00);
    assertThat(dueDate.resolveDuedate(" 3 WD ").toInstant()).isEqualTo(SATURDAY_10_OCTOBER_18_00);
    assertThat(duration.resolveDuedate("3WD", (org.camunda.bpm.engine.task.Task) null).toInstant())
        .isEqualTo(SATURDAY_10_OCTOBER_18_00);
  }

  @Test
  void X_R01_an_explicit_start_date_is_counted_from() {
    assertThat(duration.resolveDuedate("3WD", Date.from(WEDNESDAY_30_SEPTEMBER_10_00)).toInstant())
        .isEqualTo(SATURDAY_10_OCTOBER_18_00);
  }

  @Test
  void iso_values_go_to_the_stock_calendar_unchanged() {
    ClockUtil.setCurrentTime(Date.from(WEDNESDAY_30_SEPTEMBER_10_00));
    assertThat(duration.resolveDuedate("P10D").toInstant()).isEqualTo("2026-10-10T02:00:00Z");
    assertThat(dueDate.resolveDuedate("2026-12-01T09:00:00").toInstant())
        .isEqualTo(new DueDateBusinessCalendar().resolveDuedate("2026-12-01T09:00:00").toInstant());
  }

  @Test
  void only_a_whole_number_followed_by_WD_is_working_days() {
    assertThat(WorkingDayBusinessCalendar.workingDays("10WD")).isEqualTo(10);
    assertThat(WorkingDayBusinessCalendar.workingDays("P3D")).isNull();
    assertThat(WorkingDayBusinessCalendar.workingDays("3WDX")).isNull();
    assertThat(WorkingDayBusinessCalendar.workingDays("-3WD")).isNull();
    assertThat(WorkingDayBusinessCalendar.workingDays(null)).isNull();
    assertThatThrownBy(() -> WorkingDayBusinessCalendar.workingDays("99999999999WD"))
        .isInstanceOf(ProcessEngineException.class);
  }
}
