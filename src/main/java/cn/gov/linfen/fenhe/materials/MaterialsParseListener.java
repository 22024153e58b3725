package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.engine.validation.InvalidStartException;
import cn.gov.linfen.fenhe.engine.validation.InvalidTaskCompletionException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The materials at the engine level, whatever starts a case or completes a task (the platform API,
 * the engine REST API's start, submit-form and complete, Tasklist, Java):
 *
 * <ul>
 *   <li>a process with a catalogue: its start attaches the starter's pending uploads named in
 *       {@value Materials#UPLOADS_VARIABLE} and is refused (400, no case) when a required start
 *       material is missing;
 *   <li>a user task with required materials: its completion is refused (400, the task stays open)
 *       while one is missing.
 * </ul>
 *
 * Added after every other parse listener, so the procedure's own start and task checks answer
 * first.
 */
public class MaterialsParseListener extends AbstractBpmnParseListener {

  private final Catalogue catalogue;
  private final Supplier<Materials> materials;

  public MaterialsParseListener(Catalogue catalogue, Supplier<Materials> materials) {
    this.catalogue = catalogue;
    this.materials = materials;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    catalogue
        .of(processDefinition.getKey())
        .ifPresent(
            procedure ->
                processDefinition.addListener(
                    ExecutionListener.EVENTNAME_START,
                    (ExecutionListener)
                        execution -> {
                          if (execution.getParentId() != null) {
                            return;
                          }
                          String starter =
                              Context.getCommandContext() == null
                                  ? null
                                  : Context.getCommandContext().getAuthenticatedUserId();
                          Materials m = materials.get();
                          List<FieldError> errors =
                              m.attachAtStart(
                                  procedure,
                                  execution.getProcessInstanceId(),
                                  execution.getProcessBusinessKey(),
                                  starter,
                                  execution.getVariable(Materials.UPLOADS_VARIABLE));
                          if (!errors.isEmpty()) {
                            throw new InvalidStartException(
                                processDefinition.getKey(), processDefinition.getName(), errors);
                          }
                          execution.removeVariable(Materials.UPLOADS_VARIABLE);
                          execution.setVariable(
                              Materials.TYPES_VARIABLE,
                              m.typesOf(execution.getProcessInstanceId()));
                        }));
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String step = activity.getId();
    catalogue
        .of(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())
        .filter(procedure -> !procedure.requiredAt(step).isEmpty())
        .ifPresent(
            procedure ->
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addTaskListener(
                        TaskListener.EVENTNAME_COMPLETE,
                        task -> {
                          List<FieldError> missing =
                              materials
                                  .get()
                                  .missingAt(procedure, task.getProcessInstanceId(), step);
                          if (!missing.isEmpty()) {
                            throw new InvalidTaskCompletionException(step, missing);
                          }
                        }));
  }
}
