package cn.gov.linfen.fenhe.procedures.p3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.calendar.CalendarFile;
import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * P3's 3-month deadline and its due-soon warning on the shipped calendar (no Spring, no engine).
 */
class ScrapSteelDeadlinesTest {

  static final WorkingDayCalendar CALENDAR =
      new WorkingDayCalendar(
          ZoneId.of("Asia/Shanghai"),
          LocalTime.of(18, 0),
          CalendarFile.load(CalendarFile.DEFAULT_LOCATION));

  static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  @Test
  void
      P3_R06_due_three_months_after_the_application_and_due_soon_10_working_days_before_across_national_day() {
    // applied late on 15 July 2026 in Shanghai (still 15 July), as the scenario test does on the
    // engine clock
    ScrapSteelDeadlines.Deadlines due =
        new ScrapSteelDeadlines(CALENDAR, 3, 10).of(shanghai("2026-07-15T23:30:00"));

    assertThat(due.applicationDate()).isEqualTo(LocalDate.of(2026, 7, 15));
    assertThat(due.dueAt()).isEqualTo(shanghai("2026-10-15T18:00:00"));
    // the 10th working day before Thu 15 October: 14, 13, 12, Sat 10 (make-up day), 9, 8, [National
    // Day 1–7],
    // 30 Sep, 29, 28, [weekend 26–27, Mid-Autumn Fri 25], Thu 24 September
    assertThat(due.dueSoonAt()).isEqualTo(shanghai("2026-09-24T18:00:00"));
  }

  @Test
  void
      P3_R06_a_day_the_third_month_lacks_falls_back_to_its_last_day_and_the_numbers_are_configuration() {
    assertThat(new ScrapSteelDeadlines(CALENDAR, 3, 10).of(shanghai("2027-01-31T10:00:00")).dueAt())
        .isEqualTo(shanghai("2027-04-30T18:00:00"));
    ScrapSteelDeadlines.Deadlines other =
        new ScrapSteelDeadlines(CALENDAR, 2, 0).of(shanghai("2026-07-15T10:00:00"));
    assertThat(other.dueAt()).isEqualTo(shanghai("2026-09-15T18:00:00"));
    assertThat(other.dueSoonAt()).isEqualTo(other.dueAt());
    assertThatThrownBy(() -> new ScrapSteelDeadlines(CALENDAR, 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
