package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day calendar on the shipped data file (no Spring, no engine). */
class WorkingDayCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final List<HolidayYear> FILE = CalendarFile.load(CalendarFile.DEFAULT_LOCATION);

  final WorkingDayCalendar calendar = new WorkingDayCalendar(SHANGHAI, LocalTime.of(18, 0), FILE);

  private LocalDate add(String from, int days) {
    WorkingDayCalendar.WorkingDate result = calendar.addWorkingDays(LocalDate.parse(from), days);
    assertThat(result.provisional()).as("provisional").isFalse();
    return result.date();
  }

  @Test
  void X_R01_three_working_days_after_wednesday_2026_09_30_is_the_make_up_saturday_2026_10_10() {
    assertThat(add("2026-09-30", 3)).isEqualTo("2026-10-10");
  }

  @Test
  void X_R01_three_working_days_after_friday_2021_09_17_is_thursday_2021_09_23() {
    assertThat(add("2021-09-17", 3)).isEqualTo("2021-09-23");
  }

  @Test
  void X_R01_ten_working_days_after_monday_2026_09_28_is_friday_2026_10_16() {
    assertThat(add("2026-09-28", 10)).isEqualTo("2026-10-16");
  }

  @Test
  void X_R01_one_working_day_after_friday_2026_02_13_is_the_make_up_saturday_2026_02_14() {
    assertThat(add("2026-02-13", 1)).isEqualTo("2026-02-14");
  }

  @Test
  void X_R01_the_start_day_is_not_counted_and_zero_days_is_the_start_day() {
    assertThat(add("2026-03-02", 1)).isEqualTo("2026-03-03");
    assertThat(add("2026-03-02", 0)).isEqualTo("2026-03-02");
  }

  @ParameterizedTest(name = "{0}: {1} {2} {3}")
  @CsvSource({
    // 2021 国办发明电〔2020〕27号
    "2021-01-01, false, HOLIDAY, 元旦",
    "2021-02-07, true, MAKE_UP_WORKDAY, 春节",
    "2021-02-11, false, HOLIDAY, 春节",
    "2021-06-14, false, HOLIDAY, 端午节",
    "2021-09-18, true, MAKE_UP_WORKDAY, 中秋节",
    "2021-10-09, true, MAKE_UP_WORKDAY, 国庆节",
    // 2022 国办发明电〔2021〕11号
    "2022-01-03, false, HOLIDAY, 元旦",
    "2022-01-29, true, MAKE_UP_WORKDAY, 春节",
    "2022-04-02, true, MAKE_UP_WORKDAY, 清明节",
    "2022-09-12, false, HOLIDAY, 中秋节",
    "2022-10-08, true, MAKE_UP_WORKDAY, 国庆节",
    // 2023 国办发明电〔2022〕16号 (元旦 from 31 December 2022)
    "2022-12-31, false, HOLIDAY, 元旦",
    "2023-01-02, false, HOLIDAY, 元旦",
    "2023-01-29, true, MAKE_UP_WORKDAY, 春节",
    "2023-06-25, true, MAKE_UP_WORKDAY, 端午节",
    "2023-10-06, false, HOLIDAY, 中秋节、国庆节",
    "2023-10-09, true, WEEKDAY, ",
    // 2024 国办发明电〔2023〕7号 (除夕 2月9日 is a working day)
    "2024-02-09, true, WEEKDAY, ",
    "2024-02-18, true, MAKE_UP_WORKDAY, 春节",
    "2024-04-07, true, MAKE_UP_WORKDAY, 清明节",
    "2024-06-10, false, HOLIDAY, 端午节",
    "2024-10-12, true, MAKE_UP_WORKDAY, 国庆节",
    // 2025 国办发明电〔2024〕12号 (除夕 and 2 May added)
    "2025-01-28, false, HOLIDAY, 春节",
    "2025-04-27, true, MAKE_UP_WORKDAY, 劳动节",
    "2025-05-02, false, HOLIDAY, 劳动节",
    "2025-10-08, false, HOLIDAY, 国庆节、中秋节",
    "2025-10-11, true, MAKE_UP_WORKDAY, 国庆节、中秋节",
    // 2026 国办发明电〔2025〕7号
    "2026-01-04, true, MAKE_UP_WORKDAY, 元旦",
    "2026-02-23, false, HOLIDAY, 春节",
    "2026-02-28, true, MAKE_UP_WORKDAY, 春节",
    "2026-05-09, true, MAKE_UP_WORKDAY, 劳动节",
    "2026-09-20, true, MAKE_UP_WORKDAY, 国庆节",
    "2026-10-11, false, WEEKEND, ",
  })
  void X_R01_checked_days_of_each_year_2021_to_2026(
      LocalDate date, boolean working, Reason reason, String holiday) {
    WorkingDayCalendar.Day day = calendar.describe(date);
    assertThat(day.workingDay()).isEqualTo(working);
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    assertThat(day.reason()).isEqualTo(reason);
    assertThat(day.holiday()).isEqualTo(holiday);
    assertThat(day.provisional()).isFalse();
  }

  @Test
  void X_R01_each_year_2021_to_2026_cites_its_notice() {
    Map<Integer, String> notices =
        FILE.stream().collect(Collectors.toMap(HolidayYear::year, HolidayYear::notice));
    assertThat(notices)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                2021, "国办发明电〔2020〕27号",
                2022, "国办发明电〔2021〕11号",
                2023, "国办发明电〔2022〕16号",
                2024, "国办发明电〔2023〕7号",
                2025, "国办发明电〔2024〕12号",
                2026, "国办发明电〔2025〕7号"));
    assertThat(calendar.yearsCovered()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
  }

  @Test
  void X_R01_a_year_without_data_is_plain_monday_to_friday_and_provisional() {
    WorkingDayCalendar.Day newYear = calendar.describe(LocalDate.parse("2030-01-01"));
    assertThat(newYear.workingDay()).isTrue();
    assertThat(newYear.reason()).isEqualTo(Reason.WEEKDAY);
    assertThat(newYear.provisional()).isTrue();
    assertThat(calendar.describe(LocalDate.parse("2030-01-05")).reason()).isEqualTo(Reason.WEEKEND);

    assertThat(calendar.addWorkingDays(LocalDate.parse("2030-01-04"), 1))
        .isEqualTo(new WorkingDayCalendar.WorkingDate(LocalDate.parse("2030-01-07"), true));
    // from the last days of a year with data into a year without
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-12-30"), 3))
        .isEqualTo(new WorkingDayCalendar.WorkingDate(LocalDate.parse("2027-01-04"), true));
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-12-28"), 2).provisional()).isFalse();
  }

  @Test
  void X_R01_the_deadline_is_18_00_shanghai_on_the_nth_working_day() {
    Instant start = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, SHANGHAI).toInstant();
    assertThat(calendar.deadline(start, 3))
        .isEqualTo(ZonedDateTime.of(2026, 10, 10, 18, 0, 0, 0, SHANGHAI).toInstant());
    assertThat(calendar.deadline(start, 3)).isEqualTo("2026-10-10T10:00:00Z");
  }

  @Test
  void X_R01_a_start_at_23_30_utc_is_the_next_day_in_shanghai() {
    // 2026-09-29 23:30 UTC is Wednesday 2026-09-30 07:30 in Shanghai: counted from the 30th
    Instant start = Instant.parse("2026-09-29T23:30:00Z");
    assertThat(calendar.deadline(start, 3))
        .isEqualTo(ZonedDateTime.of(2026, 10, 10, 18, 0, 0, 0, SHANGHAI).toInstant());
    // counted in UTC it would have been Friday 2026-10-09
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-29"), 3).date())
        .isEqualTo("2026-10-09");
  }

  @Test
  void X_R01_zone_and_end_of_office_hours_are_configurable() {
    WorkingDayCalendar utc = new WorkingDayCalendar(ZoneId.of("UTC"), LocalTime.of(17, 30), FILE);
    assertThat(utc.deadline(Instant.parse("2026-09-29T23:30:00Z"), 3))
        .isEqualTo("2026-10-09T17:30:00Z");
  }

  @Test
  void working_days_left_count_the_days_after_today_up_to_the_deadline_day() {
    LocalDate today = LocalDate.parse("2026-09-30");
    assertThat(calendar.workingDaysBetween(today, LocalDate.parse("2026-10-10"))).isEqualTo(3);
    assertThat(calendar.workingDaysBetween(today, today)).isZero();
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-10"), today)).isEqualTo(-3);
    assertThat(
            calendar.workingDaysBetween(
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07")))
        .isZero();
  }

  @Test
  void a_year_replaced_at_run_time_is_used_for_later_computations() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
    HolidayYear y2027 =
        new HolidayYear(
            2027,
            "测试通知",
            null,
            List.of(
                new HolidayYear.Holiday(
                    "元旦", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-03"))),
            List.of());
    calendar.useYears(concat(FILE, y2027));
    assertThat(calendar.describe(LocalDate.parse("2027-01-01")))
        .isEqualTo(
            new WorkingDayCalendar.Day(
                LocalDate.parse("2027-01-01"), false, Reason.HOLIDAY, "元旦", false));
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-12-30"), 3))
        .isEqualTo(new WorkingDayCalendar.WorkingDate(LocalDate.parse("2027-01-05"), false));
  }

  @Test
  void negative_or_huge_numbers_of_days_are_refused() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.parse("2026-01-05"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                calendar.addWorkingDays(
                    LocalDate.parse("2026-01-05"), WorkingDayCalendar.MAX_DAYS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<HolidayYear> concat(List<HolidayYear> years, HolidayYear more) {
    return java.util.stream.Stream.concat(years.stream(), java.util.stream.Stream.of(more))
        .toList();
  }
}
