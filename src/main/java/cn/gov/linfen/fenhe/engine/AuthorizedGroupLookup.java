package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>The answer is the engine's own, read in the same transaction at the same moment: the set of
 * the given groups (nulls left out, as the engine leaves them out) that appear in at least one
 * authorization row, grant or revoke. Nothing is kept beyond the command (one lookup per distinct
 * group list per command, as the engine keeps its set per command), so a grant or revoke written by
 * another node or command is seen by the next command, as before. Test: {@code
 * AuthorizedGroupLookupTest} compares every answer with the engine's.
 */
public class AuthorizedGroupLookup extends AuthorizationManager {

  /** Groups per statement: the parameters of one statement stay far below any driver's limit. */
  static final int CHUNK = 200;

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

  /** The groups of {@code groups} that appear in at least one authorization row. */
  static List<String> withAuthorization(List<String> groups) {
    List<String> found = new ArrayList<>();
    if (groups.isEmpty()) {
      return found;
    }
    CommandContext context = Context.getCommandContext();
    String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    for (int from = 0; from < groups.size(); from += CHUNK) {
      List<String> chunk = groups.subList(from, Math.min(groups.size(), from + CHUNK));
      found.addAll(withAuthorization(connection, prefix == null ? "" : prefix, chunk));
    }
    return found;
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
