package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Flyway's V63 ({@link WildcardGrantVersion#createTable}) on a database another node is starting on
 * at the same moment (the CI failure of {@code TwoEnginesStartTogetherTest}, issue 20): it waits
 * for a node whose plugin is creating the table under the start-up lock, and gives way to a node
 * whose trigger is inserting the version row. Both on a new PostgreSQL database of their own,
 * whatever the run's database; and on H2 it runs twice without harm.
 */
class WildcardGrantVersionMigrationTest {

  @Test
  void v63_waits_for_another_node_creating_the_table_under_the_start_up_lock() throws Exception {
    TestDatabase.Target db = TestDatabase.newPostgresDatabase();
    try (Connection other = connect(db);
        Connection flyway = connect(db)) {
      other.setAutoCommit(false);
      StartupLock.lockForTransaction(other);
      try (Statement statement = other.createStatement()) {
        statement.execute(WildcardGrantVersion.POSTGRES.get(0));
      }
      // V63 waits for the start-up lock, not for the other node's table (where it would fail)
      migrateWhileOpen(db, other, flyway, "advisory");
      assertThat(versionRows(other)).isEqualTo("1:0");
    }
  }

  @Test
  void v63_gives_way_to_the_version_row_another_nodes_trigger_is_inserting() throws Exception {
    TestDatabase.Target db = TestDatabase.newPostgresDatabase();
    try (Connection other = connect(db);
        Connection flyway = connect(db)) {
      try (Statement statement = other.createStatement()) {
        // the engine's table, as far as the triggers read it, and the plugin's table and triggers
        statement.execute("CREATE TABLE ACT_RU_AUTHORIZATION (RESOURCE_ID_ VARCHAR(255))");
        for (String sql : WildcardGrantVersion.POSTGRES) {
          statement.execute(sql);
        }
      }
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        // another node grants to everyone: its trigger inserts the missing version row
        statement.execute("INSERT INTO ACT_RU_AUTHORIZATION (RESOURCE_ID_) VALUES ('*')");
      }
      migrateWhileOpen(db, other, flyway, "transactionid");
      // the trigger's version stays: a version never used before, not V63's 0
      assertThat(versionRows(other)).matches("1:[1-9][0-9]*");
    }
  }

  @Test
  void v63_on_h2_creates_the_row_once() throws Exception {
    String url = "jdbc:h2:mem:v63-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      WildcardGrantVersion.createTable(connection);
      WildcardGrantVersion.createTable(connection);
      assertThat(versionRows(connection)).isEqualTo("1:0");
    }
  }

  private static Connection connect(TestDatabase.Target db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  /**
   * V63 while the other node's transaction is open: it waits (for a lock of the kind given) until
   * the other commits, and then ends without failing.
   */
  private static void migrateWhileOpen(
      TestDatabase.Target db, Connection other, Connection flyway, String waitsFor)
      throws Exception {
    CompletableFuture<Void> migration = migrateAsync(flyway);
    assertThat(waitEvent(db, pid(flyway))).isEqualTo(waitsFor);
    other.commit();
    migration.get(30, TimeUnit.SECONDS);
  }

  /** V63 as Flyway runs it: in a transaction of its own, committed at the end. */
  private static CompletableFuture<Void> migrateAsync(Connection flyway) throws SQLException {
    flyway.setAutoCommit(false);
    return CompletableFuture.runAsync(
        () -> {
          try {
            WildcardGrantVersion.createTable(flyway);
            flyway.commit();
          } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        });
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  /** What the session waits for, once it waits for a lock (at most 30 s). */
  private static String waitEvent(TestDatabase.Target db, int pid) throws Exception {
    try (Connection observer = connect(db);
        Statement statement = observer.createStatement()) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < until) {
        try (ResultSet row =
            statement.executeQuery(
                "SELECT wait_event FROM pg_stat_activity WHERE pid = "
                    + pid
                    + " AND wait_event_type = 'Lock'")) {
          if (row.next()) {
            return row.getString(1);
          }
        }
        Thread.sleep(20);
      }
      return "no lock wait";
    }
  }

  private static String versionRows(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id, version FROM fenhe_auth_wildcard_version")) {
      StringBuilder all = new StringBuilder();
      while (rows.next()) {
        all.append(all.isEmpty() ? "" : ",")
            .append(rows.getInt(1))
            .append(':')
            .append(rows.getLong(2));
      }
      return all.toString();
    }
  }
}
