package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link CandidateGroupInbox} counts without parallel workers on PostgreSQL, and leaves the
 * transaction's setting as it found it: a count inside a longer transaction changes nothing for
 * what that transaction runs next, and the pool's connections keep their own setting (runs in the
 * PostgreSQL phase of the suite).
 */
class CandidateGroupInboxSettingTest extends IntegrationTest {

  private static final String WORKERS = "max_parallel_workers_per_gather";

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void an_inbox_count_leaves_the_transactions_parallel_setting_as_it_was() {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only");
    String pools = jdbc.queryForObject("SELECT current_setting('" + WORKERS + "')", String.class);
    long taken = CandidateGroupInbox.taken();
    String after =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired()
            .execute(
                (Command<String>)
                    context -> {
                      sql(context, "SET LOCAL " + WORKERS + " = 1");
                      taskService
                          .createTaskQuery()
                          .taskCandidateGroupIn(List.of("finance-bureau", "reform-office"))
                          .count();
                      return sql(context, "SELECT current_setting('" + WORKERS + "')");
                    });
    assertThat(CandidateGroupInbox.taken()).as("counted by the short path").isEqualTo(taken + 1);
    assertThat(after).isEqualTo("1");
    for (int i = 0; i < 30; i++) {
      assertThat(jdbc.queryForObject("SELECT current_setting('" + WORKERS + "')", String.class))
          .isEqualTo(pools);
    }
  }

  private static String sql(CommandContext context, String sql) {
    try (Statement statement =
        context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
      if (!statement.execute(sql)) {
        return null;
      }
      try (ResultSet rows = statement.getResultSet()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
