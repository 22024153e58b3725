package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notification.Notice;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 即将到期 and 已超期: scans the open tasks with a due date (the working-day deadlines of the models) and
 * tells their holders — the assignee, else the candidate users and the members of the candidate
 * groups — once per task, user and kind (the notification's dedup key), so running it again, or on
 * two engine nodes at once, tells nobody twice. "Near" is at most {@code
 * fenhe.workbench.deadline-near-working-days} working days left, on the working-day calendar.
 */
public class DeadlineNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotifier.class);
  static final int BATCH = 500;
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final NamedParameterJdbcTemplate jdbc;
  private final Notifications notifications;
  private final WorkingDayCalendar calendar;
  private final FenheClock clock;
  private final WorkbenchProperties properties;
  private final TransactionTemplate transactions;

  public DeadlineNotifier(
      NamedParameterJdbcTemplate jdbc,
      Notifications notifications,
      WorkingDayCalendar calendar,
      FenheClock clock,
      WorkbenchProperties properties,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.calendar = calendar;
    this.clock = clock;
    this.properties = properties;
    this.transactions = transactions;
  }

  private record Due(
      String taskId,
      String name,
      Instant due,
      String assignee,
      String processInstanceId,
      String businessKey,
      String procedure) {}

  /** One scan; how many notifications it stored. */
  public int scan() {
    Instant now = clock.now();
    Instant near =
        calendar.endOfOfficeHours(
            calendar
                .addWorkingDays(calendar.dateOf(now), properties.deadlineNearWorkingDays())
                .date());
    int stored = 0;
    for (Kind kind : List.of(Kind.OVERDUE, Kind.DEADLINE_NEAR)) {
      String afterId = "";
      while (true) {
        List<Due> batch = batch(kind, now, near, afterId);
        if (batch.isEmpty()) {
          break;
        }
        for (Due due : batch) {
          Integer told = transactions.execute(status -> tell(kind, due));
          stored += told == null ? 0 : told;
        }
        afterId = batch.get(batch.size() - 1).taskId();
      }
    }
    if (stored > 0) {
      LOG.info("deadline scan: {} notification(s)", stored);
    }
    return stored;
  }

  /**
   * The open tasks of a kind not yet told to anyone, by id: overdue (due before now), or near (due
   * from now to the end of the last near working day).
   */
  private List<Due> batch(Kind kind, Instant now, Instant near, String afterId) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("now", Timestamp.from(now))
            .addValue("near", Timestamp.from(near))
            .addValue("kind", kind.code())
            .addValue("after", afterId)
            .addValue("batch", BATCH);
    String window =
        kind == Kind.OVERDUE
            ? "t.DUE_DATE_ < :now"
            : "t.DUE_DATE_ >= :now AND t.DUE_DATE_ <= :near";
    return jdbc.query(
        "SELECT t.ID_, t.NAME_, t.DUE_DATE_, t.ASSIGNEE_, t.PROC_INST_ID_, e.BUSINESS_KEY_,"
            + " d.NAME_ AS PROC_NAME FROM ACT_RU_TASK t"
            + " JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
            + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
            + " WHERE t.SUSPENSION_STATE_ = 1 AND t.DUE_DATE_ IS NOT NULL AND "
            + window
            + " AND t.ID_ > :after AND NOT EXISTS (SELECT 1 FROM fenhe_notification n"
            + " WHERE n.task_id = t.ID_ AND n.kind = :kind)"
            + " ORDER BY t.ID_ LIMIT :batch",
        params,
        (rs, row) ->
            new Due(
                rs.getString("ID_"),
                rs.getString("NAME_"),
                rs.getTimestamp("DUE_DATE_").toInstant(),
                rs.getString("ASSIGNEE_"),
                rs.getString("PROC_INST_ID_"),
                rs.getString("BUSINESS_KEY_"),
                rs.getString("PROC_NAME")));
  }

  private int tell(Kind kind, Due due) {
    Set<String> users = holders(due);
    String when = DUE.format(due.due().atZone(clock.zone()));
    String what =
        (due.procedure() == null ? "" : due.procedure())
            + (due.businessKey() == null ? "" : "（" + due.businessKey() + "）")
            + "的“"
            + due.name()
            + "”";
    Notice notice =
        kind == Kind.OVERDUE
            ? Notice.of(
                kind,
                due.businessKey(),
                due.processInstanceId(),
                due.taskId(),
                "已超期：" + due.name(),
                what + "已于 " + when + " 到期，请尽快办理。")
            : Notice.of(
                kind,
                due.businessKey(),
                due.processInstanceId(),
                due.taskId(),
                "即将到期：" + due.name(),
                what + "将于 " + when + " 到期，请及时办理。");
    return notifications.notifyUsers(users, notice.once(kind.code() + ":" + due.taskId())).size();
  }

  private Set<String> holders(Due due) {
    Set<String> users = new LinkedHashSet<>();
    if (due.assignee() != null) {
      users.add(due.assignee());
      return users;
    }
    List<String> groups = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    params.put("task", due.taskId());
    jdbc.query(
        "SELECT USER_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = :task"
            + " AND TYPE_ = 'candidate'",
        params,
        rs -> {
          if (rs.getString("USER_ID_") != null) {
            users.add(rs.getString("USER_ID_"));
          }
          if (rs.getString("GROUP_ID_") != null) {
            groups.add(rs.getString("GROUP_ID_"));
          }
        });
    users.addAll(notifications.members(groups));
    return users;
  }
}
