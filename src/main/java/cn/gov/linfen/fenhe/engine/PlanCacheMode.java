package cn.gov.linfen.fenhe.engine;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * On PostgreSQL, the engine's commands that change something plan their statements the database's
 * usual way ({@code plan_cache_mode = auto}: a statement run often is planned once per connection),
 * its queries keep the pool's {@code force_custom_plan} (application-postgres.yaml).
 *
 * <p>The pool plans every statement with its parameters because a cached generic plan of the
 * engine's task queries ignores which permission bit is asked for and turned the officer's inbox
 * count from ~1 s into 20–30 s at 100,000 open tasks (docs/benchmarks.md, part 3). The statements
 * of a command that starts a case, fetches or completes an external task, completes a user task,
 * are the same few statements by primary key again and again (with the foreign-key checks
 * PostgreSQL runs for them): planning each one again was half of the database's CPU per P5 act
 * (docs/benchmarks.md, section 8). So the first command of a transaction that is not a query
 * ({@link AbstractQuery}: task, process, history queries of the REST API, Tasklist and Cockpit)
 * sets {@code plan_cache_mode = auto} for that transaction only ({@code SET LOCAL}); Fenhe's own
 * list queries and every query command keep the pool's setting. Other databases: nothing.
 */
public class PlanCacheMode extends CommandInterceptor {

  private static final String POSTGRES = "postgres";

  /** The command context (transaction) whose mode is already decided on this thread. */
  private final ThreadLocal<WeakReference<CommandContext>> decided = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null && firstCommandOf(context) && !(command instanceof AbstractQuery<?, ?>)) {
      ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
      if (POSTGRES.equals(configuration.getDatabaseType())) {
        setLocalAuto(context.getDbSqlSession().getSqlSession().getConnection());
      }
    }
    return next.execute(command);
  }

  private boolean firstCommandOf(CommandContext context) {
    WeakReference<CommandContext> last = decided.get();
    if (last != null && last.get() == context) {
      return false;
    }
    decided.set(new WeakReference<>(context));
    return true;
  }

  private static void setLocalAuto(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = auto");
    } catch (SQLException e) {
      throw new ProcessEngineException("SET LOCAL plan_cache_mode failed", e);
    }
  }
}
