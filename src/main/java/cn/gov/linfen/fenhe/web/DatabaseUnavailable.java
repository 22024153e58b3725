package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.security.ErrorJson;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database cannot be reached: the pool gave no connection within its timeout (a few seconds,
 * {@code spring.datasource.hikari.connection-timeout}). Answered 503 with a Chinese reason, never
 * 500: the request may be repeated once the database is back.
 */
public final class DatabaseUnavailable {

  /** The refusal: the field {@code database} and the reason in Chinese and English. */
  public static final FieldError ERROR = PlatformRefusal.DATABASE_UNAVAILABLE.at("database");

  private DatabaseUnavailable() {}

  /** Whether the failure, or one of its causes, is a database connection that could not be had. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true; // SQL state class 08: connection exception
      }
    }
    return false;
  }

  public static ErrorJson.Body body() {
    return ErrorJson.body("ServiceUnavailable", ERROR);
  }

  public static String json() {
    return ErrorJson.of("ServiceUnavailable", ERROR);
  }
}
