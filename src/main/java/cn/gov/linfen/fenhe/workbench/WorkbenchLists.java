package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.engine.DueDateWalk;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The four lists of the workbench (待办, 已办, 我发起的, 抄送我的), paged in the database. Each is one count
 * and one page query on the engine's tables (and {@code fenhe_case_copy}), then one query per page
 * for what the items show (business keys, applicant names, candidate groups, opinions, current
 * steps) — never a query per item. A user sees in them only what he takes part in: the tasks he
 * holds or is a candidate of, the tasks he completed, the cases he started, the cases copied to him
 * (docs/workbench.md).
 */
public class WorkbenchLists {

  /**
   * A page of a list: its items and how many there are in all; {@code totalAtLeast}: more than the
   * list counts exactly, {@code total} is then a lower bound (待办 beyond {@code
   * fenhe.workbench.todo-count-limit}).
   */
  public record Page(List<Map<String, Object>> items, long total, boolean totalAtLeast) {
    public Page(List<Map<String, Object>> items, long total) {
      this(items, total, false);
    }
  }

  /** A variable holding a step's decision: {@code approved}, {@code sasacReviewApproved}, … */
  static final Pattern APPROVED = Pattern.compile("approved|.*Approved");

  /** A variable holding a step's opinion: {@code opinion}, {@code sasacReviewOpinion}, … */
  static final Pattern OPINION = Pattern.compile("opinion|.*Opinion");

  /** A group id that matches no group (an IN list must not be empty). */
  private static final String NO_GROUP = "\u0000";

  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final FenheClock clock;
  private final WorkbenchProperties properties;

