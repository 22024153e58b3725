package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The engine's command check ({@code isUserAuthorizedForResource}, Camunda 7.24 {@code
 * Authorization.xml}) without revoke checks, as one plain statement: the engine builds its
 * statement with MyBatis's dynamic SQL at every check (its {@code getBoundSql} was 5.4 % of the
 * app's CPU samples in a P1 run, docs/benchmarks.md, issue 20, run W4), for the claims and
 * completions of every officer.
 *
 * <p>The engine's statement, without revokes, gives each atomic check (a permission on a resource
 * type and id) the value 1 when one row of the caller grants it: a GRANT ({@code TYPE_ = 1}) of the
 * user, a GRANT of one of his authorized groups, or a GLOBAL row ({@code TYPE_ = 0}, user {@code
 * '*'}), with the permission's bits, on the resource type, with the resource's id or {@code '*'}
 * (only {@code '*'} for a check without an id or with the id {@code '*'}); otherwise its {@code
 * authorizationNotFoundReturnValue}, or null. Here the rows with {@code '*'} are the caller's
 * wildcard grants already read in this command ({@link WildcardGrants}); the rows with the
 * resource's own id are read in one statement for all the checks that need them (three probes of
 * the engine's unique indexes per check: the user's, his groups', the GLOBAL ones), and the values
 * are combined as the engine's statement combines them ({@link #combine}): a disjunctive list is
 * {@code COALESCE(v1, v2, …, 0)}, a conjunctive list the bitwise AND of {@code COALESCE(v, 0)}. The
 * caller is authorized when that value is 1. Any other form (composite checks, a column instead of
 * an id) is left to the engine ({@code null}).
 */
final class CommandCheck {

  private CommandCheck() {}

  /**
   * The engine's answer for the checks, or null when their form is left to the engine. Revoke
   * checks must be off for the caller; {@code groups} are his authorized groups.
   */
  static Boolean answer(
      Connection connection,
      String prefix,
      boolean postgres,
      String userId,
      List<String> groups,
      CompositePermissionCheck checks,
      Predicate<PermissionCheck> byWildcard) {
    if (!supported(checks)) {
      return null;
    }
    boolean[] granted =
        granted(connection, prefix, postgres, userId, groups, checks.getAtomicChecks(), byWildcard);
    Long value = combine(checks, granted);
    return value != null && value == 1L;
  }

  /**
   * The form the engine's statement takes: atomic checks by resource id. Composite checks are left
   * to the engine (its statement for them begins without its {@code SELECT} and fails).
   */
  static boolean supported(CompositePermissionCheck checks) {
    List<PermissionCheck> atomic = checks.getAtomicChecks();
    return !atomic.isEmpty()
        && checks.getCompositeChecks().isEmpty()
        && atomic.stream().allMatch(CommandCheck::byId);
  }

  private static boolean byId(PermissionCheck check) {
    return check.getResourceIdQueryParam() == null;
  }

  /**
   * The value of the engine's statement ({@code atomicChecks}: one check's value, COALESCE or
   * BITAND of several), from whether a grant exists for each atomic check (in their order).
   */
  static Long combine(CompositePermissionCheck checks, boolean[] granted) {
    List<PermissionCheck> atomic = checks.getAtomicChecks();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < atomic.size(); i++) {
      values.add(value(atomic.get(i), granted[i]));
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    if (checks.isDisjunctive()) {
      return coalesce(values);
    }
    long and = -1L;
    for (Long value : values) {
      and &= value == null ? 0L : value;
    }
    return and;
  }

  /** COALESCE(v1, v2, …, 0). */
  private static Long coalesce(List<Long> values) {
    for (Long value : values) {
      if (value != null) {
        return value;
      }
    }
    return 0L;
  }

  /** One atomic check's value: 1 when granted, else its not-found value (null when none). */
  private static Long value(PermissionCheck check, boolean granted) {
    return granted ? Long.valueOf(1L) : check.getAuthorizationNotFoundReturnValue();
  }

  /**
   * For each atomic check, whether one row of the caller grants it: by a wildcard row ({@code
   * byWildcard}, the caller's wildcard grants as read in this command), else by a row of the
   * check's own resource id, asked in one statement for all such checks (none when every check is
   * decided without one).
   */
  private static boolean[] granted(
      Connection connection,
      String prefix,
      boolean postgres,
      String userId,
      List<String> groups,
      List<PermissionCheck> checks,
      Predicate<PermissionCheck> byWildcard) {
    boolean[] granted = new boolean[checks.size()];
    List<Integer> asked = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      PermissionCheck check = checks.get(i);
      String resourceId = check.getResourceId();
      if (byWildcard.test(check)) {
        granted[i] = true;
        continue;
      }
      if (resourceId == null || Authorization.ANY.equals(resourceId)) {
        continue; // only a wildcard row could grant it, and none does
      }
      // the resource type and the permission's bits are the engine's constants, written inline
      int perms = check.getPerms();
      String row =
          " AND A.RESOURCE_TYPE_ = "
              + check.getResourceType()
              + " AND A.RESOURCE_ID_ = ? AND "
              + (postgres
                  ? "(A.PERMS_ & " + perms + ") = " + perms
                  : "BITAND(A.PERMS_, " + perms + ") = " + perms);
      if (!asked.isEmpty()) {
        sql.append(", ");
      }
      asked.add(i);
      sql.append("CASE WHEN EXISTS (SELECT 1 FROM ")
          .append(prefix)
          .append("ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ = ?")
          .append(row)
          .append(")");
      parameters.add(userId);
      parameters.add(resourceId);
      if (!groups.isEmpty()) {
        sql.append(" OR EXISTS (SELECT 1 FROM ")
            .append(prefix)
            .append("ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN (")
            .append(String.join(",", Collections.nCopies(groups.size(), "?")))
            .append(")")
            .append(row)
            .append(")");
        parameters.addAll(groups);
        parameters.add(resourceId);
      }
      sql.append(" OR EXISTS (SELECT 1 FROM ")
          .append(prefix)
          .append("ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*'")
          .append(row)
          .append(") THEN 1 ELSE 0 END");
      parameters.add(resourceId);
    }
    if (asked.isEmpty()) {
      return granted;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (rows.next()) {
          for (int i = 0; i < asked.size(); i++) {
            granted[asked.get(i)] = rows.getInt(i + 1) == 1;
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("the authorization check failed", e);
    }
    return granted;
  }
}
