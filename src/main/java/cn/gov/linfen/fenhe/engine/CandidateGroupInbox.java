package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task manager, answering an officer's inbox ({@code GET /engine-rest/task?
 * candidateGroups=…} and its {@code /count}: the tasks offered to his groups, unassigned, that he
 * may read) in SQL that PostgreSQL plans well, with the engine's answer.
 *
 * <p>The engine joins the tasks with their identity links and with the caller's authorization rows
 * {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, then {@code DISTINCT}. That join cannot
 * be hashed: at 100,000 open tasks the count is a nested loop of 20,000 look-ups (145–320 ms on two
 * cores), and the page of 50 starts parallel workers to sort the join (53–90 ms,
 * docs/benchmarks.md, "the engine inbox count at 100,000"). Here each task is one row, the
 * candidate link is an {@code EXISTS}, and the caller's authorization rows are the engine's rows
 * (type GLOBAL or GRANT, the user, {@code '*'} or the caller's authorized groups, the engine's own
 * permission checks): for the count as the sets {@code RES.ID_ IN (…)}, {@code D.KEY_ IN (…)} and
 * one {@code '*'} row, each read once and hashed; for a page as an {@code EXISTS} per task, probed
 * only for the tasks the due-date walk reaches. The page's tasks are then loaded by the engine's
 * own statement by their ids, in the page's order (ties broken by id, so that pages do not
 * overlap).
 *
 * <p>Only a query of the simplest kind is answered here: candidate groups ({@code
 * taskCandidateGroupIn} or {@code taskCandidateGroup}, with or without {@code
 * includeAssignedTasks}), every other criterion of {@link TaskQueryImpl} as on a new query (checked
 * field by field, so a criterion added by a later engine version sends the query back to the
 * engine), no {@code or()} query, no expressions, ordered by the task's own columns, on H2 or
 * PostgreSQL, and an authorization check the engine makes without revokes (disjunctive atomic
 * checks, no composite ones). Everything else, and any query while revokes are checked, goes to the
 * engine's own statements. The permission checks, the authorized groups ({@link
 * AuthorizedGroupLookup}) and the tenant check are taken from what the engine itself configured on
 * the query ({@code configureQuery}). Tests: {@code OfficerDeadlinesVisibilityTest} compares counts
 * and lists with the engine's statements for every user and group set of its varied tasks, on H2
 * and PostgreSQL; {@code CandidateGroupInboxRulesTest} which queries qualify.
 */
public class CandidateGroupInbox extends TaskManager {

  /**
   * Fields of {@link TaskQueryImpl} that this class reads, that hold no criterion, or that the
   * engine applies to the list after the manager returns it (form keys, comment and attachment
   * flags).
   */
  static final Set<String> NOT_CRITERIA =
      Set.of(
          "candidateGroup",
          "candidateGroups",
          "cachedCandidateGroups",
          "cachedUserGroups",
          "includeAssignedTasks",
          "queries",
          "initializeFormKeys",
          "withCommentAttachmentInfo");

  /** Ids per statement when the page's tasks are loaded. */
  private static final int CHUNK = 500;

  /** Every other instance field of the query: each must be as on a new query. */
  private static final QueryCriteria CRITERIA =
      new QueryCriteria(new TaskQueryImpl(), NOT_CRITERIA, TaskQueryImpl.class);

  private static final LongAdder TAKEN = new LongAdder();

  private static final String POSTGRES = "postgres";

  private static final String PARALLEL_WORKERS =
      "SELECT current_setting('max_parallel_workers_per_gather')";

