package cn.gov.linfen.fenhe.procedures.p5;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The month of 互联网+监管 for the approval service bureau and supervisors (P5-R05, 三(一)): per
 * department and per county the acts, on time (P5-R01), abnormal and corrected in time (P5-R02),
 * the dynamics against the quota (P5-R03) and the open risk clues by age (P5-R04). Three aggregate
 * queries, whatever the number of acts: the acts grouped by department and county, the dynamics
 * grouped by unit, the open clues grouped by department, county and age; Java only folds the
 * groups.
 */
public class SupervisionSummary {

  /** The age buckets of open clues, in working days since the push: verification, handling. */
  public static final int VERIFY_DAYS = 3;

  public static final int HANDLE_DAYS = VERIFY_DAYS + 10;

  /** The acts of one department (in one county, or a city department) in the month. */
  public record Acts(
      String department,
      String county,
      long acts,
      long onTime,
      long due,
      long abnormal,
      long correctedInTime,
      long correctionDue) {
    Acts plus(Acts o) {
      return new Acts(
          department,
          county,
          acts + o.acts,
          onTime + o.onTime,
          due + o.due,
          abnormal + o.abnormal,
          correctedInTime + o.correctedInTime,
          correctionDue + o.correctionDue);
    }
  }

  /** Open clues of a department (and county) by age. */
  public record Clues(String department, String county, long young, long middle, long old) {
    Clues plus(Clues o) {
      return new Clues(department, county, young + o.young, middle + o.middle, old + o.old);
    }

    long total() {
      return young + middle + old;
    }
  }

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final FenheClock clock;

  public SupervisionSummary(JdbcTemplate jdbc, WorkingDayCalendar calendar, FenheClock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
  }

  private Timestamp start(YearMonth month) {
    return Timestamp.from(month.atDay(1).atStartOfDay(clock.zone()).toInstant());
  }

  /** The month's acts grouped by department and county ({@code county} = one county only). */
  public List<Acts> acts(YearMonth month, Optional<String> county) {
    Timestamp now = Timestamp.from(clock.now());
    String sql =
        "SELECT department, county, COUNT(*) AS acts,"
            + " SUM(CASE WHEN on_time = TRUE THEN 1 ELSE 0 END) AS on_time,"
            + " SUM(CASE WHEN on_time IS NOT NULL OR report_due < ? THEN 1 ELSE 0 END) AS due,"
            + " SUM(CASE WHEN abnormal_at IS NOT NULL THEN 1 ELSE 0 END) AS abnormal,"
            + " SUM(CASE WHEN corrected_in_time = TRUE THEN 1 ELSE 0 END) AS corrected,"
            + " SUM(CASE WHEN corrected_in_time IS NOT NULL OR (abnormal_at IS NOT NULL"
            + " AND correction_due < ?) THEN 1 ELSE 0 END) AS correction_due"
            + " FROM fenhe_p5_act WHERE acted_at >= ? AND acted_at < ?"
            + (county.isPresent() ? " AND county = ?" : "")
            + " GROUP BY department, county ORDER BY department, county";
    List<Object> args =
        new ArrayList<>(List.of(now, now, start(month), start(month.plusMonths(1))));
    county.ifPresent(args::add);
    return jdbc.query(
        sql,
        (rs, i) ->
            new Acts(
                rs.getString("department"),
                rs.getString("county"),
                rs.getLong("acts"),
                rs.getLong("on_time"),
                rs.getLong("due"),
                rs.getLong("abnormal"),
                rs.getLong("corrected"),
                rs.getLong("correction_due")),
        args.toArray());
  }

  /** The month's dynamics per unit (a county's Chinese name or a city department). */
  public Map<String, Long> dynamics(YearMonth month) {
    Map<String, Long> byUnit = new LinkedHashMap<>();
    jdbc.query(
        "SELECT unit, COUNT(*) AS n FROM fenhe_p5_dynamic WHERE reported_at >= ? AND reported_at < ?"
            + " GROUP BY unit",
        rs -> {
          byUnit.put(rs.getString("unit"), rs.getLong("n"));
        },
        start(month),
        start(month.plusMonths(1)));
    return byUnit;
  }

  /** The moment the month is seen at: now, or the end of a month that is over. */
  public Instant at(YearMonth month) {
    Instant end = start(month.plusMonths(1)).toInstant();
    Instant now = clock.now();
    return now.isBefore(end) ? now : end;
  }

