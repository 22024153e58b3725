package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.security.ErrorJson;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The platform API's answer when the database cannot be reached: 503 with a Chinese reason. Ahead
 * of {@link ApiExceptionHandler}; matched on the cause, as the engine wraps it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

  @ExceptionHandler({SQLTransientConnectionException.class, CannotGetJdbcConnectionException.class})
  ResponseEntity<ErrorJson.Body> unavailable(Exception e) {
    LOG.warn("Platform API: the database cannot be reached ({})", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .body(DatabaseUnavailable.body());
  }

  /**
   * Any other SQL failure is the general handler's, unless it is a connection failure (SQL state
   * 08).
   */
  @ExceptionHandler(SQLException.class)
  ResponseEntity<ErrorJson.Body> sql(SQLException e) throws SQLException {
    if (DatabaseUnavailable.isCause(e)) {
      return unavailable(e);
    }
    throw e;
  }
}
