package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The documents of a case the caller may see: which it has now (from the procedure's {@link
 * CaseDocuments} bean) and each as PDF, every download audit-logged.
 */
public class CaseDocumentsService {

  /** A document as the list shows it. */
  public record Listed(String kind, String name, String number, java.time.Instant issuedAt) {}

  /** A produced PDF. */
  public record Pdf(DocumentKind kind, String number, byte[] bytes, String sha256) {}

  private final ProcessEngine engine;
  private final List<CaseDocuments> procedures;
  private final DocumentFont font;
  private final DocumentNumbers numbers;
  private final AuditLog audit;
  private final PersonNames personNames;

  public CaseDocumentsService(
      ProcessEngine engine,
      List<CaseDocuments> procedures,
      DocumentFont font,
      DocumentNumbers numbers,
      AuditLog audit) {
    this.engine = engine;
    this.procedures = procedures;
    this.font = font;
    this.numbers = numbers;
    this.audit = audit;
    this.personNames = new PersonNames(engine.getIdentityService());
  }

  public List<Listed> list(CaseRef ref) {
    Optional<CaseDocuments> documents = documentsOf(ref);
    if (documents.isEmpty()) {
      return List.of();
    }
    CaseData data = data(ref);
    List<Listed> listed = new ArrayList<>();
    for (DocumentKind kind : documents.get().kinds()) {
      documents
          .get()
          .prepare(data, kind)
          .ifPresent(
              document ->
                  listed.add(
                      new Listed(
                          kind.kind(), kind.name(), document.number(), document.issuedAt())));
    }
    return listed;
  }

  public Pdf pdf(FenheUser user, CaseRef ref, String kindId) {
    CaseDocuments documents =
        documentsOf(ref)
            .orElseThrow(
                () -> new DocumentRefused(404, DocumentsRefusal.UNKNOWN_KIND.at("kind", kindId)));
    DocumentKind kind =
        documents.kinds().stream()
            .filter(k -> k.kind().equals(kindId))
            .findFirst()
            .orElseThrow(
                () -> new DocumentRefused(404, DocumentsRefusal.UNKNOWN_KIND.at("kind", kindId)));
    PreparedDocument prepared =
        documents
            .prepare(data(ref), kind)
            .orElseThrow(
                () ->
                    new DocumentRefused(
                        404, DocumentsRefusal.NOT_ISSUED_YET.at("kind", kind.name())));
    byte[] bytes = PdfWriter.write(prepared.content().get(), font.font(), prepared.issuedAt());
    String sha256 = sha256(bytes);
    if (prepared.number() != null) {
      numbers.recordHash(ref.businessKey(), kind.kind(), sha256);
    }
    audit.record(
        user.id(),
        "document.download",
        ref.businessKey(),
        kind.kind()
            + (prepared.number() == null ? "" : " " + prepared.number())
            + " sha256="
            + sha256);
    return new Pdf(kind, prepared.number(), bytes, sha256);
  }

  private Optional<CaseDocuments> documentsOf(CaseRef ref) {
    return procedures.stream()
        .filter(p -> p.processKey().equals(ref.processDefinitionKey()))
        .findFirst();
  }

  CaseData data(CaseRef ref) {
    return AsPlatform.call(
        engine.getIdentityService(),
        () -> {
          String id = ref.processInstanceId();
          HistoricProcessInstance instance =
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(id)
                  .singleResult();
          Map<String, Object> variables = new HashMap<>();
          Map<String, Object> local = new HashMap<>();
          for (HistoricVariableInstance variable :
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(id)
                  .list()) {
            if (id.equals(variable.getActivityInstanceId())) {
              variables.put(variable.getName(), variable.getValue());
            } else {
              local.putIfAbsent(variable.getName(), variable.getValue());
            }
          }
          local.forEach(variables::putIfAbsent);
          List<HistoricTaskInstance> done = new ArrayList<>();
          for (HistoricTaskInstance task :
              engine
                  .getHistoryService()
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(id)
                  .finished()
                  .list()) {
            if (task.getDeleteReason() == null || "completed".equals(task.getDeleteReason())) {
              done.add(task);
            }
          }
          Map<String, String> names =
              personNames.of(done.stream().map(HistoricTaskInstance::getAssignee).toList());
          List<CaseData.DoneTask> tasks = new ArrayList<>();
          for (HistoricTaskInstance task : done) {
            String assignee = task.getAssignee();
            tasks.add(
                new CaseData.DoneTask(
                    task.getTaskDefinitionKey(),
                    task.getName(),
                    assignee,
                    assignee == null ? "" : names.get(assignee),
                    task.getEndTime().toInstant()));
          }
          return new CaseData(
              ref.businessKey(),
              id,
              instance.getStartTime().toInstant(),
              ref.ended(),
              variables,
              tasks);
        });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
