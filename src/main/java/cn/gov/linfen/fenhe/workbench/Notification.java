package cn.gov.linfen.fenhe.workbench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A message to one person (消息), as stored in {@code fenhe_notification}.
 *
 * @param id the row's id
 * @param userId to whom
 * @param kind what it is about
 * @param businessKey the case, if any
 * @param processInstanceId the case's process instance, if any
 * @param taskId the task, if any
 * @param title the Chinese title
 * @param body the Chinese text
 * @param createdAt when (FenheClock)
 * @param readAt when the user read it; {@code null} while unread
 */
public record Notification(
    long id,
    String userId,
    Kind kind,
    String businessKey,
    String processInstanceId,
    String taskId,
    String title,
    String body,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }

  /** The kinds of notifications; {@link #code()} is the stored and JSON value. */
  public enum Kind {
    TASK_NEW("task-new", "新待办"),
    TASK_TRANSFERRED("task-transferred", "转办给我"),
    TASK_DELEGATED("task-delegated", "委派给我"),
    TASK_RETURNED("task-returned", "退回给我"),
    CASE_COPIED("case-copied", "抄送我的"),
    URGED("urged", "催办"),
    DEADLINE_NEAR("deadline-near", "即将到期"),
    OVERDUE("overdue", "已超期"),
    SIGNER_ADDED("signer-added", "加签"),
    DELEGATION_RESOLVED("delegation-resolved", "委派已办结");

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    /** What a person reads, e.g. 即将到期. */
    public String label() {
      return label;
    }

    public static Optional<Kind> byCode(String code) {
      return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
  }

  /**
   * What to tell, before it is addressed to anyone.
   *
   * @param kind what it is about
   * @param businessKey the case, if any
   * @param processInstanceId the case's process instance, if any
   * @param taskId the task, if any
   * @param title the Chinese title (at most 200 characters)
   * @param body the Chinese text (at most 2000 characters)
   * @param dedupKey {@code null}, or a key that makes the notification once per user (e.g. {@code
   *     deadline-near:<taskId>}): a second one with the same key for the same user is not stored
   */
  public record Notice(
      Kind kind,
      String businessKey,
      String processInstanceId,
      String taskId,
      String title,
      String body,
      String dedupKey) {

    /** A notice without a dedup key. */
    public static Notice of(
        Kind kind,
        String businessKey,
        String processInstanceId,
        String taskId,
        String title,
        String body) {
      return new Notice(kind, businessKey, processInstanceId, taskId, title, body, null);
    }

    /** The same notice, once per user and key. */
    public Notice once(String key) {
      return new Notice(kind, businessKey, processInstanceId, taskId, title, body, key);
    }
  }
}
