package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link WildcardGrants}: every query and check answers what the engine's own authorization manager
 * answers, for wildcard grants of the user, of a group, GLOBAL, to user {@code '*'}, for a grant of
 * one definition only, with a REVOKE, and after the wildcard is withdrawn; the queries run without
 * the join exactly when a wildcard grant passes every row. The engine's answer is taken in the same
 * way, in a command whose authorization manager is the engine's {@link AuthorizationManager}.
 */
class WildcardGrantsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired javax.sql.DataSource dataSource;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String user = "wildcard-user-" + run;
  final String group = "wildcard-group-" + run;
  final String keyA = "wildcard-" + run + "-a";
  final String keyB = "wildcard-" + run + "-b";
  final List<String> authorizations = new ArrayList<>();
  final List<String> instances = new ArrayList<>();
  String deployment;

  @BeforeEach
  void twoProcessesWithATaskAndAnExternalTaskEach() {
    var deploying = engine.getRepositoryService().createDeployment().name("wildcard-grants");
    for (String key : List.of(keyA, keyB)) {
      deploying.addModelInstance(
          key + ".bpmn",
          Bpmn.createExecutableProcess(key)
              .name("测试")
              .camundaHistoryTimeToLive(1)
              .startEvent("StartEvent_Test")
              .parallelGateway("Gateway_Fork")
              .userTask("UserTask_Review")
              .name("审核")
              .camundaCandidateGroups("wildcard-officers-" + run)
              .endEvent("EndEvent_Reviewed")
              .moveToNode("Gateway_Fork")
              .serviceTask("ServiceTask_Work")
              .camundaExternalTask("wildcard-" + run)
              .endEvent("EndEvent_Worked")
              .done());
    }
    deployment = deploying.deploy().getId();
    for (String key : List.of(keyA, keyB)) {
      instances.add(
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(key, Map.of("amount", "100.00"))
              .getId());
    }
  }

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  String grant(
      int type,
      String userId,
      String groupId,
      Resource resource,
      String id,
      Permission... permissions) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    if (groupId != null) {
      authorization.setGroupId(groupId);
    } else {
      authorization.setUserId(userId);
    }
    authorization.setResource(resource);
    authorization.setResourceId(id);
    for (Permission permission : permissions) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        authorization.removePermission(permission);
      } else {
        authorization.addPermission(permission);
      }
    }
    String saved = engine.getAuthorizationService().saveAuthorization(authorization).getId();
    authorizations.add(saved);
    return saved;
  }

  /** What a case officer's or supervisor's reading needs: the case, its tasks and history. */
  void wildcardsOf(String userId, String groupId) {
    grant(
        Authorization.AUTH_TYPE_GRANT,
        userId,
        groupId,
        Resources.PROCESS_DEFINITION,
        "*",
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_TASK,
        Permissions.READ_HISTORY);
    grant(Authorization.AUTH_TYPE_GRANT, userId, groupId, Resources.TASK, "*", Permissions.READ);
  }

  <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  /** Runs the command as the caller, with the installed manager or the engine's own. */
  <T> T as(String userId, List<String> groups, boolean engines, Command<T> command) {
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      return inCommand(
          context -> {
            if (engines) {
              sessions(context).put(AuthorizationManager.class, new AuthorizationManager());
            } else {
              assertThat(context.getAuthorizationManager()).isInstanceOf(WildcardGrants.class);
            }
            return command.execute(context);
          });
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<Class<?>, Session> sessions(CommandContext context) {
    try {
      Field field = CommandContext.class.getDeclaredField("sessions");
      field.setAccessible(true);
      return (Map<Class<?>, Session>) field.get(context);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Every query of the shortcut, restricted to this test's cases: the ids each returns. */
  Map<String, List<String>> seen(String userId, List<String> groups, boolean engines) {
    String[] ids = instances.toArray(String[]::new);
    return as(
        userId,
        groups,
        engines,
        context -> {
          Map<String, List<String>> seen = new LinkedHashMap<>();
          seen.put(
              "tasks",
              ids(
                  context,
                  engine.getTaskService().createTaskQuery().processInstanceIdIn(ids),
                  t -> ((org.camunda.bpm.engine.task.Task) t).getId()));
          seen.put(
              "task count",
              List.of(
                  String.valueOf(
                      ((AbstractQuery<?, ?>)
                              engine.getTaskService().createTaskQuery().processInstanceIdIn(ids))
                          .executeCount(context))));
          seen.put(
              "instances",
              ids(
                  context,
                  engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processInstanceIds(Set.of(ids)),
                  i -> ((org.camunda.bpm.engine.runtime.ProcessInstance) i).getId()));
          List<String> executions = new ArrayList<>();
          for (String key : List.of(keyA, keyB)) {
            executions.addAll(
                ids(
                    context,
                    engine.getRuntimeService().createExecutionQuery().processDefinitionKey(key),
                    e -> ((org.camunda.bpm.engine.runtime.Execution) e).getId()));
          }
          seen.put("executions", executions.stream().sorted().toList());
          seen.put(
              "variables",
              ids(
                  context,
                  engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(ids),
                  v -> ((org.camunda.bpm.engine.runtime.VariableInstance) v).getId()));
          seen.put(
              "external tasks",
              ids(
                  context,
                  engine
                      .getExternalTaskService()
                      .createExternalTaskQuery()
                      .processInstanceIdIn(ids),
                  t -> ((org.camunda.bpm.engine.externaltask.ExternalTask) t).getId()));
          seen.put(
              "historic instances",
              ids(
                  context,
                  engine
                      .getHistoryService()
                      .createHistoricProcessInstanceQuery()
                      .processInstanceIds(Set.of(ids)),
                  h -> ((org.camunda.bpm.engine.history.HistoricProcessInstance) h).getId()));
          List<String> historicTasks = new ArrayList<>();
          for (String key : List.of(keyA, keyB)) {
            historicTasks.addAll(
                ids(
                    context,
                    engine
                        .getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .processDefinitionKey(key),
                    h -> ((org.camunda.bpm.engine.history.HistoricTaskInstance) h).getId()));
          }
          seen.put("historic tasks", historicTasks.stream().sorted().toList());
          return seen;
        });
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static List<String> ids(CommandContext context, Object query, Function<Object, String> id) {
    List<Object> rows = ((AbstractQuery) query).executeList(context, null);
    return rows.stream().map(id).sorted(Comparator.naturalOrder()).toList();
  }

  /** Whether the installed manager runs the caller's task query without the join. */
  boolean taskQueryWithoutJoin(String userId, List<String> groups) {
    return as(
        userId,
        groups,
        false,
        context -> {
          TaskQueryImpl query = new TaskQueryImpl();
          context.getAuthorizationManager().configureTaskQuery(query);
          return !query.getAuthCheck().isAuthorizationCheckEnabled();
        });
  }

  /** The id of the one open task of the test's case number {@code index}. */
  private String taskOf(int index) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instances.get(index))
        .singleResult()
        .getId();
  }

  /** The command checks a case's pages make, by the installed manager and by the engine's. */
  List<List<Boolean>> checks(String userId, List<String> groups) {
    String task = taskOf(0);
    List<Object[]> asked =
        List.of(
            new Object[] {Permissions.READ, Resources.PROCESS_DEFINITION, keyA},
            new Object[] {Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, keyB},
            new Object[] {Permissions.READ_TASK, Resources.PROCESS_DEFINITION, keyB},
            new Object[] {Permissions.READ, Resources.TASK, task},
            new Object[] {Permissions.UPDATE, Resources.TASK, task},
            new Object[] {Permissions.READ, Resources.PROCESS_INSTANCE, instances.get(1)},
            new Object[] {
              Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, Authorization.ANY
            });
    List<List<Boolean>> answers = new ArrayList<>();
    for (boolean engines : List.of(false, true)) {
      answers.add(
          as(
              userId,
              groups,
              engines,
              context -> {
                List<Boolean> answered = new ArrayList<>();
                for (Object[] check : asked) {
                  answered.add(
                      context
                          .getAuthorizationManager()
                          .isAuthorized(
                              userId,
                              groups,
                              (Permission) check[0],
                              (Resource) check[1],
                              (String) check[2]));
                }
                return answered;
              }));
    }
    return answers;
  }

  void answersAsTheEngine(String userId, List<String> groups) {
    assertThat(seen(userId, groups, false)).isEqualTo(seen(userId, groups, true));
    List<List<Boolean>> checks = checks(userId, groups);
    assertThat(checks.get(0)).isEqualTo(checks.get(1));
  }

  @Test
  void the_users_wildcard_grants_answer_without_the_join_and_as_the_engine() {
    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    wildcardsOf(user, null);

    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    Map<String, List<String>> seen = seen(user, List.of(), false);
    assertThat(seen.get("tasks")).hasSize(2);
    assertThat(seen.get("instances")).containsExactlyInAnyOrderElementsOf(instances);
    assertThat(seen.get("external tasks")).hasSize(2);
    assertThat(seen.get("historic tasks")).hasSize(2);
    answersAsTheEngine(user, List.of());
    assertThat(checks(user, List.of()).get(0))
        .containsExactly(true, true, true, true, false, false, true);
  }

  @Test
  void a_groups_wildcard_grants_answer_for_its_members_only() {
    wildcardsOf(null, group);

    assertThat(taskQueryWithoutJoin(user, List.of(group))).isTrue();
    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    answersAsTheEngine(user, List.of(group));
    answersAsTheEngine(user, List.of());
    assertThat(seen(user, List.of(), false).get("tasks")).isEmpty();
  }

  @Test
  void a_global_grant_and_a_grant_to_user_star_answer_as_the_engine() {
    grant(
        Authorization.AUTH_TYPE_GLOBAL,
        Authorization.ANY,
        null,
        Resources.TASK,
        "*",
        Permissions.READ);
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    answersAsTheEngine(user, List.of());

    // a GRANT to user '*': the queries' join takes it, the engine's command checks do not
    authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    authorizations.clear();
    grant(
        Authorization.AUTH_TYPE_GRANT,
        Authorization.ANY,
        null,
        Resources.TASK,
        "*",
        Permissions.READ);
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    assertThat(seen(user, List.of(), false).get("tasks")).hasSize(2);
    answersAsTheEngine(user, List.of());
    assertThat(checks(user, List.of()).get(0).get(3)).isFalse();
  }

  @Test
  void a_grant_of_one_definition_keeps_the_join() {
    grant(
        Authorization.AUTH_TYPE_GRANT,
        user,
        null,
        Resources.PROCESS_DEFINITION,
        keyA,
        Permissions.READ_INSTANCE,
        Permissions.READ_TASK,
        Permissions.READ_HISTORY);

    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    assertThat(seen(user, List.of(), false).get("instances")).containsExactly(instances.get(0));
    answersAsTheEngine(user, List.of());
  }

  @Test
  void a_revoke_keeps_the_join_and_is_respected() {
    wildcardsOf(user, null);
    grant(
        Authorization.AUTH_TYPE_REVOKE,
        user,
        null,
        Resources.PROCESS_DEFINITION,
        keyB,
        Permissions.READ_INSTANCE,
        Permissions.READ_TASK);

    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    assertThat(seen(user, List.of(), false).get("instances")).containsExactly(instances.get(0));
    answersAsTheEngine(user, List.of());
    assertThat(checks(user, List.of()).get(0).get(1)).isFalse();
  }

  @Test
  void a_withdrawn_wildcard_takes_effect_at_the_next_command() {
    wildcardsOf(user, null);
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    assertThat(seen(user, List.of(), false).get("tasks")).hasSize(2);

    authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    authorizations.clear();

    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    assertThat(seen(user, List.of(), false).get("tasks")).isEmpty();
    answersAsTheEngine(user, List.of());
  }

  @Test
  void on_postgresql_the_grants_are_kept_and_a_change_by_hand_is_seen_at_the_next_command() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // PostgreSQL keeps them (the version's triggers are in place), H2 reads them at every command
    assertThat(WildcardGrants.keeps(configuration))
        .isEqualTo("postgres".equals(configuration.getDatabaseType()));
    wildcardsOf(user, null);
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);

    // the permissions taken off the wildcard rows by hand (no engine involved)
    int changed =
        jdbc.update(
            "UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = 0 WHERE USER_ID_ = ? AND RESOURCE_ID_ = '*'",
            user);
    assertThat(changed).isEqualTo(2);
    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    assertThat(seen(user, List.of(), false).get("tasks")).isEmpty();
    answersAsTheEngine(user, List.of());

    // given back by hand, then the rows deleted by hand
    jdbc.update(
        "UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = ? WHERE USER_ID_ = ? AND RESOURCE_ID_ = '*'",
        Permissions.ALL.getValue(),
        user);
    assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
    answersAsTheEngine(user, List.of());
    jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = ? AND RESOURCE_ID_ = '*'", user);
    authorizations.clear();
    assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
    assertThat(seen(user, List.of(), false).get("tasks")).isEmpty();
    answersAsTheEngine(user, List.of());
  }

  @Test
  void revoke_modes_always_and_never_answer_as_the_engine() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String mode = configuration.getAuthorizationCheckRevokes();
    wildcardsOf(user, null);
    try {
      configuration.setAuthorizationCheckRevokes(
          ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
      assertThat(taskQueryWithoutJoin(user, List.of())).isFalse();
      answersAsTheEngine(user, List.of());
      configuration.setAuthorizationCheckRevokes(
          ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
      assertThat(taskQueryWithoutJoin(user, List.of())).isTrue();
      answersAsTheEngine(user, List.of());
    } finally {
      configuration.setAuthorizationCheckRevokes(mode);
    }
  }

  // ------------------------------------------------------------------ the statements' forms

  static PermissionCheck check(Permission permission, Resource resource, Long notFound) {
    PermissionCheck check = new PermissionCheck();
    check.setPermission(permission);
    check.setResource(resource);
    check.setResourceIdQueryParam("RES.ID_");
    check.setAuthorizationNotFoundReturnValue(notFound);
    return check;
  }

  static CompositePermissionCheck of(boolean disjunctive, PermissionCheck... checks) {
    CompositePermissionCheck composite = new CompositePermissionCheck(disjunctive);
    List.of(checks).forEach(composite::addAtomicCheck);
    return composite;
  }

  static CompositePermissionCheck ofComposites(
      boolean disjunctive, CompositePermissionCheck... parts) {
    CompositePermissionCheck composite = new CompositePermissionCheck(disjunctive);
    List.of(parts).forEach(composite::addCompositeCheck);
    return composite;
  }

  @Test
  void a_commands_checks_are_combined_as_the_engines_statement_combines_them() {
    PermissionCheck notFoundNull = check(Permissions.UPDATE, Resources.TASK, null);
    PermissionCheck notFoundZero = check(Permissions.UPDATE, Resources.TASK, 0L);
    PermissionCheck notFoundOne = check(Permissions.UPDATE, Resources.TASK, 1L);
    PermissionCheck other = check(Permissions.READ, Resources.TASK, null);

    // one check: 1 when granted, else its not-found value
    assertThat(combined(of(true, notFoundNull), true)).isEqualTo(1L);
    assertThat(combined(of(true, notFoundNull), false)).isNull();
    assertThat(combined(of(true, notFoundOne), false)).isEqualTo(1L);
    // COALESCE(v1, v2, 0): the first value that is not null decides
    assertThat(combined(of(true, notFoundNull, other), false, true)).isEqualTo(1L);
    assertThat(combined(of(true, notFoundZero, other), false, true)).isEqualTo(0L);
    assertThat(combined(of(true, notFoundNull, other), false, false)).isEqualTo(0L);
    // BITAND(COALESCE(v1, 0), COALESCE(v2, 0))
    assertThat(combined(of(false, notFoundNull, other), true, true)).isEqualTo(1L);
    assertThat(combined(of(false, notFoundNull, other), true, false)).isEqualTo(0L);
    assertThat(combined(of(false, notFoundOne, other), false, true)).isEqualTo(1L);
    // composite checks are the engine's
    assertThat(CommandCheck.supported(ofComposites(true, of(true, other), of(true, other))))
        .isFalse();
    assertThat(CommandCheck.supported(of(true, other))).isFalse(); // a column, not an id
  }

  static Long combined(CompositePermissionCheck checks, boolean... granted) {
    return CommandCheck.combine(checks, granted);
  }

  @Test
  void a_commands_disjunctive_check_with_a_not_found_value_first_answers_as_the_engine() {
    grant(Authorization.AUTH_TYPE_GRANT, user, null, Resources.TASK, "*", Permissions.READ);
    PermissionCheck definitionZero = check(Permissions.READ_TASK, Resources.PROCESS_DEFINITION, 0L);
    PermissionCheck definitionNull =
        check(Permissions.READ_TASK, Resources.PROCESS_DEFINITION, null);
    PermissionCheck anyTask = check(Permissions.READ, Resources.TASK, null);
    for (PermissionCheck c : List.of(definitionZero, definitionNull, anyTask)) {
      c.setResourceIdQueryParam(null);
      c.setResourceId(c == anyTask ? "*" : keyA);
    }
    CompositePermissionCheck zeroFirst = of(true, definitionZero, anyTask);
    CompositePermissionCheck nullFirst = of(true, definitionNull, anyTask);
    List<Boolean> ours = new ArrayList<>();
    List<Boolean> engines = new ArrayList<>();
    for (CompositePermissionCheck composite : List.of(zeroFirst, nullFirst)) {
      ours.add(
          as(
              user,
              List.of(),
              false,
              c -> c.getAuthorizationManager().isAuthorized(user, List.of(), composite)));
      engines.add(
          as(
              user,
              List.of(),
              true,
              c -> c.getAuthorizationManager().isAuthorized(user, List.of(), composite)));
    }
    assertThat(ours).isEqualTo(engines).containsExactly(false, true);
  }

  @Test
  void command_checks_answer_as_the_engines_statement_for_random_forms_and_grants() {
    String group2 = group + "-2";
    String taskA = taskOf(0);
    String taskB = taskOf(1);
    int grant = Authorization.AUTH_TYPE_GRANT;
    int global = Authorization.AUTH_TYPE_GLOBAL;
    grant(grant, user, null, Resources.TASK, taskA, Permissions.READ, Permissions.UPDATE);
    grant(
        grant,
        null,
        group,
        Resources.PROCESS_DEFINITION,
        keyA,
        Permissions.READ_TASK,
        Permissions.UPDATE_TASK);
    grant(global, Authorization.ANY, null, Resources.TASK, taskB, Permissions.READ);
    grant(
        global,
        Authorization.ANY,
        null,
        Resources.PROCESS_DEFINITION,
        keyB,
        Permissions.READ_INSTANCE);
    grant(grant, user, null, Resources.PROCESS_INSTANCE, instances.get(0), Permissions.READ);
    grant(grant, null, group2, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
    grant(grant, Authorization.ANY, null, Resources.TASK, taskB, Permissions.TASK_WORK);
    Object[][] pool = {
      {Permissions.READ, Resources.TASK, taskA},
      {Permissions.READ, Resources.TASK, taskB},
      {Permissions.READ, Resources.TASK, "*"},
      {Permissions.READ, Resources.TASK, null},
      {Permissions.UPDATE, Resources.TASK, taskA},
      {Permissions.TASK_WORK, Resources.TASK, taskB},
      {Permissions.READ_TASK, Resources.PROCESS_DEFINITION, keyA},
      {Permissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, keyB},
      {Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, keyB},
      {Permissions.READ, Resources.PROCESS_INSTANCE, instances.get(0)},
      {Permissions.READ, Resources.PROCESS_INSTANCE, instances.get(1)},
      {Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "*"},
      {Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, keyA},
    };
    java.util.Random random = new java.util.Random(20261206L);
    Long[] notFound = {null, null, 0L, 1L};
    java.util.function.Supplier<PermissionCheck> atomic =
        () -> {
          Object[] picked = pool[random.nextInt(pool.length)];
          PermissionCheck check = new PermissionCheck();
          check.setPermission((Permission) picked[0]);
          check.setResource((Resource) picked[1]);
          check.setResourceId((String) picked[2]);
          check.setAuthorizationNotFoundReturnValue(notFound[random.nextInt(notFound.length)]);
          return check;
        };
    int[] answered = new int[2];
    for (int round = 0; round < 240; round++) {
      CompositePermissionCheck checks =
          of(
              random.nextBoolean(),
              java.util.stream.Stream.generate(atomic)
                  .limit(1 + random.nextInt(3))
                  .toArray(PermissionCheck[]::new));
      List<String> groups =
          switch (round % 3) {
            case 0 -> List.of(group, group2);
            case 1 -> List.of(group);
            default -> List.of();
          };
      CompositePermissionCheck asked = checks;
      java.util.function.Function<Boolean, Boolean> answerBy =
          byEngine ->
              as(
                  user,
                  groups,
                  byEngine,
                  c -> c.getAuthorizationManager().isAuthorized(user, groups, asked));
      boolean ours = answerBy.apply(false);
      boolean engines = answerBy.apply(true);
      assertThat(ours).as("round %d: %s", round, describe(asked)).isEqualTo(engines);
      answered[ours ? 1 : 0]++;
    }
    // both answers occur often enough for the comparison to mean something
    assertThat(answered[0]).isGreaterThan(40);
    assertThat(answered[1]).isGreaterThan(40);
  }

  static String describe(CompositePermissionCheck checks) {
    StringBuilder text = new StringBuilder(checks.isDisjunctive() ? "OR(" : "AND(");
    for (PermissionCheck check : checks.getAtomicChecks()) {
      text.append(check.getPermission().getName())
          .append(' ')
          .append(check.getResource().resourceName())
          .append(' ')
          .append(check.getResourceId())
          .append(" nf=")
          .append(check.getAuthorizationNotFoundReturnValue())
          .append("; ");
    }
    checks.getCompositeChecks().forEach(c -> text.append(describe(c)).append("; "));
    return text.append(')').toString();
  }

  @Test
  void a_queries_conjunctive_check_needs_one_grant_with_every_permission() {
    WildcardGrants.Grant read =
        new WildcardGrants.Grant(1, user, null, 6, Permissions.READ.getValue());
    WildcardGrants.Grant create =
        new WildcardGrants.Grant(1, user, null, 6, Permissions.CREATE_INSTANCE.getValue());
    WildcardGrants.Grant both =
        new WildcardGrants.Grant(
            1, user, null, 6, Permissions.READ.getValue() | Permissions.CREATE_INSTANCE.getValue());
    CompositePermissionCheck readAndCreate =
        of(
            false,
            check(Permissions.READ, Resources.PROCESS_DEFINITION, null),
            check(Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, null));

    assertThat(WildcardGrants.joinKeepsEveryRow(readAndCreate, List.of(read, create))).isFalse();
    assertThat(WildcardGrants.joinKeepsEveryRow(readAndCreate, List.of(read, both))).isTrue();
    assertThat(
            WildcardGrants.joinKeepsEveryRow(
                of(
                    true,
                    check(Permissions.READ, Resources.PROCESS_DEFINITION, null),
                    check(Permissions.READ, Resources.TASK, null)),
                List.of(read)))
        .isTrue();
    // the fetch: one join per composite, each kept when a grant passes it
    CompositePermissionCheck fetch =
        ofComposites(
            false,
            of(
                true,
                check(Permissions.READ, Resources.PROCESS_INSTANCE, null),
                check(Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, null)),
            of(
                true,
                check(Permissions.UPDATE, Resources.PROCESS_INSTANCE, null),
                check(Permissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, null)));
    WildcardGrants.Grant readInstances =
        new WildcardGrants.Grant(1, user, null, 6, Permissions.READ_INSTANCE.getValue());
    WildcardGrants.Grant updateInstances =
        new WildcardGrants.Grant(1, user, null, 6, Permissions.UPDATE_INSTANCE.getValue());
    assertThat(WildcardGrants.joinKeepsEveryRow(fetch, List.of(readInstances))).isFalse();
    assertThat(WildcardGrants.joinKeepsEveryRow(fetch, List.of(readInstances, updateInstances)))
        .isTrue();
  }
}
