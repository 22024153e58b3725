package cn.gov.linfen.fenhe.engine;

import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The engine's authorization manager (with the exact group lookup of {@link
 * AuthorizedGroupLookup}), with two shortcuts that change no answer, for a user who may read and
 * update the instances of <em>every</em> process definition (the workers' technical user): an
 * external task fetch-and-lock skips the authorization join, and a batch of completions ({@link
 * ExternalTaskCompletions}) skips the per-task check ({@link #mayWorkEveryInstance()}).
 *
 * <p>The engine's fetch keeps a task when the caller has (READ on its process instance or
 * READ_INSTANCE on its definition) and (UPDATE on the instance or UPDATE_INSTANCE on the
 * definition). A grant of READ_INSTANCE and UPDATE_INSTANCE on the definition {@code *} satisfies
 * both for every task, so the join keeps every row: it filters nothing, and at 98,000 open external
 * tasks it cost 660 ms a fetch (docs/benchmarks.md, section 8, run Q), the workers' technical
 * user's grants exactly (identity/policy.yaml, {@code technical-user}). The shortcut is taken only
 * when
 *
 * <ul>
 *   <li>the query is authorization-checked at all (an authenticated, non-admin caller), and
 *   <li>no REVOKE authorization can apply to the caller (the engine's own revoke check is off for
 *       this query: a revoke on one definition or instance would make the wildcard not cover it),
 *       and
 *   <li>the caller holds both wildcard grants, checked in the database at every fetch (a grant
 *       withdrawn takes effect at the next fetch).
 * </ul>
 *
 * The per-task check of a completion (UPDATE on the instance or UPDATE_INSTANCE on its definition)
 * is satisfied by the same grant for every task; a batch of completions by such a caller runs
 * without it, every other check of the completion (the task locked by this worker, not suspended)
 * unchanged. Every other caller, and every other query and command, is checked by the engine as
 * before. Tests: {@code ExternalTaskAuthorizationsTest}.
 */
public class ExternalTaskAuthorizations extends AuthorizedGroupLookup {

  @Override
  public void configureExternalTaskFetch(ListQueryParameterObject parameter) {
    super.configureExternalTaskFetch(parameter);
    AuthorizationCheck check = parameter.getAuthCheck();
    if (check.isAuthorizationCheckEnabled()
        && !check.isRevokeAuthorizationCheckEnabled()
        && check.getAuthUserId() != null
        && mayWorkEveryInstance(check)) {
      check.setAuthorizationCheckEnabled(false);
      check.setShouldPerformAuthorizatioCheck(false);
    }
  }

  /**
   * Whether the current authentication may read and update the instances of every process
   * definition: an authenticated user with both wildcard grants while no revoke can apply to him.
   * False without authentication or with authorization checks off (nothing to skip then).
   */
  public boolean mayWorkEveryInstance() {
    Authentication authentication = getCurrentAuthentication();
    if (!isAuthCheckExecuted() || authentication == null || authentication.getUserId() == null) {
      return false;
    }
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (isRevokeAuthCheckEnabled(authentication.getUserId(), groups)) {
      return false;
    }
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthUserId(authentication.getUserId());
    check.setAuthGroupIds(groups);
    return mayWorkEveryInstance(check);
  }

  private boolean mayWorkEveryInstance(AuthorizationCheck check) {
    return isAuthorized(
            check.getAuthUserId(),
            check.getAuthGroupIds(),
            Permissions.READ_INSTANCE,
            Resources.PROCESS_DEFINITION,
            Authorization.ANY)
        && isAuthorized(
            check.getAuthUserId(),
            check.getAuthGroupIds(),
            Permissions.UPDATE_INSTANCE,
            Resources.PROCESS_DEFINITION,
            Authorization.ANY);
  }
}
