package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.cases.CaseNotFoundException;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Materials handed in to cases: checked uploads to a case's open step, uploads from a start form
 * before the case exists, the case's list and one file. Every write is one transaction: the
 * metadata, the content, the replaced row, the case's {@value #TYPES_VARIABLE} variable and the
 * audit entry, or nothing.
 */
public class Materials {

  /** The process variable naming the pending uploads a start attaches (comma-separated ids). */
  public static final String UPLOADS_VARIABLE = "materialUploads";

  /**
   * The process variable the platform keeps: the types of the case's current materials, a JSON list
   * of type ids (for the models, forms and workers).
   */
  public static final String TYPES_VARIABLE = "materialTypes";

  private final Catalogue catalogue;
  private final MaterialRecords records;
  private final MaterialStore store;
  private final MaterialsProperties properties;
  private final CaseAccess cases;
  private final AuditLog audit;
  private final FenheClock clock;
  private final TransactionTemplate transaction;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;

  public Materials(
      Catalogue catalogue,
      MaterialRecords records,
      MaterialStore store,
      MaterialsProperties properties,
      CaseAccess cases,
      AuditLog audit,
      FenheClock clock,
      TransactionTemplate transaction,
      ProcessEngine engine) {
    this.catalogue = catalogue;
    this.records = records;
    this.store = store;
    this.properties = properties;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
    this.transaction = transaction;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
  }

  /** A file as it arrived. */
  public record Upload(String type, String fileName, byte[] content) {}

  /** A row of a case's list, with its type's name. */
  public record Listed(Material material, String typeName) {}

  public Catalogue catalogue() {
    return catalogue;
  }

  /** The procedure's catalogue, or 404. */
  public Catalogue.Procedure procedure(String processKey) {
    return catalogue
        .of(processKey)
        .orElseThrow(
            () -> new MaterialRefused(404, MaterialsRefusal.NO_CATALOGUE.at("processKey")));
  }

  /** The case's materials (replaced ones too), if the user takes part in it. */
  public List<Listed> list(FenheUser user, String businessKey) {
    CaseRef ref = cases.require(user, businessKey);
    Optional<Catalogue.Procedure> procedure = catalogue.of(ref.processDefinitionKey());
    return records.ofCase(ref.processInstanceId()).stream()
        .map(m -> new Listed(m, typeName(procedure, m.type())))
        .toList();
  }

  /** A file and its row, if the user takes part in its case (or uploaded it, while pending). */
  public Listed open(FenheUser user, String id) {
    Material material =
        records.find(id).orElseThrow(() -> new CaseNotFoundException("businessKey"));
    if (material.pending()) {
      if (!material.uploadedBy().equals(user.id())) {
        throw new CaseNotFoundException("businessKey");
      }
    } else if (cases.findByProcessInstance(user, material.processInstanceId()).isEmpty()) {
      throw new CaseNotFoundException("businessKey");
    }
    audit.record(
        user.id(),
        "material.download",
        material.businessKey() == null ? "material:" + id : material.businessKey(),
        material.type() + " " + id + " " + material.fileName());
    return new Listed(material, typeName(catalogue.of(material.processKey()), material.type()));
  }

  public byte[] content(String id) {
    return store.get(id).orElseThrow(() -> new CaseNotFoundException("businessKey"));
  }

