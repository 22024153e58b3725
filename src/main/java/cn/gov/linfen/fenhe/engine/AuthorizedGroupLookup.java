package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, asking the database which of the caller's groups have an
 * authorization instead of reading every group that has one.
 *
 * <p>Before any check, the engine drops the caller's groups that appear in no authorization row
 * ({@code filterAuthenticatedGroupIds}). To do so it reads {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION} (no {@code WHERE}: the whole table, each distinct group) once per command:
 * 104 times per P1 case, 36 ms of database time per case, and more with every per-task and
 * per-applicant row (docs/benchmarks.md, run V). This asks the same question for the caller's own
 * groups only: for each, whether one row names it, an index probe on {@code ACT_IDX_AUTH_GROUP_ID}.
 *
 * <p>A group once seen in a row is remembered ({@link #SEEN}, for the life of the engine), and is
 * not asked again: the officers' groups hold standing grants, so after the first command their
 * lookups cost nothing (issue 20, run Z11: this lookup was the platform's costliest statement, 71
 * times per case). Keeping such a group in the list cannot change a check: if its rows have since
 * been deleted, a group without rows matches no row in any check, grant or revoke, so every check
 * answers as if it had been dropped. A group not seen in a row is asked at every command (one
 * lookup per distinct group list per command, as the engine keeps its set per command), so a grant
 * written by another node or command is seen by the next command, as before. Tests: {@code
 * AuthorizedGroupLookupTest} compares the answers with the engine's, and the checks after a group's
 * last row is deleted with the checks without that group.
 */
public class AuthorizedGroupLookup extends AuthorizationManager {

  /** Groups per statement: the parameters of one statement stay far below any driver's limit. */
  static final int CHUNK = 200;

  /** Groups seen in at least one authorization row; emptied when it grows past its bound. */
  static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  static final int SEEN_BOUND = 100_000;

  /** Per command: the answer for each group list asked. */
  private final Map<List<String>, List<String>> answers = new HashMap<>();

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    List<String> asked = List.copyOf(new LinkedHashSet<>(nonNull(authenticatedGroupIds)));
    // a new list each time, as the engine returns: callers keep it in their checks
    return new ArrayList<>(
        answers.computeIfAbsent(asked, AuthorizedGroupLookup::withAuthorization));
  }

  private static List<String> nonNull(List<String> groups) {
    return groups.stream().filter(Objects::nonNull).toList();
  }

  /**
   * The groups of {@code groups} that appear, or once appeared, in at least one authorization row,
   * in the order asked: those seen before from memory, the others from the database.
   */
  static List<String> withAuthorization(List<String> groups) {
    Set<String> answered = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String group : groups) {
      if (SEEN.contains(group)) {
        answered.add(group);
      } else {
        unknown.add(group);
      }
    }
    if (!unknown.isEmpty()) {
      CommandContext context = Context.getCommandContext();
      String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
      Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
      List<String> found = new ArrayList<>();
      for (int from = 0; from < unknown.size(); from += CHUNK) {
        List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + CHUNK));
        found.addAll(withAuthorization(connection, prefix == null ? "" : prefix, chunk));
      }
      if (SEEN.size() + found.size() > SEEN_BOUND) {
        SEEN.clear();
      }
      SEEN.addAll(found);
      answered.addAll(found);
    }
    return groups.stream().filter(answered::contains).toList();
  }

  static List<String> withAuthorization(Connection connection, String prefix, List<String> groups) {
    String values = String.join(",", Collections.nCopies(groups.size(), "(?)"));
    String sql =
        "SELECT G.ID FROM (VALUES "
            + values
            + ") G(ID) WHERE EXISTS (SELECT 1 FROM "
            + prefix
            + "ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ = G.ID)";
    List<String> found = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < groups.size(); i++) {
        statement.setString(i + 1, groups.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("looking up the caller's authorized groups failed", e);
    }
    return found;
  }
}
