package cn.gov.linfen.fenhe.supervision;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.engine.DueDateWalk;
import cn.gov.linfen.fenhe.engine.TaskReadCheck;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import cn.gov.linfen.fenhe.workbench.WorkbenchLists;
import cn.gov.linfen.fenhe.workbench.WorkbenchProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadlines for supervisors, and for each group its own work: open user tasks with a due date (and,
 * for supervisors, pending timers), most urgent first, with working days left counted on the
 * working-day calendar. The engine's authorizations decide which tasks a caller sees: a supervisor
 * reads every task; a case officer the tasks the engine's authorized task query gives him, by the
 * engine's rule repeated in SQL ({@link TaskReadCheck}, proven equal to the engine's answer by
 * OfficerDeadlinesVisibilityTest) and walked in due-date order like 待办 ({@link DueDateWalk}): his
 * total is exact up to {@code fenhe.workbench.todo-count-limit} and "at least" beyond ({@code
 * totalAtLeast}).
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
  private final WorkbenchLists lists;
  private final int countLimit;

  public DeadlinesController(
      ProcessEngine engine,
      WorkingDayCalendar calendar,
      NamedParameterJdbcTemplate jdbc,
      FenheClock clock,
      WorkbenchLists lists,
      WorkbenchProperties workbench) {
    this.clock = clock;
    this.engine = engine;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.lists = lists;
    this.countLimit = workbench.todoCountLimit();
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

    DueDateWalk.Page<DueTask> found;
    if (seesEverything) {
      // A supervisor reads every task (his group's grant is READ on all tasks): the engine's
      // authorization join would filter nothing and costs most of the query at 100,000 open
      // tasks (docs/benchmarks.md).
      found =
          withoutAuthorizationChecks(
              () -> byEngine(state, procedure, group, now, soon, page, size));
    } else {
      found = officersTasks(state, procedure, group, now, soon, page, size);
    }
    List<DueTask> pageOfTasks = found.rows();

    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, String> businessKeys =
        businessKeys(
            pageOfTasks.stream()
                .map(DueTask::processInstanceId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    Map<String, List<Map<String, String>>> candidateGroups =
        lists.candidateGroups(pageOfTasks.stream().map(DueTask::id).toList());
    List<Map<String, Object>> items = new ArrayList<>();
    for (DueTask task : pageOfTasks) {
      Map<String, Object> item =
          entry(
              "task",
              definition(definitions, task.processDefinitionId()),
              task.processInstanceId(),
              businessKeys.get(task.processInstanceId()),
              task.stepId(),
              task.name(),
              task.due(),
              now);
      item.put("taskId", task.id());
      item.put("assignee", task.assignee());
      item.put("candidateGroups", candidateGroups.getOrDefault(task.id(), List.of()));
      items.add(item);
    }

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("now", now.toString());
    answer.put("state", state);
    answer.put("page", page);
    answer.put("size", size);
    answer.put("total", found.total());
    // beyond fenhe.workbench.todo-count-limit tasks the total is a lower bound (超过 N 条)
    answer.put("totalAtLeast", found.totalAtLeast());
    answer.put("items", items);
    answer.put(
        "timers",
        seesEverything ? timers(state, procedure, now, soon, size, definitions) : List.of());
    return answer;
  }

  /** An open task with a due date, as the page shows it (a sub-task: its parent's case). */
  record DueTask(
      String id,
      String processDefinitionId,
      String processInstanceId,
      String stepId,
      String name,
      Instant due,
      String assignee) {}

  /**
   * A case officer's deadlines: the tasks the engine's authorized task query would give him ({@link
   * TaskReadCheck}: his, his groups' and global READ grants on the task, READ_TASK on its process
   * definition), walked in due-date order with the total exact up to {@code
   * fenhe.workbench.todo-count-limit} ({@link DueDateWalk}, as 待办). The engine's own query,
   * authorized and exactly counted, took 3–5 s p95 at 100,000 open tasks (docs/benchmarks.md); it
   * still answers when revoke authorizations are in use (the rule is then not repeated here).
   */
  private DueDateWalk.Page<DueTask> officersTasks(
      String state, String procedure, String group, Instant now, Instant soon, int page, int size) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    TaskReadCheck check = TaskReadCheck.of(engine, params);
    if (check.byEngine()) {
      return byEngine(state, procedure, group, now, soon, page, size);
    }
    StringBuilder from =
        new StringBuilder(
            " FROM ACT_RU_TASK t LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
                + " LEFT JOIN ACT_RU_TASK pt ON pt.ID_ = t.PARENT_TASK_ID_"
                + " WHERE t.SUSPENSION_STATE_ = 1");
    // the bounds of the engine's dueBefore / dueAfter (both strict)
    switch (state) {
      case "overdue" -> from.append(" AND t.DUE_DATE_ < :dueBefore");
      case "due-soon" -> from.append(" AND t.DUE_DATE_ > :dueAfter AND t.DUE_DATE_ < :dueBefore");
      default -> from.append(" AND t.DUE_DATE_ > :dueAfter");
    }
    params
        .addValue("dueBefore", Timestamp.from("overdue".equals(state) ? now : soon.plusMillis(1)))
        .addValue(
            "dueAfter",
            "due-soon".equals(state) ? Timestamp.from(now.minusMillis(1)) : new Timestamp(0));
    if (procedure != null && !procedure.isBlank()) {
      from.append(" AND d.KEY_ = :procedure");
      params.addValue("procedure", procedure);
    }
    if (group != null && !group.isBlank()) {
      // the engine's taskCandidateGroup(group).includeAssignedTasks()
      from.append(
          " AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_"
              + " AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ = :group)");
      params.addValue("group", group);
    }
    from.append(check.condition());
    return DueDateWalk.page(
        jdbc,
        "",
        "t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_,"
            + " COALESCE(t.PROC_DEF_ID_, pt.PROC_DEF_ID_) AS DEF_ID,"
            + " COALESCE(t.PROC_INST_ID_, pt.PROC_INST_ID_) AS CASE_ID",
        from.toString(),
        params,
        (long) page * size,
        size,
        countLimit,
        (rs, n) ->
            new DueTask(
                rs.getString("ID_"),
                rs.getString("DEF_ID"),
                rs.getString("CASE_ID"),
                rs.getString("TASK_DEF_KEY_"),
                rs.getString("NAME_"),
                rs.getTimestamp("DUE_DATE_").toInstant(),
                rs.getString("ASSIGNEE_")));
  }

  /**
   * The engine's task query, authorized by the engine for the current authentication (none for a
   * supervisor, see {@link #deadlines}), counted exactly.
   */
  private DueDateWalk.Page<DueTask> byEngine(
      String state, String procedure, String group, Instant now, Instant soon, int page, int size) {
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
    long total = tasks.count();
    List<DueTask> rows = new ArrayList<>();
    for (Task task : tasks.listPage(page * size, size)) {
      rows.add(
          new DueTask(
              task.getId(),
              task.getProcessDefinitionId(),
              task.getProcessInstanceId(),
              task.getTaskDefinitionKey(),
              task.getName(),
              task.getDueDate().toInstant(),
              task.getAssignee()));
    }
    return new DueDateWalk.Page<>(rows, total, false);
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
    if (id == null) {
      return null; // a stand-alone task
    }
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
}
