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
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
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
 *       GLOBAL one ({@code TYPE_ = 0}, user {@code '*'}) answers 1 without a statement; the others
 *       ask only for rows of their own resource id, and the answers are combined as the engine's
 *       statement combines them ({@link CommandCheck}). Composite checks are the engine's.
 * </ul>
 *
 * <p>Never while revokes are checked ({@code authorization-check-revokes: always}, or {@code auto}
 * while a REVOKE authorization of the caller exists): a revoke on one resource would make the
 * wildcard not cover it. In mode {@code auto} (the default, Fenhe's) the engine asks once per
 * command whether such a revoke exists; this manager asks that same question and, in the same
 * statement, reads the caller's wildcard grants ({@code RESOURCE_ID_ = '*'}, a few rows per
 * holder), so the shortcut costs no statement of its own.
 *
 * <p>On PostgreSQL the grants are kept across commands, per holder set, with the version of the
 * wildcard authorizations they were read at ({@link WildcardGrantVersion}: triggers on the engine's
 * table count every change of a {@code '*'} row, in the changing transaction, on any node). The
 * revoke question then reads the version instead of the rows; the rows are read again only when the
 * version has moved. So a grant withdrawn, here, on another node or by hand in the database, takes
 * effect at the next command, as before. Elsewhere (H2) they are read at every command.
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

  /** Per command: the version of the wildcard authorizations, once read (versioned engines). */
  private Long version;

  /** A holder set's wildcard grants, as read at a version of the wildcard authorizations. */
  private record Snapshot(long version, List<Grant> grants) {}

  /** The answer of one read: a REVOKE of the holders exists, the version, the grants. */
  private record Read(boolean revoked, long version, List<Grant> grants) {}

  /**
   * The engines whose database keeps the version of the wildcard authorizations ({@link
   * WildcardGrantVersion}), each with the snapshots kept across commands.
   */
  private static final Map<ProcessEngineConfigurationImpl, Map<Holders, Snapshot>> KEPT =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Holder sets kept per engine; all forgotten when reached (read again when asked). */
  static final int KEPT_BOUND = 10_000;

  /** No version row: nothing is kept. */
  private static final long NO_VERSION = Long.MIN_VALUE;

  /** The engine's database keeps the version: its callers' wildcard grants may be kept. */
  static void versioned(ProcessEngineConfigurationImpl configuration) {
    KEPT.putIfAbsent(configuration, new ConcurrentHashMap<>());
  }

  /** Whether the engine keeps its callers' wildcard grants across commands. */
  static boolean keeps(ProcessEngineConfigurationImpl configuration) {
    return KEPT.containsKey(configuration);
  }

  private static Map<Holders, Snapshot> kept() {
    return KEPT.get(Context.getProcessEngineConfiguration());
  }

  // ------------------------------------------------------------------ revokes and grants, one read

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    if (isRevokeAuthCheckUsed == null && userId != null && supported() && auto()) {
      List<String> groups = groupsOf(groupIds);
      if (groups.size() <= CHUNK) {
        // the engine's question, with the version (kept grants) or with the grants themselves
        boolean keeps = kept() != null;
        Read read = read(userId, groups, true, !keeps, keeps);
        isRevokeAuthCheckUsed = read.revoked();
        if (keeps) {
          version = read.version();
        } else {
          wildcards.put(new Holders(userId, groups), read.grants());
        }
      }
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private List<String> groupsOf(List<String> groupIds) {
    List<String> groups = filterAuthenticatedGroupIds(groupIds);
    return groups == null ? List.of() : List.copyOf(groups);
  }

  /**
   * The wildcard grants of the holders (already filtered groups), once per command: kept across
   * commands while the version is the one they were read with, else read.
   */
  private List<Grant> wildcardsOf(String userId, List<String> groups) {
    Holders holders = new Holders(userId, List.copyOf(groups));
    List<Grant> known = wildcards.get(holders);
    if (known != null) {
      return known;
    }
    Map<Holders, Snapshot> kept = kept();
    if (kept == null) {
      known = read(userId, holders.groups(), false, true, false).grants();
    } else {
      if (version == null) {
        version = read(userId, holders.groups(), false, false, true).version();
      }
      Snapshot snapshot = kept.get(holders);
      if (snapshot == null || snapshot.version() != version || version == NO_VERSION) {
        Read read = read(userId, holders.groups(), false, true, true);
        snapshot = new Snapshot(read.version(), List.copyOf(read.grants()));
        if (read.version() != NO_VERSION) {
          if (kept.size() >= KEPT_BOUND) {
            kept.clear();
          }
          kept.put(holders, snapshot);
        }
      }
      known = snapshot.grants();
    }
    wildcards.put(holders, known);
    return known;
  }

  /**
   * One statement: whether a REVOKE of the holders exists (the engine's {@code
   * selectRevokeAuthorization}), the holders' wildcard grants, the version of the wildcard
   * authorizations; each part only when asked. The grants and the version come from one snapshot of
   * the database.
   */
  private static Read read(
      String userId, List<String> groups, boolean revokes, boolean grants, boolean version) {
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
    List<String> parts = new ArrayList<>();
    int holderSets = 0;
    if (grants) {
      parts.add(
          "SELECT A.TYPE_, A.USER_ID_, A.GROUP_ID_, A.RESOURCE_TYPE_, A.PERMS_, 0 FROM "
              + prefix
              + "ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND A.TYPE_ < 2 AND "
              + holders);
      holderSets++;
    }
    if (revokes) {
      parts.add(
          "SELECT 2, NULL, NULL, 0, 0, 0 WHERE EXISTS (SELECT 1 FROM "
              + prefix
              + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND "
              + holders
              + ")");
      holderSets++;
    }
    if (version) {
      parts.add(
          "SELECT -1, NULL, NULL, 0, 0, V.VERSION FROM fenhe_auth_wildcard_version V WHERE V.ID = 1");
    }
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    boolean revoked = false;
    long read = NO_VERSION;
    List<Grant> found = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(String.join(" UNION ALL ", parts))) {
      int index = 1;
      for (int copy = 0; copy < holderSets; copy++) {
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
          } else if (type < 0) {
            read = rows.getLong(6);
          } else {
            found.add(
                new Grant(
                    type, rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5)));
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("reading the caller's wildcard grants failed", e);
    }
    return new Read(revoked, read, found);
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
    Boolean answer = answer(userId, groupIds, permissions);
    return answer != null ? answer : super.isAuthorized(userId, groupIds, permissions);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permission) {
    if (isAuthorizationEnabled()) {
      Boolean answer = answer(userId, groupIds, createCompositePermissionCheck(permission));
      if (answer != null) {
        return answer;
      }
    }
    return super.isAuthorized(userId, groupIds, permission);
  }

  /**
   * The engine's answer without its statement ({@link CommandCheck}: the caller's wildcard grants,
   * then one plain statement for the checks of a resource id they do not decide); null when left to
   * the engine (revokes checked, another database, a form of check {@link CommandCheck} does not
   * take, or a permission the resource does not have: the engine then refuses it).
   */
  private Boolean answer(
      String userId, List<String> groupIds, CompositePermissionCheck permissions) {
    if (userId == null
        || !supported()
        || !CommandCheck.supported(permissions)
        || !permissions.getAllPermissionChecks().stream()
            .allMatch(this::isResourceValidForPermission)
        || isRevokeAuthCheckEnabled(userId, groupIds)) {
      return null;
    }
    List<String> groups = groupsOf(groupIds);
    if (groups.size() > CHUNK) {
      return null;
    }
    List<Grant> grants = wildcardsOf(userId, groups);
    CommandContext context = Context.getCommandContext();
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    return CommandCheck.answer(
        context.getDbSqlSession().getSqlSession().getConnection(),
        Objects.requireNonNullElse(configuration.getDatabaseTablePrefix(), ""),
        "postgres".equals(configuration.getDatabaseType()),
        userId,
        groups,
        permissions,
        check ->
            grants.stream()
                .anyMatch(grant -> grant.has(check) && grant.countsForCommands(userId, groups)));
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
