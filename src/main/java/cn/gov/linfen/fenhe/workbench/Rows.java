package cn.gov.linfen.fenhe.workbench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * What the workbench's own tables ({@code fenhe_case_event}, {@code fenhe_notification}, {@code
 * fenhe_case_copy}) have in common: a row inserted with its generated {@code id}, and the times of
 * a row read back.
 */
final class Rows {

  private Rows() {}

  /** Inserts one row (the values in the order of the columns); its generated {@code id}. */
  static long insert(JdbcTemplate jdbc, String table, List<String> columns, Object... values) {
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(columns.size() + " columns, " + values.length + " values");
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(values.length, "?"))
            + ")";
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
          new ArgumentPreparedStatementSetter(values).setValues(statement);
          return statement;
        },
        key);
    return key.getKey().longValue();
  }

  /** A time column of a row; {@code null} where it has none. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
