package cn.gov.linfen.fenhe.materials;

import java.time.Instant;

/** One file handed in (a row of {@code fenhe_material}); pending while it has no case yet. */
public record Material(
    String id,
    String processKey,
    String businessKey,
    String processInstanceId,
    String type,
    String fileName,
    long size,
    String sha256,
    String contentType,
    String uploadedBy,
    Instant uploadedAt,
    String step,
    String replacedBy,
    Instant pendingUntil) {

  public boolean pending() {
    return processInstanceId == null;
  }

  public boolean current() {
    return replacedBy == null;
  }
}
