package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.engine.EveryUserTaskListener;
import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.identity.PersonNames;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

/**
 * 加签 held in the engine, on every completion path (the workbench, Tasklist's submit-form, the
 * engine REST API, the Java API): every user task of every model gets a {@code complete} listener
 * that refuses (409, nothing written) the completion of a task
 *
 * <ul>
 *   <li>with an open sub-task of a signer added before (他先办): he acts first;
 *   <li>with a signer added after (我办完再给他) still pending: the workbench's completion hands the task
 *       to him instead of completing it ({@link TaskActions#complete}); once he holds it, the mark
 *       is gone and his completion completes the task.
 * </ul>
 *
 * The models are not changed: the listener is added when a model is parsed.
 */
class SignerGuard extends EveryUserTaskListener {

  /** Task-local variable: the user a signer was added for after the holder (我办完再给他). */
  static final String AFTER_SIGNER = "fenheAfterSigner";

  /** Task-local variable: who added the after-signer. */
  static final String AFTER_SIGNER_ADDED_BY = "fenheAfterSignerAddedBy";

  SignerGuard() {
    super(TaskListener.EVENTNAME_COMPLETE, false);
  }

  @Override
  public void notify(DelegateTask task) {
    List<Task> open =
        Context.getCommandContext().getTaskManager().findTasksByParentTaskId(task.getId());
    if (!open.isEmpty()) {
      String signers =
          String.join("、", names().of(open.stream().map(Task::getAssignee).toList()).values());
      throw new EngineRefusal(409, ActionRefusal.OPEN_BEFORE_SIGNERS.at("taskId", signers));
    }
    Object after = task.getVariableLocal(AFTER_SIGNER);
    if (after != null) {
      throw new EngineRefusal(
          409, ActionRefusal.AFTER_SIGNER_PENDING.at("taskId", names().of(after.toString())));
    }
  }

  /** The signers by name (a refusal is read by a person). */
  private static PersonNames names() {
    return new PersonNames(Context.getProcessEngineConfiguration().getIdentityService());
  }
}