  public WorkbenchLists(
      NamedParameterJdbcTemplate jdbc,
      WorkingDayCalendar calendar,
      FenheClock clock,
      WorkbenchProperties properties) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
    this.properties = properties;
  }

  // ---------------------------------------------------------------- 待办

  /**
   * 待办: the active tasks assigned to the user and the unassigned tasks he or one of his groups is a
   * candidate of; by due date (none last), then creation.
   */
  public Page todo(FenheUser user, ListQuery query) {
    return todo(user, query, properties.todoCountLimit());
  }

  /** 待办 with its total counted exactly up to {@code limit} tasks. */
  Page todo(FenheUser user, ListQuery query, int limit) {
    MapSqlParameterSource params = base(user, query);
    // One walk for the page and the count (docs/workbench.md, measured at 100,000 open tasks on
    // PostgreSQL): the tasks in due-date order (EngineIndexes), keeping those the user holds or is
    // a candidate of, so a page costs about its own size, not the officer's 20,000.
    // A search first finds the matching cases (business key or applicant's name), once (the CTE),
    // and keeps the tasks of those cases: a few index lookups instead of the whole walk.
    String with =
        query.q() == null
            ? ""
            : "WITH matched (ID_) AS (SELECT e.ID_ FROM ACT_RU_EXECUTION e WHERE e.PARENT_ID_ IS"
                + " NULL AND LOWER(e.BUSINESS_KEY_) LIKE :q ESCAPE '!' UNION SELECT"
                + " v.EXECUTION_ID_ FROM ACT_RU_VARIABLE v WHERE v.NAME_ IN (:names) AND"
                + " v.EXECUTION_ID_ = v.PROC_INST_ID_ AND LOWER(v.TEXT_) LIKE :q ESCAPE '!') ";
    String filters =
        (query.procedure() == null ? "" : " AND d.KEY_ = :procedure")
            + (query.q() == null
                ? ""
                // a sub-task (加签 before me) has no process of its own: its parent's case
                : " AND t.ID_ IN (SELECT s.ID_ FROM ACT_RU_TASK s WHERE s.PROC_INST_ID_ IN"
                    + " (SELECT ID_ FROM matched) UNION SELECT s.ID_ FROM ACT_RU_TASK s JOIN"
                    + " ACT_RU_TASK sp ON sp.ID_ = s.PARENT_TASK_ID_ WHERE sp.PROC_INST_ID_ IN"
                    + " (SELECT ID_ FROM matched))");
    String from =
        " FROM ACT_RU_TASK t LEFT JOIN ACT_RU_TASK pt ON pt.ID_ = t.PARENT_TASK_ID_"
            + " LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = COALESCE(t.PROC_DEF_ID_, pt.PROC_DEF_ID_)";
    String where =
        from
            + " WHERE t.SUSPENSION_STATE_ = 1 AND (t.ASSIGNEE_ = :user OR (t.ASSIGNEE_ IS NULL"
            + " AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_"
            + " AND l.TYPE_ = 'candidate' AND (l.GROUP_ID_ IN (:groups) OR l.USER_ID_ = :user))))"
            + filters;
    // The total is counted exactly up to the limit (default 1,000) by the same walk as the page
    // (DueDateWalk): an exact count of an officer's 20,000 candidate tasks reads them all.
    DueDateWalk.Page<Map<String, Object>> walked =
        DueDateWalk.page(
            jdbc,
            with,
            "t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.OWNER_, t.DELEGATION_, t.DUE_DATE_,"
                + " t.CREATE_TIME_, COALESCE(t.PROC_INST_ID_, pt.PROC_INST_ID_) AS CASE_ID,"
                + " t.PARENT_TASK_ID_, d.KEY_, d.NAME_ AS PROC_NAME",
            where,
            params,
            query.offset(),
            query.size(),
            limit,
            (rs, n) -> {
              Map<String, Object> item = new LinkedHashMap<>();
              item.put("taskId", rs.getString("ID_"));
              item.put("parentTaskId", rs.getString("PARENT_TASK_ID_"));
              item.put("processInstanceId", rs.getString("CASE_ID"));
              item.put("businessKey", null);
              item.put("procedureKey", rs.getString("KEY_"));
              item.put("procedure", rs.getString("PROC_NAME"));
              item.put("applicant", null);
              item.put("step", rs.getString("NAME_"));
              item.put("stepId", rs.getString("TASK_DEF_KEY_"));
              String assignee = rs.getString("ASSIGNEE_");
              item.put("assignee", assignee);
              item.put("claimed", assignee != null);
              item.put("delegated", "PENDING".equals(rs.getString("DELEGATION_")));
              item.put("owner", rs.getString("OWNER_"));
              item.put("created", instant(rs, "CREATE_TIME_"));
              Instant due = Rows.instant(rs, "DUE_DATE_");
              item.put("due", due == null ? null : due.toString());
              deadline(item, due);
              return item;
            });
    List<Map<String, Object>> items = walked.rows();
    List<String[]> rows = new ArrayList<>();
    for (Map<String, Object> item : items) {
      rows.add(
          new String[] {(String) item.get("processInstanceId"), (String) item.get("procedureKey")});
    }
    Map<String, String> businessKeys =
        lookup(
            "SELECT ID_ AS K, BUSINESS_KEY_ AS V FROM ACT_RU_EXECUTION WHERE ID_ IN (:ids)",
            instances(rows));
    Map<String, String> names = applicantNames("ACT_RU_VARIABLE", rows);
    Map<String, List<Map<String, String>>> groups =
        candidateGroups(items.stream().map(i -> (String) i.get("taskId")).toList());
    for (Map<String, Object> item : items) {
      String instance = (String) item.get("processInstanceId");
      item.put("businessKey", businessKeys.get(instance));
      item.put("applicant", names.get(instance));
      item.put("candidateGroups", groups.getOrDefault((String) item.get("taskId"), List.of()));
    }
    return new Page(items, walked.total(), walked.totalAtLeast());
  }

  /** Due date, overdue and working days left (negative: working days overdue). */
  private void deadline(Map<String, Object> item, Instant due) {
    if (due == null) {
      item.put("overdue", false);
      item.put("workingDaysLeft", null);
      return;
    }
    Instant now = clock.now();
    LocalDate today = calendar.dateOf(now);
    LocalDate dueDay = calendar.dateOf(due);
    boolean overdue = due.isBefore(now);
    item.put("overdue", overdue);
    item.put(
        "workingDaysLeft",
        overdue
            ? -Math.max(1, calendar.workingDaysBetween(dueDay, today))
            : calendar.workingDaysBetween(today, dueDay));
  }

  // ---------------------------------------------------------------- 已办

  /** 已办: the tasks the user completed, latest first, with his decision and opinion. */
  public Page done(FenheUser user, ListQuery query) {
    MapSqlParameterSource params = base(user, query);
    StringBuilder where =
        new StringBuilder(
            " FROM ACT_HI_TASKINST h LEFT JOIN ACT_HI_TASKINST ph ON ph.ID_ = h.PARENT_TASK_ID_"
                + " JOIN ACT_HI_PROCINST hp"
                + " ON hp.PROC_INST_ID_ = COALESCE(h.PROC_INST_ID_, ph.PROC_INST_ID_)"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = hp.PROC_DEF_ID_"
                + " WHERE h.ASSIGNEE_ = :user AND h.END_TIME_ IS NOT NULL"
                + " AND h.DELETE_REASON_ = 'completed'");
    filters(where, query, "hp");
    long total = count(where, params);
    List<Map<String, Object>> items = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    Map<String, String> activityInstances = new HashMap<>();
    jdbc.query(
        "SELECT h.ID_, h.NAME_, h.TASK_DEF_KEY_, h.ACT_INST_ID_, h.START_TIME_, h.END_TIME_,"
            + " hp.PROC_INST_ID_, hp.BUSINESS_KEY_, hp.END_TIME_ AS CASE_END, hp.STATE_,"
            + " hp.END_ACT_ID_, d.KEY_, d.NAME_ AS PROC_NAME"
            + where
            + " ORDER BY h.END_TIME_ DESC, h.ID_ DESC LIMIT :limit OFFSET :offset",
        params,
        rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          String instance = rs.getString("PROC_INST_ID_");
          item.put("taskId", rs.getString("ID_"));
          caseColumns(item, rs, instance);
          item.put("step", rs.getString("NAME_"));
          item.put("stepId", rs.getString("TASK_DEF_KEY_"));
          item.put("started", instant(rs, "START_TIME_"));
          item.put("completed", instant(rs, "END_TIME_"));
          item.put("approved", null);
          item.put("opinion", null);
          activityInstances.put(rs.getString("ID_"), rs.getString("ACT_INST_ID_"));
          items.add(item);
          rows.add(new String[] {instance, rs.getString("KEY_")});
        });
    Map<String, String> names = applicantNames("ACT_HI_VARINST", rows);
    Map<String, Decision> decisions = decisions(activityInstances);
    Set<String> withdrawn = withdrawn(instances(rows));
    for (Map<String, Object> item : items) {
      String instance = (String) item.get("processInstanceId");
      item.put("applicant", names.get(instance));
      Decision decision = decisions.get((String) item.get("taskId"));
      if (decision != null) {
        item.put("approved", decision.approved());
        item.put("opinion", decision.opinion());
      }
      state(item, withdrawn.contains(instance));
    }
    return new Page(items, total);
  }

  /** A step's decision and opinion, from the variables set while it was worked. */
  public record Decision(Boolean approved, String opinion) {}

  /**
   * The decision and opinion of completed tasks (task id → activity instance id), from the variable
   * updates of their activity instances (history level full), else from a {@code complete} case
   * event's reason.
   */
  public Map<String, Decision> decisions(Map<String, String> taskActivityInstances) {
    if (taskActivityInstances.isEmpty()) {
      return Map.of();
    }
    Map<String, String> taskOfActivity = new HashMap<>();
    taskActivityInstances.forEach(
        (task, activity) -> {
          if (activity != null) {
            taskOfActivity.put(activity, task);
          }
        });
    Map<String, Boolean> approved = new HashMap<>();
    Map<String, String> opinion = new HashMap<>();
    jdbc.query(
        "SELECT ACT_INST_ID_, TASK_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_ FROM ACT_HI_DETAIL"
            + " WHERE TYPE_ = 'VariableUpdate' AND (ACT_INST_ID_ IN (:activities)"
            + " OR TASK_ID_ IN (:tasks)) ORDER BY SEQUENCE_COUNTER_, TIME_",
        new MapSqlParameterSource()
            .addValue("activities", nonEmpty(taskOfActivity.keySet()))
            .addValue("tasks", nonEmpty(taskActivityInstances.keySet())),
        rs -> {
          String task = rs.getString("TASK_ID_");
          if (task == null || !taskActivityInstances.containsKey(task)) {
            task = taskOfActivity.get(rs.getString("ACT_INST_ID_"));
          }
          if (task == null) {
            return;
          }
          String name = rs.getString("NAME_");
          if (APPROVED.matcher(name).matches() && "boolean".equals(rs.getString("VAR_TYPE_"))) {
            long value = rs.getLong("LONG_");
            approved.put(task, rs.wasNull() ? null : value == 1L);
          } else if (OPINION.matcher(name).matches() && rs.getString("TEXT_") != null) {
            opinion.put(task, rs.getString("TEXT_"));
          }
        });
    jdbc.query(
        "SELECT task_id, reason FROM fenhe_case_event WHERE action = 'complete'"
            + " AND task_id IN (:tasks) AND reason IS NOT NULL",
        new MapSqlParameterSource("tasks", taskActivityInstances.keySet()),
        rs -> {
          opinion.putIfAbsent(rs.getString("task_id"), rs.getString("reason"));
        });
    Map<String, Decision> decisions = new HashMap<>();
    for (String task : taskActivityInstances.keySet()) {
      if (approved.containsKey(task) || opinion.containsKey(task)) {
        decisions.put(task, new Decision(approved.get(task), opinion.get(task)));
      }
    }
    return decisions;
  }

  /**
   * Who completed each of these tasks, from the engine's user operation log ({@code Complete}, the
   * authenticated user of the completion, whichever the channel: the workbench, Tasklist, the
   * engine REST API). For a task completed without being claimed, whose history has no assignee.
   */
  public Map<String, String> completers(Collection<String> taskIds) {
    Map<String, String> completers = new HashMap<>();
    if (taskIds.isEmpty()) {
      return completers;
    }
    jdbc.query(
        "SELECT TASK_ID_, USER_ID_ FROM ACT_HI_OP_LOG WHERE OPERATION_TYPE_ = 'Complete'"
            + " AND TASK_ID_ IN (:tasks) AND USER_ID_ IS NOT NULL ORDER BY TIMESTAMP_",
        new MapSqlParameterSource("tasks", taskIds),
        rs -> {
          completers.put(rs.getString("TASK_ID_"), rs.getString("USER_ID_"));
        });
    return completers;
  }

  /**
   * The process instances a case called (call activities), at any depth: the instances of the
   * case's root process instance (one statement, the engine's index on {@code ROOT_PROC_INST_ID_})
   * that descend from the case's own.
   */
  public Set<String> calledProcessInstances(String rootInstance, String caseInstance) {
    Map<String, List<String>> children = new HashMap<>();
    jdbc.query(
        "SELECT PROC_INST_ID_, SUPER_PROCESS_INSTANCE_ID_ FROM ACT_HI_PROCINST"
            + " WHERE ROOT_PROC_INST_ID_ = :root AND SUPER_PROCESS_INSTANCE_ID_ IS NOT NULL",
        new MapSqlParameterSource("root", rootInstance),
        rs -> {
          children
              .computeIfAbsent(rs.getString("SUPER_PROCESS_INSTANCE_ID_"), k -> new ArrayList<>())
              .add(rs.getString("PROC_INST_ID_"));
        });
    Set<String> called = new LinkedHashSet<>();
    List<String> next = new ArrayList<>(children.getOrDefault(caseInstance, List.of()));
    while (!next.isEmpty()) {
      String instance = next.remove(next.size() - 1);
      if (called.add(instance)) {
        next.addAll(children.getOrDefault(instance, List.of()));
      }
    }
    return called;
  }

  // ---------------------------------------------------------------- 我发起的

  /** 我发起的: the cases the user started, latest first, with their state and current steps. */
  public Page started(FenheUser user, ListQuery query) {
    MapSqlParameterSource params = base(user, query);
    StringBuilder where =
        new StringBuilder(
            " FROM ACT_HI_PROCINST hp JOIN ACT_RE_PROCDEF d ON d.ID_ = hp.PROC_DEF_ID_"
                + " WHERE hp.START_USER_ID_ = :user AND hp.SUPER_PROCESS_INSTANCE_ID_ IS NULL");
    filters(where, query, "hp");
    long total = count(where, params);
    List<Map<String, Object>> items = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    jdbc.query(
        "SELECT hp.PROC_INST_ID_, hp.BUSINESS_KEY_, hp.START_TIME_, hp.END_TIME_ AS CASE_END,"
            + " hp.STATE_, hp.END_ACT_ID_, d.KEY_, d.NAME_ AS PROC_NAME"
            + where
            + " ORDER BY hp.START_TIME_ DESC, hp.ID_ DESC LIMIT :limit OFFSET :offset",
        params,
        rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          String instance = rs.getString("PROC_INST_ID_");
          caseColumns(item, rs, instance);
          item.put("started", instant(rs, "START_TIME_"));
          items.add(item);
          rows.add(new String[] {instance, rs.getString("KEY_")});
        });
    completeCases(items, rows);
    return new Page(items, total);
  }

  // ---------------------------------------------------------------- 抄送我的

  /** 抄送我的: the cases copied to the user, latest copy first, read or unread. */
  public Page copied(FenheUser user, ListQuery query) {
    MapSqlParameterSource params = base(user, query);
    StringBuilder where =
        new StringBuilder(
            " FROM fenhe_case_copy c JOIN ACT_HI_PROCINST hp"
                + " ON hp.PROC_INST_ID_ = c.process_instance_id"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = hp.PROC_DEF_ID_ WHERE c.user_id = :user");
    filters(where, query, "hp");
    long total = count(where, params);
    List<Map<String, Object>> items = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    jdbc.query(
        "SELECT c.id AS COPY_ID, c.copied_by, c.group_id, c.note, c.created_at, c.read_at,"
            + " hp.PROC_INST_ID_, hp.BUSINESS_KEY_, hp.END_TIME_ AS CASE_END, hp.STATE_,"
            + " hp.END_ACT_ID_, d.KEY_, d.NAME_ AS PROC_NAME"
            + where
            + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset",
        params,
        rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          String instance = rs.getString("PROC_INST_ID_");
          item.put("copyId", rs.getLong("COPY_ID"));
          caseColumns(item, rs, instance);
          item.put("copiedBy", rs.getString("copied_by"));
          item.put("viaGroup", rs.getString("group_id"));
          item.put("note", rs.getString("note"));
          item.put("copiedAt", instant(rs, "created_at"));
          String readAt = instant(rs, "read_at");
          item.put("read", readAt != null);
          item.put("readAt", readAt);
          items.add(item);
          rows.add(new String[] {instance, rs.getString("KEY_")});
        });
    completeCases(items, rows);
    return new Page(items, total);
  }

  // ---------------------------------------------------------------- shared parts

  private MapSqlParameterSource base(FenheUser user, ListQuery query) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("user", user.id())
            .addValue("groups", nonEmpty(user.groupIds()))
            .addValue("limit", query.size())
            .addValue("offset", query.offset())
            .addValue("procedure", query.procedure());
    if (query.q() != null) {
      params.addValue("q", query.like());
      params.addValue(
          "names",
          query.procedure() != null
              ? List.of(properties.applicantNameVariable(query.procedure()))
              : List.copyOf(properties.allApplicantNameVariables()));
    }
    return params;
  }

  /** Procedure and search filters over a historic process instance {@code alias}. */
  private static void filters(StringBuilder where, ListQuery query, String alias) {
    if (query.procedure() != null) {
      where.append(" AND d.KEY_ = :procedure");
    }
    if (query.q() != null) {
      where.append(
          " AND (LOWER("
              + alias
              + ".BUSINESS_KEY_) LIKE :q ESCAPE '!' OR EXISTS (SELECT 1 FROM ACT_HI_VARINST v"
              + " WHERE v.PROC_INST_ID_ = "
              + alias
              + ".PROC_INST_ID_ AND v.EXECUTION_ID_ = v.PROC_INST_ID_ AND v.NAME_ IN (:names)"
              + " AND LOWER(v.TEXT_) LIKE :q ESCAPE '!'))");
    }
  }

  private long count(CharSequence where, MapSqlParameterSource params) {
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
    return total == null ? 0 : total;
  }

  private static void caseColumns(Map<String, Object> item, ResultSet rs, String instance)
      throws SQLException {
    item.put("processInstanceId", instance);
    item.put("businessKey", rs.getString("BUSINESS_KEY_"));
    item.put("procedureKey", rs.getString("KEY_"));
    item.put("procedure", rs.getString("PROC_NAME"));
    item.put("applicant", null);
    item.put("ended", instant(rs, "CASE_END"));
    item.put("state", rawState(rs.getString("STATE_"), rs.getString("END_ACT_ID_")));
  }

  /** The case's state before the withdrawals are known. */
  private static String rawState(String state, String endActivity) {
    if (state == null || "ACTIVE".equals(state) || "SUSPENDED".equals(state)) {
      return CaseState.RUNNING.code();
    }
    if (endActivity != null && endActivity.contains("Withdrawn")) {
      return CaseState.WITHDRAWN.code();
    }
    return "COMPLETED".equals(state) ? CaseState.COMPLETED.code() : CaseState.TERMINATED.code();
  }

  private static void state(Map<String, Object> item, boolean withdrawEvent) {
    CaseState state = CaseState.byCode((String) item.get("state"));
    if (withdrawEvent && state != CaseState.RUNNING) {
      state = CaseState.WITHDRAWN;
    }
    item.put("state", state.code());
    item.put("stateLabel", state.label());
  }

  /** Applicant names, states and current steps of a page of cases. */
  private void completeCases(List<Map<String, Object>> items, List<String[]> rows) {
    Map<String, String> names = applicantNames("ACT_HI_VARINST", rows);
    Set<String> withdrawn = withdrawn(instances(rows));
    Map<String, List<String>> steps = currentSteps(instances(rows));
    for (Map<String, Object> item : items) {
      String instance = (String) item.get("processInstanceId");
      item.put("applicant", names.get(instance));
      state(item, withdrawn.contains(instance));
      item.put("currentSteps", steps.getOrDefault(instance, List.of()));
    }
  }

  /** The names of the open tasks of the cases, by case. */
  public Map<String, List<String>> currentSteps(Collection<String> instances) {
    Map<String, List<String>> steps = new HashMap<>();
    if (instances.isEmpty()) {
      return steps;
    }
    jdbc.query(
        "SELECT PROC_INST_ID_, NAME_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (:ids)"
            + " ORDER BY CREATE_TIME_, ID_",
        new MapSqlParameterSource("ids", instances),
        rs -> {
          List<String> names =
              steps.computeIfAbsent(rs.getString("PROC_INST_ID_"), k -> new ArrayList<>());
          String name = rs.getString("NAME_");
          if (name != null && !names.contains(name)) {
            names.add(name);
          }
        });
    return steps;
  }

  /** The cases with a {@code withdraw} event. */
  private Set<String> withdrawn(Collection<String> instances) {
    Set<String> found = new HashSet<>();
    if (instances.isEmpty()) {
      return found;
    }
    jdbc.query(
        "SELECT DISTINCT process_instance_id FROM fenhe_case_event WHERE action = 'withdraw'"
            + " AND process_instance_id IN (:ids)",
        new MapSqlParameterSource("ids", instances),
        rs -> {
          found.add(rs.getString(1));
        });
    return found;
  }

  /**
   * The applicant's name of each case (instance id, process key), from the process-level variable
   * named for its process key ({@code fenhe.workbench.applicant-name-variables}).
   */
  public Map<String, String> applicantNames(String table, List<String[]> cases) {
    Map<String, String> names = new HashMap<>();
    if (cases.isEmpty()) {
      return names;
    }
    Map<String, String> wanted = new HashMap<>();
    for (String[] c : cases) {
      wanted.put(c[0], properties.applicantNameVariable(c[1]));
    }
    jdbc.query(
        "SELECT PROC_INST_ID_, NAME_, TEXT_ FROM "
            + table
            + " WHERE PROC_INST_ID_ IN (:ids) AND EXECUTION_ID_ = PROC_INST_ID_"
            + " AND NAME_ IN (:names)",
        new MapSqlParameterSource()
            .addValue("ids", wanted.keySet())
            .addValue("names", new LinkedHashSet<>(wanted.values())),
        rs -> {
          String instance = rs.getString("PROC_INST_ID_");
          if (rs.getString("NAME_").equals(wanted.get(instance))) {
            names.put(instance, rs.getString("TEXT_"));
          }
        });
    return names;
  }

  /**
   * The candidate groups (id and Chinese name) of a page of tasks, in one statement. The caller
   * already may see these tasks.
   */
  public Map<String, List<Map<String, String>>> candidateGroups(List<String> taskIds) {
    Map<String, List<Map<String, String>>> groups = new HashMap<>();
    if (taskIds.isEmpty()) {
      return groups;
    }
    jdbc.query(
        "SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate'"
            + " AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:tasks)",
        new MapSqlParameterSource("tasks", taskIds),
        rs -> {
          String groupId = rs.getString("GROUP_ID_");
          groups
              .computeIfAbsent(rs.getString("TASK_ID_"), id -> new ArrayList<>())
              .add(Map.of("id", groupId, "name", groupName(groupId)));
        });
    return groups;
  }

  /** A group's Chinese name (Fenhe's groups and the counties' groups), else its id. */
  public static String groupName(String groupId) {
    return FenheGroup.byId(groupId)
        .map(FenheGroup::chineseName)
        .or(() -> County.nameOfGroup(groupId))
        .orElse(groupId);
  }

  private Map<String, String> lookup(String sql, Collection<String> ids) {
    Map<String, String> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.query(
        sql,
        new MapSqlParameterSource("ids", ids),
        rs -> {
          found.put(rs.getString("K"), rs.getString("V"));
        });
    return found;
  }

  private static Set<String> instances(List<String[]> rows) {
    Set<String> ids = new LinkedHashSet<>();
    rows.forEach(r -> ids.add(r[0]));
    return ids;
  }

  private static Collection<String> nonEmpty(Collection<String> values) {
    return values.isEmpty() ? List.of(NO_GROUP) : values;
  }

  private static String instant(ResultSet rs, String column) throws SQLException {
    Instant value = Rows.instant(rs, column);
    return value == null ? null : value.toString();
  }
}
