package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on the engine's own tables that the benchmarks justify (docs/benchmarks.md, part 3),
 * created once the engine has created or updated its schema. Not a Flyway migration: Flyway runs
 * before the engine creates its tables on a fresh database.
 *
 * <p>PostgreSQL only: expression indexes on the authorization bit masks. The engine's task query
 * filters authorizations with {@code PERMS_ & n = n}; without statistics on that expression
 * PostgreSQL guesses 0.5 % of the rows match, and at 100,000 open tasks (one authorization per task
 * and candidate group) picks a nested loop over every task × every authorization: the inbox count
 * of an officer with two groups took 20–48 s. With the statistics of these indexes it looks the
 * authorizations up by resource id instead.
 */
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** READ (2) on tasks, READ_TASK (64) on process definitions: the bits the task queries check. */
  static final List<String> POSTGRES =
      List.of(
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_AUTH_PERMS_READ ON ACT_RU_AUTHORIZATION ((PERMS_ & 2))",
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_AUTH_PERMS_READ_TASK ON ACT_RU_AUTHORIZATION ((PERMS_ & 64))",
          // the grants the task queries look for, by resource id: the predicate is the engine's own
          // (Authorization.xml, authCheckJoinWithoutOnClause with READ on the task or READ_TASK on
          // its definition), so with custom plans PostgreSQL proves it and looks a task's grants up
          // here. The look-up of resource id '*' then reads the few task grants to everyone instead
          // of every '*' grant of every resource type (127 rows for each of the officer's 20,000
          // tasks): the inbox count at 100,000 open tasks, docs/benchmarks.md (issue 20)
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_AUTH_TASK_READ ON ACT_RU_AUTHORIZATION (RESOURCE_ID_)"
              + " WHERE TYPE_ < 2 AND (RESOURCE_TYPE_ = 7 AND PERMS_ & 2 = 2"
              + " OR RESOURCE_TYPE_ = 6 AND PERMS_ & 64 = 64)",
          // the workbench's 待办 page walks the open tasks in due-date order (docs/workbench.md)
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_TASK_TODO_DUE ON ACT_RU_TASK"
              + " (DUE_DATE_ ASC NULLS LAST, CREATE_TIME_, ID_)",
          // its search finds the sub-tasks (加签 before the holder) of the matching cases' tasks;
          // the engine does not index a task's parent (partial: only sub-tasks have one)
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)"
              + " WHERE PARENT_TASK_ID_ IS NOT NULL",
          // 已办 (tasks a user completed) and 我发起的 (cases a user started): the engine indexes
          // neither column of its history
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_HI_TASK_ASSIGNEE ON ACT_HI_TASKINST"
              + " (ASSIGNEE_, END_TIME_)",
          "CREATE INDEX IF NOT EXISTS FENHE_IDX_HI_PROC_STARTER ON ACT_HI_PROCINST"
              + " (START_USER_ID_, START_TIME_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    // two nodes starting together: CREATE INDEX IF NOT EXISTS is not safe to race
    StartupLock.around(
        configuration.getDataSource(), () -> create(configuration.getDataSource(), POSTGRES));
  }

  static void create(DataSource dataSource, List<String> statements) {
    List<String> all = new ArrayList<>(statements);
    all.add("ANALYZE ACT_RU_AUTHORIZATION");
    all.add("ANALYZE ACT_RU_TASK");
    // the engine works without them, only slower at scale
    execute(dataSource, all, "the engine indexes of docs/benchmarks.md");
  }

  /**
   * Runs the start-up statements on one connection in auto-commit; false (and a warning naming
   * {@code what}) when one fails.
   */
  static boolean execute(DataSource dataSource, List<String> statements, String what) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String sql : statements) {
        statement.execute(sql);
      }
      connection.setAutoCommit(autoCommit);
      return true;
    } catch (SQLException e) {
      LOG.warn("Could not create {}: {}", what, e.getMessage());
      return false;
    }
  }
}
