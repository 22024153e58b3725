package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's official documents: {@code GET /api/cases/{businessKey}/documents} lists the documents
 * the case has now; {@code GET /api/cases/{businessKey}/documents/{kind}.pdf} gives one, inline
 * with its Chinese name. Who may: the case's participants and supervisors ({@link CaseAccess});
 * everyone else gets 404.
 */
@RestController
@EngineRole
@Tag(name = "公文")
public class DocumentsController {

  private final CaseAccess access;
  private final CaseDocumentsService documents;

  public DocumentsController(CaseAccess access, CaseDocumentsService documents) {
    this.access = access;
    this.documents = documents;
  }

  @Operation(summary = "案件的公文清单（种类、名称、文号、印发时间）")
  @GetMapping("/api/cases/{businessKey}/documents")
  List<CaseDocumentsService.Listed> list(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey) {
    CaseRef ref = access.require(user, businessKey);
    return documents.list(ref);
  }

  @Operation(summary = "下载一份公文（便携文档，A4，内嵌中文字体；记入审计日志）")
  @GetMapping("/api/cases/{businessKey}/documents/{kind}.pdf")
  ResponseEntity<byte[]> pdf(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @PathVariable String kind) {
    CaseRef ref = access.require(user, businessKey);
    CaseDocumentsService.Pdf pdf = documents.pdf(user, ref, kind);
    String fileName =
        URLEncoder.encode(pdf.kind().name() + ".pdf", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"" + pdf.kind().kind() + ".pdf\"; filename*=UTF-8''" + fileName)
        .header("X-Document-SHA256", pdf.sha256())
        .body(pdf.bytes());
  }

  @ExceptionHandler(DocumentRefused.class)
  ResponseEntity<ErrorJson.Body> refused(DocumentRefused e) {
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            ErrorJson.body(
                e.status() == 404 ? "NotFoundException" : "ServiceUnavailable", e.error()));
  }
}
