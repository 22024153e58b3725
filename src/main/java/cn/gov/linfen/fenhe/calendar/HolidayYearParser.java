package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks one year of holiday data in the structure of {@code calendar/cn-workdays.yaml}
 * (the same as JSON for the REST API), and writes it back. Every refusal names the field.
 */
public final class HolidayYearParser {

  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;
  static final int MAX_ENTRIES = 30;
  static final int MAX_HOLIDAY_DAYS = 31;

  private HolidayYearParser() {}

  public static void checkYear(String field, int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarDataException(
          PlatformRefusal.YEAR_OUT_OF_RANGE.at(field, MIN_YEAR, MAX_YEAR));
    }
  }

  /**
   * The year's data from a JSON (or YAML) tree; throws {@link CalendarDataException} naming the
   * field.
   */
  public static HolidayYear parse(int year, JsonNode node) {
    checkYear("year", year);
    if (node == null || !node.isObject()) {
      throw new CalendarDataException(PlatformRefusal.NOT_AN_OBJECT.at("body"));
    }
    String notice = text(node, "notice", "notice", 100);
    LocalDate published = null;
    if (node.hasNonNull("published")) {
      published = date(node.get("published"), "published");
    }

    JsonNode holidayNodes = node.get("holidays");
    if (holidayNodes == null || !holidayNodes.isArray() || holidayNodes.isEmpty()) {
      throw new CalendarDataException(PlatformRefusal.LEAST_HOLIDAY_REQUIRED.at("holidays"));
    }
    if (holidayNodes.size() > MAX_ENTRIES) {
      throw new CalendarDataException(
          PlatformRefusal.TOO_MANY_HOLIDAYS_MOST.at("holidays", MAX_ENTRIES));
    }
    List<HolidayYear.Holiday> holidays = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < holidayNodes.size(); i++) {
      String at = "holidays[" + i + "]";
      JsonNode entry = holidayNodes.get(i);
      String name = text(entry, "name", at + ".name", 30);
      LocalDate from = date(entry.get("from"), at + ".from");
      LocalDate to = date(entry.get("to"), at + ".to");
      if (to.isBefore(from)) {
        throw new CalendarDataException(PlatformRefusal.ENDS_BEFORE_STARTS.at(at + ".to"));
      }
      if (ChronoUnit.DAYS.between(from, to) >= MAX_HOLIDAY_DAYS) {
        throw new CalendarDataException(
            PlatformRefusal.HOLIDAY_LASTS_MOST_DAYS.at(at + ".to", MAX_HOLIDAY_DAYS));
      }
      checkNear(year, from, at + ".from");
      checkNear(year, to, at + ".to");
      if (from.getYear() != year && to.getYear() != year) {
        throw new CalendarDataException(PlatformRefusal.HOLIDAY_NOT_IN_YEAR.at(at + ".from", year));
      }
      if (!names.add(name)) {
        throw new CalendarDataException(PlatformRefusal.DUPLICATE_HOLIDAY_NAME.at(at + ".name"));
      }
      for (HolidayYear.Holiday other : holidays) {
        if (!from.isAfter(other.to()) && !to.isBefore(other.from())) {
          throw new CalendarDataException(
              PlatformRefusal.OVERLAPS_HOLIDAY.at(at + ".from", other.name()));
        }
      }
      holidays.add(new HolidayYear.Holiday(name, from, to));
    }

    JsonNode makeUpNodes = node.get("makeUpWorkdays");
    List<HolidayYear.MakeUpWorkday> makeUps = new ArrayList<>();
    if (makeUpNodes != null && !makeUpNodes.isNull()) {
      if (!makeUpNodes.isArray()) {
        throw new CalendarDataException(PlatformRefusal.NOT_A_LIST.at("makeUpWorkdays"));
      }
      if (makeUpNodes.size() > MAX_ENTRIES) {
        throw new CalendarDataException(
            PlatformRefusal.TOO_MANY_MAKE_UP_WORKING.at("makeUpWorkdays", MAX_ENTRIES));
      }
      Set<LocalDate> seen = new HashSet<>();
      for (int i = 0; i < makeUpNodes.size(); i++) {
        String at = "makeUpWorkdays[" + i + "]";
        JsonNode entry = makeUpNodes.get(i);
        LocalDate date = date(entry == null ? null : entry.get("date"), at + ".date");
        String holiday = text(entry, "holiday", at + ".holiday", 30);
        checkNear(year, date, at + ".date");
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
          throw new CalendarDataException(
              PlatformRefusal.MAKE_UP_WORKING_DAY_SATURDAY.at(at + ".date", date));
        }
        if (!names.contains(holiday)) {
          throw new CalendarDataException(
              PlatformRefusal.NAME_HOLIDAY_LISTED_YEAR.at(at + ".holiday", holiday));
        }
        for (HolidayYear.Holiday h : holidays) {
          if (!date.isBefore(h.from()) && !date.isAfter(h.to())) {
            throw new CalendarDataException(
                PlatformRefusal.DAY_WITHIN_HOLIDAY.at(at + ".date", h.name()));
          }
        }
        if (!seen.add(date)) {
          throw new CalendarDataException(
              PlatformRefusal.DUPLICATE_MAKE_UP_WORKING_DAY.at(at + ".date"));
        }
        makeUps.add(new HolidayYear.MakeUpWorkday(date, holiday));
      }
    }
    return new HolidayYear(year, notice, published, holidays, makeUps);
  }

  /** The year in the structure of the data file (dates as YYYY-MM-DD), ready for JSON. */
  public static Map<String, Object> toMap(HolidayYear year) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("year", year.year());
    map.put("notice", year.notice());
    map.put("published", year.published() == null ? null : year.published().toString());
    map.put(
        "holidays",
        year.holidays().stream()
            .map(
                h -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", h.name());
                  entry.put("from", h.from().toString());
                  entry.put("to", h.to().toString());
                  return entry;
                })
            .toList());
    map.put(
        "makeUpWorkdays",
        year.makeUpWorkdays().stream()
            .map(
                m -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("date", m.date().toString());
                  entry.put("holiday", m.holiday());
                  return entry;
                })
            .toList());
    return map;
  }

  /**
   * A day the notice for {@code year} may name: in that year, or in the adjacent December or
   * January.
   */
  private static void checkNear(int year, LocalDate date, String field) {
    LocalDate first = LocalDate.of(year - 1, 12, 1);
    LocalDate last = LocalDate.of(year + 1, 1, 31);
    if (date.isBefore(first) || date.isAfter(last)) {
      throw new CalendarDataException(PlatformRefusal.DATE_NOT_IN_YEAR.at(field, date, year));
    }
  }

  private static String text(JsonNode node, String name, String field, int maxLength) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new CalendarDataException(PlatformRefusal.REQUIRED.at(field));
    }
    String text = value.asText().strip();
    if (text.length() > maxLength) {
      throw new CalendarDataException(PlatformRefusal.TEXT_TOO_LONG.at(field, maxLength));
    }
    return text;
  }

  private static LocalDate date(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      throw new CalendarDataException(PlatformRefusal.REQUIRED.at(field));
    }
    if (value.isTextual()) {
      try {
        return LocalDate.parse(value.asText());
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw new CalendarDataException(
        PlatformRefusal.CALENDAR_DATE_NOT_VALID.at(field, value.asText()));
  }
}
