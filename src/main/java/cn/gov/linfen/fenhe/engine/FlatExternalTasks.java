package cn.gov.linfen.fenhe.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * External service tasks that run in the execution that reaches them, without a scope execution of
 * their own, in the processes whose model asks for it: the process's extension property {@value
 * #PROPERTY} = {@code true} (Camunda Modeler: 扩展属性 of the process).
 *
 * <p>The engine makes every external service task a scope ({@code BpmnParse
 * .parseExternalServiceTask}), so each one creates, and later deletes, a child execution: for P5's
 * acts two of the three executions of an act, with a third of its statements (PostgreSQL checks
 * every engine row that names an execution against it, and every deleted execution against ten
 * tables; docs/benchmarks.md, section 8). A scope is needed only for what these models do not use:
 * a worker's local variables, a boundary event, an input/output mapping, a {@code
 * camunda:errorEventDefinition}, multi-instance, compensation. Every external task with none of
 * these is flattened; any other stays a scope. Variables a worker completes with are set where they
 * were set before (the process instance's scope: a scope of its own held none), incidents, retries,
 * the activity instance, history and Cockpit are unchanged.
 *
 * <p>Only a process version deployed with the property is parsed so; instances of an earlier
 * version keep their scope executions (a definition's version does not change its parse).
 */
public class FlatExternalTasks extends AbstractBpmnParseListener {

  /** The process's extension property that asks for flat external tasks. */
  public static final String PROPERTY = "fenhe.flatExternalTasks";

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
    if (!asked(processElement)) {
      return;
    }
    flatten(definition);
  }

  private static boolean asked(Element processElement) {
    Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(processElement);
    return properties != null && "true".equals(properties.get(PROPERTY));
  }

  private static void flatten(ScopeImpl scope) {
    List<ActivityImpl> activities = scope.getActivities();
    for (ActivityImpl activity : activities) {
      if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior
          && flattenable(activity, activities)) {
        activity.setScope(false);
      }
      flatten(activity);
    }
  }

  private static boolean flattenable(ActivityImpl activity, List<ActivityImpl> siblings) {
    if (activity.getIoMapping() != null
        || activity.isCompensationHandler()
        || activity.getFlowScope() instanceof ActivityImpl parent
            && parent.getActivityBehavior() instanceof MultiInstanceActivityBehavior
        || !activity.getProperties().get(BpmnProperties.CAMUNDA_ERROR_EVENT_DEFINITION).isEmpty()) {
      return false;
    }
    // a boundary event (timer, error, message, escalation, compensation) scopes its activity
    return siblings.stream().noneMatch(other -> other.getEventScope() == activity);
  }
}
