package cn.gov.linfen.fenhe.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The engine's authorization check of a task query ({@code TaskService.createTaskQuery()} under the
 * caller's authentication), as one SQL condition on a task {@code t} ({@code ACT_RU_TASK}) and its
 * process definition {@code d} ({@code ACT_RE_PROCDEF}, left-joined on {@code t.PROC_DEF_ID_}), so
 * that Fenhe's own queries (e.g. the officer's deadlines walked in due-date order, {@link
 * DueDateWalk}) keep exactly the tasks the engine's authorized query returns.
 *
 * <p>The rule, as Camunda 7.24 writes it (mappings {@code Task.xml}, {@code Authorization.xml}:
 * {@code authCheckJoinWithoutOnClause}, {@code contextualAuthorizationCheck}; {@code
 * TenantEntity.queryTenantCheck}; {@code AuthorizationManager.configureTaskQuery}) when revoke
 * checks are off. Whether the engine checks at all is asked of the engine itself: the installed
 * authorization manager configures a task query for the current authentication, and its check is
 * used (none when authorization is disabled, for a caller without authentication, or when the
 * caller's wildcard grants pass every task, {@link WildcardGrants}; a Camunda admin is checked like
 * anyone, as by the engine, whose queries have no admin exception), and so is its tenant check
 * (which does exempt a Camunda admin). Otherwise a task is returned when one authorization row of
 * type GLOBAL or GRANT ({@code TYPE_ < 2}) of the user, of {@code '*'} or of one of his groups
 * gives READ on the resource type task or READ_TASK on the resource type process definition, with a
 * resource id that is the task's id, its process definition's key or {@code '*'} (the engine does
 * not pair the id with the type: so neither does this condition); a case task is returned when CMMN
 * is enabled (the engine's left join); and with the tenant check on, only tasks without a tenant or
 * of one of the caller's tenants. The user, group and tenant ids are those the engine put on its
 * own query. The candidate links play no part: a task is seen through its authorizations (the
 * engine writes one per assignee, owner, candidate user and candidate group, and keeps it when a
 * link is removed), so an authorization granted to a user by hand counts and a former assignee
 * keeps seeing the task, as in the engine.
 *
 * <p>With revoke checks ({@code authorization-check-revokes: always}, or {@code auto} while a
 * REVOKE authorization of the caller exists) the engine resolves user over group over global grants
 * and revokes per resource; that rule is not repeated here: {@link #byEngine()} then tells the
 * caller to ask the engine. Fenhe itself never writes a REVOKE authorization
 * (identity.AuthorizationReconciler and ApplicantAccess write grants only), so this happens only
 * after one was added by hand in Admin.
 */
public final class TaskReadCheck {

  private final String condition;

  private TaskReadCheck(String condition) {
    this.condition = condition;
  }

  /** The engine must decide (revokes in use). */
  private static final TaskReadCheck ENGINE = new TaskReadCheck(null);

  /** The engine checks nothing: every task (no authorization and no tenant check). */
  private static final TaskReadCheck NONE = new TaskReadCheck("");

  /** True when the rule cannot be said in SQL here: ask the engine's authorized task query. */
  public boolean byEngine() {
    return condition == null;
  }

  /**
   * The condition ({@code " AND (…)"}, or {@code ""} when the engine checks nothing); its
   * parameters are in the source given to {@link #of}. Only when not {@link #byEngine()}.
   */
  public String condition() {
    if (condition == null) {
      throw new IllegalStateException("revoke authorizations in use: the engine decides");
    }
    return condition;
  }

  /**
   * The check of the engine's current authentication; its parameters ({@code authUser}, {@code
   * authGroups}, {@code authTenants}) are added to {@code params}.
   */
  public static TaskReadCheck of(ProcessEngine engine, MapSqlParameterSource params) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // the checks the engine itself puts on a task query of the current authentication
    TaskQueryImpl configured =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                context -> {
                  TaskQueryImpl query = new TaskQueryImpl();
                  context.getAuthorizationManager().configureTaskQuery(query);
                  context.getTenantManager().configureQuery(query);
                  return query;
                });
    AuthorizationCheck authorization = configured.getAuthCheck();
    TenantCheck tenants = configured.getTenantCheck();
    boolean checked =
        authorization.isAuthorizationCheckEnabled() && authorization.getAuthUserId() != null;
    if (checked && authorization.isRevokeAuthorizationCheckEnabled()) {
      return ENGINE;
    }
    String sql = "";
    if (checked) {
      sql = " AND " + readable(configuration, authorization, params);
    }
    if (tenants.isTenantCheckEnabled()) {
      List<String> ids = tenants.getAuthTenantIds();
      if (ids == null || ids.isEmpty()) {
        sql += " AND t.TENANT_ID_ IS NULL";
      } else {
        params.addValue("authTenants", ids);
        sql += " AND (t.TENANT_ID_ IS NULL OR t.TENANT_ID_ IN (:authTenants))";
      }
    }
    return sql.isEmpty() ? NONE : new TaskReadCheck(sql);
  }

  /** The engine's join as a condition: one row of the caller's passes the task. */
  private static String readable(
      ProcessEngineConfigurationImpl configuration,
      AuthorizationCheck authorization,
      MapSqlParameterSource params) {
    List<String> groups =
        authorization.getAuthGroupIds() == null ? List.of() : authorization.getAuthGroupIds();
    params.addValue("authUser", authorization.getAuthUserId());
    String holders = "a.USER_ID_ IN (:authUser, '*')";
    if (!groups.isEmpty()) {
      params.addValue("authGroups", groups);
      holders = "(" + holders + " OR a.GROUP_ID_ IN (:authGroups))";
    }
    boolean postgres = "postgres".equals(configuration.getDatabaseType());
    String sql =
        "EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.TYPE_ < 2 AND "
            + holders
            + " AND ((a.RESOURCE_TYPE_ = "
            + Resources.TASK.resourceType()
            + " AND "
            + bits(postgres, Permissions.READ.getValue())
            + ") OR (a.RESOURCE_TYPE_ = "
            + Resources.PROCESS_DEFINITION.resourceType()
            + " AND "
            + bits(postgres, Permissions.READ_TASK.getValue())
            + ")) AND a.RESOURCE_ID_ IN (t.ID_, d.KEY_, '*'))";
    if (configuration.isCmmnEnabled()) {
      sql = "(t.CASE_EXECUTION_ID_ IS NOT NULL OR " + sql + ")";
    }
    return sql;
  }

  /**
   * {@code PERMS_} has all the bits of {@code permission}: the form of the engine's own condition
   * on PostgreSQL, so that the planner uses the statistics of {@link EngineIndexes}' expression
   * indexes on {@code (PERMS_ & 2)} and {@code (PERMS_ & 64)}.
   */
  static String bits(boolean postgres, int permission) {
    return postgres
        ? "(a.PERMS_ & " + permission + ") = " + permission
        : "BITAND(a.PERMS_, " + permission + ") = " + permission;
  }
}
