package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notification.Notice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * "新待办" for every user task of every model: a {@code create} listener, added when a model is
 * parsed, tells the task's assignee, or else its candidate users and the members of its candidate
 * groups — in the engine's transaction (no task, no message), except the person whose action
 * created the task.
 */
public class TaskNotificationPlugin extends AbstractProcessEnginePlugin {

  private final Supplier<Notifications> notifications;

  public TaskNotificationPlugin(Supplier<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    TaskListener listener = this::taskCreated;
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
          }
        });
  }

  void taskCreated(DelegateTask task) {
    String actor =
        Context.getCommandContext() == null
            ? null
            : Context.getCommandContext().getAuthenticatedUserId();
    String procedure =
        task.getProcessDefinitionId() == null
            ? ""
            : Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId())
                .getName();
    String businessKey =
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Notice notice =
        Notice.of(
            Kind.TASK_NEW,
            businessKey,
            task.getProcessInstanceId(),
            task.getId(),
            "新待办：" + task.getName(),
            (procedure == null ? "" : procedure)
                + (businessKey == null ? "" : "（" + businessKey + "）")
                + "：“"
                + task.getName()
                + "”待办理，请及时办理。");
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    } else {
      List<String> groups = new ArrayList<>();
      for (IdentityLink link : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      users.addAll(notifications.get().membersToTell(groups));
    }
    if (actor != null) {
      users.remove(actor);
    }
    notifications.get().notifyUsers(users, notice);
  }
}
