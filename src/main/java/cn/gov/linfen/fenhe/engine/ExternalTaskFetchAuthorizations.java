package cn.gov.linfen.fenhe.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, with one shortcut that changes no answer: an external task
 * fetch-and-lock by a user who may read and update the instances of <em>every</em> process
 * definition skips the authorization join.
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
 * Every other caller, and every other query and command, is checked by the engine as before. Tests:
 * {@code ExternalTaskFetchAuthorizationsTest}.
 */
public class ExternalTaskFetchAuthorizations extends AuthorizationManager {

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

  private boolean mayWorkEveryInstance(AuthorizationCheck check) {
    return isAuthorized(
            check.getAuthUserId(),
            check.getAuthGroupIds(),
            Permissions.READ_INSTANCE,
            Resources.PROCESS_DEFINITION,
            ANY)
        && isAuthorized(
            check.getAuthUserId(),
            check.getAuthGroupIds(),
            Permissions.UPDATE_INSTANCE,
            Resources.PROCESS_DEFINITION,
            ANY);
  }

  private static final String ANY = org.camunda.bpm.engine.authorization.Authorization.ANY;
}
