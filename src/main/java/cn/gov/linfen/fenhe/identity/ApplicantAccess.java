package cn.gov.linfen.fenhe.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Lets the applicant (the user who started the case, {@code camunda:initiator}) read his own case,
 * running and ended, and only his: a group such as {@code liquidation-team} has no read right on
 * any instance, so each applicant sees his cases and not those of other applicants. A process
 * attaches it as a start listener ({@code camunda:delegateExpression}); the grant is written in the
 * start's transaction, so a refused start leaves nothing behind.
 */
public class ApplicantAccess implements ExecutionListener {

  private final String initiatorVariable;

  public ApplicantAccess(String initiatorVariable) {
    this.initiatorVariable = initiatorVariable;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getParentId() != null) {
      return; // the process instance's own start only
    }
    Object applicant = execution.getVariable(initiatorVariable);
    if (!(applicant instanceof String userId) || userId.isBlank()) {
      return; // started by the platform itself (no user)
    }
    AuthorizationService authorizations =
        execution.getProcessEngineServices().getAuthorizationService();
    // the applicant may not create authorizations himself: the platform grants this one
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
              grant.setUserId(userId);
              grant.setResource(Resources.PROCESS_INSTANCE);
              grant.setResourceId(execution.getProcessInstanceId());
              grant.addPermission(ProcessInstancePermissions.READ);
              authorizations.saveAuthorization(grant);
              // and his case's history, so he still sees it once it has ended (historic instance
              // permissions, see application.yaml)
              Authorization history = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
              history.setUserId(userId);
              history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
              history.setResourceId(execution.getProcessInstanceId());
              history.addPermission(HistoricProcessInstancePermissions.READ);
              authorizations.saveAuthorization(history);
              return null;
            });
  }
}
