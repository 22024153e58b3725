package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock under which engine nodes change the shared PostgreSQL database at start-up: the engine's
 * schema ({@link ClusterSafeSchema}), the indexes of {@link EngineIndexes} and the identities of
 * the policy ({@code IdentitySetup}). Two nodes starting together on an empty database would
 * otherwise both create the engine's tables (the second fails with {@code duplicate key value
 * violates unique constraint "pg_type_typname_nsp_index"}) or both insert the same group or user.
 * With the lock the second node waits until the first has committed and then finds everything
 * there.
 *
 * <p>A PostgreSQL advisory lock on one fixed key: held by a database session, so a node that dies
 * while holding it releases it with its connection. H2 (the single-node demo database) needs none.
 * Flyway, which creates the platform's own tables, takes an advisory lock of its own (on a key
 * derived from its history table) around its migrations.
 */
public final class StartupLock {

  /** The key: "FENHE" in ASCII. Nothing else in the database takes advisory locks on it. */
  public static final long KEY = 0x46454E4845L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private StartupLock() {}

  /** Whether the connection is to PostgreSQL (the only database that needs the lock). */
  public static boolean isPostgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * Takes the lock on this connection until its transaction ends (commit or rollback). On a
   * connection in auto-commit mode that would be at once: there the lock is taken for the session
   * and the caller must {@link #unlockSession(Connection) release} it.
   *
   * @return true when the lock was taken for the session (auto-commit), false for the transaction
   */
  public static boolean lockForTransaction(Connection connection) throws SQLException {
    boolean session = connection.getAutoCommit();
    long waited = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          session
              ? "SELECT pg_advisory_lock(" + KEY + ")"
              : "SELECT pg_advisory_xact_lock(" + KEY + ")");
    }
    logWait(waited);
    return session;
  }

  /** Releases a lock this connection took for its session. */
  public static void unlockSession(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    }
  }

  /**
   * Runs the work while holding the lock on a connection of its own (on PostgreSQL; elsewhere the
   * work just runs). The work must commit what it writes before it returns: the lock is released
   * right after.
   */
  public static <T> T around(DataSource dataSource, Supplier<T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("no connection for the start-up lock: " + e.getMessage(), e);
    }
    try (connection) {
      if (!isPostgres(connection)) {
        return work.get();
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      long waited = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      logWait(waited);
      try {
        return work.get();
      } finally {
        unlockSession(connection);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("start-up lock: " + e.getMessage(), e);
    }
  }

  /** {@link #around(DataSource, Supplier)} for work without a result. */
  public static void around(DataSource dataSource, Runnable work) {
    around(
        dataSource,
        () -> {
          work.run();
          return null;
        });
  }

  private static void logWait(long since) {
    long ms = (System.nanoTime() - since) / 1_000_000;
    if (ms >= 100) {
      LOG.info("Waited {} ms for the start-up lock (another node was changing the database)", ms);
    }
  }
}
