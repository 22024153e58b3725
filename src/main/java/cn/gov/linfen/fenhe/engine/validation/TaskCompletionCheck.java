package cn.gov.linfen.fenhe.engine.validation;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    List<FieldError> errors = check.apply(new VariablesOf(task));
    if (!errors.isEmpty()) {
      throw new InvalidTaskCompletionException(task.getTaskDefinitionKey(), errors);
    }
  }

  /**
   * The variables the task sees, each read when a check asks for it ({@code get}, {@code
   * containsKey}): a check reads a few, and reading all of them deserialized every JSON variable of
   * the case at every completion (2.4–3.3 % of the app's CPU samples in a P1 run,
   * docs/benchmarks.md, run Z6). Anything else (iteration, size) reads them all, as before.
   */
  static final class VariablesOf extends AbstractMap<String, Object> {
    private final DelegateTask task;
    private Map<String, Object> all;

    VariablesOf(DelegateTask task) {
      this.task = task;
    }

    @Override
    public Object get(Object name) {
      return name instanceof String variable ? task.getVariable(variable) : null;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String variable && task.hasVariable(variable);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      if (all == null) {
        all = task.getVariables();
      }
      return Collections.unmodifiableMap(all).entrySet();
    }
  }
}
