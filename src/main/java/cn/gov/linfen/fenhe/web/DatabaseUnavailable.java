package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.security.ErrorJson;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database cannot be reached: the pool gave no connection within its timeout (a few
 * seconds, {@code spring.datasource.hikari.connection-timeout}). Answered 503 with a Chinese
 * reason, never 500: the request may be repeated once the database is back.
 */
public final class DatabaseUnavailable {

  public static final String CHINESE = "数据库暂时无法连接，请稍后重试";
  public static final String ENGLISH = "the database cannot be reached, please try again later";

  private DatabaseUnavailable() {}

  /** Whether the failure, or one of its causes, is a database connection that could not be had. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true; // SQL state class 08: connection exception
      }
    }
    return false;
  }

  public static Map<String, Object> body() {
    return ErrorJson.body("ServiceUnavailable", "database", CHINESE, ENGLISH);
  }

  public static String json() {
    return ErrorJson.of("ServiceUnavailable", "database", CHINESE, ENGLISH);
  }
}
