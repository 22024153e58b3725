package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Checks what a user task is completed with, on the server, whatever completes it (Tasklist, REST,
 * Java): a model attaches it as a {@code complete} task listener ({@code
 * camunda:delegateExpression="${beanName}"}). A refusal rolls the completion back and the HTTP
 * answer is 400 naming the fields (see EngineErrorFilter).
 */
public final class TaskCompletionCheck implements TaskListener {

  private final Function<Map<String, Object>, List<FieldError>> check;

  private TaskCompletionCheck(Function<Map<String, Object>, List<FieldError>> check) {
    this.check = check;
  }

  /** A listener from a plain check of the variables the task sees after the submission. */
  public static TaskCompletionCheck of(Function<Map<String, Object>, List<FieldError>> check) {
    return new TaskCompletionCheck(check);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    List<FieldError> errors = check.apply(task.getVariables());
    if (!errors.isEmpty()) {
      throw new InvalidTaskCompletionException(task.getTaskDefinitionKey(), errors);
    }
  }
}
