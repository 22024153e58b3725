package cn.gov.linfen.fenhe.engine.guard;

import cn.gov.linfen.fenhe.common.BoundedMemo;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a person may do to a user task, checked in the engine whatever the channel (engine REST, the
 * webapps, the platform API, the Java API):
 *
 * <ul>
 *   <li>a task claimed by someone is completed (or its variables changed) only by him — an
 *       administrator may act for him, and the case records that he did;
 *   <li>a completion changes only the variables its step owns: the fields of the task's form that a
 *       person fills in, and the outputs the step declares ({@code camunda:property
 *       name="outputs"}, comma-separated); any other variable may be sent back only unchanged;
 *   <li>each owned value is of its field's kind (text, number, yes/no, one of the choices, a list).
 * </ul>
 *
 * Calls without a user (the platform itself, the engine's own jobs) are not checked here.
 */
final class TaskWorkGuard {

  static final String OUTPUTS_PROPERTY = "outputs";

  private TaskWorkGuard() {}

  /** A completion (complete, submit-form, resolve) of the task with these variables. */
  static void completion(CommandContext context, String taskId, Map<String, ?> variables) {
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    TaskEntity task = existingTask(context, taskId);
    holderOnly(context, user, task, "办理");
    ownedOnly(context, task, variables == null ? Map.of() : variables, List.of());
  }

  /** Variables of the task set or removed outside a completion. */
  static void variableChange(
      CommandContext context, String taskId, Map<String, ?> variables, Collection<String> removed) {
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    TaskEntity task = existingTask(context, taskId);
    holderOnly(context, user, task, "修改");
    ownedOnly(
        context,
        task,
        variables == null ? Map.of() : variables,
        removed == null ? List.of() : removed);
  }

  private static TaskEntity existingTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new EngineRefusal(404, PlatformRefusal.TASK_GONE.at("taskId"));
    }
    return task;
  }

  private static void holderOnly(
      CommandContext context, Authentication user, TaskEntity task, String action) {
    String holder = task.getAssignee();
    if (holder == null || holder.equals(user.getUserId())) {
      return;
    }
    PersonNames names =
        new PersonNames(context.getProcessEngineConfiguration().getIdentityService());
    if (!context.getAuthorizationManager().isCamundaAdmin(user)) {
      throw EngineRefusal.forbidden(
          PlatformRefusal.TASK_CLAIMED_BY_OTHER.at("assignee", names.of(holder), action));
    }
    if (task.getProcessInstanceId() != null) {
      Map<String, String> people = names.of(List.of(user.getUserId(), holder));
      context
          .getProcessEngineConfiguration()
          .getTaskService()
          .createComment(
              task.getId(),
              task.getProcessInstanceId(),
              "系统管理员"
                  + people.get(user.getUserId())
                  + "代认领人"
                  + people.get(holder)
                  + action
                  + "本任务");
    }
  }

  private static void ownedOnly(
      CommandContext context,
      TaskEntity task,
      Map<String, ?> variables,
      Collection<String> removed) {
    FormFields fields = fieldsOf(context, task);
    List<FieldError> errors = new ArrayList<>();
    variables.forEach(
        (name, given) -> {
          Object value = given instanceof TypedValue typed ? typed.getValue() : given;
          FormFields.Field field = fields.field(name);
          if (field == null) {
            if (!FormFields.same(task.getVariable(name), value)) {
              errors.add(notOwned(name));
            }
          } else if (!FormFields.ofKind(field, value)) {
            errors.add(wrongKind(field));
          }
        });
    for (String name : removed) {
      if (!fields.owns(name)) {
        errors.add(notOwned(name));
      }
    }
    if (!errors.isEmpty()) {
      throw EngineRefusal.badRequest(errors, PlatformRefusal.TASK_REFUSED.reason());
    }
  }

  private static FieldError notOwned(String name) {
    return PlatformRefusal.FIELD_NOT_OF_STEP.at(name, name);
  }

  private static FieldError wrongKind(FormFields.Field field) {
    PlatformRefusal expected =
        switch (field.kind()) {
          case TEXT -> PlatformRefusal.FIELD_KIND_TEXT;
          case NUMBER -> PlatformRefusal.FIELD_KIND_NUMBER;
          case BOOLEAN -> PlatformRefusal.FIELD_KIND_BOOLEAN;
          case LIST -> PlatformRefusal.FIELD_KIND_LIST;
          case CHOICE -> PlatformRefusal.FIELD_KIND_CHOICE;
          case ANY -> PlatformRefusal.FIELD_KIND_ANY;
        };
    return expected.at(field.key(), field.label(), field.key(), field.options());
  }

  /**
   * Parsed forms by the id of their form definition: a deployed form never changes, so each is read
   * and parsed once (issue 20); emptied when it grows past its bound.
   */
  static final BoundedMemo<String, FormFields> DEPLOYED_FORMS = new BoundedMemo<>(10_000);

  /** The step's owned fields: its Camunda Form's, and the outputs it declares. */
  static FormFields fieldsOf(CommandContext context, TaskEntity task) {
    ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
    FormFields fields = FormFields.none();
    TaskDefinition definition = task.getTaskDefinition();
    context.disableAuthorizationCheck();
    try {
      if (definition != null && definition.getCamundaFormDefinitionKey() != null) {
        fields = taskForm(context, task, definition);
      }
      if (task.getProcessDefinitionId() != null && task.getTaskDefinitionKey() != null) {
        fields = fields.with(declaredOutputs(configuration, task));
      }
    } finally {
      context.enableAuthorizationCheck();
    }
    return fields;
  }

  /**
   * The task's Camunda Form: the form definition the engine would pick (its own command, with the
   * reference evaluated as its task form handler does), parsed once per definition. Anything else
   * (a form key, a reference that names no form) goes to the engine's {@code getDeployedTaskForm},
   * with its answers and refusals, as before.
   */
  private static FormFields taskForm(
      CommandContext context, TaskEntity task, TaskDefinition definition) {
    CamundaFormRef reference = camundaFormRef(task, definition);
    ProcessDefinitionEntity process =
        task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
    CamundaFormDefinition form =
        reference == null || process == null
            ? null
            : new GetCamundaFormDefinitionCmd(reference, process.getDeploymentId())
                .execute(context);
    if (form == null) {
      return engineTaskForm(context, task);
    }
    FormFields parsed =
        DEPLOYED_FORMS.get(
            form.getId(),
            id -> {
              ResourceEntity resource =
                  context
                      .getResourceManager()
                      .findResourceByDeploymentIdAndResourceName(
                          form.getDeploymentId(), form.getResourceName());
              return resource == null
                  ? null
                  : parse(new ByteArrayInputStream(resource.getBytes()), task);
            });
    return parsed != null ? parsed : engineTaskForm(context, task);
  }

  /** As the engine's {@code DefaultTaskFormHandler}: no reference when a form key is set. */
  private static CamundaFormRef camundaFormRef(TaskEntity task, TaskDefinition definition) {
    String binding = definition.getCamundaFormDefinitionBinding();
    if (definition.getFormKey() != null || binding == null) {
      return null;
    }
    Object key = definition.getCamundaFormDefinitionKey().getValue(task);
    if (key == null) {
      return null;
    }
    CamundaFormRefImpl reference = new CamundaFormRefImpl(key.toString(), binding);
    Expression version = definition.getCamundaFormDefinitionVersion();
    if ("version".equals(binding) && version != null) {
      Object value = version.getValue(task);
      if (value != null) {
        reference.setVersion(Integer.parseInt((String) value));
      }
    }
    return reference;
  }

  private static FormFields engineTaskForm(CommandContext context, TaskEntity task) {
    return parse(
        context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()),
        task);
  }

  private static FormFields parse(InputStream form, TaskEntity task) {
    try (form) {
      return FormFields.parse(form);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
    }
  }

  private static List<String> declaredOutputs(
      ProcessEngineConfigurationImpl configuration, TaskEntity task) {
    BpmnModelInstance model =
        configuration
            .getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    FlowElement element =
        model == null ? null : model.getModelElementById(task.getTaskDefinitionKey());
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> OUTPUTS_PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }
}
