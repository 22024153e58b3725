package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.engine.guard.EngineGuardInterceptor;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link PlanCacheMode}: on PostgreSQL an engine command that is not a query runs with {@code
 * plan_cache_mode = auto} for its transaction only, and so does a query of one case; any other
 * query command, and the pool's connections after the command, keep {@code force_custom_plan} (runs
 * in the PostgreSQL phase of the suite). Which queries count as of one case: {@code
 * PlanCacheModeRulesTest}.
 */
class PlanCacheModeTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  static String setting(CommandContext context) {
    try (Statement statement =
            context.getDbSqlSession().getSqlSession().getConnection().createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_setting('plan_cache_mode')")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  CommandExecutor executor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** A query command that reads the setting instead of counting tasks. */
  static class SettingQuery extends TaskQueryImpl {
    String seen;

    SettingQuery(CommandExecutor executor) {
      super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
      seen = setting(context);
      return 0;
    }
  }

  @Test
  void the_plan_cache_mode_is_decided_before_the_guards_read_for_the_command() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (List<CommandInterceptor> chain :
        List.of(
            configuration.getCustomPostCommandInterceptorsTxRequired(),
            configuration.getCustomPostCommandInterceptorsTxRequiresNew())) {
      List<Class<?>> order = chain.stream().<Class<?>>map(Object::getClass).toList();
      assertThat(order).contains(PlanCacheMode.class, EngineGuardInterceptor.class);
      assertThat(order.indexOf(PlanCacheMode.class))
          .isLessThan(order.indexOf(EngineGuardInterceptor.class));
    }
  }

  @Test
  void a_command_plans_as_postgresql_usually_does_and_a_query_keeps_the_pools_custom_plans() {
    // a PostgreSQL setting: on H2 the interceptor does nothing (the whole suite runs through it)
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only");
    String inCommand = executor().execute((Command<String>) PlanCacheModeTest::setting);
    SettingQuery query = new SettingQuery(executor());
    query.count();
    assertThat(inCommand).isEqualTo("auto");
    assertThat(query.seen).isEqualTo("force_custom_plan");
    // a query of one case plans as the commands do; the inbox's kind of query keeps custom plans
    SettingQuery ofOneCase = new SettingQuery(executor());
    ofOneCase.processInstanceId("any-case").count();
    assertThat(ofOneCase.seen).isEqualTo("auto");
    SettingQuery inbox = new SettingQuery(executor());
    inbox.taskCandidateGroupIn(List.of("reform-office")).count();
    assertThat(inbox.seen).isEqualTo("force_custom_plan");
    // SET LOCAL: the connection goes back to the pool with its own setting
    for (int i = 0; i < 30; i++) {
      assertThat(jdbc.queryForObject("SELECT current_setting('plan_cache_mode')", String.class))
          .isEqualTo("force_custom_plan");
    }
  }
}
