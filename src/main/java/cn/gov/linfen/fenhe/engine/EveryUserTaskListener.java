package cn.gov.linfen.fenhe.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A task listener on one event of every user task of every model, added when the engine parses the
 * model (the models are not changed). A built-in listener also runs when a caller skips the models'
 * custom listeners.
 */
public abstract class EveryUserTaskListener extends AbstractBpmnParseListener
    implements TaskListener {

  private final String event;
  private final boolean builtIn;

  protected EveryUserTaskListener(String event, boolean builtIn) {
    this.event = event;
    this.builtIn = builtIn;
  }

  @Override
  public final void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      TaskDefinition definition = userTask.getTaskDefinition();
      if (builtIn) {
        definition.addBuiltInTaskListener(event, this);
      } else {
        definition.addTaskListener(event, this);
      }
    }
  }
}
