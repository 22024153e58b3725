package cn.gov.linfen.fenhe.workbench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's timeline (审批记录) that the engine's history does not keep: a transfer, a
 * delegation, an added signer, a copy, an urge, a return… Built with {@link #of} and the {@code
 * with…} methods; {@link CaseEvents#record} gives it its id and time.
 *
 * @param id the row's id; {@code null} before it is recorded
 * @param processInstanceId the case's process instance
 * @param businessKey the case's business key
 * @param taskId the task acted on, if any
 * @param activityId the step (BPMN element id) acted on, if any
 * @param activityName the step's Chinese name, if any
 * @param action what was done
 * @param actor who did it (user id)
 * @param targetUserId to whom (transfer, delegate, add-signer, cc…), if anyone
 * @param targetGroupId to which group (cc), if any
 * @param reason the opinion, reason or message the actor gave
 * @param createdAt when (FenheClock); {@code null} before it is recorded
 */
public record CaseEvent(
    Long id,
    String processInstanceId,
    String businessKey,
    String taskId,
    String activityId,
    String activityName,
    Action action,
    String actor,
    String targetUserId,
    String targetGroupId,
    String reason,
    Instant createdAt) {

  public CaseEvent {
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
  }

  /** An event of a case, without task, target, reason, id or time yet. */
  public static CaseEvent of(
      String processInstanceId, String businessKey, Action action, String actor) {
    return new CaseEvent(
        null,
        processInstanceId,
        businessKey,
        null,
        null,
        null,
        action,
        actor,
        null,
        null,
        null,
        null);
  }

  /** The same event about a task and its step. */
  public CaseEvent withTask(String taskId, String activityId, String activityName) {
    return with(taskId, activityId, activityName, targetUserId, targetGroupId, reason);
  }

  /** The same event with a target user and/or group. */
  public CaseEvent withTarget(String userId, String groupId) {
    return with(taskId, activityId, activityName, userId, groupId, reason);
  }

  /** The same event with the actor's opinion, reason or message. */
  public CaseEvent withReason(String text) {
    return with(taskId, activityId, activityName, targetUserId, targetGroupId, text);
  }

  /** The same event as recorded: its row's id and its time. */
  CaseEvent recorded(long rowId, Instant at) {
    return new CaseEvent(
        rowId,
        processInstanceId,
        businessKey,
        taskId,
        activityId,
        activityName,
        action,
        actor,
        targetUserId,
        targetGroupId,
        reason,
        at);
  }

  private CaseEvent with(
      String task,
      String activity,
      String activityLabel,
      String targetUser,
      String targetGroup,
      String text) {
    return new CaseEvent(
        id,
        processInstanceId,
        businessKey,
        task,
        activity,
        activityLabel,
        action,
        actor,
        targetUser,
        targetGroup,
        text,
        createdAt);
  }

  /** The actions of the timeline; {@link #code()} is the stored and JSON value. */
  public enum Action {
    TRANSFER("transfer", "转办"),
    DELEGATE("delegate", "委派"),
    RESOLVE("resolve", "委派办结"),
    ADD_SIGNER("add-signer", "加签"),
    REMOVE_SIGNER("remove-signer", "减签"),
    CC("cc", "抄送"),
    URGE("urge", "催办"),
    RETURN("return", "退回"),
    WITHDRAW("withdraw", "撤回"),
    CLAIM("claim", "签收"),
    UNCLAIM("unclaim", "取消签收"),
    COMPLETE("complete", "办理");

    private final String code;
    private final String label;

    Action(String code, String label) {
      this.code = code;
      this.label = label;
    }

    /** The stored and JSON value, e.g. {@code add-signer}. */
    public String code() {
      return code;
    }

    /** What a person reads, e.g. 加签. */
    public String label() {
      return label;
    }

    public static Optional<Action> byCode(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
  }
}
