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
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ExternalTaskQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine's authorization manager, answering from the caller's <em>wildcard grants</em>
 * (resource id {@code '*'}) the checks that such a grant decides for every resource, instead of
 * asking the database resource by resource.
 *
 * <p>Without revoke checks, the engine's rule is the same for a query and for a command: a resource
 * passes an atomic check (a permission on a resource type) when one GLOBAL or GRANT authorization
 * of the caller (the user, {@code '*'} or one of his authorized groups) has the permission's bits
 * on that type, with the resource's id or {@code '*'} (Camunda 7.24, {@code Authorization.xml}:
 * {@code authCheckJoinWithoutOnClause} for queries, {@code authCheck} for {@code isAuthorized}). A
 * wildcard grant of the permission therefore passes <em>every</em> resource. So:
 *
 * <ul>
 *   <li><b>Queries</b> (the engine's task, process instance and execution, variable, external task,
 *       historic process instance and historic task queries, and the workers' fetch: the queries
 *       whose mapping filters by a join on the authorizations): when the caller's wildcard grants
 *       pass every row, the authorization join filters nothing, and the query runs without it. The
 *       join's form is kept exactly: a disjunctive list of atomic checks passes when one of them
 *       has a wildcard grant; a conjunctive list only when <em>one</em> wildcard row has all of
 *       them (the join's single row); a list of composite checks (the fetch: one join per
 *       composite) by its composites.
 *   <li><b>Commands</b> ({@code isAuthorized}, behind every {@code checkAuthorization}): an atomic
 *       check with a wildcard grant of the user ({@code TYPE_ = 1}), of one of his groups, or a
 *       GLOBAL one ({@code TYPE_ = 0}, user {@code '*'}) answers 1; when the engine's statement
 *       would then certainly answer 1 ({@link #certainlyOne}, which follows its {@code COALESCE}
 *       and {@code BITAND} forms), nothing is asked. Every other check is the engine's statement.
 * </ul>
 *
 * <p>Never while revokes are checked ({@code authorization-check-revokes: always}, or {@code auto}
 * while a REVOKE authorization of the caller exists): a revoke on one resource would make the
 * wildcard not cover it. In mode {@code auto} (the default, Fenhe's) the engine asks once per
 * command whether such a revoke exists; this manager asks that same question and, in the same
 * statement, reads the caller's wildcard grants ({@code RESOURCE_ID_ = '*'}, a few rows per
 * holder). So the shortcut costs no statement: it replaces the join of each query and the statement
 * of each command check it answers. The grants are read again at every command (a grant withdrawn,
 * here or on another node, takes effect at the next command), and for another user or group list
 * within the same command by their own statement.
 *
 * <p>Why: the driver's and the supervisors' polls of a case (administrators hold ALL on {@code
 * '*'}, identity/policy.yaml) filtered by a join that kept every row cost 18 ms of database time
 * per P1 case (docs/benchmarks.md, issue 20, run Z10). Tests: {@code WildcardGrantsTest} compares
 * every answer with the engine's own (the shortcut off) for grants of the user, of a group, GLOBAL,
 * of one resource only, with a REVOKE, and in each revoke mode; the security suite and the endpoint
 * matrix run on it.
 */
public class WildcardGrants extends AuthorizedGroupLookup {

  /** A holder set: the user and his authorized groups, as the engine's checks use them. */
  private record Holders(String userId, List<String> groups) {}

  /** One wildcard grant (type GLOBAL or GRANT, resource id {@code '*'}) of a holder. */
  record Grant(int type, String userId, String groupId, int resourceType, int perms) {

    boolean has(PermissionCheck check) {
      return resourceType == check.getResourceType()
          && (perms & check.getPerms()) == check.getPerms();
    }

    /**
     * Counts in a command check ({@code authCheck}): a GRANT of the user or of one of the groups,
     * or a GLOBAL one; a query's join also takes a GRANT to user {@code '*'}.
     */
    boolean countsForCommands(String user, List<String> groups) {
      if (type == Authorization.AUTH_TYPE_GLOBAL) {
        return Authorization.ANY.equals(userId);
      }
      return Objects.equals(user, userId) || (groupId != null && groups.contains(groupId));
    }
  }

  /** Per command: the wildcard grants of each holder set read. */
  private final Map<Holders, List<Grant>> wildcards = new HashMap<>();

  // ------------------------------------------------------------------ revokes and grants, one read

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    if (isRevokeAuthCheckUsed == null && userId != null && supported() && auto()) {
      List<String> groups = groupsOf(groupIds);
      if (groups.size() <= CHUNK) {
        List<Grant> grants = new ArrayList<>();
        isRevokeAuthCheckUsed = read(userId, groups, true, grants);
        wildcards.put(new Holders(userId, groups), grants);
      }
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private List<String> groupsOf(List<String> groupIds) {
    List<String> groups = filterAuthenticatedGroupIds(groupIds);
    return groups == null ? List.of() : List.copyOf(groups);
  }

  /** The wildcard grants of the holders (already filtered groups), read once per command. */
  private List<Grant> wildcardsOf(String userId, List<String> groups) {
    Holders holders = new Holders(userId, List.copyOf(groups));
    List<Grant> known = wildcards.get(holders);
    if (known == null) {
      known = new ArrayList<>();
      read(userId, holders.groups(), false, known);
      wildcards.put(holders, known);
    }
    return known;
  }

  /**
   * Reads the wildcard grants of the holders into {@code grants}; with {@code revokes}, also
   * answers the engine's {@code selectRevokeAuthorization}: whether a REVOKE of the holders exists.
   */
  private static boolean read(
      String userId, List<String> groups, boolean revokes, List<Grant> grants) {
    CommandContext context = Context.getCommandContext();
    String prefix =
        Objects.requireNonNullElse(
            context.getProcessEngineConfiguration().getDatabaseTablePrefix(), "");
    String holders =
        "(A.USER_ID_ IN (?, '*')"
            + (groups.isEmpty()
                ? ""
                : " OR A.GROUP_ID_ IN ("
                    + String.join(",", Collections.nCopies(groups.size(), "?"))
                    + ")")
            + ")";
    String sql =
        "SELECT A.TYPE_, A.USER_ID_, A.GROUP_ID_, A.RESOURCE_TYPE_, A.PERMS_ FROM "
            + prefix
            + "ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND A.TYPE_ < 2 AND "
            + holders;
    if (revokes) {
      sql +=
          " UNION ALL SELECT 2, NULL, NULL, 0, 0 WHERE EXISTS (SELECT 1 FROM "
              + prefix
              + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND "
              + holders
              + ")";
    }
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    boolean revoked = false;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (int copy = 0; copy < (revokes ? 2 : 1); copy++) {
        statement.setString(index++, userId);
        for (String group : groups) {
          statement.setString(index++, group);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          int type = rows.getInt(1);
          if (type == Authorization.AUTH_TYPE_REVOKE) {
            revoked = true;
          } else {
            grants.add(
                new Grant(
                    type, rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5)));
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("reading the caller's wildcard grants failed", e);
    }
    return revoked;
  }

  private static boolean supported() {
    String database = Context.getProcessEngineConfiguration().getDatabaseType();
    return "postgres".equals(database) || "h2".equals(database);
  }

  private static boolean auto() {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    return mode == null
        || ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode);
  }

  // ------------------------------------------------------------------ commands

  @Override
  public boolean isAuthorized(
      String userId, List<String> groupIds, CompositePermissionCheck permissions) {
    return grantedByWildcards(userId, groupIds, permissions)
        || super.isAuthorized(userId, groupIds, permissions);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permission) {
    return (isAuthorizationEnabled()
            && grantedByWildcards(userId, groupIds, createCompositePermissionCheck(permission)))
        || super.isAuthorized(userId, groupIds, permission);
  }

  /**
   * True when the caller's wildcard grants certainly make the engine's statement answer 1; false
   * when not known here (the engine's statement then decides, and throws for a permission the
   * resource does not have).
   */
  private boolean grantedByWildcards(
      String userId, List<String> groupIds, CompositePermissionCheck permissions) {
    if (userId == null
        || !supported()
        || !permissions.getAllPermissionChecks().stream()
            .allMatch(this::isResourceValidForPermission)
        || isRevokeAuthCheckEnabled(userId, groupIds)) {
      return false;
    }
    List<String> groups = groupsOf(groupIds);
    if (groups.size() > CHUNK) {
      return false;
    }
    List<Grant> grants = wildcardsOf(userId, groups);
    return certainlyOne(
        permissions,
        check ->
            grants.stream()
                .anyMatch(grant -> grant.has(check) && grant.countsForCommands(userId, groups)));
  }

  /**
   * Whether the engine's {@code authorizationCheck} statement for these checks certainly answers 1
   * when each check that {@code granted} accepts answers 1. The statement's own form is followed:
   * one atomic check is its value; a disjunctive list is {@code COALESCE(a1, COALESCE(a2, …, 0))},
   * where the first value that is not null decides (an atomic check answers 1 or, found nothing,
   * null or its {@code authorizationNotFoundReturnValue}); a conjunctive list is 1 when each is 1;
   * composites are checked from two on, each of atomic checks only. False means: not known here.
   */
  static boolean certainlyOne(
      CompositePermissionCheck composite, Predicate<PermissionCheck> granted) {
    List<PermissionCheck> atomic = composite.getAtomicChecks();
    List<CompositePermissionCheck> composites = composite.getCompositeChecks();
    if (!atomic.isEmpty() && !composites.isEmpty()) {
      return false;
    }
    if (!atomic.isEmpty()) {
      return atomicCertainlyOne(atomic, composite.isDisjunctive(), granted);
    }
    if (composites.size() < 2
        || composites.stream()
            .anyMatch(c -> !c.getCompositeChecks().isEmpty() || c.getAtomicChecks().isEmpty())) {
      return false;
    }
    if (!composite.isDisjunctive()) {
      return composites.stream()
          .allMatch(c -> atomicCertainlyOne(c.getAtomicChecks(), c.isDisjunctive(), granted));
    }
    for (CompositePermissionCheck part : composites) {
      if (atomicCertainlyOne(part.getAtomicChecks(), part.isDisjunctive(), granted)) {
        return true;
      }
      List<PermissionCheck> checks = part.getAtomicChecks();
      if (checks.size() > 1 || checks.get(0).getAuthorizationNotFoundReturnValue() != null) {
        return false; // this part may answer 0, and then it decides
      }
    }
    return false;
  }

  private static boolean atomicCertainlyOne(
      List<PermissionCheck> checks, boolean disjunctive, Predicate<PermissionCheck> granted) {
    if (checks.size() == 1 || !disjunctive) {
      return checks.stream().allMatch(granted);
    }
    for (PermissionCheck check : checks) {
      if (granted.test(check)) {
        return true;
      }
      if (check.getAuthorizationNotFoundReturnValue() != null) {
        return false; // may answer its not-found value, and then it decides
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ queries

  /**
   * Whether the query's join would keep every row: see the class comment for the forms. False for
   * any form the joins here do not have (atomic and composite checks mixed, or nothing to check).
   */
  static boolean joinKeepsEveryRow(CompositePermissionCheck composite, List<Grant> grants) {
    List<PermissionCheck> atomic = composite.getAtomicChecks();
    List<CompositePermissionCheck> composites = composite.getCompositeChecks();
    if (!atomic.isEmpty() && !composites.isEmpty()) {
      return false;
    }
    if (!atomic.isEmpty()) {
      return composite.isDisjunctive()
          ? atomic.stream().anyMatch(check -> grants.stream().anyMatch(g -> g.has(check)))
          : grants.stream().anyMatch(g -> atomic.stream().allMatch(g::has));
    }
    if (composites.isEmpty()) {
      return false;
    }
    Predicate<CompositePermissionCheck> keeps =
        c -> c.isDisjunctive() && joinKeepsEveryRow(c, grants);
    return composite.isDisjunctive()
        ? composites.stream().anyMatch(keeps)
        : composites.stream().allMatch(keeps);
  }

  /** Turns the query's authorization check off when the caller's wildcard grants pass every row. */
  private void withoutJoinIfEveryRowPasses(ListQueryParameterObject query) {
    AuthorizationCheck check = query.getAuthCheck();
    if (!check.isAuthorizationCheckEnabled()
        || check.isRevokeAuthorizationCheckEnabled()
        || check.getAuthUserId() == null
        || check.getPermissionChecks() == null
        || !supported()) {
      return;
    }
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    if (groups.size() > CHUNK) {
      return;
    }
    if (joinKeepsEveryRow(
        check.getPermissionChecks(), wildcardsOf(check.getAuthUserId(), groups))) {
      check.setAuthorizationCheckEnabled(false);
      check.setShouldPerformAuthorizatioCheck(false);
    }
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }

  @Override
  public void configureExecutionQuery(AbstractQuery query) {
    super.configureExecutionQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }

  @Override
  protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
    super.configureVariableInstanceQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }

  @Override
  public void configureExternalTaskQuery(ExternalTaskQueryImpl query) {
    super.configureExternalTaskQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }

  @Override
  public void configureExternalTaskFetch(ListQueryParameterObject parameter) {
    super.configureExternalTaskFetch(parameter);
    withoutJoinIfEveryRowPasses(parameter);
  }

  @Override
  public void configureHistoricProcessInstanceQuery(HistoricProcessInstanceQueryImpl query) {
    super.configureHistoricProcessInstanceQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }

  @Override
  public void configureHistoricTaskInstanceQuery(HistoricTaskInstanceQueryImpl query) {
    super.configureHistoricTaskInstanceQuery(query);
    withoutJoinIfEveryRowPasses(query);
  }
}
