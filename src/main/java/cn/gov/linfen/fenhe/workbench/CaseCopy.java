package cn.gov.linfen.fenhe.workbench;

import java.time.Instant;

/**
 * A case copied to one user (抄送), as stored in {@code fenhe_case_copy}.
 *
 * @param id the row's id
 * @param processInstanceId the case's process instance
 * @param businessKey the case's business key
 * @param userId to whom
 * @param groupId the group it was copied to, when the copy went to a group; else {@code null}
 * @param copiedBy who copied it
 * @param note the copier's note
 * @param createdAt when
 * @param readAt when the user first read the case after the copy; {@code null} while unread
 */
public record CaseCopy(
    long id,
    String processInstanceId,
    String businessKey,
    String userId,
    String groupId,
    String copiedBy,
    String note,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
