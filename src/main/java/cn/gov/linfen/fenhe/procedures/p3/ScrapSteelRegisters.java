package cn.gov.linfen.fenhe.procedures.p3;

import cn.gov.linfen.fenhe.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's P3 tables (V30, V31): the MIIT announcement list (P3-R01, shown to reviewers) and
 * the one-application- per-enterprise-per-period register (P3-R07). Each call runs in the caller's
 * transaction: the engine's when a case starts, so a refused start leaves nothing.
 */
public class ScrapSteelRegisters {

  /** One announced enterprise. */
  public record Announced(
      String creditCode,
      String enterpriseName,
      String announcement,
      String addedBy,
      Instant addedAt) {}

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public ScrapSteelRegisters(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public boolean isAnnounced(String creditCode) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_scrap_steel_announced WHERE credit_code = ?",
            Integer.class,
            creditCode);
    return count != null && count > 0;
  }

  /** The list's entry of an enterprise, if it is on the list. */
  public java.util.Optional<Announced> announcedEntry(String creditCode) {
    return jdbc
        .query(
            "SELECT credit_code, enterprise_name, announcement, added_by, added_at"
                + " FROM fenhe_scrap_steel_announced WHERE credit_code = ?",
            (rs, row) ->
                new Announced(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()),
            creditCode)
        .stream()
        .findFirst();
  }

  public List<Announced> announced() {
    return jdbc.query(
        "SELECT credit_code, enterprise_name, announcement, added_by, added_at"
            + " FROM fenhe_scrap_steel_announced ORDER BY enterprise_name, credit_code",
        (rs, row) ->
            new Announced(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()));
  }

  /** Adds an enterprise; false when it is on the list already. Audit-logged. */
  public boolean announce(
      String creditCode, String enterpriseName, String announcement, String actor, Instant now) {
    if (isAnnounced(creditCode)) {
      return false;
    }
    jdbc.update(
        "INSERT INTO fenhe_scrap_steel_announced (credit_code, enterprise_name, announcement, added_by, added_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        creditCode,
        enterpriseName,
        announcement,
        actor,
        Timestamp.from(now));
    audit.record(
        actor,
        "SCRAP_STEEL_ANNOUNCED_ADD",
        "scrap-steel-announced:" + creditCode,
        json(
            Map.of(
                "creditCode",
                creditCode,
                "enterpriseName",
                enterpriseName,
                "announcement",
                announcement == null ? "" : announcement)));
    return true;
  }

  /** Removes an enterprise; false when it was not on the list. Audit-logged. */
  public boolean withdrawAnnouncement(String creditCode, String actor) {
    java.util.Optional<Announced> before = announcedEntry(creditCode);
    if (before.isEmpty()) {
      return false;
    }
    jdbc.update("DELETE FROM fenhe_scrap_steel_announced WHERE credit_code = ?", creditCode);
    audit.record(
        actor,
        "SCRAP_STEEL_ANNOUNCED_REMOVE",
        "scrap-steel-announced:" + creditCode,
        json(Map.of("creditCode", creditCode, "enterpriseName", before.get().enterpriseName())));
    return true;
  }

  public boolean hasApplied(String creditCode, String period) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_scrap_steel_application WHERE credit_code = ? AND period = ?",
            Integer.class,
            creditCode,
            period);
    return count != null && count > 0;
  }

  /**
   * Registers the application of the period; false when the enterprise applied already (P3-R07).
   */
  public boolean claim(
      String creditCode, String period, String enterpriseName, String county, Instant now) {
    if (hasApplied(creditCode, period)) {
      return false;
    }
    try {
      jdbc.update(
          "INSERT INTO fenhe_scrap_steel_application (credit_code, period, enterprise_name, county, applied_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          creditCode,
          period,
          enterpriseName,
          county,
          Timestamp.from(now));
      return true;
    } catch (DuplicateKeyException concurrent) {
      return false;
    }
  }

  /** A withdrawn case frees its period: the enterprise may apply again while the window is open. */
  public void release(String creditCode, String period) {
    jdbc.update(
        "DELETE FROM fenhe_scrap_steel_application WHERE credit_code = ? AND period = ?",
        creditCode,
        period);
  }

  private static String json(Map<String, String> values) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(new java.util.TreeMap<>(values));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
