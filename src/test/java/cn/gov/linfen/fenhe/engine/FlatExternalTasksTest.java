package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link FlatExternalTasks}: a model that asks for it runs its external tasks in the execution that
 * reaches them (one execution for a sequential case), with the workers' variables, incidents and
 * retries as before; a model that does not ask, and an external task with a boundary event, keep
 * the engine's scope execution.
 */
class FlatExternalTasksTest extends IntegrationTest {

  static final String TOPIC = "flat-external-tasks-test-" + UUID.randomUUID();

  @Autowired ProcessEngine engine;
  String deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  static BpmnModelInstance model(String key, boolean flat, boolean boundary) {
    ProcessBuilder process =
        Bpmn.createExecutableProcess(key).name("测试").camundaHistoryTimeToLive(1);
    var first =
        process
            .startEvent("StartEvent_Test")
            .serviceTask("ServiceTask_First")
            .camundaExternalTask(TOPIC);
    if (boundary) {
      first
          .boundaryEvent("BoundaryEvent_Late")
          .cancelActivity(false)
          .timerWithDuration("P1D")
          .endEvent("EndEvent_Late")
          .moveToActivity("ServiceTask_First");
    }
    BpmnModelInstance model =
        first
            .serviceTask("ServiceTask_Second")
            .camundaExternalTask(TOPIC)
            .endEvent("EndEvent_Done")
            .done();
    if (flat) {
      Process definition = model.getModelElementById(key);
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      definition.setExtensionElements(extensions);
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(FlatExternalTasks.PROPERTY);
      property.setCamundaValue("true");
      extensions.addExtensionElement(CamundaProperties.class).getCamundaProperties().add(property);
    }
    return model;
  }

  void deploy(BpmnModelInstance... models) {
    var builder = engine.getRepositoryService().createDeployment().name("flat-external-tasks");
    for (int i = 0; i < models.length; i++) {
      builder.addModelInstance("flat-" + i + ".bpmn", models[i]);
    }
    deployment = builder.deploy().getId();
  }

  /** The instance's tasks, fetched and locked; the other instances' tasks are unlocked again. */
  List<LockedExternalTask> fetch(String instance) {
    List<LockedExternalTask> all =
        engine
            .getExternalTaskService()
            .fetchAndLock(10, "test-worker")
            .topic(TOPIC, 10_000)
            .execute();
    all.stream()
        .filter(t -> !t.getProcessInstanceId().equals(instance))
        .forEach(t -> engine.getExternalTaskService().unlock(t.getId()));
    return all.stream().filter(t -> t.getProcessInstanceId().equals(instance)).toList();
  }

  long executions(String instance) {
    return engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).count();
  }

  @Test
  void a_model_that_asks_runs_its_external_tasks_in_the_process_instance_and_ends_as_before() {
    deploy(model("flat-yes", true, false), model("flat-no", false, false));
    ProcessInstance flat = engine.getRuntimeService().startProcessInstanceByKey("flat-yes");
    ProcessInstance scoped = engine.getRuntimeService().startProcessInstanceByKey("flat-no");

    LockedExternalTask task = fetch(flat.getId()).get(0);
    assertThat(task.getExecutionId()).isEqualTo(flat.getId());
    assertThat(executions(flat.getId())).isEqualTo(1);
    ActivityInstance tree = engine.getRuntimeService().getActivityInstance(flat.getId());
    assertThat(tree.getChildActivityInstances())
        .extracting(ActivityInstance::getActivityId)
        .containsExactly("ServiceTask_First");
    // the engine's own parse: a scope execution below the process instance
    LockedExternalTask scopedTask = fetch(scoped.getId()).get(0);
    assertThat(scopedTask.getExecutionId()).isNotEqualTo(scoped.getId());
    assertThat(executions(scoped.getId())).isEqualTo(2);

    // a failure with no retries left is an incident on the task's execution, retries resolve it
    engine.getExternalTaskService().handleFailure(task.getId(), "test-worker", "省平台无应答", 0, 0);
    assertThat(
            engine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(flat.getId())
                .count())
        .isEqualTo(1);
    engine.getExternalTaskService().setRetries(task.getId(), 1);
    task = fetch(flat.getId()).get(0);

    // a worker's variables land on the case, as they did from a scope of their own
    engine.getExternalTaskService().complete(task.getId(), "test-worker", Map.of("checked", true));
    assertThat(engine.getRuntimeService().getVariable(flat.getId(), "checked")).isEqualTo(true);
    LockedExternalTask second = fetch(flat.getId()).get(0);
    assertThat(second.getActivityId()).isEqualTo("ServiceTask_Second");
    assertThat(second.getExecutionId()).isEqualTo(flat.getId());
    engine
        .getExternalTaskService()
        .complete(second.getId(), "test-worker", Map.of("receipt", "R-1"));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(flat.getId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo("EndEvent_Done");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(flat.getId())
                .variableName("receipt")
                .singleResult()
                .getValue())
        .isEqualTo("R-1");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(flat.getId())
                .activityType("serviceTask")
                .finished()
                .count())
        .isEqualTo(2);
  }

  @Test
  void an_external_task_with_a_boundary_event_keeps_its_scope_in_a_model_that_asks() {
    deploy(model("flat-boundary", true, true));
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("flat-boundary");
    LockedExternalTask first = fetch(instance.getId()).get(0);
    assertThat(first.getExecutionId()).isNotEqualTo(instance.getId());
    engine.getExternalTaskService().complete(first.getId(), "test-worker");
    // the task after it, without a boundary event, is flat
    LockedExternalTask second = fetch(instance.getId()).get(0);
    assertThat(second.getExecutionId()).isEqualTo(instance.getId());
  }
}
