package cn.gov.linfen.fenhe.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;

/**
 * The history level {@code full} (same id and name: a database at level full starts unchanged),
 * leaner for the high-volume processes named ({@code supervision-act}, P5: thousands of acts a
 * day). For them it leaves out what repeats the case's record: the detail row of a variable's first
 * value set by the engine or a worker (the variable's own history row keeps it; the act's JSON
 * {@code act} keeps every value, a correction's changes and every value set in a task stay in the
 * details), and the external task log's "created" and "completed" rows (its failures and deletions
 * stay). Everything else is full: the case, its steps (the workbench's timeline), every variable,
 * tasks, decisions, incidents, the user operation log.
 */
public final class LeanHistoryLevel extends HistoryLevelFull {

  /** The variable whose every value stays in the details (the act's record). */
  static final String KEPT_VARIABLE = "act";

  private final Set<String> lean;

  public LeanHistoryLevel(Set<String> processKeys) {
    this.lean = Set.copyOf(processKeys);
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
    if (entity == null) {
      return true;
    }
    if (HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL.equals(type)
        && entity instanceof HistoricVariableUpdateEventEntity detail) {
      return !(lean.contains(detail.getProcessDefinitionKey())
          && detail.getTaskId() == null
          && detail.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
          && !KEPT_VARIABLE.equals(detail.getVariableName()));
    }
    if ((HistoryEventTypes.EXTERNAL_TASK_CREATE.equals(type)
            || HistoryEventTypes.EXTERNAL_TASK_SUCCESS.equals(type))
        && entity instanceof ExternalTaskEntity task) {
      return !lean.contains(task.getProcessDefinitionKey());
    }
    return true;
  }
}
