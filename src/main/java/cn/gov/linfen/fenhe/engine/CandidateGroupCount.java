package cn.gov.linfen.fenhe.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;

/**
 * The engine's task manager, counting an officer's inbox ({@code GET /engine-rest/task/count?
 * candidateGroups=…}: the tasks offered to his groups, unassigned, that he may read) in SQL that
 * PostgreSQL can hash, with the engine's answer.
 *
 * <p>The engine counts {@code COUNT(DISTINCT RES.ID_)} over a join of the tasks with their identity
 * links and with the caller's authorization rows {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_,
 * '*')}. That join cannot be hashed: at 100,000 open tasks it is a nested loop of 20,000 look-ups
 * and 145 ms on two cores (docs/benchmarks.md, "the engine inbox count at 100,000"). This counts
 * the same rows as the engine's statement would: each task once, the candidate link as {@code
 * EXISTS}, and the caller's authorization rows (the same rows: type GLOBAL or GRANT, the user,
 * {@code '*'} or the caller's authorized groups, the engine's own permission checks) as {@code
 * RES.ID_ IN (…)}, {@code D.KEY_ IN (…)} or one {@code '*'} row: each set read once.
 *
 * <p>Only a query of the simplest kind is counted here: candidate groups ({@code
 * taskCandidateGroupIn} or {@code taskCandidateGroup}, with or without {@code
 * includeAssignedTasks}), every other criterion of {@link TaskQueryImpl} as on a new query (checked
 * field by field, so a criterion added by a later engine version sends the query back to the
 * engine), no {@code or()} query, no expressions, on H2 or PostgreSQL, and an authorization check
 * the engine makes without revokes (disjunctive atomic checks, no composite ones). Everything else,
 * and any query while revokes are checked, is counted by the engine's own statement. The permission
 * checks, the authorized groups ({@link AuthorizedGroupLookup}) and the tenant check are taken from
 * what the engine itself configured on the query ({@code configureQuery}). Test: {@code
 * OfficerDeadlinesVisibilityTest} compares the count with the engine's statement for every user and
 * group set of its varied tasks, on H2 and PostgreSQL.
 */
public class CandidateGroupCount extends TaskManager {

  /** Fields of {@link TaskQueryImpl} that this count reads or that hold no criterion. */
  static final Set<String> READ_HERE =
      Set.of(
          "candidateGroup",
          "candidateGroups",
          "cachedCandidateGroups",
          "cachedUserGroups",
          "includeAssignedTasks",
          "queries");

  /** Every other instance field of the query: each must be as on a new query. */
  private static final List<Field> CRITERIA = criteria();

  private static final TaskQueryImpl NEW_QUERY = new TaskQueryImpl();

  private static final LongAdder TAKEN = new LongAdder();

  /** How many counts were taken by this class's SQL since the start (for tests). */
  public static long taken() {
    return TAKEN.sum();
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String sql = candidateGroupsOnly(query) ? sql(query) : null;
    if (sql == null) {
      return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
    }
    TAKEN.increment();
    return count(sql, parameters(query));
  }

  /** Whether the query asks for candidate groups and nothing else. */
  static boolean candidateGroupsOnly(TaskQueryImpl query) {
    if (query.getQueries().size() != 1
        || query.getQueries().get(0) != query
        || !query.getExpressions().isEmpty()) {
      return false;
    }
    try {
      for (Field field : CRITERIA) {
        if (!Objects.deepEquals(field.get(query), field.get(NEW_QUERY))) {
          return false;
        }
      }
    } catch (IllegalAccessException e) {
      return false;
    }
    // read last: with a candidate user (refused above) it would look up the user's groups
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty();
  }

  /**
   * The count's SQL, or null when the engine's authorization or tenant check is not of our kind.
   */
  private static String sql(TaskQueryImpl query) {
    CommandContext context = Context.getCommandContext();
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    String database = configuration.getDatabaseType();
    boolean postgres = "postgres".equals(database);
    if (!postgres && !"h2".equals(database)) {
      return null;
    }
    String prefix = Objects.requireNonNullElse(configuration.getDatabaseTablePrefix(), "");
    AuthorizationCheck auth = query.getAuthCheck();
    boolean checked = auth.getShouldPerformAuthorizatioCheck() && auth.getAuthUserId() != null;
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + prefix + "ACT_RU_TASK RES");
    String authorized = null;
    if (checked) {
      CompositePermissionCheck checks = auth.getPermissionChecks();
      if (auth.isRevokeAuthorizationCheckEnabled()
          || checks == null
          || !checks.isDisjunctive()
          || checks.getAtomicChecks().isEmpty()
          || !checks.getCompositeChecks().isEmpty()) {
        return null;
      }
      String rows = authorizationRows(prefix, auth, checks.getAtomicChecks(), postgres);
      authorized =
          "(RES.ID_ IN ("
              + rows
              + ") OR D.KEY_ IN ("
              + rows
              + ") OR EXISTS ("
              + rows
              + " AND A.RESOURCE_ID_ = '*'))";
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
        .append(marks(query.getCandidateGroups().size()))
        .append("))");
    if (authorized != null) {
      sql.append(" AND ").append(authorized);
    }
    TenantCheck tenants = query.getTenantCheck();
    if (tenants.isTenantCheckEnabled()) {
      List<String> ids = tenants.getAuthTenantIds();
      sql.append(" AND (RES.TENANT_ID_ IS NULL");
      if (ids != null && !ids.isEmpty()) {
        sql.append(" OR RES.TENANT_ID_ IN (").append(marks(ids.size())).append(")");
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
      PermissionCheck check = checks.get(i);
      int type = check.getResourceType();
      int perms = check.getPerms();
      String bits = postgres ? "(A.PERMS_ & " + perms + ")" : "BITAND(A.PERMS_, " + perms + ")";
      rows.append(i == 0 ? "" : " OR ")
          .append("(A.RESOURCE_TYPE_ = ")
          .append(type)
          .append(" AND ")
          .append(bits)
          .append(" = ")
          .append(perms)
          .append(")");
    }
    return rows.append(")").toString();
  }

  /** The parameters in the order of {@link #sql}: groups, three times the caller, tenants. */
  private static List<String> parameters(TaskQueryImpl query) {
    List<String> parameters = new ArrayList<>(query.getCandidateGroups());
    AuthorizationCheck auth = query.getAuthCheck();
    if (auth.getShouldPerformAuthorizatioCheck() && auth.getAuthUserId() != null) {
      List<String> caller = new ArrayList<>();
      caller.add(auth.getAuthUserId());
      if (auth.getAuthGroupIds() != null) {
        caller.addAll(auth.getAuthGroupIds());
      }
      for (int i = 0; i < 3; i++) {
        parameters.addAll(caller);
      }
    }
    TenantCheck tenants = query.getTenantCheck();
    if (tenants.isTenantCheckEnabled() && tenants.getAuthTenantIds() != null) {
      parameters.addAll(tenants.getAuthTenantIds());
    }
    return parameters;
  }

  private static long count(String sql, List<String> parameters) {
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("counting the tasks of candidate groups failed", e);
    }
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static List<Field> criteria() {
    List<Field> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !READ_HERE.contains(field.getName())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }
}
