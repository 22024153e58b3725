package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.security.EngineErrorFilter;
import cn.gov.linfen.fenhe.security.EngineErrors;
import cn.gov.linfen.fenhe.security.ErrorJson;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the platform API: the field and the reason, in Chinese and English; never a stack
 * trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ErrorJson.Body> invalidInput(InvalidInputException e) {
    return ResponseEntity.badRequest().body(ErrorJson.body("InvalidRequestException", e.error()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorJson.Body> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest()
        .body(
            ErrorJson.body(
                "InvalidRequestException",
                PlatformRefusal.REQUIRED_PARAMETER_MISSING.at(e.getParameterName())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorJson.Body> mismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(
            ErrorJson.body(
                "InvalidRequestException", PlatformRefusal.MALFORMED_PARAMETER.at(e.getName())));
  }

  /** A refusal of the engine's guards and checks: its status and every field. */
  @ExceptionHandler(EngineRefusal.class)
  ResponseEntity<ErrorJson.Body> refused(EngineRefusal e) {
    return ResponseEntity.status(e.status()).body(EngineErrorFilter.body(e));
  }

  /** Conflicts and vanished tasks are the normal life of a shared inbox: 409 and 404, not 500. */
  @ExceptionHandler({
    OptimisticLockingException.class,
    TaskAlreadyClaimedException.class,
    NullValueException.class,
    NotFoundException.class
  })
  ResponseEntity<ErrorJson.Body> conflict(ProcessEngineException e) {
    LOG.debug("Platform API request refused: {}", e.getMessage());
    EngineErrors.Answer answer =
        EngineErrors.of(e.getClass().getSimpleName(), e.getMessage(), 500, null);
    return ResponseEntity.status(answer.status())
        .body(ErrorJson.body(answer.type(), answer.error()));
  }

  /** A body that cannot be read (not JSON, a value of the wrong type): 400 naming the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorJson.Body> unreadable(HttpMessageNotReadableException e) {
    String field =
        e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
            ? mapping.getPath().stream()
                .map(
                    reference ->
                        reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
            : "body";
    return ResponseEntity.badRequest()
        .body(ErrorJson.body("InvalidRequestException", PlatformRefusal.BODY_UNREADABLE.at(field)));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ErrorJson.Body> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ErrorJson.body("AuthorizationException", PlatformRefusal.NOT_AUTHORIZED.at("user")));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ErrorJson.Body> denied(AccessDeniedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ErrorJson.body("AuthorizationException", e.reason().at("user")));
  }

  /**
   * Spring MVC's own refusals (no such resource, method not allowed, unsupported media type, …)
   * keep their status: they are the caller's mistake, not a server error, and are not logged as
   * one.
   */
  @ExceptionHandler({
    NoResourceFoundException.class,
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class
  })
  ResponseEntity<ErrorJson.Body> refusedByMvc(Exception e) {
    HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
    LOG.debug("Platform API request refused with {}: {}", status, e.getMessage());
    if (status.value() == 404) {
      return ResponseEntity.status(status)
          .body(ErrorJson.body("NotFoundException", PlatformRefusal.NO_SUCH_RESOURCE.at("path")));
    }
    return ResponseEntity.status(status)
        .body(
            ErrorJson.body(
                "InvalidRequestException",
                PlatformRefusal.METHOD_MEDIA_TYPE_SUPPORTED.at("request")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorJson.Body> unexpected(Exception e) {
    LOG.error("Unexpected error in the platform API", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ErrorJson.body("InternalError", PlatformRefusal.INTERNAL_ERROR.at("-")));
  }
}
