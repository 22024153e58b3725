package cn.gov.linfen.fenhe.engine;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
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
 * sets {@code plan_cache_mode = auto} for that transaction only ({@code SET LOCAL}).
 *
 * <p>So does a query of one process instance, task or execution by its id ({@link #ofOneInstance}):
 * the REST API's {@code GET /task?processInstanceId=…}, {@code GET /process-instance/{id}} and
 * {@code GET /process-instance/{id}/variables/{name}} (a variable query of one instance), with
 * which clients follow a case. Each was planned again at every call, 0.7 ms a plan, 46.6 ms of
 * planning per P1 case against the secured baseline's 11.9 (run V). An equality on an id or an
 * indexed instance column selects a handful of rows whatever the value, so a generic plan cannot go
 * wrong the way the inbox's did. It runs before Fenhe's guards ({@code EngineGuardInterceptor}), so
 * that their reads of the command's task, form and process definition plan as the command does
 * (they were planned again at every command: runs L1 and L2 in docs/benchmarks.md). Every other
 * query (lists by candidate group, user, definition, counts), and Fenhe's own list queries, keep
 * the pool's setting. Other databases: nothing.
 */
public class PlanCacheMode extends CommandInterceptor {

  private static final String POSTGRES = "postgres";

  /** The command context (transaction) whose mode is already decided on this thread. */
  private final ThreadLocal<WeakReference<CommandContext>> decided = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null
        && firstCommandOf(context)
        && (!(command instanceof AbstractQuery<?, ?>) || ofOneInstance(command))) {
      ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
      if (POSTGRES.equals(configuration.getDatabaseType())) {
        setLocalAuto(context.getDbSqlSession().getSqlSession().getConnection());
      }
    }
    return next.execute(command);
  }

  /**
   * Whether the query selects by one process instance, task or execution id: the engine's queries
   * that clients use to follow one case.
   */
  static boolean ofOneInstance(Object query) {
    if (query instanceof TaskQueryImpl task) {
      return any(task.getProcessInstanceId(), task.getTaskId(), task.getExecutionId());
    }
    if (query instanceof ProcessInstanceQueryImpl instance) {
      return any(instance.getProcessInstanceId())
          || (instance.getProcessInstanceIds() != null
              && instance.getProcessInstanceIds().size() == 1);
    }
    if (query instanceof ExecutionQueryImpl execution) {
      return any(execution.getProcessInstanceId(), execution.getExecutionId());
    }
    if (query instanceof HistoricProcessInstanceQueryImpl historic) {
      return any(historic.getProcessInstanceId());
    }
    if (query instanceof HistoricTaskInstanceQueryImpl historic) {
      return any(historic.getProcessInstanceId(), historic.getTaskId(), historic.getExecutionId());
    }
    if (query instanceof HistoricActivityInstanceQueryImpl historic) {
      return any(historic.getProcessInstanceId(), historic.getExecutionId());
    }
    if (query instanceof VariableInstanceQueryImpl variable) {
      return one(variable.getProcessInstanceIds())
          || one(variable.getExecutionIds())
          || one(variable.getTaskIds());
    }
    return false;
  }

  private static boolean any(String... ids) {
    return Stream.of(ids).anyMatch(Objects::nonNull);
  }

  private static boolean one(String[] ids) {
    return ids != null && ids.length == 1;
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
