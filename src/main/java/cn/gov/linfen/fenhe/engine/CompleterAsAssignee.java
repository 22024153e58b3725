package cn.gov.linfen.fenhe.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Whoever completes a task that nobody claimed becomes its assignee, so the engine's history names
 * him whatever the channel: a candidate who completes through the engine REST API ({@code
 * /task/{id}/complete}, {@code submit-form}), Tasklist or the Java API without claiming first would
 * otherwise leave {@code ASSIGNEE_} empty in {@code ACT_HI_TASKINST}, and the task would be missing
 * from his 已办 (docs/workbench.md). A built-in {@code complete} listener of every user task of every
 * model; a completion without a user (the platform itself) leaves the task as it is.
 */
public class CompleterAsAssignee extends EveryUserTaskListener {

  public CompleterAsAssignee() {
    super(TaskListener.EVENTNAME_COMPLETE, true);
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user != null) {
      task.setAssignee(user);
    }
  }
}
