package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline entries of the workbench's actions ({@code fenhe_case_event}). Written in the
 * caller's transaction — the one of the engine command of the action — so an action and its entry
 * are committed together or not at all.
 */
public class CaseEvents {

  /** The columns an event is stored in, its {@code id} aside (generated). */
  private static final List<String> STORED =
      List.of(
          "process_instance_id",
          "business_key",
          "task_id",
          "activity_id",
          "activity_name",
          "action",
          "actor",
          "target_user_id",
          "target_group_id",
          "reason",
          "created_at");

  private static final String COLUMNS = "id, " + String.join(", ", STORED);

  private final JdbcTemplate jdbc;
  private final FenheClock clock;

  public CaseEvents(JdbcTemplate jdbc, FenheClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the event now (FenheClock) and returns it with its id and time. */
  public CaseEvent record(CaseEvent event) {
    Instant at = event.createdAt() != null ? event.createdAt() : clock.now();
    long id =
        Rows.insert(
            jdbc,
            "fenhe_case_event",
            STORED,
            event.processInstanceId(),
            event.businessKey(),
            event.taskId(),
            event.activityId(),
            event.activityName(),
            event.action().code(),
            event.actor(),
            event.targetUserId(),
            event.targetGroupId(),
            event.reason(),
            Timestamp.from(at));
    return event.recorded(id, at);
  }

  /** The events of a case, oldest first. */
  public List<CaseEvent> forCase(String processInstanceId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM fenhe_case_event WHERE process_instance_id = ?"
            + " ORDER BY created_at, id",
        CaseEvents::row,
        processInstanceId);
  }

  /** The events about a task, oldest first. */
  public List<CaseEvent> forTask(String taskId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM fenhe_case_event WHERE task_id = ? ORDER BY created_at, id",
        CaseEvents::row,
        taskId);
  }

  private static CaseEvent row(ResultSet rs, int row) throws SQLException {
    return new CaseEvent(
        rs.getLong("id"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("task_id"),
        rs.getString("activity_id"),
        rs.getString("activity_name"),
        CaseEvent.Action.byCode(rs.getString("action"))
            .orElseThrow(() -> new IllegalStateException("unknown case event action")),
        rs.getString("actor"),
        rs.getString("target_user_id"),
        rs.getString("target_group_id"),
        rs.getString("reason"),
        Rows.instant(rs, "created_at"));
  }
}
