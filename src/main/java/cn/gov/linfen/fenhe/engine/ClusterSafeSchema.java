package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine's schema operation (create or update its tables, {@code camunda.bpm.database.
 * schema-update=true}) under the {@link StartupLock}, so that engines starting together on an empty
 * PostgreSQL database create the tables once: the first creates them, the others wait for its
 * commit and then find them. The lock is taken in the operation's own transaction and released by
 * its commit. On H2 the operation runs as it is.
 */
public class ClusterSafeSchema extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SchemaOperationsCommand operation = configuration.getSchemaOperationsCommand();
    if (!(operation instanceof Locked)) {
      configuration.setSchemaOperationsCommand(new Locked(operation));
    }
  }

  /** The engine's schema operation, preceded by taking the start-up lock. */
  static final class Locked implements SchemaOperationsCommand {

    private final SchemaOperationsCommand operation;

    Locked(SchemaOperationsCommand operation) {
      this.operation = operation;
    }

    @Override
    public Void execute(CommandContext commandContext) {
      if (!DbSqlSessionFactory.POSTGRES.equals(
          commandContext.getProcessEngineConfiguration().getDatabaseType())) {
        return operation.execute(commandContext);
      }
      Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
      boolean session;
      try {
        session = StartupLock.lockForTransaction(connection);
      } catch (SQLException e) {
        throw new ProcessEngineException("start-up lock: " + e.getMessage(), e);
      }
      try {
        return operation.execute(commandContext);
      } finally {
        if (session) {
          // auto-commit: every statement of the operation is committed already
          try {
            StartupLock.unlockSession(connection);
          } catch (SQLException e) {
            throw new ProcessEngineException("start-up lock: " + e.getMessage(), e);
          }
        }
      }
    }
  }
}
