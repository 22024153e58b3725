package cn.gov.linfen.fenhe.supervision;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadlines for supervisors, and for each group its own work: open user tasks with a due date (and,
 * for supervisors, pending timers), most urgent first, with working days left counted on the
 * working-day calendar. The engine's authorizations decide which tasks a caller sees.
 */
@RestController
@EngineRole
@Tag(name = "督办与期限")
public class DeadlinesController {

  static final Set<String> STATES = Set.of("overdue", "due-soon", "all");
  static final int MAX_PAGE_SIZE = 200;

  private final ProcessEngine engine;
  private final WorkingDayCalendar calendar;
  private final NamedParameterJdbcTemplate jdbc;

  private final FenheClock clock;

  public DeadlinesController(
      ProcessEngine engine,
      WorkingDayCalendar calendar,
      NamedParameterJdbcTemplate jdbc,
      FenheClock clock) {
    this.clock = clock;
    this.engine = engine;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  @Operation(summary = "办理期限督查：即将到期和已超期的任务与定时器，按工作日计算剩余天数")
  @GetMapping("/api/deadlines")
  Map<String, Object> deadlines(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(defaultValue = "all") String state,
      @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!STATES.contains(state)) {
      throw new InvalidInputException(PlatformRefusal.DEADLINE_STATE_UNKNOWN.at("state"));
    }
    if (page < 0) {
      throw new InvalidInputException(PlatformRefusal.PAGE_NEGATIVE.at("page"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          PlatformRefusal.PAGE_SIZE_OUT_OF_RANGE.at("size", MAX_PAGE_SIZE));
    }
    if ((long) page * size + size > Integer.MAX_VALUE) {
      throw new InvalidInputException(PlatformRefusal.PAGE_TOO_LARGE.at("page"));
    }
    boolean seesEverything = user.seesEverything();
    boolean worksCases =
        user.groupIds().stream()
            .map(FenheGroup::byId)
            .anyMatch(g -> g.isPresent() && g.get().isCaseOfficerGroup());
    if (!seesEverything && !worksCases) {
      throw new AccessDeniedException(
          PlatformRefusal.SUPERVISORS_CASE_OFFICERS_SEE_DEADLINES.reason());
    }
    if (group != null && !seesEverything && !user.groupIds().contains(group)) {
      throw new AccessDeniedException(PlatformRefusal.YOU_SEE_DEADLINES_YOUR_OWN.reason());
    }

    Instant now = clock.now();
    Instant soon =
        calendar.endOfOfficeHours(calendar.addWorkingDays(calendar.dateOf(now), 1).date());

    TaskQuery tasks = engine.getTaskService().createTaskQuery().active();
    switch (state) {
      case "overdue" -> tasks.dueBefore(Date.from(now));
      case "due-soon" ->
          tasks.dueAfter(Date.from(now.minusMillis(1))).dueBefore(Date.from(soon.plusMillis(1)));
      default -> tasks.dueAfter(new Date(0));
    }
    if (procedure != null && !procedure.isBlank()) {
      tasks.processDefinitionKey(procedure);
    }
    if (group != null && !group.isBlank()) {
      tasks.taskCandidateGroup(group).includeAssignedTasks();
    }
    tasks.orderByDueDate().asc().orderByTaskCreateTime().asc();
    // A supervisor reads every task (his group's grant is READ on all tasks): the engine's
    // authorization join would filter nothing and costs most of the query at 100,000 open tasks
    // (docs/benchmarks.md). Everyone else's query stays authorized by the engine.
    long total = seesEverything ? withoutAuthorizationChecks(tasks::count) : tasks.count();
    List<Task> pageOfTasks =
        seesEverything
            ? withoutAuthorizationChecks(() -> tasks.listPage(page * size, size))
            : tasks.listPage(page * size, size);

    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, String> businessKeys =
        businessKeys(
            pageOfTasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
    Map<String, List<Map<String, String>>> candidateGroups =
        candidateGroups(pageOfTasks.stream().map(Task::getId).toList());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Task task : pageOfTasks) {
      Map<String, Object> item =
          entry(
              "task",
              definition(definitions, task.getProcessDefinitionId()),
              task.getProcessInstanceId(),
              businessKeys.get(task.getProcessInstanceId()),
              task.getTaskDefinitionKey(),
              task.getName(),
              task.getDueDate().toInstant(),
              now);
      item.put("taskId", task.getId());
      item.put("assignee", task.getAssignee());
      item.put("candidateGroups", candidateGroups.getOrDefault(task.getId(), List.of()));
      items.add(item);
    }

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("now", now.toString());
    answer.put("state", state);
    answer.put("page", page);
    answer.put("size", size);
    answer.put("total", total);
    answer.put("items", items);
    answer.put(
        "timers",
        seesEverything ? timers(state, procedure, now, soon, size, definitions) : List.of());
    return answer;
  }

  private List<Map<String, Object>> timers(
      String state,
      String procedure,
      Instant now,
      Instant soon,
      int size,
      Map<String, ProcessDefinition> definitions) {
    JobQuery jobs = engine.getManagementService().createJobQuery().timers().active();
    switch (state) {
      case "overdue" -> jobs.duedateLowerThan(Date.from(now));
      case "due-soon" ->
          jobs.duedateHigherThen(Date.from(now.minusMillis(1)))
              .duedateLowerThan(Date.from(soon.plusMillis(1)));
      default -> {}
    }
    if (procedure != null && !procedure.isBlank()) {
      jobs.processDefinitionKey(procedure);
    }
    List<Job> page = jobs.orderByJobDuedate().asc().listPage(0, size);
    Map<String, String> businessKeys =
        businessKeys(page.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet()));
    List<Map<String, Object>> timers = new ArrayList<>();
    for (Job job : page) {
      if (job.getDuedate() == null || job.getProcessInstanceId() == null) {
        continue;
      }
      JobDefinition definition =
          engine
              .getManagementService()
              .createJobDefinitionQuery()
              .jobDefinitionId(job.getJobDefinitionId())
              .singleResult();
      String activityId = definition == null ? null : definition.getActivityId();
      ProcessDefinition process = definition(definitions, job.getProcessDefinitionId());
      timers.add(
          entry(
              "timer",
              process,
              job.getProcessInstanceId(),
              businessKeys.get(job.getProcessInstanceId()),
              activityId,
              activityName(process, activityId),
              job.getDuedate().toInstant(),
              now));
    }
    return timers;
  }