  /** How many counts and pages were answered by this class's SQL since the start (for tests). */
  public static long taken() {
    return TAKEN.sum();
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    List<Object> parameters = new ArrayList<>();
    String from = candidateGroupsOnly(query) ? from(query, true, parameters) : null;
    if (from == null) {
      return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
    }
    TAKEN.increment();
    if (!POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
      return count(from, parameters);
    }
    // without parallel workers: each would read and hash the caller's grants again (3 × 20,000
    // rows at 100,000 tasks on two cores: 170–220 ms, alone 57–80 ms; docs/benchmarks.md)
    String workers = column(PARALLEL_WORKERS, List.of()).get(0);
    column("SELECT set_config('max_parallel_workers_per_gather', '0', true)", List.of());
    long count = count(from, parameters);
    // the transaction's setting as it was, for what the caller's transaction runs next (after a
    // failure the transaction is rolled back, and the setting with it)
    column("SELECT set_config('max_parallel_workers_per_gather', ?, true)", List.of(workers));
    return count;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    // the tasks of one case, for a caller the engine does not check: a statement of fixed text
    List<Task> ofOneCase = OneCaseQueries.tasks(getDbEntityManager(), query, orderBy(query));
    if (ofOneCase != null) {
      return ofOneCase;
    }
    List<Object> parameters = new ArrayList<>();
    String orderBy = candidateGroupsOnly(query) ? orderBy(query) : null;
    String from = orderBy == null ? null : from(query, false, parameters);
    if (from == null) {
      return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
    }
    TAKEN.increment();
    parameters.add(query.getMaxResults());
    parameters.add(query.getFirstResult());
    return byIds(
        column("SELECT RES.ID_" + from + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?", parameters));
  }

  /** Whether the query asks for candidate groups and nothing else. */
  static boolean candidateGroupsOnly(TaskQueryImpl query) {
    if (query.getQueries().size() != 1
        || query.getQueries().get(0) != query
        || !CRITERIA.asNew(query)) {
      return false;
    }
    // read last: with a candidate user (refused above) it would look up the user's groups
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty();
  }

  /**
   * The engine's order ({@code Commons.bindOrderBy}: the task's own columns; by id when none is
   * asked), then by id; null when an ordering needs a join (variables, definitions).
   */
  static String orderBy(TaskQueryImpl query) {
    List<String> columns = new ArrayList<>();
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (ordering.getRelation() != null
          || !ordering.isContainedProperty()
          || ordering.getQueryProperty().getFunction() != null) {
        return null;
      }
      columns.add(
          "RES." + ordering.getQueryProperty().getName() + " " + ordering.getDirection().getName());
    }
    columns.add("RES.ID_ asc");
    return String.join(", ", columns);
  }

  /**
   * {@code FROM … WHERE …} of the query's tasks, each once, its parameters added to {@code
   * parameters}; or null when the engine's authorization check is not of our kind. {@code hashed}:
   * the caller's authorization rows as sets read once (a count of all), else as an {@code EXISTS}
   * per task (a page).
   */
  private static String from(TaskQueryImpl query, boolean hashed, List<Object> parameters) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String database = configuration.getDatabaseType();
    boolean postgres = POSTGRES.equals(database);
    if (!postgres && !"h2".equals(database)) {
      return null;
    }
    String prefix = Objects.requireNonNullElse(configuration.getDatabaseTablePrefix(), "");
    AuthorizationCheck auth = query.getAuthCheck();
    StringBuilder sql = new StringBuilder(" FROM " + prefix + "ACT_RU_TASK RES");
    List<String> groups = query.getCandidateGroups();
    List<Object> authParameters = new ArrayList<>();
    String authorized = null;
    if (auth.getShouldPerformAuthorizatioCheck() && auth.getAuthUserId() != null) {
      CompositePermissionCheck checks = auth.getPermissionChecks();
      if (auth.isRevokeAuthorizationCheckEnabled()
          || checks == null
          || !checks.isDisjunctive()
          || checks.getAtomicChecks().isEmpty()
          || !checks.getCompositeChecks().isEmpty()) {
        return null;
      }
      String rows = authorizationRows(prefix, auth, checks.getAtomicChecks(), postgres);
      List<Object> caller = new ArrayList<>();
      caller.add(auth.getAuthUserId());
      caller.addAll(Objects.requireNonNullElse(auth.getAuthGroupIds(), List.of()));
      if (hashed) {
        authorized =
            "(RES.ID_ IN ("
                + rows
                + ") OR D.KEY_ IN ("
                + rows
                + ") OR EXISTS ("
                + rows
                + " AND A.RESOURCE_ID_ = '*'))";
        Collections.nCopies(3, caller).forEach(authParameters::addAll);
      } else {
        authorized = "EXISTS (" + rows + " AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))";
        authParameters.addAll(caller);
      }
      if (auth.isUseLeftJoin()) {
        authorized = "(RES.CASE_EXECUTION_ID_ IS NOT NULL OR " + authorized + ")";
      }
      // the engine's join: inner when every task has a definition (no CMMN, no standalone tasks)
      sql.append(query.isQueryForProcessTasksOnly() ? " INNER JOIN " : " LEFT JOIN ")
          .append(prefix)
          .append("ACT_RE_PROCDEF D ON RES.PROC_DEF_ID_ = D.ID_");
    }
    sql.append(" WHERE ");
    if (!query.isIncludeAssignedTasks()) {
      sql.append("RES.ASSIGNEE_ IS NULL AND ");
    }
    sql.append("EXISTS (SELECT 1 FROM ")
        .append(prefix)
        .append("ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'")
        .append(" AND I.GROUP_ID_ IN (")
        .append(marks(groups.size()))
        .append("))");
    parameters.addAll(groups);
    if (authorized != null) {
      sql.append(" AND ").append(authorized);
      parameters.addAll(authParameters);
    }
    TenantCheck tenants = query.getTenantCheck();
    if (tenants.isTenantCheckEnabled()) {
      List<String> ids = tenants.getAuthTenantIds();
      sql.append(" AND (RES.TENANT_ID_ IS NULL");
      if (ids != null && !ids.isEmpty()) {
        sql.append(" OR RES.TENANT_ID_ IN (").append(marks(ids.size())).append(")");
        parameters.addAll(ids);
      }
      sql.append(")");
    }
    return sql.toString();
  }