  /**
   * Adds a file to an open step of the case: the holder of the step's task, or the applicant for
   * the applicant's materials. A second file of a type replaces the first (which stays, with {@code
   * replacedBy}).
   */
  public Listed addToCase(FenheUser user, String businessKey, Upload upload) {
    CaseRef ref = cases.require(user, businessKey);
    if (!ref.mayAct()) {
      throw new AccessDeniedException(MaterialsRefusal.READ_ONLY.reason());
    }
    Catalogue.Procedure procedure =
        catalogue
            .of(ref.processDefinitionKey())
            .orElseThrow(
                () ->
                    MaterialRefused.badRequest(
                        MaterialsRefusal.TYPE_UNKNOWN.at("type", upload.type())));
    MaterialType type = type(procedure, upload.type());
    List<Task> open =
        AsPlatform.call(
            identity,
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceId(ref.processInstanceId())
                    .taskDefinitionKeyIn(type.steps().toArray(String[]::new))
                    .list());
    if (open.isEmpty()) {
      throw MaterialRefused.badRequest(
          MaterialsRefusal.STEP_NOT_OPEN.at("type", type.name(), type.type()));
    }
    boolean applicant = user.id().equals(ref.startUserId()) && type.byApplicant();
    Optional<Task> step =
        open.stream()
            .filter(
                t ->
                    applicant
                        || user.id().equals(t.getAssignee()) && type.byGroupOf(user.groupIds())
                        || user.id().equals(t.getAssignee())
                            && type.byApplicant()
                            && user.id().equals(ref.startUserId()))
            .findFirst();
    if (step.isEmpty()) {
      throw new AccessDeniedException(MaterialsRefusal.NOT_HOLDER.reason(type.name(), type.type()));
    }
    Checked checked = check(type, upload);
    Material material =
        new Material(
            UUID.randomUUID().toString(),
            procedure.processKey(),
            ref.businessKey(),
            ref.processInstanceId(),
            type.type(),
            checked.fileName(),
            upload.content().length,
            checked.sha256(),
            checked.format().contentType(),
            user.id(),
            clock.now(),
            step.get().getTaskDefinitionKey(),
            null,
            null);
    transaction.executeWithoutResult(
        status -> {
          store.put(material.id(), upload.content());
          records
              .current(ref.processInstanceId(), type.type())
              .ifPresent(old -> records.replace(old.id(), material.id()));
          records.insert(material);
          AsPlatform.run(
              identity,
              () ->
                  runtime.setVariable(
                      ref.processInstanceId(), TYPES_VARIABLE, typesOf(ref.processInstanceId())));
          audit.record(
              user.id(),
              "material.upload",
              ref.businessKey(),
              type.type()
                  + " "
                  + material.id()
                  + " "
                  + material.fileName()
                  + " "
                  + material.sha256());
        });
    return new Listed(material, type.name());
  }

  /**
   * An upload from a start form, before the case exists: kept for {@link
   * MaterialsProperties#pendingLifetime()} for the uploader, attached by the start that names it in
   * {@value #UPLOADS_VARIABLE}. Expired pending uploads are removed here.
   */
  public Listed addPending(FenheUser user, String processKey, Upload upload) {
    Catalogue.Procedure procedure = procedure(processKey);
    long startable =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .startableByUser(user.id())
            .count();
    if (startable == 0) {
      throw new AccessDeniedException(MaterialsRefusal.MAY_NOT_START.reason());
    }
    MaterialType type = type(procedure, upload.type());
    if (!procedure.startSteps().contains(type.step())) {
      throw MaterialRefused.badRequest(
          MaterialsRefusal.TYPE_NOT_AT_START.at("type", type.name(), type.type()));
    }
    Checked checked = check(type, upload);
    Instant now = clock.now();
    Material material =
        new Material(
            UUID.randomUUID().toString(),
            processKey,
            null,
            null,
            type.type(),
            checked.fileName(),
            upload.content().length,
            checked.sha256(),
            checked.format().contentType(),
            user.id(),
            now,
            type.step(),
            null,
            now.plus(properties.pendingLifetime()));
    transaction.executeWithoutResult(
        status -> {
          removeExpired(now);
          store.put(material.id(), upload.content());
          records.insert(material);
          audit.record(
              user.id(),
              "material.upload-pending",
              "procedure:" + processKey,
              type.type()
                  + " "
                  + material.id()
                  + " "
                  + material.fileName()
                  + " "
                  + material.sha256());
        });
    return new Listed(material, type.name());
  }

  /** Removes, in one transaction, the pending uploads that have expired by now. */
  public int cleanUp() {
    Integer removed = transaction.execute(status -> removeExpired(clock.now()));
    return removed == null ? 0 : removed;
  }

