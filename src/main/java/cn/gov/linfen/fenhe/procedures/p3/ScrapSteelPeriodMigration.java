package cn.gov.linfen.fenhe.procedures.p3;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves every stored scrap-steel period back by one half-year (P3-R08): before, an application made
 * in January 2027 was keyed {@code 2027-H1} (the half-year of the application month); the gazette's
 * period is the preceding half-year, {@code 2026-H2}. {@code YYYY-H1} becomes {@code (YYYY-1)-H2},
 * {@code YYYY-H2} becomes {@code YYYY-H1} — exactly "the half-year before", whatever the month.
 *
 * <ul>
 *   <li>{@code fenhe_scrap_steel_application} (one application per enterprise and period): the rows
 *       are copied into a new table with the moved key, so no intermediate state can clash with the
 *       primary key (a 2026-H2 row of July 2026 and a 2027-H1 row of January 2027 swap).
 *   <li>the engine's current values of the variable {@code period} of the cases and rounds ({@code
 *       scrap-steel-reward}, {@code scrap-steel-reward-round}), running ({@code ACT_RU_VARIABLE})
 *       and in history ({@code ACT_HI_VARINST}), when the engine's tables exist (on a fresh
 *       database the engine creates them later, empty). The history of changes ({@code
 *       ACT_HI_DETAIL}) keeps the old value as it was written.
 *   <li>one row in {@code fenhe_audit_log} says how many rows moved.
 * </ul>
 *
 * Runs once, as Flyway migration V31, in Flyway's transaction.
 */
public class ScrapSteelPeriodMigration {

  private static final Pattern PERIOD = Pattern.compile("^(\\d{4})-H([12])$");
  private static final String KEYS = "('scrap-steel-reward', 'scrap-steel-reward-round')";

  private final Connection connection;

  public ScrapSteelPeriodMigration(Connection connection) {
    this.connection = connection;
  }

  /**
   * The half-year before the one named: {@code 2027-H1} → {@code 2026-H2}, {@code 2026-H2} → {@code
   * 2026-H1}.
   */
  public static String preceding(String period) {
    Matcher matcher = PERIOD.matcher(period == null ? "" : period.trim());
    if (!matcher.matches()) {
      return period;
    }
    int year = Integer.parseInt(matcher.group(1));
    return "1".equals(matcher.group(2)) ? (year - 1) + "-H2" : year + "-H1";
  }

  /** Moves the periods; answers how many rows of each kind moved. */
  public Map<String, Integer> run() throws SQLException {
    Map<String, Integer> moved = new LinkedHashMap<>();
    moved.put("fenhe_scrap_steel_application", register());
    moved.put(
        "ACT_RU_VARIABLE",
        tableExists("ACT_RU_VARIABLE") && tableExists("ACT_RU_EXECUTION")
            ? variables(
                "SELECT v.ID_, v.TEXT_ FROM ACT_RU_VARIABLE v WHERE v.NAME_ = 'period' AND v.TYPE_ = 'string'"
                    + " AND v.PROC_INST_ID_ IN (SELECT e.PROC_INST_ID_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d"
                    + " ON d.ID_ = e.PROC_DEF_ID_ WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ IN "
                    + KEYS
                    + ")",
                "UPDATE ACT_RU_VARIABLE SET TEXT_ = ? WHERE ID_ = ?")
            : 0);
    moved.put(
        "ACT_HI_VARINST",
        tableExists("ACT_HI_VARINST")
            ? variables(
                "SELECT ID_, TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'period' AND VAR_TYPE_ = 'string'"
                    + " AND PROC_DEF_KEY_ IN "
                    + KEYS,
                "UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE ID_ = ?")
            : 0);
    if (moved.values().stream().mapToInt(Integer::intValue).sum() > 0) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO fenhe_audit_log"
                  + " (occurred_at, actor, action, subject, details) VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?)")) {
        // the migration's own time is the database's: Flyway runs before the application's clock
        // exists
        insert.setString(1, "flyway");
        insert.setString(2, "SCRAP_STEEL_PERIOD_MIGRATED");
        insert.setString(3, "scrap-steel-period");
        insert.setString(4, "{\"rule\":\"P3-R08\",\"moved\":" + json(moved) + "}");
        insert.executeUpdate();
      }
    }
    return moved;
  }

  private int register() throws SQLException {
    record Row(String code, String period, String name, String county, Timestamp appliedAt) {}
    List<Row> rows = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rs =
            select.executeQuery(
                "SELECT credit_code, period, enterprise_name, county, applied_at FROM fenhe_scrap_steel_application")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5)));
      }
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DELETE FROM fenhe_scrap_steel_application");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO fenhe_scrap_steel_application"
                + " (credit_code, period, enterprise_name, county, applied_at) VALUES (?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        insert.setString(1, row.code());
        insert.setString(2, preceding(row.period()));
        insert.setString(3, row.name());
        insert.setString(4, row.county());
        insert.setTimestamp(5, row.appliedAt());
        insert.addBatch();
      }
      if (!rows.isEmpty()) {
        insert.executeBatch();
      }
    }
    return rows.size();
  }

  private int variables(String select, String update) throws SQLException {
    Map<String, String> changes = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(select)) {
      while (rs.next()) {
        String before = rs.getString(2);
        String after = preceding(before);
        if (after != null && !after.equals(before)) {
          changes.put(rs.getString(1), after);
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      for (Map.Entry<String, String> change : changes.entrySet()) {
        statement.setString(1, change.getValue());
        statement.setString(2, change.getKey());
        statement.addBatch();
      }
      if (!changes.isEmpty()) {
        statement.executeBatch();
      }
    }
    return changes.size();
  }

  private boolean tableExists(String name) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String candidate : List.of(name, name.toLowerCase())) {
      try (ResultSet rs =
          meta.getTables(connection.getCatalog(), null, candidate, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String json(Map<String, Integer> moved) {
    StringBuilder text = new StringBuilder("{");
    moved.forEach(
        (k, v) ->
            text.append(text.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return text.append('}').toString();
  }
}