  /** The start of the day N working days before the day of {@code at}. */
  Timestamp workingDaysBefore(Instant at, int n) {
    LocalDate day = at.atZone(clock.zone()).toLocalDate();
    int counted = 0;
    for (int i = 0; i < 400 && counted < n; i++) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return Timestamp.from(day.atStartOfDay(clock.zone()).toInstant());
  }

  /**
   * The risk clues open at {@link #at} grouped by department, county and age: pushed within the 3
   * working days of verification, within the 13 of verification and handling, or earlier.
   */
  public List<Clues> openClues(YearMonth month, Optional<String> county) {
    Instant at = at(month);
    Timestamp atTime = Timestamp.from(at);
    Timestamp young = workingDaysBefore(at, VERIFY_DAYS);
    Timestamp middle = workingDaysBefore(at, HANDLE_DAYS);
    String sql =
        "SELECT d.TEXT_ AS department, c.TEXT_ AS county,"
            + " SUM(CASE WHEN p.START_TIME_ >= ? THEN 1 ELSE 0 END) AS young,"
            + " SUM(CASE WHEN p.START_TIME_ < ? AND p.START_TIME_ >= ? THEN 1 ELSE 0 END) AS middle,"
            + " SUM(CASE WHEN p.START_TIME_ < ? THEN 1 ELSE 0 END) AS old"
            + " FROM ACT_HI_PROCINST p"
            + " JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = p.PROC_INST_ID_"
            + " AND d.EXECUTION_ID_ = p.PROC_INST_ID_ AND d.NAME_ = 'department'"
            + " LEFT JOIN ACT_HI_VARINST c ON c.PROC_INST_ID_ = p.PROC_INST_ID_"
            + " AND c.EXECUTION_ID_ = p.PROC_INST_ID_ AND c.NAME_ = 'county'"
            + " WHERE p.PROC_DEF_KEY_ = ? AND p.START_TIME_ < ?"
            + " AND (p.END_TIME_ IS NULL OR p.END_TIME_ >= ?)"
            + (county.isPresent() ? " AND c.TEXT_ = ?" : "")
            + " GROUP BY d.TEXT_, c.TEXT_";
    List<Object> args =
        new ArrayList<>(
            List.of(young, young, middle, middle, SupervisionProcess.CLUE_KEY, atTime, atTime));
    county.ifPresent(args::add);
    return jdbc.query(
        sql,
        (rs, i) -> {
          String c = rs.getString("county");
          return new Clues(
              rs.getString("department"),
              c == null || c.isBlank() ? null : c,
              rs.getLong("young"),
              rs.getLong("middle"),
              rs.getLong("old"));
        },
        args.toArray());
  }

  /** Part ÷ whole in percent, one decimal, rounded down; null when there is no whole. */
  public static String percent(long part, long whole) {
    if (whole <= 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN)
        .toPlainString();
  }

  /** The JSON of one row: the acts' figures, the clues', and the dynamics if given. */
  public static Map<String, Object> row(
      Map<String, Object> head, Acts a, Clues c, Long dynamics, Integer quota) {
    Map<String, Object> row = new LinkedHashMap<>(head);
    row.put("acts", a.acts());
    row.put("onTime", a.onTime());
    row.put("due", a.due());
    row.put("late", a.due() - a.onTime());
    row.put("onTimePercent", percent(a.onTime(), a.due()));
    row.put("abnormal", a.abnormal());
    row.put("abnormalPercent", percent(a.abnormal(), a.acts()));
    row.put("correctedInTime", a.correctedInTime());
    row.put("correctionDue", a.correctionDue());
    row.put("correctedInTimePercent", percent(a.correctedInTime(), a.correctionDue()));
    if (quota != null) {
      long d = dynamics == null ? 0 : dynamics;
      row.put("dynamics", d);
      row.put("dynamicsQuota", quota);
      row.put("belowQuota", d < quota);
    }
    Map<String, Object> clues = new LinkedHashMap<>();
    clues.put("total", c.total());
    clues.put("withinVerify", c.young());
    clues.put("withinHandle", c.middle());
    clues.put("beyondHandle", c.old());
    row.put("openClues", clues);
    return row;
  }

  static Acts noActs(String department, String county) {
    return new Acts(department, county, 0, 0, 0, 0, 0, 0);
  }

  static Clues noClues(String department, String county) {
    return new Clues(department, county, 0, 0, 0);
  }

  /** The counties in scope: one, or all 17. */
  static List<County> counties(Optional<County> only) {
    return only.map(List::of).orElse(List.of(County.values()));
  }
}
