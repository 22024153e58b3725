package cn.gov.linfen.fenhe.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.engine.CandidateGroupInbox;
import cn.gov.linfen.fenhe.engine.TaskReadCheck;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workbench.WorkbenchLists;
import cn.gov.linfen.fenhe.workbench.WorkbenchProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ParallelGatewayBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A case officer's own deadlines ({@code GET /api/deadlines}) are Fenhe's walk in due-date order
 * with the engine's authorization rule in SQL (TaskReadCheck, DueDateWalk): they must be exactly
 * the tasks of the engine's authorized task query for the same user. Varied tasks: offered to the
 * officer's group, to another group, to him as candidate user, claimed by a colleague, reassigned
 * away from him, granted to a user by hand, granted to everyone (GLOBAL) on one task, READ_TASK on
 * a whole process definition, a candidate link removed, suspended, without a due date, a sub-task
 * (加签); and a REVOKE authorization, under which the engine answers (authorization-check-revokes:
 * auto).
 */
class OfficerDeadlinesVisibilityTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired FenheClock clock;
  @Autowired WorkbenchLists lists;

  /** The page size of the inbox walked page by page: smaller than most inboxes of the test. */
  private static final int PAGE = 3;

  private String key;
  private Deployment deployment;
  private String suffix;
  private final List<String> users = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<String> standaloneTasks = new ArrayList<>();

  /** The officer of the benchmark: finance-bureau and reform-office. */
  private String officer;

  /** A colleague in finance-bureau. */
  private String colleague;

  /** A sasac officer granted one task by hand. */
  private String granted;

  /** A sasac officer, the signer of a sub-task. */
  private String signer;

  /** A supervising-department officer with READ_TASK on the whole test process. */
  private String byDefinition;

  @BeforeEach
  void variedTasks() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    key = "dl-visibility-" + suffix;
    officer = user("dl-officer-", "finance-bureau", "reform-office");
    colleague = user("dl-colleague-", "finance-bureau");
    granted = user("dl-granted-", "sasac");
    signer = user("dl-signer-", "sasac");
    byDefinition = user("dl-bydef-", "supervising-department");

    ParallelGatewayBuilder fork =
        Bpmn.createExecutableProcess(key)
            .name("期限可见性")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("fork");
    String[][] steps = {
      {"ToFinance", "candidateGroups", "finance-bureau"},
      {"ToReform", "candidateGroups", "reform-office"},
      {"ToSasac", "candidateGroups", "sasac"},
      {"ToOfficer", "candidateUsers", officer},
      {"ClaimedByColleague", "candidateGroups", "finance-bureau"},
      {"GrantedByHand", "candidateGroups", "sasac"},
      {"ReassignedAway", "candidateGroups", "sasac"},
      {"LinkRemoved", "candidateGroups", "hrss-bureau"},
      {"GlobalGrant", "candidateGroups", "hrss-bureau"},
      {"NoDueDate", "candidateGroups", "finance-bureau"},
    };
    for (String[] step : steps) {
      var task = fork.moveToNode("fork").userTask(step[0]).name(step[0]);
      if (step[1].equals("candidateGroups")) {
        task.camundaCandidateGroups(step[2]);
      } else {
        task.camundaCandidateUsers(step[2]);
      }
      task.endEvent();
    }
    BpmnModelInstance model = fork.done();
    deployment =
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();

    ProcessInstance open = runtimeService.startProcessInstanceByKey(key, "DLV-" + suffix);
    ProcessInstance suspended = runtimeService.startProcessInstanceByKey(key, "DLS-" + suffix);
    Instant now = clock.now();
    // due dates around now: overdue, due soon, later; one a step
    long[] hours = {-50, -2, 1, 5, 20, 30, 70, 100, 150, 200};
    int i = 0;
    for (ProcessInstance instance : List.of(open, suspended)) {
      for (Task task :
          taskService
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .orderByTaskName()
              .asc()
              .list()) {
        if (!task.getTaskDefinitionKey().equals("NoDueDate")) {
          task.setDueDate(Date.from(now.plus(Duration.ofHours(hours[i++ % hours.length]))));
          taskService.saveTask(task);
        }
      }
    }
    runtimeService.suspendProcessInstanceById(suspended.getId());

    taskService.claim(task(open, "ClaimedByColleague").getId(), colleague);
    String reassigned = task(open, "ReassignedAway").getId();
    taskService.setAssignee(reassigned, officer);
    taskService.setAssignee(reassigned, signer);
    String linkRemoved = task(open, "LinkRemoved").getId();
    taskService.addCandidateGroup(linkRemoved, "finance-bureau");
    taskService.deleteCandidateGroup(linkRemoved, "finance-bureau");

    grant(
        Authorization.AUTH_TYPE_GRANT,
        granted,
        Resources.TASK,
        task(open, "GrantedByHand").getId(),
        Permissions.READ);
    grant(
        Authorization.AUTH_TYPE_GLOBAL,
        "*",
        Resources.TASK,
        task(open, "GlobalGrant").getId(),
        Permissions.READ);
    grant(
        Authorization.AUTH_TYPE_GRANT,
        byDefinition,
        Resources.PROCESS_DEFINITION,
        key,
        Permissions.READ_TASK);

    // 加签 before the officer's colleague: a sub-task, owned by the colleague, held by the signer
    Task sub = taskService.newTask();
    sub.setParentTaskId(task(open, "ClaimedByColleague").getId());
    sub.setName("加签：ClaimedByColleague");
    sub.setOwner(colleague);
    sub.setAssignee(signer);
    sub.setDueDate(Date.from(now.plus(Duration.ofHours(3))));
    taskService.saveTask(sub);
    standaloneTasks.add(sub.getId());
  }

  @AfterEach
  void cleanUp() {
    standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
    authorizations.forEach(authorizationService::deleteAuthorization);
    repositoryService.deleteDeployment(deployment.getId(), true);
    users.forEach(identityService::deleteUser);
  }

  @Test
  void an_officers_deadlines_are_the_tasks_of_the_engines_authorized_query() {
    for (String user : List.of(officer, colleague, granted, signer, byDefinition)) {
      sameAsEngine(user, "all", null, null);
      sameAsEngine(user, "overdue", null, null);
      sameAsEngine(user, "due-soon", null, null);
      sameAsEngine(user, "all", key, null);
    }
    sameAsEngine(officer, "all", null, "finance-bureau");
    sameAsEngine(officer, "all", key, "reform-office");
    sameAsEngine(signer, "all", key, "sasac");

    // the cases the rule must get right, on the test's own process
    assertThat(steps(officer))
        .contains("ToFinance", "ToReform", "ToOfficer", "ClaimedByColleague", "ReassignedAway")
        .contains("GlobalGrant")
        .doesNotContain("ToSasac", "GrantedByHand", "NoDueDate");
    assertThat(steps(granted)).contains("GrantedByHand", "ToSasac", "GlobalGrant");
    assertThat(steps(byDefinition)).contains("ToFinance", "ToSasac", "LinkRemoved");
    assertThat(steps(signer)).contains("加签：ClaimedByColleague", "ReassignedAway");
    assertThat(steps(colleague)).contains("加签：ClaimedByColleague", "ClaimedByColleague");
  }

  @Test
  void with_a_revoke_authorization_the_engine_answers_and_the_answer_is_still_its_own() {
    String revoked = task(processInstance(), "ToFinance").getId();
    grant(Authorization.AUTH_TYPE_REVOKE, officer, Resources.TASK, revoked, Permissions.READ);

    identityService.setAuthentication(officer, groups(officer));
    try {
      assertThat(TaskReadCheck.of(engine, new MapSqlParameterSource()).byEngine()).isTrue();
    } finally {
      identityService.clearAuthentication();
    }
    sameAsEngine(officer, "all", null, null);
    assertThat(steps(officer)).doesNotContain("ToFinance").contains("ToReform");
    long taken = CandidateGroupInbox.taken();
    List<String> inbox = List.of("finance-bureau", "reform-office");
    Map<String, String> engineAnswer = engineInbox(officer, inbox, false);
    assertThat(engineAnswer).doesNotContainKey(revoked);
    assertThat(inboxCount(officer, inbox, false)).isEqualTo(engineAnswer.size());
    // the engine pages by due date alone: with tied due dates (other tests' tasks) a walk page by
    // page may see a task twice and miss another, so this walk orders by id too
    assertThat(inboxPages(officer, inbox, false, true))
        .extracting(Task::getId)
        .containsExactlyInAnyOrderElementsOf(engineAnswer.keySet());
    assertThat(CandidateGroupInbox.taken()).as("revokes: the engine counts").isEqualTo(taken);
  }

  @Test
  void an_administrator_is_checked_as_the_engine_checks_him_also_under_a_revoke() {
    // the engine's queries have no admin exception: his wildcard grants pass every task
    String admin = user("dlv-admin-", "admins", "camunda-admin");
    identityService.setAuthentication(admin, groups(admin));
    try {
      TaskReadCheck check = TaskReadCheck.of(engine, new MapSqlParameterSource());
      assertThat(check.byEngine()).isFalse();
      assertThat(check.condition()).isEmpty();
    } finally {
      identityService.clearAuthentication();
    }
    // a revoke of his: the engine decides (it was "every task" for an admin before)
    String revoked = task(processInstance(), "ToFinance").getId();
    grant(Authorization.AUTH_TYPE_REVOKE, admin, Resources.TASK, revoked, Permissions.READ);
    identityService.setAuthentication(admin, groups(admin));
    try {
      assertThat(TaskReadCheck.of(engine, new MapSqlParameterSource()).byEngine()).isTrue();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(engineAnswer(admin, "all", null, null)).doesNotContain(revoked);
  }

  @Test
  void beyond_the_count_limit_the_officers_total_is_at_least_and_the_last_page_exact() {
    // a count limit of 2 (the setting's minimum is 100): the user reads the 9 open tasks with a
    // due date of the test's process (READ_TASK on it)
    DeadlinesController limited =
        new DeadlinesController(
            engine,
            calendar,
            jdbc,
            clock,
            lists,
            new WorkbenchProperties(Map.of(), "enterpriseName", Duration.ofMinutes(10), 1, 2));
    FenheUser user = new FenheUser(byDefinition, groups(byDefinition));
    identityService.setAuthentication(byDefinition, groups(byDefinition));
    try {
      Map<String, Object> first = limited.deadlines(user, "all", key, null, 0, 2);
      assertThat(first.get("totalAtLeast")).isEqualTo(true);
      assertThat(first.get("total")).isEqualTo(3L);
      assertThat((List<?>) first.get("items")).hasSize(2);
      Map<String, Object> second = limited.deadlines(user, "all", key, null, 1, 2);
      assertThat(second.get("totalAtLeast")).isEqualTo(true);
      assertThat(second.get("total")).isEqualTo(5L);
      Map<String, Object> last = limited.deadlines(user, "all", key, null, 4, 2);
      assertThat(last.get("totalAtLeast")).isEqualTo(false);
      assertThat(last.get("total")).isEqualTo(9L);
      assertThat((List<?>) last.get("items")).hasSize(1);
    } finally {
      identityService.clearAuthentication();
    }
    JsonNode whole = deadlines(byDefinition, "all", key, null, 0);
    assertThat(whole.get("total").asLong()).isEqualTo(9);
    assertThat(whole.get("totalAtLeast").asBoolean()).isFalse();
  }

  @Test
  void an_inbox_by_candidate_groups_is_the_engines_inbox_count_and_pages() {
    List<List<String>> groupSets =
        List.of(
            List.of("finance-bureau"),
            List.of("reform-office"),
            List.of("sasac"),
            List.of("hrss-bureau"),
            List.of("finance-bureau", "reform-office"),
            List.of("sasac", "hrss-bureau", "supervising-department"),
            List.of("no-such-group-" + suffix));
    for (String user : List.of(officer, colleague, granted, signer, byDefinition)) {
      for (List<String> groupSet : groupSets) {
        for (boolean includeAssigned : List.of(false, true)) {
          String what = user + " " + groupSet + (includeAssigned ? " with assigned" : "");
          long taken = CandidateGroupInbox.taken();
          Map<String, String> engine = engineInbox(user, groupSet, includeAssigned);
          assertThat(inboxCount(user, groupSet, includeAssigned)).as(what).isEqualTo(engine.size());
          List<Task> inbox = inboxPages(user, groupSet, includeAssigned, false);
          // the same tasks, each once, with the engine's fields, in due-date order
          assertThat(inbox).extracting(Task::getId).as(what).doesNotHaveDuplicates();
          assertThat(
                  inbox.stream()
                      .collect(Collectors.toMap(Task::getId, OfficerDeadlinesVisibilityTest::name)))
              .as(what)
              .isEqualTo(engine);
          assertThat(inbox.stream().map(Task::getDueDate).filter(Objects::nonNull).toList())
              .as(what)
              .isSorted();
          int pages = inbox.size() / PAGE + 1;
          assertThat(CandidateGroupInbox.taken() - taken)
              .as(what + ": the count and every page by the short path")
              .isEqualTo(1 + pages);
        }
      }
    }
    // the test's own tasks are among them, so the inboxes are not all empty
    assertThat(engineInbox(officer, List.of("finance-bureau", "reform-office"), false))
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(engineInbox(byDefinition, List.of("sasac", "hrss-bureau"), false))
        .hasSizeGreaterThanOrEqualTo(4);

    // through the REST API as the officer: the same count and page, by the short path
    Map<String, String> viaEngine =
        engineInbox(officer, List.of("finance-bureau", "reform-office"), false);
    long taken = CandidateGroupInbox.taken();
    Http officerHttp = Http.as(baseUrl(), officer, DEMO_PASSWORD);
    Http.Response count =
        officerHttp.get("/engine-rest/task/count?candidateGroups=finance-bureau,reform-office");
    assertThat(count.status()).as(count.toString()).isEqualTo(200);
    assertThat(count.json().get("count").asLong()).isEqualTo(viaEngine.size());
    Http.Response page =
        officerHttp.get(
            "/engine-rest/task?candidateGroups=finance-bureau,reform-office"
                + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=5");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json()).hasSize(Math.min(5, viaEngine.size()));
    for (JsonNode task : page.json()) {
      String name = task.get("name").isNull() ? "" : task.get("name").asText();
      assertThat(viaEngine).containsEntry(task.get("id").asText(), name);
    }
    assertThat(CandidateGroupInbox.taken()).isEqualTo(taken + 2);

    // any other criterion: the engine's own statements, with their answers
    identityService.setAuthentication(officer, groups(officer));
    try {
      TaskQuery byKey =
          taskService
              .createTaskQuery()
              .taskCandidateGroupIn(List.of("finance-bureau", "reform-office"))
              .processDefinitionKey(key);
      // ToFinance, ToReform, NoDueDate of both instances, ClaimedByColleague of the suspended one
      assertThat(byKey.count()).isEqualTo(7);
      assertThat(byKey.listPage(0, 20)).hasSize(7);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(CandidateGroupInbox.taken()).isEqualTo(taken + 2);
  }

  /** The answer of the API for the user equals the engine's authorized task query's. */
  private void sameAsEngine(String user, String state, String procedure, String group) {
    List<String> api = new ArrayList<>();
    long total = -1;
    List<Instant> dues = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = deadlines(user, state, procedure, group, page);
      total = answer.get("total").asLong();
      assertThat(answer.get("totalAtLeast").asBoolean()).isFalse();
      for (JsonNode item : answer.get("items")) {
        api.add(item.get("taskId").asText());
        dues.add(Instant.parse(item.get("due").asText()));
      }
      if (answer.get("items").size() < 200) {
        break;
      }
    }
    List<String> expected = engineAnswer(user, state, procedure, group);
    String what = user + " " + state + " " + procedure + " " + group;
    assertThat(api).as(what).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(total).as(what).isEqualTo(expected.size());
    assertThat(dues).as(what).isSorted();
  }

  private JsonNode deadlines(String user, String state, String procedure, String group, int page) {
    String query =
        "/api/deadlines?size=200&page="
            + page
            + "&state="
            + state
            + (procedure == null ? "" : "&procedure=" + procedure)
            + (group == null ? "" : "&group=" + group);
    Http.Response response = Http.as(baseUrl(), user, DEMO_PASSWORD).get(query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The engine's task query as the deadlines' engine path builds it, authorized for the user. */
  private List<String> engineAnswer(String user, String state, String procedure, String group) {
    Instant now = clock.now();
    Instant soon =
        calendar.endOfOfficeHours(calendar.addWorkingDays(calendar.dateOf(now), 1).date());
    identityService.setAuthentication(user, groups(user));
    try {
      TaskQuery tasks = taskService.createTaskQuery().active();
      switch (state) {
        case "overdue" -> tasks.dueBefore(Date.from(now));
        case "due-soon" ->
            tasks.dueAfter(Date.from(now.minusMillis(1))).dueBefore(Date.from(soon.plusMillis(1)));
        default -> tasks.dueAfter(new Date(0));
      }
      if (procedure != null) {
        tasks.processDefinitionKey(procedure);
      }
      if (group != null) {
        tasks.taskCandidateGroup(group).includeAssignedTasks();
      }
      // page by page: the engine refuses an unbound list to an authenticated user
      List<String> ids = new ArrayList<>();
      for (int first = 0; ; first += 200) {
        List<Task> page = tasks.listPage(first, 200);
        page.forEach(task -> ids.add(task.getId()));
        if (page.size() < 200) {
          return ids;
        }
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The step names of the user's deadlines among the test's tasks. */
  private List<String> steps(String user) {
    List<String> steps = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = deadlines(user, "all", null, null, page);
      for (JsonNode item : answer.get("items")) {
        String businessKey = item.get("businessKey").asText("");
        if (businessKey.endsWith(suffix)) {
          steps.add(item.get("step").asText());
        }
      }
      if (answer.get("items").size() < 200) {
        return steps;
      }
    }
  }

  private String user(String prefix, String... groups) {
    String id = prefix + suffix;
    User user = identityService.newUser(id);
    user.setPassword(DEMO_PASSWORD);
    user.setLastName(id);
    identityService.saveUser(user);
    users.add(id);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  private List<String> groups(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  private ProcessInstance processInstance() {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("DLV-" + suffix)
        .singleResult();
  }

  private Task task(ProcessInstance instance, String step) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(step)
        .singleResult();
  }

  /** A grant, global grant or revoke of one permission on one resource for the user. */
  private void grant(
      int type, String userId, Resources resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    authorizations.add(authorizationService.saveAuthorization(authorization).getId());
  }

  /** The inbox count of the user's authorized task query: the platform's task manager. */
  private long inboxCount(String user, List<String> groupSet, boolean includeAssigned) {
    identityService.setAuthentication(user, groups(user));
    try {
      return inbox(groupSet, includeAssigned).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The same query's list by due date (then by id if asked), page after page of {@link #PAGE}. */
  private List<Task> inboxPages(
      String user, List<String> groupSet, boolean includeAssigned, boolean thenById) {
    identityService.setAuthentication(user, groups(user));
    try {
      TaskQuery query = inbox(groupSet, includeAssigned).orderByDueDate().asc();
      if (thenById) {
        query.orderByTaskId().asc();
      }
      List<Task> tasks = new ArrayList<>();
      for (int first = 0; ; first += PAGE) {
        List<Task> page = query.listPage(first, PAGE);
        tasks.addAll(page);
        if (page.size() < PAGE) {
          return tasks;
        }
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  private TaskQuery inbox(List<String> groupSet, boolean includeAssigned) {
    TaskQuery query = taskService.createTaskQuery().taskCandidateGroupIn(groupSet);
    return includeAssigned ? query.includeAssignedTasks() : query;
  }

  /**
   * The same inbox by the engine's own statements ({@link EngineInbox}): each task's id and name,
   * and the engine's count of it.
   */
  private Map<String, String> engineInbox(
      String user, List<String> groupSet, boolean includeAssigned) {
    identityService.setAuthentication(user, groups(user));
    try {
      CommandExecutor commands =
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
              .getCommandExecutorTxRequired();
      long count =
          commands.execute(
              context ->
                  new EngineInbox().findTaskCountByQueryCriteria(query(groupSet, includeAssigned)));
      Map<String, String> tasks =
          commands.execute(
              context ->
                  new EngineInbox()
                      .findTasksByQueryCriteria(query(groupSet, includeAssigned)).stream()
                          .collect(
                              Collectors.toMap(Task::getId, OfficerDeadlinesVisibilityTest::name)));
      assertThat(tasks).as("the engine's count and list").hasSize((int) count);
      return tasks;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String name(Task task) {
    return Objects.toString(task.getName(), "");
  }

  private static TaskQueryImpl query(List<String> groupSet, boolean includeAssigned) {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(groupSet);
    if (includeAssigned) {
      query.includeAssignedTasks();
    }
    return query;
  }

  /** The engine's task manager as the engine ships it. */
  private static class EngineInbox extends TaskManager {}
}
