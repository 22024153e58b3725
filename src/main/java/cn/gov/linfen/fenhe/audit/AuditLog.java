package cn.gov.linfen.fenhe.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's audit log ({@code fenhe_audit_log}): who did what, when, to what. Written in the
 * caller's transaction, so a change and its audit row are committed together or not at all.
 */
public class AuditLog {

  /** One row of the log. */
  public record Entry(
      long id, Instant occurredAt, String actor, String action, String subject, String details) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String actor, String action, String subject, String details) {
    jdbc.update(
        "INSERT INTO fenhe_audit_log (occurred_at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()),
        actor,
        action,
        subject,
        details);
  }

  /** The latest entries about a subject, newest first. */
  public List<Entry> entriesAbout(String subject, int limit) {
    return jdbc.query(
        "SELECT id, occurred_at, actor, action, subject, details FROM fenhe_audit_log"
            + " WHERE subject = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
        (rs, row) ->
            new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("details")),
        subject,
        limit);
  }
}
