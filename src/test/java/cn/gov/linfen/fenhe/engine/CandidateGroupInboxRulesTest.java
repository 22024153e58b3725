package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryVariableValue;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Which task queries {@link CandidateGroupInbox} answers itself: candidate groups and nothing else.
 * Any other criterion, set through the API or field by field (so a criterion the count would leave
 * out cannot slip through), sends the query to the engine's own statement. The counts themselves
 * are compared with the engine's in {@code OfficerDeadlinesVisibilityTest} (H2 and PostgreSQL).
 */
class CandidateGroupInboxRulesTest {

  private static TaskQueryImpl inbox() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(List.of("finance-bureau", "reform-office"));
    return query;
  }

  @Test
  void candidate_groups_alone_are_counted_here() {
    assertThat(CandidateGroupInbox.candidateGroupsOnly(inbox())).isTrue();
    TaskQueryImpl one = new TaskQueryImpl();
    one.taskCandidateGroup("finance-bureau");
    assertThat(CandidateGroupInbox.candidateGroupsOnly(one)).isTrue();
    TaskQueryImpl withAssigned = inbox();
    withAssigned.includeAssignedTasks();
    assertThat(CandidateGroupInbox.candidateGroupsOnly(withAssigned)).isTrue();
    // form keys, comments and attachments are the engine's, after the list is read
    TaskQueryImpl withFormKeys = inbox();
    withFormKeys.initializeFormKeys();
    assertThat(CandidateGroupInbox.candidateGroupsOnly(withFormKeys)).isTrue();
  }

  @Test
  void a_page_is_in_the_engines_order_then_by_id_and_never_by_a_join() {
    assertThat(CandidateGroupInbox.orderBy(inbox())).isEqualTo("RES.ID_ asc");
    TaskQueryImpl byDue = inbox();
    byDue.orderByDueDate().asc().orderByTaskCreateTime().desc();
    assertThat(CandidateGroupInbox.orderBy(byDue))
        .isEqualTo("RES.DUE_DATE_ asc, RES.CREATE_TIME_ desc, RES.ID_ asc");
    TaskQueryImpl byVariable = inbox();
    byVariable.orderByProcessVariable("amount", ValueType.INTEGER).asc();
    assertThat(CandidateGroupInbox.orderBy(byVariable)).isNull();
  }

  @Test
  void without_candidate_groups_or_with_anything_else_the_engine_counts() {
    assertThat(CandidateGroupInbox.candidateGroupsOnly(new TaskQueryImpl())).isFalse();

    TaskQueryImpl byKey = inbox();
    byKey.processDefinitionKey("soe-reform-fund");
    TaskQueryImpl active = inbox();
    active.active();
    TaskQueryImpl due = inbox();
    due.dueBefore(new Date());
    TaskQueryImpl candidateUser = new TaskQueryImpl();
    candidateUser.taskCandidateUser("dl-officer");
    TaskQueryImpl expression = new TaskQueryImpl();
    expression.taskCandidateGroupInExpression("${currentUserGroups()}");
    TaskQueryImpl variable = inbox();
    variable.processVariableValueEquals("amount", 1);
    TaskQueryImpl either = inbox();
    either.or().taskName("审核").endOr();
    for (TaskQueryImpl query :
        List.of(byKey, active, due, candidateUser, expression, variable, either)) {
      assertThat(CandidateGroupInbox.candidateGroupsOnly(query)).isFalse();
    }
  }

  @Test
  void every_other_field_of_the_engines_query_sends_it_to_the_engine() throws Exception {
    List<String> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          || CandidateGroupInbox.NOT_CRITERIA.contains(field.getName())) {
        continue;
      }
      field.setAccessible(true);
      TaskQueryImpl query = inbox();
      field.set(query, notNew(field.getType()));
      assertThat(CandidateGroupInbox.candidateGroupsOnly(query)).as(field.getName()).isFalse();
      fields.add(field.getName());
    }
    // the criteria of Camunda 7.24's task query, among them
    assertThat(fields)
        .contains("taskId", "assignee", "candidateUser", "processDefinitionKey", "tenantIds")
        .contains("suspensionState", "variables", "dueBefore", "isOrQueryActive")
        .hasSizeGreaterThan(70);
  }

  /** A value of the type that no new query has. */
  static Object notNew(Class<?> type) {
    if (type == String.class) {
      return "x";
    } else if (type == String[].class) {
      return new String[] {"x"};
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.TRUE;
    } else if (type == Integer.class) {
      return 1;
    } else if (type == Date.class) {
      return new Date(0);
    } else if (type == Set.class) {
      return Set.of("x");
    } else if (type == List.class) {
      return new ArrayList<>(List.of(new TaskQueryVariableValue("x", 1, null, false, true)));
    } else if (type == Map.class) {
      return Map.of("x", List.of("y"));
    } else if (type == DelegationState.class) {
      return DelegationState.PENDING;
    } else if (type == SuspensionState.class) {
      return SuspensionState.ACTIVE;
    }
    throw new AssertionError("a field of a type the test does not know: " + type);
  }
}
