package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.cases.CaseRole;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.engine.validation.Refusals;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.workbench.CaseCopies;
import cn.gov.linfen.fenhe.workbench.CaseEvent;
import cn.gov.linfen.fenhe.workbench.CaseEvent.Action;
import cn.gov.linfen.fenhe.workbench.CaseEvents;
import cn.gov.linfen.fenhe.workbench.CaseView;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notification.Notice;
import cn.gov.linfen.fenhe.workbench.Notifications;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval actions of the workbench (工作台) on a task: who may do what is decided here, on the
 * server, before anything changes; each action then runs in one transaction with its timeline entry
 * ({@link CaseEvents}) and its notifications. Engine calls whose access is decided here run as the
 * platform ({@link AsPlatform}); the completion runs as the caller, through every check of the
 * engine (TaskWorkGuard, the models' TaskCompletionChecks, the {@link SignerGuard}). The semantics
 * are in docs/workbench-actions.md.
 */
public class TaskActions {

  /** The longest reason, opinion, note or message (characters). */
  static final int TEXT_LIMIT = 2000;

  /** How often one user may urge one task. */
  static final Duration URGE_INTERVAL = Duration.ofHours(24);

  /** Message names of a model's withdrawal (e.g. P1's {@code P1_WITHDRAWAL_REQUESTED}). */
  static final String WITHDRAWAL_MESSAGE_SUFFIX = CaseView.WITHDRAWAL_MESSAGE_SUFFIX;

  static final String BEFORE = "before";
  static final String AFTER = "after";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final CaseAccess cases;
  private final CaseEvents events;
  private final Notifications notifications;
  private final CaseCopies copies;
  private final AuditLog audit;
  private final FenheClock clock;
  private final TransactionTemplate transactions;
  private final ReturnTargets returnTargets;
  private final PersonNames names;

  public TaskActions(
      ProcessEngine engine,
      CaseAccess cases,
      CaseEvents events,
      Notifications notifications,
      CaseCopies copies,
      PersonNames names,
      AuditLog audit,
      FenheClock clock,
      PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.cases = cases;
    this.events = events;
    this.notifications = notifications;
    this.copies = copies;
    this.names = names;
    this.audit = audit;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.returnTargets = new ReturnTargets(engine);
  }

  /** The task acted on, its case as the caller sees it, and its parent (a signer's sub-task). */
  record Acting(Task task, CaseRef ref, Task parent) {
    boolean signerTask() {
      return parent != null;
    }

    /** The task of the model (the parent of a signer's sub-task). */
    Task step() {
      return parent != null ? parent : task;
    }
  }

  // ------------------------------------------------------------------ claim, unclaim

  public Map<String, Object> claim(FenheUser user, String taskId) {
    Acting acting = load(user, taskId);
    mayChange(acting);
    if (acting.ref().role() == CaseRole.READER) {
      throw ActionRefused.forbidden(ActionRefusal.READERS_READ_ONLY.at("user"));
    }
    notSignerTask(acting);
    Task task = acting.task();
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(user.id())) {
        return answer(task, "claim");
      }
      throw ActionRefused.conflict(
          ActionRefusal.ALREADY_CLAIMED.at("taskId", names.of(task.getAssignee())));
    }
    if (!isCandidate(user, task)) {
      throw ActionRefused.forbidden(ActionRefusal.NOT_CANDIDATE.at("taskId"));
    }
    inTransaction(
        () -> {
          platformRun(() -> taskService().claim(taskId, user.id()));
          record(acting, Action.CLAIM, user, null, null, null);
        });
    return answer(task, "claim");
  }

  public Map<String, Object> unclaim(FenheUser user, String taskId) {
    Acting acting = holder(user, taskId, "取消签收", "unclaim");
    notSignerTask(acting);
    notDelegated(acting);
    Task task = acting.task();
    if (candidates(task).isEmpty()) {
      throw ActionRefused.conflict(ActionRefusal.NOT_CLAIMABLE.at("taskId"));
    }
    inTransaction(
        () -> {
          platformRun(() -> taskService().setAssignee(taskId, null));
          record(acting, Action.UNCLAIM, user, null, null, null);
        });
    return answer(task, "unclaim");
  }

  // ------------------------------------------------------------------ transfer, delegate, resolve

  /** 转办 and 委派: the task handed to a colleague of its groups, who is told why. */
  private enum HandOver {
    TRANSFER("转办", "transfer", Action.TRANSFER, Kind.TASK_TRANSFERRED, "转办给您"),
    DELEGATE("委派", "delegate", Action.DELEGATE, Kind.TASK_DELEGATED, "委派给您办理，办理后交回");

    final String chinese;
    final String english;
    final Action action;
    final Kind kind;
    final String told;

    HandOver(String chinese, String english, Action action, Kind kind, String told) {
      this.chinese = chinese;
      this.english = english;
      this.action = action;
      this.kind = kind;
      this.told = told;
    }

    void apply(TaskService tasks, String taskId, String to) {
      if (this == TRANSFER) {
        tasks.setAssignee(taskId, to);
      } else {
        tasks.delegateTask(taskId, to);
      }
    }
  }

  public Map<String, Object> transfer(FenheUser user, String taskId, String userId, String reason) {
    return handOver(HandOver.TRANSFER, user, taskId, userId, reason);
  }

  public Map<String, Object> delegate(FenheUser user, String taskId, String userId, String reason) {
    Map<String, Object> answer = handOver(HandOver.DELEGATE, user, taskId, userId, reason);
    answer.put("owner", user.id());
    return answer;
  }

  private Map<String, Object> handOver(
      HandOver how, FenheUser user, String taskId, String userId, String reason) {
    Acting acting = holder(user, taskId, how.chinese, how.english);
    notSignerTask(acting);
    notDelegated(acting);
    String text = required(reason, "reason", how.chinese + "原因");
    String to = colleague(user, acting.task(), userId, how.chinese, how.english);
    Task task = acting.task();
    inTransaction(
        () -> {
          platformRun(() -> how.apply(taskService(), taskId, to));
          record(acting, how.action, user, to, null, text);
          tell(
              to,
              how.kind,
              acting,
              how.chinese + "给您：" + task.getName(),
              names.of(user.id())
                  + " 将"
                  + about(acting)
                  + how.told
                  + "。"
                  + how.chinese
                  + "原因："
                  + text);
        });
    Map<String, Object> answer = answer(task, how.english);
    answer.put("assignee", to);
    return answer;
  }

  public Map<String, Object> resolve(FenheUser user, String taskId, String opinion) {
    Acting acting = holder(user, taskId, "交回", "resolve");
    Task task = acting.task();
    if (task.getDelegationState() != DelegationState.PENDING) {
      throw ActionRefused.conflict(ActionRefusal.NOT_DELEGATED.at("taskId"));
    }
    String text = required(opinion, "opinion", "办理意见");
    String owner = task.getOwner();
    inTransaction(
        () -> {
          platformRun(() -> taskService().resolveTask(taskId));
          record(acting, Action.RESOLVE, user, owner, null, text);
          if (owner != null) {
            tell(
                owner,
                Kind.DELEGATION_RESOLVED,
                acting,
                "委派已办结：" + task.getName(),
                names.of(user.id()) + " 已办理您委派的“" + task.getName() + "”并交回，请确认后办结。意见：" + text);
          }
        });
    Map<String, Object> answer = answer(task, "resolve");
    answer.put("assignee", owner);
    return answer;
  }

  // ------------------------------------------------------------------ add and remove signers

  public Map<String, Object> addSigner(
      FenheUser user, String taskId, String userId, String position, String reason) {
    Acting acting = holder(user, taskId, "加签", "add a signer to");
    notSignerTask(acting);
    notDelegated(acting);
    if (!BEFORE.equals(position) && !AFTER.equals(position)) {
      throw ActionRefused.badRequest(ActionRefusal.POSITION_INVALID.at("position"));
    }
    String text = required(reason, "reason", "加签原因");
    String signer = existingOther(user, userId, "加签", "add as signer");
    Task task = acting.task();
    String label = BEFORE.equals(position) ? "【他先办】" : "【我办完再给他】";
    if (BEFORE.equals(position)) {
      boolean already = openSubTasks(taskId).stream().anyMatch(s -> signer.equals(s.getAssignee()));
      if (already) {
        throw ActionRefused.conflict(
            ActionRefusal.SIGNER_ALREADY_ADDED.at("userId", names.of(signer)));
      }
    } else {
      Object existing =
          platform(() -> taskService().getVariableLocal(taskId, SignerGuard.AFTER_SIGNER));
      if (existing != null) {
        throw ActionRefused.conflict(
            ActionRefusal.AFTER_SIGNER_EXISTS.at("userId", names.of(existing.toString())));
      }
    }
    String[] subTaskId = new String[1];
    inTransaction(
        () -> {
          if (BEFORE.equals(position)) {
            platformRun(
                () -> {
                  Task sub = taskService().newTask();
                  sub.setParentTaskId(taskId);
                  sub.setName("加签：" + task.getName());
                  sub.setDescription(text);
                  sub.setOwner(user.id());
                  sub.setAssignee(signer);
                  sub.setDueDate(task.getDueDate());
                  taskService().saveTask(sub);
                  subTaskId[0] = sub.getId();
                });
          } else {
            platformRun(
                () ->
                    taskService()
                        .setVariablesLocal(
                            taskId,
                            Map.of(
                                SignerGuard.AFTER_SIGNER,
                                signer,
                                SignerGuard.AFTER_SIGNER_ADDED_BY,
                                user.id())));
          }
          record(acting, Action.ADD_SIGNER, user, signer, null, label + text);
          tell(
              signer,
              Kind.SIGNER_ADDED,
              acting,
              "加签：" + task.getName(),
              names.of(user.id())
                  + " 在"
                  + about(acting)
                  + "加签您"
                  + (BEFORE.equals(position) ? "先行办理" : "在其办理后办理")
                  + "。加签原因："
                  + text);
        });
    Map<String, Object> answer = answer(task, "add-signer");
    answer.put("signer", signer);
    answer.put("position", position);
    if (subTaskId[0] != null) {
      answer.put("signerTaskId", subTaskId[0]);
    }
    return answer;
  }

  public Map<String, Object> removeSigner(FenheUser user, String taskId, String userId) {
    Acting acting = holder(user, taskId, "减签", "remove a signer of");
    notSignerTask(acting);
    String signer = required(userId, "userId", "减签人");
    Optional<Task> before =
        openSubTasks(taskId).stream().filter(s -> signer.equals(s.getAssignee())).findFirst();
    Object after = platform(() -> taskService().getVariableLocal(taskId, SignerGuard.AFTER_SIGNER));
    if (before.isEmpty() && !signer.equals(after)) {
      throw ActionRefused.conflict(ActionRefusal.SIGNER_NOT_PENDING.at("userId", names.of(signer)));
    }
    inTransaction(
        () -> {
          if (before.isPresent()) {
            platformRun(() -> taskService().deleteTask(before.get().getId(), "减签"));
          } else {
            platformRun(() -> clearAfterSigner(taskId));
          }
          record(acting, Action.REMOVE_SIGNER, user, signer, null, null);
        });
    Map<String, Object> answer = answer(acting.task(), "remove-signer");
    answer.put("signer", signer);
    return answer;
  }

  // ------------------------------------------------------------------ copy, urge

  public Map<String, Object> cc(
      FenheUser user, String taskId, List<String> userIds, List<String> groupIds, String note) {
    Acting acting = holder(user, taskId, "抄送", "copy the case of");
    List<String> users = userIds == null ? List.of() : userIds;
    List<String> groups = groupIds == null ? List.of() : groupIds;
    if (users.isEmpty() && groups.isEmpty()) {
      throw ActionRefused.badRequest(ActionRefusal.CC_NOBODY.at("userIds"));
    }
    for (String id : users) {
      if (!userExists(id)) {
        throw ActionRefused.badRequest(ActionRefusal.USER_UNKNOWN.at("userIds", id));
      }
    }
    IdentityService identity = engine.getIdentityService();
    for (String id : groups) {
      if (id == null || platform(() -> identity.createGroupQuery().groupId(id).count()) == 0) {
        throw ActionRefused.badRequest(ActionRefusal.GROUP_UNKNOWN.at("groupIds", id));
      }
    }
    String text = optional(note, "note", "抄送说明");
    Task task = acting.step();
    List<String> added = new ArrayList<>();
    inTransaction(
        () -> {
          CaseRef ref = acting.ref();
          added.addAll(
              copies.copy(
                  ref.processInstanceId(), ref.businessKey(), users, groups, user.id(), text));
          for (String id : users) {
            record(acting, Action.CC, user, id, null, text);
          }
          for (String id : groups) {
            record(acting, Action.CC, user, null, id, text);
          }
          notifications.notifyUsers(
              added,
              notice(
                  Kind.CASE_COPIED,
                  acting,
                  "抄送：案件 " + ref.businessKey(),
                  names.of(user.id())
                      + " 在办理“"
                      + task.getName()
                      + "”时将案件 "
                      + ref.businessKey()
                      + " 抄送给您，供您查阅。"
                      + (text == null ? "" : "说明：" + text)));
        });
    Map<String, Object> answer = answer(acting.task(), "cc");
    answer.put("copiedTo", added);
    return answer;
  }

  public Map<String, Object> urge(FenheUser user, String taskId, String message) {
    Acting acting = load(user, taskId);
    mayChange(acting);
    if (acting.ref().role() == CaseRole.READER) {
      throw ActionRefused.forbidden(ActionRefusal.READERS_READ_ONLY.at("user"));
    }
    Task task = acting.task();
    if (user.id().equals(task.getAssignee())) {
      throw ActionRefused.conflict(ActionRefusal.URGE_OWN_TASK.at("taskId"));
    }
    String text = optional(message, "message", "催办内容");
    String said = text == null ? "请尽快办理。" : text;
    Instant now = clock.now();
    Optional<CaseEvent> recent =
        events.forTask(taskId).stream()
            .filter(e -> e.action() == Action.URGE && user.id().equals(e.actor()))
            .filter(e -> e.createdAt().isAfter(now.minus(URGE_INTERVAL)))
            .reduce((a, b) -> b);
    if (recent.isPresent()) {
      Instant at = recent.get().createdAt();
      long wait = Duration.between(now, at.plus(URGE_INTERVAL)).toSeconds();
      String when =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.zone()).format(at);
      throw new ActionRefused(
          429, ActionRefusal.URGE_TOO_SOON.at("taskId", when), Math.max(1, wait));
    }
    List<IdentityLink> candidates = candidates(task);
    List<String> users =
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList();
    List<String> groups =
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    String assignee = task.getAssignee();
    List<String> told = new ArrayList<>();
    inTransaction(
        () -> {
          record(
              acting,
              Action.URGE,
              user,
              assignee,
              assignee == null && !groups.isEmpty() ? groups.get(0) : null,
              said);
          Notice notice =
              notice(
                  Kind.URGED,
                  acting,
                  "催办：" + task.getName(),
                  names.of(user.id()) + " 催办" + about(acting) + "：" + said);
          if (assignee != null) {
            notifications.notifyUser(assignee, notice).ifPresent(n -> told.add(assignee));
          } else {
            List<String> all = new ArrayList<>(users);
            all.addAll(notifications.members(groups));
            all.remove(user.id());
            notifications.notifyUsers(all, notice).forEach(n -> told.add(n.userId()));
          }
        });
    Map<String, Object> answer = answer(task, "urge");
    answer.put("urged", told);
    return answer;
  }

  // ------------------------------------------------------------------ the task's case

  /**
   * The case a task belongs to (business key, procedure) for the task screen: officers read no
   * process instance of the engine; a participant of the case reads it here, anybody else gets the
   * same 404 as for every action.
   */
  public Map<String, Object> caseOf(FenheUser user, String taskId) {
    Acting acting = load(user, taskId);
    CaseRef ref = acting.ref();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("taskId", taskId);
    answer.put("businessKey", ref.businessKey());
    answer.put("processInstanceId", ref.processInstanceId());
    answer.put("procedureKey", ref.processDefinitionKey());
    // a signer's sub-task (加签, 他先办) belongs to the case of its step: the screen names the step
    answer.put("stepTaskId", acting.step().getId());
    answer.put("step", acting.step().getName());
    answer.put("signerTask", acting.signerTask());
    return answer;
  }

  // ------------------------------------------------------------------ return, withdraw

  public List<Map<String, Object>> returnTargets(FenheUser user, String taskId) {
    Acting acting = holder(user, taskId, "退回", "return");
    notSignerTask(acting);
    List<ReturnTargets.Target> targets = platform(() -> returnTargets.of(acting.task()));
    Map<String, String> people =
        names.of(targets.stream().map(ReturnTargets.Target::lastAssignee).toList());
    return targets.stream()
        .map(
            t -> {
              Map<String, Object> target = new LinkedHashMap<>();
              target.put("activityId", t.activityId());
              target.put("name", t.name());
              target.put("lastAssignee", t.lastAssignee());
              target.put("lastAssigneeName", people.get(t.lastAssignee()));
              return target;
            })
        .toList();
  }

  public Map<String, Object> returnTo(
      FenheUser user, String taskId, String targetActivityId, String reason) {
    Acting acting = holder(user, taskId, "退回", "return");
    notSignerTask(acting);
    notDelegated(acting);
    String target = required(targetActivityId, "targetActivityId", "退回到的步骤");
    String text = required(reason, "reason", "退回原因");
    Task task = acting.task();
    ReturnTargets.Target chosen =
        platform(() -> returnTargets.of(task)).stream()
            .filter(t -> t.activityId().equals(target))
            .findFirst()
            .orElseThrow(
                () ->
                    ActionRefused.badRequest(
                        ActionRefusal.RETURN_TARGET_INVALID.at("targetActivityId")));
    String processInstanceId = task.getProcessInstanceId();
    String[] newTaskId = new String[1];
    inTransaction(
        () -> {
          platformRun(
              () -> {
                RuntimeService runtime = engine.getRuntimeService();
                ActivityInstance scope = scopeInstance(runtime, task);
                ProcessInstanceModificationBuilder modification =
                    runtime.createProcessInstanceModification(processInstanceId);
                modification.startBeforeActivity(target, scope.getId());
                for (ActivityInstance child : scope.getChildActivityInstances()) {
                  modification.cancelActivityInstance(child.getId());
                }
                for (TransitionInstance child : scope.getChildTransitionInstances()) {
                  modification.cancelTransitionInstance(child.getId());
                }
                modification.execute();
                Task again =
                    taskService()
                        .createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(target)
                        .list()
                        .stream()
                        .findFirst()
                        .orElse(null);
                if (again != null) {
                  newTaskId[0] = again.getId();
                  if (again.getAssignee() == null && chosen.lastAssignee() != null) {
                    taskService().setAssignee(again.getId(), chosen.lastAssignee());
                  }
                }
              });
          record(
              acting,
              Action.RETURN,
              user,
              chosen.lastAssignee(),
              null,
              "退回至“" + chosen.name() + "”：" + text);
          if (chosen.lastAssignee() != null) {
            notifications.notifyUser(
                chosen.lastAssignee(),
                Notice.of(
                    Kind.TASK_RETURNED,
                    acting.ref().businessKey(),
                    acting.ref().processInstanceId(),
                    newTaskId[0],
                    "退回给您：" + chosen.name(),
                    names.of(user.id())
                        + " 在“"
                        + task.getName()
                        + "”将案件 "
                        + acting.ref().businessKey()
                        + " 退回至“"
                        + chosen.name()
                        + "”，请重新办理。退回原因："
                        + text));
          }
        });
    Map<String, Object> answer = answer(task, "return");
    answer.put("targetActivityId", target);
    answer.put("newTaskId", newTaskId[0]);
    answer.put("assignee", chosen.lastAssignee());
    return answer;
  }

  /** The activity instance of the stage the task is in (its sub-process, or the process). */
  private static ActivityInstance scopeInstance(RuntimeService runtime, Task task) {
    ActivityInstance root = runtime.getActivityInstance(task.getProcessInstanceId());
    List<ActivityInstance> path = new ArrayList<>();
    if (!pathTo(root, task, path)) {
      throw ActionRefused.notFound(ActionRefusal.TASK_NOT_FOUND.at("taskId"));
    }
    // path: root … task's instance; the stage is the nearest ancestor that is not a
    // multi-instance body
    for (int i = path.size() - 2; i > 0; i--) {
      if (!path.get(i).getActivityId().endsWith("#multiInstanceBody")) {
        return path.get(i);
      }
    }
    return root;
  }

  private static boolean pathTo(ActivityInstance node, Task task, List<ActivityInstance> path) {
    path.add(node);
    if (task.getTaskDefinitionKey().equals(node.getActivityId())
        && List.of(node.getExecutionIds()).contains(task.getExecutionId())) {
      return true;
    }
    for (ActivityInstance child : node.getChildActivityInstances()) {
      if (pathTo(child, task, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  /** 撤回 by a task of the case. */
  public Map<String, Object> withdrawByTask(FenheUser user, String taskId, String reason) {
    Acting acting = load(user, taskId);
    return withdraw(user, acting.ref(), reason);
  }

  /** 撤回 by the case's business key. */
  public Map<String, Object> withdrawByBusinessKey(
      FenheUser user, String businessKey, String reason) {
    CaseRef ref =
        cases
            .find(user, businessKey)
            .orElseThrow(
                () -> ActionRefused.notFound(ActionRefusal.CASE_NOT_FOUND.at("businessKey")));
    return withdraw(user, ref, reason);
  }

  private Map<String, Object> withdraw(FenheUser user, CaseRef ref, String reason) {
    if (ref.role() == CaseRole.SUPERVISOR) {
      throw ActionRefused.forbidden(ActionRefusal.SUPERVISORS_READ_ONLY.at("user"));
    }
    if (ref.role() != CaseRole.APPLICANT) {
      throw ActionRefused.forbidden(ActionRefusal.WITHDRAW_APPLICANT_ONLY.at("user"));
    }
    String text = required(reason, "reason", "撤回原因");
    String pid = ref.processInstanceId();
    Optional<String> message =
        ref.ended()
            ? Optional.empty()
            : platform(
                () ->
                    engine
                        .getRuntimeService()
                        .createEventSubscriptionQuery()
                        .processInstanceId(pid)
                        .eventType("message")
                        .list()
                        .stream()
                        .map(EventSubscription::getEventName)
                        .filter(n -> n != null && n.endsWith(WITHDRAWAL_MESSAGE_SUFFIX))
                        .findFirst());
    if (message.isEmpty()) {
      throw ActionRefused.conflict(ActionRefusal.WITHDRAW_NOT_ALLOWED.at("businessKey"));
    }
    Instant now = clock.now();
    Map<String, Object> variables = new HashMap<>();
    variables.put("withdrawalReason", text);
    variables.put("withdrawnBy", user.id());
    variables.put("withdrawnAt", java.util.Date.from(now));
    inTransaction(
        () -> {
          platform(
              () ->
                  engine
                      .getRuntimeService()
                      .createMessageCorrelation(message.get())
                      .processInstanceId(pid)
                      .setVariables(variables)
                      .correlateWithResult());
          events.record(
              CaseEvent.of(pid, ref.businessKey(), Action.WITHDRAW, user.id()).withReason(text));
          audit.record(
              user.id(),
              "CASE_WITHDRAWN",
              "case:" + ref.businessKey(),
              json(Map.of("reason", text)));
        });
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", ref.businessKey());
    answer.put("action", "withdraw");
    answer.put("withdrawnAt", now.toString());
    return answer;
  }

  // ------------------------------------------------------------------ complete

  public Map<String, Object> complete(
      FenheUser user,
      String taskId,
      Boolean approved,
      String opinion,
      Map<String, Object> variables) {
    Acting acting = holder(user, taskId, "办理", "complete");
    Task task = acting.task();
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw ActionRefused.conflict(ActionRefusal.RESOLVE_INSTEAD.at("taskId"));
    }
    if (acting.signerTask()) {
      String text = required(opinion, "opinion", "加签意见");
      inTransaction(
          () -> {
            record(acting, Action.COMPLETE, user, task.getOwner(), null, text);
            platformRun(() -> taskService().complete(taskId));
          });
      return answer(task, "complete");
    }
    Object afterSigner =
        platform(() -> taskService().getVariableLocal(taskId, SignerGuard.AFTER_SIGNER));
    if (afterSigner != null) {
      String signer = afterSigner.toString();
      String text = required(opinion, "opinion", "办理意见");
      inTransaction(
          () -> {
            // without the task's id: the case view shows the task's own completion (the signer's)
            // as the step, and this entry beside it
            events.record(
                entry(acting, Action.COMPLETE, user)
                    .withTask(null, task.getTaskDefinitionKey(), task.getName())
                    .withTarget(signer, null)
                    .withReason(text));
            platformRun(
                () -> {
                  clearAfterSigner(taskId);
                  taskService().setAssignee(taskId, signer);
                });
            tell(
                signer,
                Kind.SIGNER_ADDED,
                acting,
                "轮到您办理：" + task.getName(),
                names.of(user.id()) + " 已办理" + about(acting) + "，按加签交由您办结。其意见：" + text);
          });
      Map<String, Object> answer = answer(task, "complete");
      answer.put("handedTo", signer);
      answer.put("handedToName", names.of(signer));
      return answer;
    }
    Map<String, Object> submitted = new HashMap<>();
    if (variables != null) {
      variables.forEach((name, value) -> submitted.put(name, typed(value)));
    }
    if (approved != null) {
      submitted.put("approved", approved);
    }
    if (opinion != null) {
      submitted.put("opinion", opinion);
    }
    inTransaction(
        () -> {
          record(acting, Action.COMPLETE, user, null, null, opinion);
          // as the caller: every check of the engine applies, as for Tasklist's completion
          taskService().complete(taskId, submitted);
        });
    return answer(task, "complete");
  }

  private static Object typed(Object value) {
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      return SpinValues.jsonValue(json(value)).create();
    }
    return value;
  }

  // ------------------------------------------------------------------ checks

  private Acting load(FenheUser user, String taskId) {
    Task task =
        taskId == null
            ? null
            : platform(() -> taskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw ActionRefused.notFound(ActionRefusal.TASK_NOT_FOUND.at("taskId"));
    }
    Task parent = null;
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null && task.getParentTaskId() != null) {
      parent =
          platform(
              () -> taskService().createTaskQuery().taskId(task.getParentTaskId()).singleResult());
      processInstanceId = parent == null ? null : parent.getProcessInstanceId();
    }
    if (processInstanceId == null) {
      throw ActionRefused.notFound(ActionRefusal.TASK_NOT_FOUND.at("taskId"));
    }
    // the case is the root process instance (a task of a called process belongs to its caller's)
    String stepTaskId = parent != null ? parent.getId() : task.getId();
    HistoricTaskInstance historic =
        platform(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricTaskInstanceQuery()
                    .taskId(stepTaskId)
                    .singleResult());
    String root = historic == null ? null : historic.getRootProcessInstanceId();
    if (root != null) {
      processInstanceId = root;
    }
    String caseInstanceId = processInstanceId;
    CaseRef ref =
        cases
            .findByProcessInstance(user, caseInstanceId)
            .orElseThrow(() -> ActionRefused.notFound(ActionRefusal.TASK_NOT_FOUND.at("taskId")));
    return new Acting(task, ref, parent);
  }

  private static void mayChange(Acting acting) {
    if (acting.ref().role() == CaseRole.SUPERVISOR) {
      throw ActionRefused.forbidden(ActionRefusal.SUPERVISORS_READ_ONLY.at("user"));
    }
  }

  /** The task as its holder (its assignee) acts on it; 404, or 403 for anybody else. */
  private Acting holder(FenheUser user, String taskId, String chinese, String english) {
    Acting acting = load(user, taskId);
    mayChange(acting);
    if (!user.id().equals(acting.task().getAssignee())) {
      if (acting.ref().role() == CaseRole.READER) {
        throw ActionRefused.forbidden(ActionRefusal.READERS_READ_ONLY.at("user"));
      }
      throw ActionRefused.forbidden(ActionRefusal.NOT_HOLDER.at("taskId", chinese, english));
    }
    return acting;
  }

  private static void notSignerTask(Acting acting) {
    if (acting.signerTask()) {
      throw ActionRefused.conflict(ActionRefusal.SIGNER_TASK.at("taskId"));
    }
  }

  private void notDelegated(Acting acting) {
    Task task = acting.task();
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw ActionRefused.conflict(
          ActionRefusal.TASK_DELEGATED.at("taskId", names.of(task.getAssignee())));
    }
  }

  private boolean isCandidate(FenheUser user, Task task) {
    return candidates(task).stream()
        .anyMatch(
            l ->
                user.id().equals(l.getUserId())
                    || l.getGroupId() != null && user.groupIds().contains(l.getGroupId()));
  }

  /** The task's candidate users and groups (one link each). */
  private List<IdentityLink> candidates(Task task) {
    return platform(() -> taskService().getIdentityLinksForTask(task.getId())).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .toList();
  }

  private boolean userExists(String userId) {
    IdentityService identity = engine.getIdentityService();
    return userId != null && platform(() -> identity.createUserQuery().userId(userId).count()) > 0;
  }

  private List<Task> openSubTasks(String taskId) {
    return platform(() -> taskService().getSubTasks(taskId));
  }

  /** Another existing user. */
  private String existingOther(FenheUser user, String userId, String chinese, String english) {
    String id = required(userId, "userId", "办理人");
    if (id.equals(user.id())) {
      throw ActionRefused.badRequest(ActionRefusal.USER_IS_SELF.at("userId", chinese, english));
    }
    if (!userExists(id)) {
      throw ActionRefused.badRequest(ActionRefusal.USER_UNKNOWN.at("userId", id));
    }
    return id;
  }

  /** Another officer of one of the task's candidate groups (or a candidate user of it). */
  private String colleague(
      FenheUser user, Task task, String userId, String chinese, String english) {
    String id = existingOther(user, userId, chinese, english);
    IdentityService identity = engine.getIdentityService();
    boolean colleague =
        candidates(task).stream()
            .anyMatch(
                l ->
                    id.equals(l.getUserId())
                        || l.getGroupId() != null
                            && platform(
                                    () ->
                                        identity
                                            .createUserQuery()
                                            .userId(id)
                                            .memberOfGroup(l.getGroupId())
                                            .count())
                                > 0);
    if (!colleague) {
      throw ActionRefused.badRequest(
          ActionRefusal.USER_NOT_IN_CANDIDATE_GROUPS.at("userId", names.of(id), chinese, english));
    }
    return id;
  }

  private static String required(String text, String field, String label) {
    if (text == null || text.isBlank()) {
      throw ActionRefused.badRequest(ActionRefusal.REQUIRED.at(field, label, field));
    }
    return optional(text, field, label);
  }

  private static String optional(String text, String field, String label) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.length() > TEXT_LIMIT) {
      throw ActionRefused.badRequest(ActionRefusal.TOO_LONG.at(field, label, TEXT_LIMIT, field));
    }
    return trimmed;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * A timeline entry of the case about the task acted on, under its step's element id (a signer's
   * sub-task: its parent's).
   */
  private static CaseEvent entry(Acting acting, Action action, FenheUser user) {
    return CaseEvent.of(
            acting.ref().processInstanceId(), acting.ref().businessKey(), action, user.id())
        .withTask(
            acting.task().getId(), acting.step().getTaskDefinitionKey(), acting.task().getName());
  }

  private void record(
      Acting acting,
      Action action,
      FenheUser user,
      String targetUser,
      String targetGroup,
      String reason) {
    events.record(
        entry(acting, action, user).withTarget(targetUser, targetGroup).withReason(reason));
  }

  private static Notice notice(Kind kind, Acting acting, String title, String body) {
    return Notice.of(
        kind,
        acting.ref().businessKey(),
        acting.ref().processInstanceId(),
        acting.task().getId(),
        title,
        body);
  }

  /** Tells one user about the task acted on. */
  private void tell(String userId, Kind kind, Acting acting, String title, String body) {
    notifications.notifyUser(userId, notice(kind, acting, title, body));
  }

  /** 案件 … 的“…”: the case and the step acted on, as a text names them. */
  private static String about(Acting acting) {
    return "案件 " + acting.ref().businessKey() + " 的“" + acting.task().getName() + "”";
  }

  /** Removes the mark of a signer added after the holder (我办完再给他). */
  private void clearAfterSigner(String taskId) {
    taskService()
        .removeVariablesLocal(
            taskId, List.of(SignerGuard.AFTER_SIGNER, SignerGuard.AFTER_SIGNER_ADDED_BY));
  }

  private static Map<String, Object> answer(Task task, String action) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("taskId", task.getId());
    answer.put("action", action);
    return answer;
  }

  private TaskService taskService() {
    return engine.getTaskService();
  }

  /**
   * Runs the work in one transaction. A refusal of the engine's guards and checks reaches here
   * wrapped by the engine (a task listener's exception): it is answered as itself.
   */
  private void inTransaction(Runnable work) {
    Refusals.take(); // none of an earlier request of this thread
    try {
      transactions.executeWithoutResult(status -> work.run());
    } catch (EngineRefusal refusal) {
      Refusals.take();
      throw refusal;
    } catch (ProcessEngineException e) {
      EngineRefusal refusal = Refusals.take();
      if (refusal != null) {
        throw refusal;
      }
      throw e;
    }
  }

  private <T> T platform(Supplier<T> work) {
    return AsPlatform.call(engine.getIdentityService(), work);
  }

  private void platformRun(Runnable work) {
    AsPlatform.run(engine.getIdentityService(), work);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
