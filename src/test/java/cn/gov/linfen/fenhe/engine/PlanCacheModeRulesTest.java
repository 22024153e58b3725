package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanCacheMode#ofOneInstance}: the engine's queries of one case (by instance, task or
 * execution id) plan as the commands do; lists by group, user, definition or nothing keep the
 * pool's custom plans. No engine needed.
 */
class PlanCacheModeRulesTest {

  @Test
  void queries_of_one_case_by_its_ids() {
    List<Object> ofOneCase =
        List.of(
            new TaskQueryImpl().processInstanceId("pi"),
            new TaskQueryImpl().taskId("t"),
            new TaskQueryImpl().executionId("e"),
            new TaskQueryImpl().processInstanceId("pi").taskCandidateGroup("g"),
            new ProcessInstanceQueryImpl().processInstanceId("pi"),
            new ProcessInstanceQueryImpl().processInstanceIds(Set.of("pi")),
            new ExecutionQueryImpl().processInstanceId("pi"),
            new ExecutionQueryImpl().executionId("e"),
            new HistoricProcessInstanceQueryImpl().processInstanceId("pi"),
            new HistoricTaskInstanceQueryImpl().processInstanceId("pi"),
            new HistoricTaskInstanceQueryImpl().taskId("t"),
            new HistoricActivityInstanceQueryImpl().processInstanceId("pi"),
            new VariableInstanceQueryImpl().processInstanceIdIn("pi").variableName("amount"),
            new VariableInstanceQueryImpl().executionIdIn("e"),
            new VariableInstanceQueryImpl().taskIdIn("t"));
    ofOneCase.forEach(query -> assertThat(PlanCacheMode.ofOneInstance(query)).isTrue());
  }

  @Test
  void lists_and_counts_of_many_keep_custom_plans() {
    List<Object> ofMany =
        List.of(
            new TaskQueryImpl(),
            new TaskQueryImpl().taskCandidateGroupIn(List.of("reform-office", "finance-bureau")),
            new TaskQueryImpl().taskCandidateUser("demo-reform-office"),
            new TaskQueryImpl().taskAssignee("demo-reform-office"),
            new TaskQueryImpl().processDefinitionKey("soe-reform-fund"),
            new TaskQueryImpl().or().processInstanceId("pi").taskCandidateGroup("g").endOr(),
            new ProcessInstanceQueryImpl().processDefinitionKey("soe-reform-fund"),
            new ProcessInstanceQueryImpl().processInstanceIds(Set.of("a", "b")),
            new ProcessInstanceQueryImpl().processInstanceBusinessKey("FH-1"),
            new HistoricProcessInstanceQueryImpl().finished(),
            new HistoricTaskInstanceQueryImpl().taskAssignee("demo-reform-office"),
            new HistoricActivityInstanceQueryImpl().activityId("UserTask_Review"),
            new VariableInstanceQueryImpl().variableName("amount"),
            new VariableInstanceQueryImpl().processInstanceIdIn("a", "b"));
    ofMany.forEach(query -> assertThat(PlanCacheMode.ofOneInstance(query)).isFalse());
  }
}
