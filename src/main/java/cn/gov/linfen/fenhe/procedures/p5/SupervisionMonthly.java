package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly dynamics check (P5-R03, 二(五)) of {@code ${supervisionMonthly.check(execution)}}: the
 * dynamics each county and city department reported in the month against its quota (decision
 * supervision-dynamics-quota), the units below quota named for the 督办, and the ranking.
 */
public class SupervisionMonthly {

  public static final String BEAN_NAME = "supervisionMonthly";
  public static final String COUNTY_LEVEL = "county";
  public static final String CITY_LEVEL = "city-department";

  /** One unit's month. */
  public record UnitMonth(String unit, String level, int dynamics, int quota, String group) {
    public boolean short_() {
      return dynamics < quota;
    }
  }

  private final JdbcTemplate jdbc;
  private final InspectionLists lists;
  private final FenheClock clock;

  public SupervisionMonthly(JdbcTemplate jdbc, InspectionLists lists, FenheClock clock) {
    this.jdbc = jdbc;
    this.lists = lists;
    this.clock = clock;
  }

  /** The month checked: {@code checkMonth} if given, else the month before the clock's. */
  public YearMonth month(Object given) {
    if (given instanceof String s && !s.isBlank()) {
      return YearMonth.parse(s.trim());
    }
    return YearMonth.from(clock.today()).minusMonths(1);
  }

  public static String label(YearMonth month) {
    return month.getYear() + "年" + month.getMonthValue() + "月";
  }

  public int quota(DecisionService decisions, String level) {
    Object quota =
        decisions
            .evaluateDecisionTableByKey(SupervisionProcess.QUOTA_DECISION)
            .variables(Map.of("unitLevel", level))
            .evaluate()
            .getSingleResult()
            .getEntry("quota");
    return ((Number) quota).intValue();
  }

  /** Every county and city department's dynamics in the month, fewest first. */
  public List<UnitMonth> units(YearMonth month, int countyQuota, int cityQuota) {
    List<UnitMonth> units = new ArrayList<>();
    for (County county : County.values()) {
      units.add(
          new UnitMonth(
              county.chineseName(),
              COUNTY_LEVEL,
              dynamics(county.chineseName(), month),
              countyQuota,
              county.groupOf(FenheGroup.COUNTY_APPROVAL_SERVICE)));
    }
    for (String department : lists.cityDepartments()) {
      units.add(
          new UnitMonth(department, CITY_LEVEL, dynamics(department, month), cityQuota, null));
    }
    units.sort(
        Comparator.comparingDouble((UnitMonth u) -> (double) u.dynamics() / u.quota())
            .thenComparing(UnitMonth::unit));
    return units;
  }

  int dynamics(String unit, YearMonth month) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_p5_dynamic WHERE unit = ? AND reported_at >= ?"
                + " AND reported_at < ?",
            Integer.class,
            unit,
            Timestamp.from(month.atDay(1).atStartOfDay(clock.zone()).toInstant()),
            Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(clock.zone()).toInstant()));
    return n == null ? 0 : n;
  }

  public void record(String unit, String level, String title, String actor) {
    jdbc.update(
        "INSERT INTO fenhe_p5_dynamic (unit, unit_level, title, reported_by, reported_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        unit,
        level,
        title,
        actor,
        Timestamp.from(clock.now()));
  }

  /** The service task: quotas, shortfalls, the groups to alert, the ranking's text. */
  public void check(DelegateExecution execution) {
    YearMonth month = month(execution.getVariable(CHECK_MONTH));
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    List<UnitMonth> units =
        units(month, quota(decisions, COUNTY_LEVEL), quota(decisions, CITY_LEVEL));
    List<String> shortfalls = new ArrayList<>();
    Set<String> groups = new LinkedHashSet<>();
    groups.add(FenheGroup.APPROVAL_SERVICE_BUREAU.id());
    StringBuilder ranking = new StringBuilder();
    int place = 0;
    for (UnitMonth u : units) {
      if (u.short_()) {
        shortfalls.add(u.unit() + " " + u.dynamics() + "/" + u.quota() + " 条");
        if (u.group() != null) {
          groups.add(u.group());
        }
      }
    }
    for (int i = units.size() - 1; i >= 0; i--) {
      UnitMonth u = units.get(i);
      place++;
      if (ranking.length() < 3500) {
        ranking.append(place).append(". ").append(u.unit()).append(' ');
        ranking.append(u.dynamics()).append('/').append(u.quota()).append('\n');
      }
    }
    execution.setVariable(CHECK_MONTH, month.toString());
    execution.setVariable(CHECK_MONTH_LABEL, label(month));
    execution.setVariable(SHORTFALL_COUNT, shortfalls.size());
    String summary = String.join("；", shortfalls);
    execution.setVariable(
        SHORTFALL_SUMMARY, summary.length() > 3000 ? summary.substring(0, 3000) + "…" : summary);
    execution.setVariable(SHORTFALL_GROUPS, String.join(",", groups));
    execution.setVariable(RANKING, ranking.toString());
  }
}
