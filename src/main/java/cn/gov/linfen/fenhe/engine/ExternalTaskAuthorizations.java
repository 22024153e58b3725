package cn.gov.linfen.fenhe.engine;

import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The engine's authorization manager (with the wildcard-grant answers of {@link WildcardGrants}),
 * with one more shortcut that changes no answer, for a user who may read and update the instances
 * of <em>every</em> process definition (the workers' technical user): a batch of completions
 * ({@link ExternalTaskCompletions}) skips the per-task check ({@link #mayWorkEveryInstance()}).
 *
 * <p>The per-task check of a completion (UPDATE on the instance or UPDATE_INSTANCE on its
 * definition) is satisfied for every task by a grant of READ_INSTANCE and UPDATE_INSTANCE on the
 * definition {@code *}, the workers' technical user's grants exactly (identity/policy.yaml, {@code
 * technical-user}), while no REVOKE authorization can apply to the caller (a revoke on one
 * definition or instance would make the wildcard not cover it). A batch of completions by such a
 * caller runs without it, every other check of the completion (the task locked by this worker, not
 * suspended) unchanged. The workers' fetch-and-lock, which had its own shortcut here, is one of
 * {@link WildcardGrants}' queries: at 98,000 open external tasks its join, which keeps every row
 * for this user, cost 660 ms a fetch (docs/benchmarks.md, section 8, run Q). Every other caller,
 * and every other query and command, is checked as before. Tests: {@code
 * ExternalTaskAuthorizationsTest}.
 */
public class ExternalTaskAuthorizations extends WildcardGrants {

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