  private Map<String, Object> entry(
      String kind,
      ProcessDefinition process,
      String processInstanceId,
      String businessKey,
      String stepId,
      String step,
      Instant due,
      Instant now) {
    LocalDate today = calendar.dateOf(now);
    LocalDate dueDay = calendar.dateOf(due);
    int workingDaysLeft =
        due.isBefore(now)
            ? -Math.max(1, calendar.workingDaysBetween(dueDay, today))
            : calendar.workingDaysBetween(today, dueDay);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("kind", kind);
    item.put("procedureKey", process == null ? null : process.getKey());
    item.put("procedure", process == null ? null : process.getName());
    item.put("businessKey", businessKey);
    item.put("processInstanceId", processInstanceId);
    item.put("stepId", stepId);
    item.put("step", step);
    item.put("due", due.toString());
    item.put("dueLocal", due.atZone(calendar.zone()).toLocalDateTime().toString());
    item.put("workingDaysLeft", workingDaysLeft);
    item.put(
        "status", due.isBefore(now) ? "overdue" : workingDaysLeft <= 1 ? "due-soon" : "on-time");
    item.put(
        "provisional", !calendar.hasYear(dueDay.getYear()) || !calendar.hasYear(today.getYear()));
    item.put(
        "cockpitUrl",
        "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    return item;
  }

  private ProcessDefinition definition(Map<String, ProcessDefinition> cache, String id) {
    return cache.computeIfAbsent(
        id,
        key ->
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionId(key)
                .singleResult());
  }

  private String activityName(ProcessDefinition process, String activityId) {
    if (process == null || activityId == null) {
      return activityId;
    }
    var element =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(process.getId())
            .getModelElementById(activityId);
    String name = element == null ? null : element.getAttributeValue("name");
    return name == null ? activityId : name;
  }

  /**
   * The business keys of cases whose deadlines the caller was already allowed to see (a case
   * officer may see a task without the right to read its process instance).
   */
  private Map<String, String> businessKeys(Set<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    return withoutAuthorizationChecks(
        () -> {
          Map<String, String> keys = new HashMap<>();
          for (ProcessInstance instance :
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceIds(processInstanceIds)
                  .listPage(0, processInstanceIds.size())) {
            keys.put(instance.getId(), instance.getBusinessKey());
          }
          return keys;
        });
  }

  /**
   * Runs engine queries without the caller's authentication (so without authorization checks), then
   * restores it.
   */
  private <T> T withoutAuthorizationChecks(Supplier<T> query) {
    return AsPlatform.call(engine.getIdentityService(), query);
  }

  /**
   * The candidate groups of a page of tasks in one statement (benchmarks, docs/benchmarks.md: one
   * engine call per task made the page cost 50 round trips). The caller may see these tasks: they
   * came from his authorized task query.
   */
  private Map<String, List<Map<String, String>>> candidateGroups(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Map<String, String>>> groups = new HashMap<>();
    jdbc.query(
        "SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = :type AND GROUP_ID_ IS NOT NULL"
            + " AND TASK_ID_ IN (:tasks)",
        Map.of("type", IdentityLinkType.CANDIDATE, "tasks", taskIds),
        row -> {
          String groupId = row.getString("GROUP_ID_");
          groups
              .computeIfAbsent(row.getString("TASK_ID_"), id -> new ArrayList<>())
              .add(Map.of("id", groupId, "name", groupName(groupId)));
        });
    return groups;
  }

  private static String groupName(String groupId) {
    return FenheGroup.byId(groupId)
        .map(FenheGroup::chineseName)
        .or(() -> County.nameOfGroup(groupId))
        .orElse(groupId);
  }
}