  /**
   * The engine's authorization rows of the caller ({@code authCheckJoinWithoutOnClause}), their
   * resource ids; parameters: the user, then the groups. The permission checks' numbers are the
   * engine's own constants, written into the SQL as the engine's custom plans see them, so that
   * PostgreSQL proves the predicate of {@code FENHE_IDX_AUTH_TASK_READ} ({@link EngineIndexes}).
   */
  private static String authorizationRows(
      String prefix, AuthorizationCheck auth, List<PermissionCheck> checks, boolean postgres) {
    List<String> groups = auth.getAuthGroupIds();
    StringBuilder rows =
        new StringBuilder("SELECT A.RESOURCE_ID_ FROM ")
            .append(prefix)
            .append("ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND (A.USER_ID_ IN (?, '*')");
    if (groups != null && !groups.isEmpty()) {
      rows.append(" OR A.GROUP_ID_ IN (").append(marks(groups.size())).append(")");
    }
    rows.append(") AND (");
    for (int i = 0; i < checks.size(); i++) {
      // the form of TaskReadCheck's condition (its alias a is this A: SQL folds the case)
      rows.append(i == 0 ? "" : " OR ")
          .append("(A.RESOURCE_TYPE_ = ")
          .append(checks.get(i).getResourceType())
          .append(" AND ")
          .append(TaskReadCheck.bits(postgres, checks.get(i).getPerms()))
          .append(")");
    }
    return rows.append(")").toString();
  }

  /** The tasks of the ids, loaded by the engine's own statement, in the ids' order. */
  @SuppressWarnings("unchecked")
  private List<Task> byIds(List<String> ids) {
    Map<String, Task> loaded = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      TaskQueryImpl byIds = new TaskQueryImpl();
      byIds.taskIdIn(ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new));
      // the ids passed the tenant check already
      byIds.getTenantCheck().setTenantCheckEnabled(false);
      List<Task> tasks = getDbEntityManager().selectList("selectTaskByQueryCriteria", byIds);
      tasks.forEach(task -> loaded.put(task.getId(), task));
    }
    // a task deleted between the two statements is left out, as a moment later it would be
    return ids.stream().map(loaded::get).filter(Objects::nonNull).toList();
  }

  /** The tasks of {@code from}, counted. */
  private static long count(String from, List<Object> parameters) {
    return Long.parseLong(column("SELECT COUNT(*)" + from, parameters).get(0));
  }

  /** The first column of each row; parameters bound as strings, integers as integers. */
  private static List<String> column(String sql, List<?> parameters) {
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object parameter = parameters.get(i);
        if (parameter instanceof Integer number) {
          statement.setInt(i + 1, number);
        } else {
          statement.setString(i + 1, (String) parameter);
        }
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new ProcessEngineException("the inbox of candidate groups failed", e);
    }
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
