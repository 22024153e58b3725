package cn.gov.linfen.fenhe.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fields a step owns come from the form the engine itself would show (issue 20: read and parsed
 * once per form definition): with binding {@code latest}, a new version of the form is the one the
 * next completion is checked against, field for field as the engine's {@code getDeployedTaskForm}.
 */
class TaskFormFieldsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  final String key = "form-guard-" + UUID.randomUUID().toString().substring(0, 8);
  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  String form(String field, String label) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"id": "Field_%s", "key": "%s", "label": "%s", "type": "textfield"}]}
        """
        .formatted(key, field, field, label);
  }

  void deployForm(String field, String label) {
    deployments.add(
        engine
            .getRepositoryService()
            .createDeployment()
            .name(key)
            .addString(key + "-" + field + ".form", form(field, label))
            .deploy()
            .getId());
  }

  Set<String> guardFields(String taskId) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              TaskEntity task = context.getTaskManager().findTaskById(taskId);
              return Set.copyOf(TaskWorkGuard.fieldsOf(context, task).names());
            });
  }

  Set<String> engineFields(String taskId) throws Exception {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      return Set.copyOf(FormFields.parse(form).names());
    }
  }

  @Test
  void the_latest_form_is_the_one_checked_and_each_version_is_read_once() throws Exception {
    deployForm("first", "甲");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .name("表单字段")
            .startEvent()
            .userTask("UserTask_Fill")
            .name("填写")
            .camundaFormRef(key)
            .camundaFormRefBinding("latest")
            .endEvent()
            .done();
    deployments.add(
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(key + ".bpmn", model)
            .deploy()
            .getId());
    engine.getRuntimeService().startProcessInstanceByKey(key);
    Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(key).singleResult();

    assertThat(guardFields(task.getId()))
        .containsExactly("first")
        .isEqualTo(engineFields(task.getId()));
    int known = TaskWorkGuard.DEPLOYED_FORMS.size();
    assertThat(guardFields(task.getId())).containsExactly("first");
    assertThat(TaskWorkGuard.DEPLOYED_FORMS.size()).isEqualTo(known);

    deployForm("second", "乙");
    assertThat(guardFields(task.getId()))
        .containsExactly("second")
        .isEqualTo(engineFields(task.getId()));
    assertThat(TaskWorkGuard.DEPLOYED_FORMS.size()).isGreaterThan(known);
  }
}
