package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.cases.CaseReaders;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases copied to people (抄送, {@code fenhe_case_copy}). A copy to a group is one row per member of
 * the group at the time of the copy. A copied user reads the case ({@link CaseReaders}), never acts
 * on it. Written in the caller's transaction.
 */
public class CaseCopies implements CaseReaders {

  private static final String COLUMNS =
      "id, process_instance_id, business_key, user_id, group_id, copied_by, note, created_at,"
          + " read_at";

  private final JdbcTemplate jdbc;
  private final FenheClock clock;
  private final Notifications notifications;

  public CaseCopies(JdbcTemplate jdbc, FenheClock clock, Notifications notifications) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.notifications = notifications;
  }

  /**
   * Copies a case to users and to the members of groups. Returns the ids of the users who got a new
   * copy (a user who already has a copy of the case keeps the first one). Notifies nobody: the
   * caller tells the returned users ({@link Notifications#notifyUsers}).
   */
  public List<String> copy(
      String processInstanceId,
      String businessKey,
      Collection<String> userIds,
      Collection<String> groupIds,
      String copiedBy,
      String note) {
    List<String> added = new ArrayList<>();
    Timestamp now = Timestamp.from(clock.now());
    Set<String> direct = new LinkedHashSet<>(userIds);
    for (String user : direct) {
      if (insert(processInstanceId, businessKey, user, null, copiedBy, note, now)) {
        added.add(user);
      }
    }
    for (String group : new LinkedHashSet<>(groupIds)) {
      for (String user : notifications.members(List.of(group))) {
        if (!direct.contains(user)
            && insert(processInstanceId, businessKey, user, group, copiedBy, note, now)) {
          added.add(user);
        }
      }
    }
    return added;
  }

  private boolean insert(
      String processInstanceId,
      String businessKey,
      String userId,
      String groupId,
      String copiedBy,
      String note,
      Timestamp now) {
    if (userId == null || userId.isBlank() || isCopiedTo(userId, processInstanceId)) {
      return false;
    }
    jdbc.update(
        "INSERT INTO fenhe_case_copy (process_instance_id, business_key, user_id, group_id,"
            + " copied_by, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        businessKey,
        userId,
        groupId,
        copiedBy,
        note,
        now);
    return true;
  }

  @Override
  public boolean reads(FenheUser user, String processInstanceId) {
    return isCopiedTo(user.id(), processInstanceId);
  }

  /** Whether the case was copied to the user. */
  public boolean isCopiedTo(String userId, String processInstanceId) {
    Integer found =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_case_copy WHERE process_instance_id = ? AND user_id = ?",
            Integer.class,
            processInstanceId,
            userId);
    return found != null && found > 0;
  }

  /** The user read the case: his copy of it (if any) is read from now on. */
  public void markRead(String userId, String processInstanceId) {
    jdbc.update(
        "UPDATE fenhe_case_copy SET read_at = ? WHERE process_instance_id = ? AND user_id = ?"
            + " AND read_at IS NULL",
        Timestamp.from(clock.now()),
        processInstanceId,
        userId);
  }

  /** The copies of a case, oldest first. */
  public List<CaseCopy> forCase(String processInstanceId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM fenhe_case_copy WHERE process_instance_id = ?"
            + " ORDER BY created_at, id",
        CaseCopies::row,
        processInstanceId);
  }

  private static CaseCopy row(ResultSet rs, int row) throws SQLException {
    return new CaseCopy(
        rs.getLong("id"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("user_id"),
        rs.getString("group_id"),
        rs.getString("copied_by"),
        rs.getString("note"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "read_at"));
  }
}
