package cn.gov.linfen.fenhe.materials;

import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Refused uploads and downloads in Fenhe's JSON: the status, the field ({@code file}, {@code type},
 * …), the Chinese reason and the English one. A file larger than the servlet's multipart limit (set
 * from {@code fenhe.materials.max-size}) is refused before any controller: 413.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MaterialsExceptionHandler {

  private final MaterialsProperties properties;

  public MaterialsExceptionHandler(MaterialsProperties properties) {
    this.properties = properties;
  }

  @ExceptionHandler(MaterialRefused.class)
  ResponseEntity<ErrorJson.Body> refused(MaterialRefused e) {
    return ResponseEntity.status(e.status())
        .body(
            ErrorJson.body(
                e.status() == 404 ? "NotFoundException" : "InvalidRequestException", e.error()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorJson.Body> tooLarge(MaxUploadSizeExceededException e) {
    DataSize max = properties.maxSize();
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            ErrorJson.body(
                "InvalidRequestException",
                MaterialsRefusal.FILE_TOO_LARGE.at("file", Materials.size(max.toBytes()))));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ErrorJson.Body> missingPart(MissingServletRequestPartException e) {
    return ResponseEntity.badRequest()
        .body(
            ErrorJson.body(
                "InvalidRequestException",
                PlatformRefusal.REQUIRED_PARAMETER_MISSING.at(e.getRequestPartName())));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ErrorJson.Body> notMultipart(MultipartException e) {
    return ResponseEntity.badRequest()
        .body(
            ErrorJson.body(
                "InvalidRequestException", MaterialsRefusal.MULTIPART_EXPECTED.at("file")));
  }
}
