package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link NewTaskGrants}: a task reached by the process gets one grant per candidate group and user,
 * written without searching for grants it cannot have, with the permissions the engine gives the
 * same group on a stored task (where it still searches); a stored task's claim and a group added
 * twice to it are the engine's: one grant each, permissions merged, none written twice.
 */
class NewTaskGrantsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String key = "new-task-grants-" + run;
  final String first = "grants-first-" + run;
  final String second = "grants-second-" + run;
  final String later = "grants-later-" + run;
  final String candidate = "grants-user-" + run;
  String deployment;

  @BeforeEach
  void aStepWithTwoCandidateGroupsAndACandidateUser() {
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("new-task-grants")
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .name("测试")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Test")
                    .userTask("UserTask_Review")
                    .name("审核")
                    .camundaCandidateGroups(first + "," + second)
                    .camundaCandidateUsers(candidate)
                    .endEvent("EndEvent_Reviewed")
                    .done())
            .deploy()
            .getId();
  }

  @AfterEach
  void cleanUp() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  Map<String, Authorization> grantsOf(String taskId) {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(taskId)
        .list()
        .stream()
        .collect(
            Collectors.toMap(a -> a.getGroupId() != null ? a.getGroupId() : a.getUserId(), a -> a));
  }

  int permissions(Authorization authorization) {
    return ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization)
        .getPermissions();
  }

  @Test
  void a_new_tasks_grants_are_the_engines_without_the_search_and_a_stored_tasks_as_before() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getResourceAuthorizationProvider())
        .isInstanceOf(NewTaskGrants.class);
    long leftOut = NewTaskGrants.LEFT_OUT.sum();
    String instance =
        engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("amount", "1.00")).getId();
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

    // the new task: one grant per candidate, each written without a search
    Map<String, Authorization> grants = grantsOf(task.getId());
    assertThat(grants).containsOnlyKeys(first, second, candidate);
    assertThat(NewTaskGrants.LEFT_OUT.sum() - leftOut).isGreaterThanOrEqualTo(3);
    grants
        .values()
        .forEach(
            grant ->
                assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT));

    // a group added to the stored task: the engine's search, the same permissions as a new task's
    long beforeStored = NewTaskGrants.LEFT_OUT.sum();
    engine.getTaskService().addCandidateGroup(task.getId(), later);
    grants = grantsOf(task.getId());
    assertThat(permissions(grants.get(later))).isEqualTo(permissions(grants.get(first)));
    assertThat(grants.get(later).getRootProcessInstanceId())
        .isEqualTo(grants.get(first).getRootProcessInstanceId());
    assertThat(grants.get(later).getRemovalTime()).isEqualTo(grants.get(first).getRemovalTime());

    // added again, and the candidate user claims: found and merged, no second row
    engine.getTaskService().addCandidateGroup(task.getId(), first);
    engine.getTaskService().claim(task.getId(), candidate);
    grants = grantsOf(task.getId());
    assertThat(grants).containsOnlyKeys(first, second, later, candidate);
    assertThat(NewTaskGrants.LEFT_OUT.sum()).isEqualTo(beforeStored);

    // the task done: its grants go with it, as the engine removes them
    engine.getTaskService().complete(task.getId());
    assertThat(grantsOf(task.getId())).isEmpty();
  }
}
