package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.security.ErrorJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No such case, or the caller takes no part in it: the same HTTP 404 for both. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CaseNotFoundHandler {

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<ErrorJson.Body> caseNotFound(CaseNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ErrorJson.body("NotFoundException", e.error()));
  }
}
