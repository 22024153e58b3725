package cn.gov.linfen.fenhe.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the tests run on, chosen by the system property {@code fenhe.test.db} ({@code h2},
 * the default, or {@code postgresql}). PostgreSQL is the one named by {@code FENHE_TEST_PG_URL} (a
 * JDBC URL of a server where the user may create databases), or else an embedded PostgreSQL started
 * here. Each test JVM gets a fresh database. A missing PostgreSQL fails the run; it is never
 * skipped.
 */
public final class TestDatabase {

  public static final String DB_PROPERTY = "fenhe.test.db";
  public static final String PG_URL_ENV = "FENHE_TEST_PG_URL";

  private static Target target;
  private static EmbeddedPostgres embedded;

  private TestDatabase() {}

  public record Target(String url, String user, String password, String kind) {}

  public static boolean isPostgres() {
    return "postgresql".equals(System.getProperty(DB_PROPERTY, "h2"));
  }

  public static synchronized Target target() {
    if (target == null) {
      target = isPostgres() ? postgres() : h2();
    }
    return target;
  }

  private static Target h2() {
    String name = "fenhe-test-" + UUID.randomUUID();
    return new Target("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=LEGACY", "sa", "", "h2");
  }

  /**
   * A new, empty PostgreSQL database, whatever the run's database (for tests of the production
   * profile).
   */
  public static synchronized Target newPostgresDatabase() {
    return postgres();
  }

  private static Target postgres() {
    String database =
        "fenhe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String adminUrl = System.getenv(PG_URL_ENV);
    String user;
    String password = "";
    String base;
    if (adminUrl != null && !adminUrl.isBlank()) {
      base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
      user = System.getenv().getOrDefault("FENHE_TEST_PG_USER", "postgres");
      password = System.getenv().getOrDefault("FENHE_TEST_PG_PASSWORD", "");
    } else {
      try {
        if (embedded == null) {
          embedded = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::closeEmbedded));
        }
      } catch (IOException e) {
        throw new IllegalStateException(
            "Could not start an embedded PostgreSQL and "
                + PG_URL_ENV
                + " is not set: the PostgreSQL test run cannot be done",
            e);
      }
      base = embedded.getJdbcUrl("postgres", "postgres");
      base = base.contains("?") ? base.substring(0, base.indexOf('?')) : base;
      user = "postgres";
    }
    try (Connection connection = DriverManager.getConnection(base, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the test database on " + base + ": " + e.getMessage(), e);
    }
    String url = base.substring(0, base.lastIndexOf('/') + 1) + database;
    return new Target(url, user, password, "postgresql");
  }

  private static void closeEmbedded() {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // the JVM is ending
    }
  }

  /** A free TCP port on loopback for the test server (the workers' client needs it up front). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
