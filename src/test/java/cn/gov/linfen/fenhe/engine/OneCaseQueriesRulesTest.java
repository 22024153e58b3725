package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Which queries {@link OneCaseQueries} answers itself: the tasks of one process instance, or one
 * process instance by its id, and nothing else. Any other criterion, set through the API or field
 * by field (so that a criterion the fixed statement would leave out cannot slip through), sends the
 * query to the engine's statement. The answers are compared with the engine's in {@code
 * OneCaseQueriesTest} (H2 and PostgreSQL).
 */
class OneCaseQueriesRulesTest {

  private static final Set<String> TASK_NOT_CRITERIA =
      Set.of(
          "processInstanceId",
          "queries",
          "cachedCandidateGroups",
          "cachedUserGroups",
          "initializeFormKeys",
          "withCommentAttachmentInfo");

  private static TaskQueryImpl tasksOf() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.processInstanceId("instance-1");
    return query;
  }

  private static ProcessInstanceQueryImpl instance() {
    ProcessInstanceQueryImpl query = new ProcessInstanceQueryImpl();
    query.processInstanceId("instance-1");
    return query;
  }

  @Test
  void the_tasks_of_one_process_instance_alone_are_answered_here() {
    assertThat(OneCaseQueries.tasksOfOneInstance(tasksOf())).isTrue();
    // in an order of the task's own columns (CandidateGroupInbox.orderBy gives the text)
    TaskQueryImpl byCreation = tasksOf();
    byCreation.orderByTaskCreateTime().asc();
    assertThat(OneCaseQueries.tasksOfOneInstance(byCreation)).isTrue();
    assertThat(CandidateGroupInbox.orderBy(byCreation))
        .isEqualTo("RES.CREATE_TIME_ asc, RES.ID_ asc");
    // form keys, comments and attachments are the engine's, after the list is read
    TaskQueryImpl withFormKeys = tasksOf();
    withFormKeys.initializeFormKeys();
    assertThat(OneCaseQueries.tasksOfOneInstance(withFormKeys)).isTrue();
  }

  @Test
  void a_task_query_with_anything_else_goes_to_the_engine() {
    assertThat(OneCaseQueries.tasksOfOneInstance(new TaskQueryImpl())).isFalse();
    TaskQueryImpl byKey = tasksOf();
    byKey.taskDefinitionKey("UserTask_FiscalReview");
    TaskQueryImpl byGroup = tasksOf();
    byGroup.taskCandidateGroup("finance-bureau");
    TaskQueryImpl assigned = tasksOf();
    assigned.taskAssignee("dl-officer");
    TaskQueryImpl active = tasksOf();
    active.active();
    TaskQueryImpl due = tasksOf();
    due.dueBefore(new Date());
    TaskQueryImpl variable = tasksOf();
    variable.processVariableValueEquals("amount", 1);
    TaskQueryImpl either = tasksOf();
    either.or().taskName("审核").endOr();
    TaskQueryImpl expression = tasksOf();
    expression.taskAssigneeExpression("${currentUser()}");
    TaskQueryImpl ids = new TaskQueryImpl();
    ids.processInstanceIdIn("instance-1");
    for (TaskQueryImpl query :
        List.of(byKey, byGroup, assigned, active, due, variable, either, expression, ids)) {
      assertThat(OneCaseQueries.tasksOfOneInstance(query)).isFalse();
    }
    TaskQueryImpl byVariable = tasksOf();
    byVariable.orderByProcessVariable("amount", ValueType.INTEGER).asc();
    assertThat(CandidateGroupInbox.orderBy(byVariable)).isNull();
  }

  @Test
  void every_other_field_of_the_task_query_set_by_hand_sends_it_to_the_engine() throws Exception {
    assertEveryFieldCounts(
        TaskQueryImpl.class,
        OneCaseQueriesRulesTest::tasksOf,
        OneCaseQueries::tasksOfOneInstance,
        TASK_NOT_CRITERIA,
        70);
  }

  @Test
  void one_process_instance_by_its_id_alone_is_answered_here() {
    assertThat(OneCaseQueries.oneProcessInstance(instance())).isTrue();
    assertThat(OneCaseQueries.oneProcessInstance(new ProcessInstanceQueryImpl())).isFalse();
    ProcessInstanceQueryImpl businessKey = instance();
    businessKey.processInstanceBusinessKey("LF-GQ-1");
    ProcessInstanceQueryImpl active = instance();
    active.active();
    ProcessInstanceQueryImpl variable = instance();
    variable.variableValueEquals("amount", 1);
    ProcessInstanceQueryImpl incidents = instance();
    incidents.withIncident();
    ProcessInstanceQueryImpl ordered = instance();
    ordered.orderByBusinessKey().desc();
    ProcessInstanceQueryImpl either = instance();
    either.or().processDefinitionKey("soe-reform-fund").endOr();
    ProcessInstanceQueryImpl ids = new ProcessInstanceQueryImpl();
    ids.processInstanceIds(Set.of("instance-1"));
    for (ProcessInstanceQueryImpl query :
        List.of(businessKey, active, variable, incidents, ordered, either, ids)) {
      assertThat(OneCaseQueries.oneProcessInstance(query)).isFalse();
    }
  }

  @Test
  void every_other_field_of_the_process_instance_query_set_by_hand_sends_it_to_the_engine()
      throws Exception {
    for (Class<?> type : List.of(ProcessInstanceQueryImpl.class, AbstractVariableQueryImpl.class)) {
      assertEveryFieldCounts(
          type,
          OneCaseQueriesRulesTest::instance,
          OneCaseQueries::oneProcessInstance,
          Set.of("processInstanceId", "queries"),
          2);
    }
  }

  /**
   * Sets each instance field of {@code type} (but the case's id and the fields that hold no
   * criterion) to a value other than a new query's and asserts that the query is no longer answered
   * here: a criterion added by a later engine version is caught the same way.
   */
  private static <Q> void assertEveryFieldCounts(
      Class<?> type,
      Supplier<Q> fresh,
      Predicate<Q> answeredHere,
      Set<String> notCriteria,
      int atLeast)
      throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || notCriteria.contains(field.getName())) {
        continue;
      }
      field.setAccessible(true);
      Q query = fresh.get();
      field.set(query, CandidateGroupInboxRulesTest.notNew(field.getType()));
      assertThat(answeredHere.test(query)).as(field.getName()).isFalse();
      checked.add(field.getName());
    }
    assertThat(checked).hasSizeGreaterThan(atLeast);
  }
}
