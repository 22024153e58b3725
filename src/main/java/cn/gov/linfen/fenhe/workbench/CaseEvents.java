package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The timeline entries of the workbench's actions ({@code fenhe_case_event}). Written in the
 * caller's transaction — the one of the engine command of the action — so an action and its entry
 * are committed together or not at all.
 */
public class CaseEvents {

  private static final String COLUMNS =
      "id, process_instance_id, business_key, task_id, activity_id, activity_name, action, actor,"
          + " target_user_id, target_group_id, reason, created_at";

  private final JdbcTemplate jdbc;
  private final FenheClock clock;

  public CaseEvents(JdbcTemplate jdbc, FenheClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the event now (FenheClock) and returns it with its id and time. */
  public CaseEvent record(CaseEvent event) {
    Instant at = event.createdAt() != null ? event.createdAt() : clock.now();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "INSERT INTO fenhe_case_event (process_instance_id, business_key, task_id,"
                      + " activity_id, activity_name, action, actor, target_user_id,"
                      + " target_group_id, reason, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          statement.setString(1, event.processInstanceId());
          statement.setString(2, event.businessKey());
          statement.setString(3, event.taskId());
          statement.setString(4, event.activityId());
          statement.setString(5, event.activityName());
          statement.setString(6, event.action().code());
          statement.setString(7, event.actor());
          statement.setString(8, event.targetUserId());
          statement.setString(9, event.targetGroupId());
          statement.setString(10, event.reason());
          statement.setTimestamp(11, Timestamp.from(at));
          return statement;
        },
        key);
    return new CaseEvent(
        key.getKey().longValue(),
        event.processInstanceId(),
        event.businessKey(),
        event.taskId(),
        event.activityId(),
        event.activityName(),
        event.action(),
        event.actor(),
        event.targetUserId(),
        event.targetGroupId(),
        event.reason(),
        at);
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
        rs.getTimestamp("created_at").toInstant());
  }
}
