package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over REST. Public and stable (any authenticated user): {@code GET
 * /api/calendar/workdays/add}, {@code GET /api/calendar/days/{date}}; also the years and the
 * status. Administrators ({@code admins}) add or correct a year with {@code PUT
 * /api/calendar/years/{year}}.
 */
@RestController
@RequestMapping("/api/calendar")
@EngineRole
@Tag(name = "工作日日历")
public class CalendarController {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

  private final WorkingDayCalendar calendar;
  private final CalendarYears years;
  private final CalendarWatch watch;

  public CalendarController(WorkingDayCalendar calendar, CalendarYears years, CalendarWatch watch) {
    this.calendar = calendar;
    this.years = years;
    this.watch = watch;
  }

  /**
   * The N-th working day after {@code from} ({@code from} not counted), and its deadline (18:00).
   */
  @Operation(summary = "计算若干个工作日之后的日期")
  @GetMapping("/workdays/add")
  Map<String, Object> add(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    LocalDate start = date("from", from);
    int n = days("days", days);
    WorkingDayCalendar.WorkingDate result = calendar.addWorkingDays(start, n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", start.toString());
    body.put("days", n);
    body.put("date", result.date().toString());
    body.put("provisional", result.provisional());
    body.put(
        "deadline",
        calendar
            .endOfOfficeHours(result.date())
            .atZone(calendar.zone())
            .toOffsetDateTime()
            .toString());
    return body;
  }

  /** Whether a day is a working day, and why. */
  @Operation(summary = "查询某日是否为工作日")
  @GetMapping("/days/{date}")
  Map<String, Object> day(@PathVariable("date") String date) {
    WorkingDayCalendar.Day day = calendar.describe(date("date", date));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", day.date().toString());
    body.put("dayOfWeek", WEEKDAYS[day.date().getDayOfWeek().getValue() - 1]);
    body.put("workingDay", day.workingDay());
    body.put("reason", day.reason().name());
    body.put("reasonLabel", day.reason().label());
    body.put("holiday", day.holiday());
    body.put("provisional", day.provisional());
    return body;
  }

  @Operation(summary = "工作日日历数据的状态")
  @GetMapping("/status")
  CalendarStatus status() {
    return watch.status();
  }

  @Operation(summary = "已录入工作日数据的年份")
  @GetMapping("/years")
  Map<String, Object> years() {
    List<Map<String, Object>> list = years.all().stream().map(CalendarController::summary).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("years", list);
    body.put("status", watch.status());
    return body;
  }

  @Operation(summary = "查看某年的节假日安排")
  @GetMapping("/years/{year}")
  ResponseEntity<?> year(@PathVariable("year") String year) {
    int y = parseYear(year);
    CalendarYears.Entry entry = years.get(y);
    if (entry == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", PlatformRefusal.NO_WORKING_DAY_DATA.at("year", y)));
    }
    return ResponseEntity.ok(detail(entry));
  }

  /** Adds or corrects a year (administrators only); the database then overrides the file for it. */
  @Operation(summary = "录入或修改某年的节假日安排（系统管理员）")
  @PutMapping("/years/{year}")
  Map<String, Object> put(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable("year") String year,
      @RequestBody(required = false) String body) {
    if (!user.isAdmin()) {
      throw new AccessDeniedException(
          PlatformRefusal.ADMINISTRATORS_CHANGE_WORKING_DAY_DATA.reason());
    }
    int y = parseYear(year);
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (Exception e) {
      throw new InvalidInputException(PlatformRefusal.BODY_NOT_JSON.at("body"));
    }
    if (json != null && json.hasNonNull("year") && json.get("year").asInt() != y) {
      throw new InvalidInputException(PlatformRefusal.YEAR_BODY_DIFFERS_YEAR_PATH.at("year"));
    }
    HolidayYear parsed;
    try {
      parsed = HolidayYearParser.parse(y, json);
    } catch (CalendarDataException e) {
      throw new InvalidInputException(e.error());
    }
    return detail(years.put(parsed, user.id()));
  }

  private static Map<String, Object> summary(CalendarYears.Entry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", entry.year().year());
    body.put("notice", entry.year().notice());
    body.put("source", entry.source().name());
    body.put("updatedAt", entry.updatedAt() == null ? null : entry.updatedAt().toString());
    body.put("updatedBy", entry.updatedBy());
    return body;
  }

  private static Map<String, Object> detail(CalendarYears.Entry entry) {
    Map<String, Object> body = summary(entry);
    body.putAll(HolidayYearParser.toMap(entry.year()));
    return body;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(PlatformRefusal.REQUIRED_FORMAT_YYYY_MM_DD.at(field));
    }
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        if (date.getYear() >= 1900 && date.getYear() <= 2200) {
          return date;
        }
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new InvalidInputException(PlatformRefusal.DATE_NOT_VALID.at(field, value));
  }

  private static int days(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(PlatformRefusal.REQUIRED.at(field));
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0 && n <= WorkingDayCalendar.MAX_DAYS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(
        PlatformRefusal.DAYS_NOT_WHOLE_NUMBER.at(field, WorkingDayCalendar.MAX_DAYS, value));
  }

  private static int parseYear(String value) {
    int year;
    try {
      year = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(PlatformRefusal.YEAR_NOT_VALID.at("year", value));
    }
    try {
      HolidayYearParser.checkYear("year", year);
    } catch (CalendarDataException e) {
      throw new InvalidInputException(e.error());
    }
    return year;
  }
}
