package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * On PostgreSQL, the version of the wildcard authorizations ({@code fenhe_auth_wildcard_version},
 * Flyway V63): triggers on the engine's {@code ACT_RU_AUTHORIZATION} add one to it in the
 * transaction of every insert, update or delete of a row with resource id {@code '*'} (and of a
 * {@code TRUNCATE}), whoever writes it: the engine of any node, Admin, a hand-written statement.
 * Once they are in place, {@link WildcardGrants} keeps a caller's wildcard grants across commands,
 * read again when the version has moved ({@link WildcardGrants#versioned}).
 *
 * <p>Per-task and per-case rows (their own resource ids) do not fire the triggers' function: the
 * condition is the trigger's {@code WHEN}. The function inserts the version row if it is missing,
 * so a change is never lost to a missing row; without the table the write fails. Created at every
 * start under the start-up lock ({@link StartupLock}), as the indexes of {@link EngineIndexes}; if
 * that fails, nothing is kept across commands (the grants are then read at every command). H2, the
 * single-node demo database: no triggers, the grants are read at every command.
 */
public class WildcardGrantVersion extends AbstractProcessEnginePlugin {

  /** The version's table: Flyway's V63, and this plugin when the engine starts before V63 ran. */
  private static final String TABLE =
      "CREATE TABLE IF NOT EXISTS fenhe_auth_wildcard_version"
          + " (id INT PRIMARY KEY, version BIGINT NOT NULL)";

  static final List<String> POSTGRES =
      List.of(
          TABLE,
          "CREATE OR REPLACE FUNCTION fenhe_auth_wildcard_changed() RETURNS trigger"
              + " LANGUAGE plpgsql AS $$ BEGIN"
              // a missing row comes back with a version never used before (the time in µs)
              + " INSERT INTO fenhe_auth_wildcard_version (id, version)"
              + " VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)"
              + " ON CONFLICT (id) DO UPDATE SET version = fenhe_auth_wildcard_version.version + 1;"
              + " RETURN NULL; END $$",
          "CREATE OR REPLACE TRIGGER fenhe_auth_wildcard_insert AFTER INSERT ON ACT_RU_AUTHORIZATION"
              + " FOR EACH ROW WHEN (NEW.RESOURCE_ID_ = '*')"
              + " EXECUTE FUNCTION fenhe_auth_wildcard_changed()",
          "CREATE OR REPLACE TRIGGER fenhe_auth_wildcard_update AFTER UPDATE ON ACT_RU_AUTHORIZATION"
              + " FOR EACH ROW WHEN (OLD.RESOURCE_ID_ = '*' OR NEW.RESOURCE_ID_ = '*')"
              + " EXECUTE FUNCTION fenhe_auth_wildcard_changed()",
          "CREATE OR REPLACE TRIGGER fenhe_auth_wildcard_delete AFTER DELETE ON ACT_RU_AUTHORIZATION"
              + " FOR EACH ROW WHEN (OLD.RESOURCE_ID_ = '*')"
              + " EXECUTE FUNCTION fenhe_auth_wildcard_changed()",
          "CREATE OR REPLACE TRIGGER fenhe_auth_wildcard_truncate AFTER TRUNCATE"
              + " ON ACT_RU_AUTHORIZATION FOR EACH STATEMENT"
              + " EXECUTE FUNCTION fenhe_auth_wildcard_changed()");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    DataSource dataSource = configuration.getDataSource();
    boolean installed = StartupLock.around(dataSource, () -> install(dataSource));
    if (installed) {
      WildcardGrants.versioned(configuration);
    }
  }

  /**
   * Flyway's V63, in Flyway's transaction: the table and its row (version 0). On PostgreSQL under
   * the start-up lock until Flyway commits, since another node's plugin may be creating the same
   * table at this moment (two {@code CREATE TABLE IF NOT EXISTS} at once: one fails on {@code
   * pg_type}'s unique index and stops that node's start); and giving way if another node's trigger
   * inserted the row first. H2, single-node: no lock, no trigger.
   */
  public static void createTable(Connection connection) throws SQLException {
    boolean postgres = StartupLock.isPostgres(connection);
    // Flyway's transaction holds it until its commit (in auto-commit: held until released below)
    boolean session = postgres && StartupLock.lockForTransaction(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute(TABLE);
      statement.execute(
          postgres
              ? "INSERT INTO fenhe_auth_wildcard_version (id, version) VALUES (1, 0)"
                  + " ON CONFLICT (id) DO NOTHING"
              : "INSERT INTO fenhe_auth_wildcard_version (id, version) SELECT 1, 0"
                  + " WHERE NOT EXISTS (SELECT 1 FROM fenhe_auth_wildcard_version WHERE id = 1)");
    } finally {
      if (session) {
        StartupLock.unlockSession(connection);
      }
    }
  }

  static boolean install(DataSource dataSource) {
    // the engine works without them: the wildcard grants are then read at every command
    return EngineIndexes.execute(
        dataSource, POSTGRES, "the wildcard authorizations' version triggers");
  }
}
