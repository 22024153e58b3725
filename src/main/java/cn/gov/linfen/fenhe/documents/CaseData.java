package cn.gov.linfen.fenhe.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a case holds, read from the engine's history (so an ended case has its documents too): its
 * variables (the process scope's value where a name is also task-local), its completed user tasks,
 * when it started.
 */
public record CaseData(
    String businessKey,
    String processInstanceId,
    Instant startedAt,
    boolean ended,
    Map<String, Object> variables,
    List<DoneTask> tasks) {

  /** A completed user task: who completed it (id and name) and when. */
  public record DoneTask(
      String taskKey, String name, String assignee, String assigneeName, Instant completedAt) {}

  public Object variable(String name) {
    return variables.get(name);
  }

  public String text(String name) {
    Object value = variables.get(name);
    return value == null ? "" : String.valueOf(value);
  }

  /** The last completion of the task of this key. */
  public Optional<DoneTask> lastDone(String taskKey) {
    DoneTask last = null;
    for (DoneTask task : tasks) {
      if (task.taskKey().equals(taskKey)
          && (last == null || task.completedAt().isAfter(last.completedAt()))) {
        last = task;
      }
    }
    return Optional.ofNullable(last);
  }
}
