package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.cases.CaseRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.security.FieldLabels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * One case as the workbench shows it (案件): header, timeline (审批记录), current tasks, the path taken,
 * and the form data read-only. Called after {@code CaseAccess} has decided that the caller takes
 * part in the case, so the engine is read as the platform.
 */
public class CaseView {

  /**
   * A model allows the applicant's 撤回 by waiting for a message whose name ends so
   * (docs/workbench-actions.md).
   */
  public static final String WITHDRAWAL_MESSAGE_SUFFIX = "_WITHDRAWAL_REQUESTED";

  /** The activities the timeline shows (steps a person or a service performs, start and end). */
  static final Set<String> TIMELINE_TYPES =
      Set.of(
          "userTask",
          "serviceTask",
          "sendTask",
          "businessRuleTask",
          "scriptTask",
          "callActivity",
          "manualTask",
          "startEvent",
          "noneEndEvent",
          "terminateEndEvent",
          "errorEndEvent",
          "messageEndEvent");

  private final ProcessEngine engine;
  private final WorkbenchLists lists;
  private final CaseEvents events;
  private final CaseCopies copies;
  private final PersonNames names;
  private final WorkbenchProperties properties;

  public CaseView(
      ProcessEngine engine,
      WorkbenchLists lists,
      CaseEvents events,
      CaseCopies copies,
      PersonNames names,
      WorkbenchProperties properties) {
    this.engine = engine;
    this.lists = lists;
    this.events = events;
    this.copies = copies;
    this.names = names;
    this.properties = properties;
  }

  /** The whole case; reading it marks the caller's copy of it (抄送) read. */
  public Map<String, Object> view(FenheUser user, CaseRef ref) {
    Map<String, Object> answer =
        AsPlatform.call(engine.getIdentityService(), () -> read(user, ref));
    copies.markRead(user.id(), ref.processInstanceId());
    return answer;
  }