  /** Removes the pending uploads that expired (never a material attached to a case). */
  int removeExpired(Instant now) {
    int removed = 0;
    for (String id : records.expired(now)) {
      if (records.removePending(id)) {
        store.remove(id);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Attaches the named pending uploads to a case being started (in the start's transaction) and
   * returns the refusals: an upload that is not the starter's, expired, of another procedure or not
   * of the start; a required start material missing.
   */
  List<FieldError> attachAtStart(
      Catalogue.Procedure procedure,
      String processInstanceId,
      String businessKey,
      String starter,
      Object uploads) {
    List<FieldError> errors = new ArrayList<>();
    Instant now = clock.now();
    List<Material> attached = new ArrayList<>();
    for (String id : ids(uploads)) {
      Optional<Material> found = records.find(id);
      if (found.isEmpty()
          || !found.get().pending()
          || starter != null && !starter.equals(found.get().uploadedBy())
          || found.get().pendingUntil().isBefore(now)) {
        errors.add(MaterialsRefusal.UPLOAD_UNKNOWN.at(UPLOADS_VARIABLE, id));
        continue;
      }
      Material material = found.get();
      if (!material.processKey().equals(procedure.processKey())
          || procedure
              .type(material.type())
              .filter(t -> procedure.startSteps().contains(t.step()))
              .isEmpty()) {
        errors.add(MaterialsRefusal.UPLOAD_NOT_FOR_START.at(UPLOADS_VARIABLE, material.fileName()));
        continue;
      }
      attached.add(material);
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    for (Material material : attached) {
      records
          .current(processInstanceId, material.type())
          .ifPresent(old -> records.replace(old.id(), material.id()));
      records.attach(material.id(), processInstanceId, businessKey);
      audit.record(
          material.uploadedBy(),
          "material.attach",
          businessKey,
          material.type() + " " + material.id() + " " + material.fileName());
    }
    List<String> present = currentTypes(processInstanceId);
    for (MaterialType type : procedure.atStart()) {
      if (type.required() && !present.contains(type.type())) {
        errors.add(
            MaterialsRefusal.MISSING_AT_START.at(
                type.type(), type.name(), type.article(), type.type()));
      }
    }
    return errors;
  }

  /** The required materials of the step the case does not have. */
  List<FieldError> missingAt(Catalogue.Procedure procedure, String processInstanceId, String step) {
    List<String> present = currentTypes(processInstanceId);
    return procedure.requiredAt(step).stream()
        .filter(type -> !present.contains(type.type()))
        .map(
            type ->
                MaterialsRefusal.MISSING_AT_STEP.at(
                    type.type(), type.name(), type.article(), type.type()))
        .toList();
  }

  List<String> currentTypes(String processInstanceId) {
    return records.ofCase(processInstanceId).stream()
        .filter(Material::current)
        .map(Material::type)
        .distinct()
        .sorted()
        .toList();
  }

  /** The {@value #TYPES_VARIABLE} value: a JSON list of the current types. */
  String typesOf(String processInstanceId) {
    return currentTypes(processInstanceId).stream()
        .map(t -> "\"" + t + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static List<String> ids(Object uploads) {
    if (uploads == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String id : String.valueOf(uploads).split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  private MaterialType type(Catalogue.Procedure procedure, String type) {
    if (type == null || type.isBlank()) {
      throw MaterialRefused.badRequest(cn.gov.linfen.fenhe.web.PlatformRefusal.REQUIRED.at("type"));
    }
    return procedure
        .type(type)
        .orElseThrow(
            () ->
                MaterialRefused.badRequest(
                    MaterialsRefusal.TYPE_UNKNOWN.at(
                        "type", type.length() > 64 ? type.substring(0, 64) : type)));
  }

  private static String typeName(Optional<Catalogue.Procedure> procedure, String type) {
    return procedure.flatMap(p -> p.type(type)).map(MaterialType::name).orElse(type);
  }

  record Checked(Format format, String fileName, String sha256) {}

  /** The checks of every upload: not empty, not too large, not a program, a format of the type. */
  Checked check(MaterialType type, Upload upload) {
    byte[] content = upload.content();
    if (content.length == 0) {
      throw MaterialRefused.badRequest(MaterialsRefusal.FILE_EMPTY.at("file"));
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw new MaterialRefused(
          413, MaterialsRefusal.FILE_TOO_LARGE.at("file", size(properties.maxSize().toBytes())));
    }
    String accepted = type.formats().stream().map(Format::id).collect(Collectors.joining("、"));
    if (ContentCheck.executable(content)) {
      throw MaterialRefused.badRequest(MaterialsRefusal.FILE_EXECUTABLE.at("file"));
    }
    Format format =
        ContentCheck.detect(content, upload.fileName())
            .orElseThrow(
                () ->
                    MaterialRefused.badRequest(
                        MaterialsRefusal.FILE_FORMAT_UNKNOWN.at("file", accepted)));
    if (!type.formats().contains(format)) {
      throw MaterialRefused.badRequest(
          MaterialsRefusal.FILE_FORMAT_NOT_ACCEPTED.at(
              "file", type.name(), format.id(), accepted, type.type()));
    }
    return new Checked(format, ContentCheck.cleanName(upload.fileName(), format), sha256(content));
  }

  /** A size as people write it: 20MB, 512KB. */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + "MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + "KB";
    }
    return bytes + "B";
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
