package cn.gov.linfen.fenhe.workbench.actions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The steps a task may be returned to (退回): the user tasks of the same stage (the process, or the
 * sub-process the task is in) from which a path of sequence flows leads to the task, and which were
 * already done in this case. Steps of a parallel branch beside the task lead to the join, not to
 * the task: they are not targets. Called as the platform (the caller's access is decided).
 */
final class ReturnTargets {

  /** A step to return to: its element id, its Chinese name, who did it last. */
  record Target(String activityId, String name, String lastAssignee) {}

  private final ProcessEngine engine;

  ReturnTargets(ProcessEngine engine) {
    this.engine = engine;
  }

  List<Target> of(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return List.of();
    }
    BpmnModelInstance model =
        engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
    ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey());
    if (!(element instanceof FlowNode current)) {
      return List.of();
    }
    Map<String, String> upstream = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    queue.add(current);
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (node != current
          && node instanceof UserTask
          && node.getParentElement() == current.getParentElement()) {
        upstream.put(node.getId(), node.getName() == null ? node.getId() : node.getName());
      }
      for (SequenceFlow flow : node.getIncoming()) {
        queue.add(flow.getSource());
      }
      if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
        queue.add(boundary.getAttachedTo());
      }
    }
    if (upstream.isEmpty()) {
      return List.of();
    }
    List<HistoricTaskInstance> done =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .finished()
            .taskDefinitionKeyIn(upstream.keySet().toArray(String[]::new))
            .list();
    Map<String, HistoricTaskInstance> last = new LinkedHashMap<>();
    done.stream()
        .filter(t -> "completed".equals(t.getDeleteReason()))
        .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime))
        .forEach(t -> last.put(t.getTaskDefinitionKey(), t));
    List<Target> targets = new ArrayList<>();
    last.values().stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime))
        .forEach(
            t ->
                targets.add(
                    new Target(
                        t.getTaskDefinitionKey(),
                        upstream.get(t.getTaskDefinitionKey()),
                        t.getAssignee())));
    return targets;
  }
}