  /** The model and the states of its elements. */
  public Map<String, Object> diagram(CaseRef ref) {
    return AsPlatform.call(
        engine.getIdentityService(),
        () -> {
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("processDefinitionId", ref.processDefinitionId());
          try (InputStream xml =
              engine.getRepositoryService().getProcessModel(ref.processDefinitionId())) {
            answer.put("xml", new String(xml.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new IllegalStateException("the model cannot be read", e);
          }
          answer.putAll(highlights(ref, activities(ref)));
          return answer;
        });
  }

  private Map<String, Object> read(FenheUser user, CaseRef ref) {
    String instance = ref.processInstanceId();
    HistoricProcessInstance process =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult();
    ProcessDefinition definition =
        engine.getRepositoryService().getProcessDefinition(ref.processDefinitionId());
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .orderByTaskCreateTime()
            .asc()
            .list();
    List<HistoricActivityInstance> activities = activities(ref);
    List<HistoricVariableInstance> variables =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance)
            .disableCustomObjectDeserialization()
            .list();

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("header", header(ref, process, definition, tasks, variables));
    answer.put("role", ref.role().name().toLowerCase(java.util.Locale.ROOT));
    answer.put("mayAct", ref.mayAct());
    answer.put("mayWithdraw", mayWithdraw(ref));
    answer.put("steps", steps(instance, withCalledSteps(process, activities)));
    answer.put("currentTasks", currentTasks(user, ref, tasks));
    answer.put("highlights", highlights(ref, activities));
    answer.put("variables", variables(instance, variables));
    answer.put("names", names(answer));
    return answer;
  }

  /** The applicant may withdraw now: the case waits for its model's withdrawal message. */
  private boolean mayWithdraw(CaseRef ref) {
    return ref.role() == CaseRole.APPLICANT
        && !ref.ended()
        && engine
            .getRuntimeService()
            .createEventSubscriptionQuery()
            .processInstanceId(ref.processInstanceId())
            .eventType("message")
            .list()
            .stream()
            .anyMatch(
                e ->
                    e.getEventName() != null
                        && e.getEventName().endsWith(WITHDRAWAL_MESSAGE_SUFFIX));
  }

  /** The keys of a case answer whose value is a user id. */
  private static final Set<String> PERSON =
      Set.of("assignee", "actor", "targetUserId", "owner", "applicantUserId");

  /** The keys of a case answer whose value is a list of user ids. */
  private static final Set<String> PERSONS = Set.of("candidateUsers");

  /**
   * The display names (姓名, as the identity holds them) of every user the answer mentions, so that
   * the page shows people, not accounts, whoever reads the case; a user without a name (or no
   * longer known) is named by his id.
   */
  private Map<String, String> names(Map<String, Object> answer) {
    Set<String> ids = new LinkedHashSet<>();
    collectPeople(answer, ids);
    return names.of(ids);
  }

  private static void collectPeople(Object value, Set<String> ids) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (PERSON.contains(key) && entry.getValue() instanceof String id) {
          ids.add(id);
        } else if (PERSONS.contains(key) && entry.getValue() instanceof Iterable<?> list) {
          list.forEach(
              id -> {
                if (id instanceof String user) {
                  ids.add(user);
                }
              });
        } else {
          collectPeople(entry.getValue(), ids);
        }
      }
    } else if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        collectPeople(item, ids);
      }
    }
  }

  private Map<String, Object> header(
      CaseRef ref,
      HistoricProcessInstance process,
      ProcessDefinition definition,
      List<Task> tasks,
      List<HistoricVariableInstance> variables) {
    String nameVariable = properties.applicantNameVariable(ref.processDefinitionKey());
    String applicantName = null;
    for (HistoricVariableInstance variable : variables) {
      if (nameVariable.equals(variable.getName())
          && ref.processInstanceId().equals(variable.getActivityInstanceId())
          && variable.getValue() instanceof String text) {
        applicantName = text;
      }
    }
    CaseState state = state(process);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("businessKey", ref.businessKey());
    header.put("processInstanceId", ref.processInstanceId());
    header.put("procedureKey", ref.processDefinitionKey());
    header.put("procedure", definition.getName());
    header.put("applicant", applicantName);
    header.put("applicantUserId", ref.startUserId());
    header.put("state", state.code());
    header.put("stateLabel", state.label());
    header.put("started", text(process.getStartTime()));
    header.put("ended", text(process.getEndTime()));
    Date deadline =
        tasks.stream()
            .map(Task::getDueDate)
            .filter(d -> d != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    header.put("deadline", text(deadline));
    return header;
  }

  private CaseState state(HistoricProcessInstance process) {
    if (process.getEndTime() == null) {
      return CaseState.RUNNING;
    }
    boolean withdrawEvent =
        events.forCase(process.getId()).stream()
            .anyMatch(e -> e.action() == CaseEvent.Action.WITHDRAW);
    String end = process.getEndActivityId();
    if (withdrawEvent || end != null && end.contains("Withdrawn")) {
      return CaseState.WITHDRAWN;
    }
    return HistoricProcessInstance.STATE_COMPLETED.equals(process.getState())
        ? CaseState.COMPLETED
        : CaseState.TERMINATED;
  }

  private List<HistoricActivityInstance> activities(CaseRef ref) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(ref.processInstanceId())
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list();
  }

  /** The steps of a called process the timeline shows: its tasks, not its start and end. */
  static final Set<String> CALLED_TYPES =
      TIMELINE_TYPES.stream()
          .filter(type -> !type.endsWith("Event"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * The case's activities and the steps of the processes it called (call activities, at any depth),
   * in start order: two statements whatever the number of steps and called processes — the process
   * instances of the case's root (ACT_HI_PROCINST by ROOT_PROC_INST_ID_, indexed by the engine), of
   * which the descendants of the case are kept, then their activities (ACT_HI_ACTINST by
   * ROOT_PROC_INST_ID_, indexed as well).
   */
  private List<HistoricActivityInstance> withCalledSteps(
      HistoricProcessInstance process, List<HistoricActivityInstance> activities) {
    if (activities.stream().noneMatch(a -> "callActivity".equals(a.getActivityType()))) {
      return activities;
    }
    String root =
        process.getRootProcessInstanceId() == null
            ? process.getId()
            : process.getRootProcessInstanceId();
    Set<String> called = lists.calledProcessInstances(root, process.getId());
    if (called.isEmpty()) {
      return activities;
    }
    List<HistoricActivityInstance> all = new ArrayList<>(activities);
    engine
        .getHistoryService()
        .createNativeHistoricActivityInstanceQuery()
        .sql(
            "SELECT * FROM "
                + engine.getManagementService().getTableName(HistoricActivityInstance.class)
                + " WHERE ROOT_PROC_INST_ID_ = #{root}"
                + " ORDER BY START_TIME_ ASC, SEQUENCE_COUNTER_ ASC")
        .parameter("root", root)
        .list()
        .stream()
        .filter(a -> called.contains(a.getProcessInstanceId()))
        .filter(a -> CALLED_TYPES.contains(a.getActivityType()))
        .forEach(all::add);
    all.sort(Comparator.comparing(HistoricActivityInstance::getStartTime));
    return all;
  }

  /** The timeline: steps and the workbench's events, in time order. */
  private List<Map<String, Object>> steps(
      String instance, List<HistoricActivityInstance> activities) {
    List<HistoricActivityInstance> shown =
        activities.stream().filter(a -> TIMELINE_TYPES.contains(a.getActivityType())).toList();
    Map<String, String> taskActivities = new HashMap<>();
    for (HistoricActivityInstance activity : shown) {
      if (activity.getTaskId() != null && activity.getEndTime() != null) {
        taskActivities.put(activity.getTaskId(), activity.getId());
      }
    }
    Map<String, WorkbenchLists.Decision> decisions = lists.decisions(taskActivities);
    // a step completed without being claimed (engine REST, Java API) has no assignee in the
    // history: who completed it is in the engine's user operation log
    Map<String, String> completers =
        lists.completers(
            shown.stream()
                .filter(a -> a.getTaskId() != null && a.getEndTime() != null)
                .filter(a -> a.getAssignee() == null && !a.isCanceled())
                .map(HistoricActivityInstance::getTaskId)
                .toList());
    List<Object[]> timeline = new ArrayList<>();
    for (HistoricActivityInstance activity : shown) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("kind", "step");
      step.put("activityId", activity.getActivityId());
      step.put("activityType", activity.getActivityType());
      step.put("name", activity.getActivityName());
      step.put("taskId", activity.getTaskId());
      step.put(
          "assignee",
          activity.getAssignee() != null
              ? activity.getAssignee()
              : completers.get(activity.getTaskId()));
      step.put("started", text(activity.getStartTime()));
      step.put("ended", text(activity.getEndTime()));
      String status =
          activity.getEndTime() == null ? "open" : activity.isCanceled() ? "cancelled" : "done";
      step.put("status", status);
      WorkbenchLists.Decision decision =
          activity.getTaskId() == null ? null : decisions.get(activity.getTaskId());
      step.put("approved", decision == null ? null : decision.approved());
      step.put("opinion", decision == null ? null : decision.opinion());
      Instant at =
          (activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime())
              .toInstant();
      timeline.add(new Object[] {at, activity.getEndTime() == null ? 1 : 0, step});
    }
    for (CaseEvent event : events.forCase(instance)) {
      if (event.action() == CaseEvent.Action.COMPLETE
          && taskActivities.containsKey(event.taskId())) {
        continue; // the step itself shows the completion
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("kind", "event");
      entry.put("action", event.action().code());
      entry.put("actionLabel", event.action().label());
      entry.put("activityId", event.activityId());
      entry.put("name", event.activityName());
      entry.put("taskId", event.taskId());
      entry.put("actor", event.actor());
      entry.put("targetUserId", event.targetUserId());
      entry.put("targetGroupId", event.targetGroupId());
      entry.put(
          "targetGroup",
          event.targetGroupId() == null ? null : WorkbenchLists.groupName(event.targetGroupId()));
      entry.put("reason", event.reason());
      entry.put("at", event.createdAt().toString());
      timeline.add(new Object[] {event.createdAt(), 0, entry});
    }
    timeline.sort(
        Comparator.<Object[], Integer>comparing(row -> (Integer) row[1])
            .thenComparing(row -> (Instant) row[0]));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Object[] row : timeline) {
      @SuppressWarnings("unchecked")
      Map<String, Object> step = (Map<String, Object>) row[2];
      steps.add(step);
    }
    return steps;
  }

  private List<Map<String, Object>> currentTasks(FenheUser user, CaseRef ref, List<Task> tasks) {
    List<Map<String, Object>> current = new ArrayList<>();
    for (Task task : tasks) {
      List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      List<Map<String, String>> groups = new ArrayList<>();
      List<String> users = new ArrayList<>();
      boolean candidate = false;
      for (IdentityLink link : links) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getGroupId() != null) {
          groups.add(
              Map.of("id", link.getGroupId(), "name", WorkbenchLists.groupName(link.getGroupId())));
          candidate |= user.groupIds().contains(link.getGroupId());
        }
        if (link.getUserId() != null) {
          users.add(link.getUserId());
          candidate |= user.id().equals(link.getUserId());
        }
      }
      boolean holds =
          user.id().equals(task.getAssignee()) || task.getAssignee() == null && candidate;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", task.getId());
      item.put("name", task.getName());
      item.put("activityId", task.getTaskDefinitionKey());
      item.put("assignee", task.getAssignee());
      item.put("owner", task.getOwner());
      item.put(
          "delegated",
          task.getDelegationState() != null && "PENDING".equals(task.getDelegationState().name()));
      item.put("candidateGroups", groups);
      item.put("candidateUsers", users);
      item.put("created", text(task.getCreateTime()));
      item.put("due", text(task.getDueDate()));
      item.put("suspended", task.isSuspended());
      item.put("mayAct", ref.mayAct() && holds && !task.isSuspended());
      current.add(item);
    }
    return current;
  }

  /**
   * Finished and current activity ids, and the sequence flows taken: a flow is taken when its
   * source finished no later than its target started (the engine's history has no flows).
   */
  private Map<String, Object> highlights(CaseRef ref, List<HistoricActivityInstance> activities) {
    Set<String> finished = new LinkedHashSet<>();
    Set<String> current = new LinkedHashSet<>();
    Map<String, List<HistoricActivityInstance>> byId = new HashMap<>();
    for (HistoricActivityInstance activity : activities) {
      byId.computeIfAbsent(activity.getActivityId(), k -> new ArrayList<>()).add(activity);
      if (activity.getEndTime() == null) {
        current.add(activity.getActivityId());
      } else if (!activity.isCanceled()) {
        finished.add(activity.getActivityId());
      }
    }
    Set<String> flows = new LinkedHashSet<>();
    BpmnModelInstance model =
        engine.getRepositoryService().getBpmnModelInstance(ref.processDefinitionId());
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<HistoricActivityInstance> sources = byId.get(flow.getSource().getId());
      List<HistoricActivityInstance> targets = byId.get(flow.getTarget().getId());
      if (sources == null || targets == null) {
        continue;
      }
      boolean taken =
          sources.stream()
              .filter(s -> s.getEndTime() != null)
              .anyMatch(
                  s -> targets.stream().anyMatch(t -> !t.getStartTime().before(s.getEndTime())));
      if (taken) {
        flows.add(flow.getId());
      }
    }
    Map<String, Object> highlights = new LinkedHashMap<>();
    highlights.put("finished", List.copyOf(finished));
    highlights.put("current", List.copyOf(current));
    highlights.put("flows", List.copyOf(flows));
    return highlights;
  }

  /**
   * The case's form data: the process-level variables that a form asks for, with the form's Chinese
   * label; plain values only (text, numbers, yes/no, dates).
   */
  private List<Map<String, Object>> variables(
      String instance, List<HistoricVariableInstance> variables) {
    List<Map<String, Object>> shown = new ArrayList<>();
    for (HistoricVariableInstance variable : variables) {
      if (!instance.equals(variable.getActivityInstanceId())) {
        continue;
      }
      var label = FieldLabels.label(variable.getName());
      // a serialized Java object (e.g. P1's reviewerGroups, a DMN's collected list) is read without
      // being deserialized: not a value a person reads, and getValue() would throw
      if (label.isEmpty() || "object".equals(variable.getTypeName())) {
        continue;
      }
      Object value = variable.getValue();
      if (!plain(value)) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", variable.getName());
      item.put("label", label.get());
      item.put("value", value instanceof Date date ? date.toInstant().toString() : value);
      item.put("type", variable.getTypeName());
      shown.add(item);
    }
    shown.sort(Comparator.comparing(item -> (String) item.get("name")));
    return shown;
  }

  private static boolean plain(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Date;
  }

  private static String text(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
