package cn.gov.linfen.fenhe.calendar;

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
      throw new CalendarDataException(field, "年份须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间",
          "the year must be between " + MIN_YEAR + " and " + MAX_YEAR);
    }
  }

  /** The year's data from a JSON (or YAML) tree; throws {@link CalendarDataException} naming the field. */
  public static HolidayYear parse(int year, JsonNode node) {
    checkYear("year", year);
    if (node == null || !node.isObject()) {
      throw new CalendarDataException("body", "须为一个对象（notice、holidays、makeUpWorkdays）",
          "must be an object (notice, holidays, makeUpWorkdays)");
    }
    String notice = text(node, "notice", "notice", 100);
    LocalDate published = null;
    if (node.hasNonNull("published")) {
      published = date(node.get("published"), "published");
    }

    JsonNode holidayNodes = node.get("holidays");
    if (holidayNodes == null || !holidayNodes.isArray() || holidayNodes.isEmpty()) {
      throw new CalendarDataException("holidays", "至少需要一个节假日", "at least one holiday is required");
    }
    if (holidayNodes.size() > MAX_ENTRIES) {
      throw new CalendarDataException("holidays", "节假日过多（最多 " + MAX_ENTRIES + " 个）",
          "too many holidays (at most " + MAX_ENTRIES + ")");
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
        throw new CalendarDataException(at + ".to", "结束日期早于开始日期", "ends before it starts");
      }
      if (ChronoUnit.DAYS.between(from, to) >= MAX_HOLIDAY_DAYS) {
        throw new CalendarDataException(at + ".to", "一个节假日最长 " + MAX_HOLIDAY_DAYS + " 天",
            "a holiday lasts at most " + MAX_HOLIDAY_DAYS + " days");
      }
      checkNear(year, from, at + ".from");
      checkNear(year, to, at + ".to");
      if (from.getYear() != year && to.getYear() != year) {
        throw new CalendarDataException(at + ".from", "节假日不在 " + year + " 年内", "the holiday is not in " + year);
      }
      if (!names.add(name)) {
        throw new CalendarDataException(at + ".name", "节假日名称重复", "duplicate holiday name");
      }
      for (HolidayYear.Holiday other : holidays) {
        if (!from.isAfter(other.to()) && !to.isBefore(other.from())) {
          throw new CalendarDataException(at + ".from", "与节假日“" + other.name() + "”的日期重叠",
              "overlaps the holiday " + other.name());
        }
      }
      holidays.add(new HolidayYear.Holiday(name, from, to));
    }

    JsonNode makeUpNodes = node.get("makeUpWorkdays");
    List<HolidayYear.MakeUpWorkday> makeUps = new ArrayList<>();
    if (makeUpNodes != null && !makeUpNodes.isNull()) {
      if (!makeUpNodes.isArray()) {
        throw new CalendarDataException("makeUpWorkdays", "须为列表", "must be a list");
      }
      if (makeUpNodes.size() > MAX_ENTRIES) {
        throw new CalendarDataException("makeUpWorkdays", "调休上班日过多（最多 " + MAX_ENTRIES + " 个）",
            "too many make-up working days (at most " + MAX_ENTRIES + ")");
      }
      Set<LocalDate> seen = new HashSet<>();
      for (int i = 0; i < makeUpNodes.size(); i++) {
        String at = "makeUpWorkdays[" + i + "]";
        JsonNode entry = makeUpNodes.get(i);
        LocalDate date = date(entry == null ? null : entry.get("date"), at + ".date");
        String holiday = text(entry, "holiday", at + ".holiday", 30);
        checkNear(year, date, at + ".date");
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
          throw new CalendarDataException(at + ".date", "调休上班日须为周六或周日（" + date + " 是工作日）",
              "a make-up working day must be a Saturday or Sunday (" + date + " is a weekday)");
        }
        if (!names.contains(holiday)) {
          throw new CalendarDataException(at + ".holiday", "不是本年列出的节假日名称：" + holiday,
              "not the name of a holiday listed for this year: " + holiday);
        }
        for (HolidayYear.Holiday h : holidays) {
          if (!date.isBefore(h.from()) && !date.isAfter(h.to())) {
            throw new CalendarDataException(at + ".date", "该日在节假日“" + h.name() + "”期间",
                "the day is within the holiday " + h.name());
          }
        }
        if (!seen.add(date)) {
          throw new CalendarDataException(at + ".date", "调休上班日重复", "duplicate make-up working day");
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
    map.put("holidays", year.holidays().stream().map(h -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", h.name());
      entry.put("from", h.from().toString());
      entry.put("to", h.to().toString());
      return entry;
    }).toList());
    map.put("makeUpWorkdays", year.makeUpWorkdays().stream().map(m -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("date", m.date().toString());
      entry.put("holiday", m.holiday());
      return entry;
    }).toList());
    return map;
  }

  /** A day the notice for {@code year} may name: in that year, or in the adjacent December or January. */
  private static void checkNear(int year, LocalDate date, String field) {
    LocalDate first = LocalDate.of(year - 1, 12, 1);
    LocalDate last = LocalDate.of(year + 1, 1, 31);
    if (date.isBefore(first) || date.isAfter(last)) {
      throw new CalendarDataException(field, "日期 " + date + " 不属于 " + year + " 年的安排",
          "the date " + date + " does not belong to the arrangements for " + year);
    }
  }

  private static String text(JsonNode node, String name, String field, int maxLength) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new CalendarDataException(field, "必填", "required");
    }
    String text = value.asText().strip();
    if (text.length() > maxLength) {
      throw new CalendarDataException(field, "过长（最多 " + maxLength + " 个字符）",
          "too long (at most " + maxLength + " characters)");
    }
    return text;
  }

  private static LocalDate date(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      throw new CalendarDataException(field, "必填", "required");
    }
    if (value.isTextual()) {
      try {
        return LocalDate.parse(value.asText());
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw new CalendarDataException(field, "须为 YYYY-MM-DD 格式的有效日期：" + value.asText(),
        "must be a valid date YYYY-MM-DD: " + value.asText());
  }
}
