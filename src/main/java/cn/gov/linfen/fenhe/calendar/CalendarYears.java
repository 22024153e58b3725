package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The years the calendar uses: the shipped data file, overridden year by year by the years an
 * administrator stored in the database ({@code fenhe_calendar_year}). Storing a year writes its
 * audit row in the same transaction and takes effect at once on this node; other engine nodes pick
 * it up at their next {@link #reload()}.
 */
public class CalendarYears {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarYears.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String AUDIT_ACTION = "calendar.year.put";

  /** Where a year's data comes from. */
  public enum Source {
    FILE,
    DATABASE
  }

  /**
   * A year as the calendar uses it, with where it comes from and, if stored, who stored it when.
   */
  public record Entry(HolidayYear year, Source source, Instant updatedAt, String updatedBy) {}

  private final WorkingDayCalendar calendar;
  private final List<HolidayYear> fileYears;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final Clock clock;
  private volatile Map<Integer, Entry> entries = Map.of();

  public CalendarYears(
      WorkingDayCalendar calendar,
      List<HolidayYear> fileYears,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      AuditLog audit,
      Clock clock) {
    this.calendar = calendar;
    this.fileYears = List.copyOf(fileYears);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Reads the database again and hands the merged years to the calendar. */
  public synchronized void reload() {
    Map<Integer, Entry> merged = new TreeMap<>();
    for (HolidayYear year : fileYears) {
      merged.put(year.year(), new Entry(year, Source.FILE, null, null));
    }
    for (Entry stored : storedYears()) {
      merged.put(stored.year().year(), stored);
    }
    entries = Map.copyOf(merged);
    calendar.useYears(merged.values().stream().map(Entry::year).toList());
  }

  public List<Entry> all() {
    return entries.values().stream()
        .sorted((a, b) -> Integer.compare(a.year().year(), b.year().year()))
        .toList();
  }

  public Entry get(int year) {
    return entries.get(year);
  }

  /**
   * Stores a checked year for {@code actor}, with an audit row (before and after), and uses it at
   * once. Both rows are written or neither.
   */
  public synchronized Entry put(HolidayYear year, String actor) {
    Entry before = entries.get(year.year());
    String data = json(HolidayYearParser.toMap(year));
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          int updated =
              jdbc.update(
                  "UPDATE fenhe_calendar_year SET year_data = ?, updated_at = ?, updated_by = ? WHERE calendar_year = ?",
                  data,
                  Timestamp.from(now),
                  actor,
                  year.year());
          if (updated == 0) {
            jdbc.update(
                "INSERT INTO fenhe_calendar_year (calendar_year, year_data, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                year.year(),
                data,
                Timestamp.from(now),
                actor);
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("before", before == null ? null : HolidayYearParser.toMap(before.year()));
          details.put("beforeSource", before == null ? null : before.source().name());
          details.put("after", HolidayYearParser.toMap(year));
          audit.record(actor, AUDIT_ACTION, subject(year.year()), json(details));
        });
    LOG.info(
        "工作日数据 {} 年已由 {} 更新 / working-day data for {} stored by {} ({})",
        year.year(),
        actor,
        year.year(),
        actor,
        year.notice());
    reload();
    return entries.get(year.year());
  }

  public static String subject(int year) {
    return "calendar-year:" + year;
  }

  private List<Entry> storedYears() {
    List<Entry> result = new ArrayList<>();
    jdbc.query(
        "SELECT calendar_year, year_data, updated_at, updated_by FROM fenhe_calendar_year ORDER BY calendar_year",
        rs -> {
          int year = rs.getInt("calendar_year");
          try {
            HolidayYear parsed =
                HolidayYearParser.parse(year, JSON.readTree(rs.getString("year_data")));
            result.add(
                new Entry(
                    parsed,
                    Source.DATABASE,
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getString("updated_by")));
          } catch (JsonProcessingException | CalendarDataException e) {
            // never silently wrong: the file (or Mon–Fri, provisional) is used and the log says why
            LOG.error(
                "工作日数据 {} 年（数据库）无法读取，已忽略 / stored working-day data for {} is unreadable and ignored: {}",
                year,
                year,
                e.getMessage());
          }
        });
    return result;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
