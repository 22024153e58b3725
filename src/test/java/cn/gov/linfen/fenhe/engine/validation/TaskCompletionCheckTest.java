package cn.gov.linfen.fenhe.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/**
 * A completion check reads the variables it asks for, one by one, and sees what the task sees; a
 * check that walks all of them gets all of them. Its refusal names the fields.
 */
class TaskCompletionCheckTest {

  private static DelegateTask completing(Map<String, Object> variables) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
    when(task.getTaskDefinitionKey()).thenReturn("Activity_Review");
    variables.forEach(
        (name, value) -> {
          when(task.getVariable(name)).thenReturn(value);
          when(task.hasVariable(name)).thenReturn(true);
        });
    when(task.getVariables()).thenReturn(new HashMap<>(variables));
    return task;
  }

  @Test
  void a_check_reads_the_variables_it_asks_for_and_not_every_variable_of_the_case() {
    DelegateTask task = completing(Map.of("approved", true, "comment", "同意"));
    Map<String, Object> seen = new HashMap<>();
    TaskCompletionCheck.of(
            variables -> {
              seen.put("approved", variables.get("approved"));
              seen.put("missing", variables.get("missing"));
              seen.put("has comment", variables.containsKey("comment"));
              seen.put("has missing", variables.containsKey("missing"));
              return List.of();
            })
        .notify(task);
    assertThat(seen)
        .containsEntry("approved", true)
        .containsEntry("missing", null)
        .containsEntry("has comment", true)
        .containsEntry("has missing", false);
    verify(task, never()).getVariables();
  }

  @Test
  void a_check_that_walks_the_variables_sees_all_of_them() {
    Map<String, Object> variables = Map.of("approved", true, "comment", "同意");
    DelegateTask task = completing(variables);
    Map<String, Object> walked = new HashMap<>();
    TaskCompletionCheck.of(
            all -> {
              walked.putAll(all);
              assertThat(all).hasSize(2);
              return List.of();
            })
        .notify(task);
    assertThat(walked).isEqualTo(variables);
  }

  @Test
  void a_refused_completion_names_the_fields() {
    DelegateTask task = completing(Map.of("approved", false));
    TaskCompletionCheck check =
        TaskCompletionCheck.of(
            variables ->
                Boolean.TRUE.equals(variables.get("approved"))
                    ? List.of()
                    : List.of(new FieldError("approved", "须同意", "must be approved")));
    assertThatThrownBy(() -> check.notify(task))
        .isInstanceOf(InvalidTaskCompletionException.class)
        .hasMessageContaining("须同意")
        .hasMessageContaining("approved: must be approved");
  }
}
