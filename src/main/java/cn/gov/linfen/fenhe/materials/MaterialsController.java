package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The materials API (docs/materials.md): the catalogue of a procedure, a case's materials, an
 * upload to a case's open step, an upload from a start form, and one file.
 */
@RestController
@EngineRole
@Tag(name = "材料（附件）")
public class MaterialsController {

  /** A row of a procedure's catalogue. */
  public record CatalogueRow(
      String type,
      String name,
      String article,
      boolean required,
      String step,
      List<String> steps,
      List<String> formats) {}

  /** A row of a case's materials. */
  public record MaterialRow(
      String id,
      String type,
      String typeName,
      String fileName,
      long size,
      String sha256,
      String contentType,
      String uploadedBy,
      Instant uploadedAt,
      String step,
      String replacedBy) {}

  /** An upload waiting for its case. */
  public record PendingRow(
      String id,
      String type,
      String typeName,
      String fileName,
      long size,
      String sha256,
      String contentType) {}

  private final Materials materials;

  public MaterialsController(Materials materials) {
    this.materials = materials;
  }

  @Operation(summary = "办事程序的材料目录：每类材料的名称、依据条款、是否必交、提交环节和文件格式")
  @GetMapping("/api/procedures/{processKey}/materials")
  public List<CatalogueRow> catalogue(@PathVariable String processKey) {
    return materials.procedure(processKey).materials().stream()
        .map(
            m ->
                new CatalogueRow(
                    m.type(),
                    m.name(),
                    m.article(),
                    m.required(),
                    m.step(),
                    m.steps(),
                    m.formats().stream().map(Format::id).toList()))
        .toList();
  }

  @Operation(summary = "案件的材料清单（含被替换的历史文件）")
  @GetMapping("/api/cases/{businessKey}/materials")
  public List<MaterialRow> list(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey) {
    return materials.list(user, businessKey).stream().map(MaterialsController::row).toList();
  }

  @Operation(summary = "上传材料（按内容识别文件类型，校验大小，记录摘要）")
  @PostMapping(
      path = "/api/cases/{businessKey}/materials",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<MaterialRow> upload(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @RequestParam("type") String type,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    Materials.Listed added = materials.addToCase(user, businessKey, upload(type, file));
    return ResponseEntity.status(HttpStatus.CREATED).body(row(added));
  }

  @Operation(summary = "发起申请前上传材料，发起时以材料编号随申请一并提交")
  @PostMapping(
      path = "/api/procedures/{processKey}/materials/uploads",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PendingRow> uploadForStart(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String processKey,
      @RequestParam("type") String type,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    Materials.Listed added = materials.addPending(user, processKey, upload(type, file));
    Material m = added.material();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new PendingRow(
                m.id(),
                m.type(),
                added.typeName(),
                m.fileName(),
                m.size(),
                m.sha256(),
                m.contentType()));
  }

  /**
   * The file: shown in the browser (inline) for PDF and images, downloaded otherwise; the Chinese
   * file name as RFC 5987 {@code filename*} with an ASCII fallback. Every download is audit-logged.
   */
  @Operation(summary = "下载或在浏览器中预览一份材料（记入审计日志）")
  @GetMapping("/api/materials/{id}")
  public ResponseEntity<byte[]> download(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String id) {
    Materials.Listed found = materials.open(user, id);
    Material m = found.material();
    byte[] content = materials.content(id);
    boolean inline = Format.ofContentType(m.contentType()).map(Format::preview).orElse(false);
    return ResponseEntity.ok()
        .header("Content-Type", m.contentType())
        .header("Content-Disposition", contentDisposition(inline, m.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .header("Content-Length", String.valueOf(content.length))
        .body(content);
  }

  /**
   * {@code inline; filename="ascii.pdf"; filename*=UTF-8''%E7%94%B3.pdf}: the ASCII fallback has
   * every other character as {@code _}.
   */
  static String contentDisposition(boolean inline, String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%'
                        ? (char) c
                        : '_'));
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + encoded;
  }

  private static Materials.Upload upload(String type, MultipartFile file) throws IOException {
    return new Materials.Upload(type, file.getOriginalFilename(), file.getBytes());
  }

  static MaterialRow row(Materials.Listed listed) {
    Material m = listed.material();
    return new MaterialRow(
        m.id(),
        m.type(),
        listed.typeName(),
        m.fileName(),
        m.size(),
        m.sha256(),
        m.contentType(),
        m.uploadedBy(),
        m.uploadedAt(),
        m.step(),
        m.replacedBy());
  }
}
