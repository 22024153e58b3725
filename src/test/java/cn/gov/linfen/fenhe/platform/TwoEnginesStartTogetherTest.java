package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two engine nodes (two applications of the engine role) starting at the same moment on one empty
 * PostgreSQL database both come up, and what they create at start-up exists once: the engine's
 * tables, the platform's Flyway migrations, the deployment of the models, the groups, grants and
 * users of the identity policy (issue 20, point 5; {@code StartupLock}). The same check with two
 * JVMs is part {@code cluster} of {@code bench/run.sh}.
 *
 * <p>In one JVM the second node starts once the first has set up logging (the one logback context
 * of the JVM cannot be set up while it is in use). Starting close together is not enough to make
 * them meet anyway: Flyway's own lock, which comes first, lets one node ahead by seconds on a
 * loaded machine. So both nodes also wait for each other right before the engine's schema operation
 * ({@link AtTheSameMoment}, outside the start-up lock): without {@code ClusterSafeSchema} both then
 * create the tables at once and one start fails.
 */
@Tag("own-context") // starts applications of its own: runs in a JVM of its own
class TwoEnginesStartTogetherTest {

  private static String[] args(TestDatabase.Target db, String engineName) {
    return new String[] {
      "--spring.profiles.active=demo,postgres,test",
      "--spring.datasource.url=" + db.url(),
      "--spring.datasource.username=" + db.user(),
      "--spring.datasource.password=" + db.password(),
      "--camunda.bpm.client.disable-auto-fetching=true",
      "--camunda.bpm.job-execution.enabled=false",
      "--server.port=0",
      "--logging.level.org.flywaydb=INFO",
      // engines of their own names: in one JVM the engine registry is shared
      "--camunda.bpm.process-engine-name=" + engineName
    };
  }

  @Test
  void two_engines_starting_together_on_an_empty_postgresql_database_both_start() throws Exception {
    TestDatabase.Target db = TestDatabase.newPostgresDatabase();
    // one logging set-up for the JVM: Spring Boot's set-up of the one logback context is not safe
    // to run while another application of the JVM uses it (ConcurrentModificationException in
    // LoggerContext.putProperty, 3 of 13 starts). So the second node starts once the first has set
    // logging up, without a logging system of its own (it logs through the first's); the nodes
    // still meet at the schema operation
    CountDownLatch firstLogging = new CountDownLatch(1);
    CyclicBarrier schemaTogether = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    try {
      for (String name : List.of("clusterNodeA", "clusterNodeB")) {
        boolean first = starts.isEmpty();
        starts.add(
            threads.submit(
                () -> {
                  if (!first) {
                    firstLogging.await(2, TimeUnit.MINUTES);
                    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
                  }
                  AtTheSameMoment meet = new AtTheSameMoment(schemaTogether);
                  try {
                    return new SpringApplicationBuilder(FenheApplication.class)
                        .initializers(
                            context -> {
                              context.getBeanFactory().registerSingleton("atTheSameMoment", meet);
                              firstLogging.countDown();
                            })
                        .run(args(db, name));
                  } finally {
                    firstLogging.countDown();
                  }
                }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<ConfigurableApplicationContext> start : starts) {
        try {
          started.add(start.get(5, TimeUnit.MINUTES));
        } catch (Exception e) {
          failures.add(causes(e));
        }
      }
      assertThat(failures).as("start-up failures of the two nodes").isEmpty();
      assertThat(started).hasSize(2);
      for (ConfigurableApplicationContext context : started) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count())
            .isPositive();
      }

      try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
          Statement statement = connection.createStatement()) {
        // the engine's schema was created once (one entry in its schema log), completely
        assertThat(count(statement, "SELECT count(*) FROM act_ge_schema_log")).isEqualTo(1);
        assertThat(
                count(
                    statement, "SELECT count(*) FROM act_ge_property WHERE name_ = 'historyLevel'"))
            .isEqualTo(1);
        // every migration of the platform's own tables ran once, successfully
        assertThat(
                count(
                    statement,
                    "SELECT count(*) FROM fenhe_schema_history WHERE version IS NOT NULL"
                        + " AND version <> '0' GROUP BY version HAVING count(*) > 1"))
            .isZero();
        assertThat(count(statement, "SELECT count(*) FROM fenhe_schema_history WHERE NOT success"))
            .isZero();
        // one version of each model (changed-only deployment under the engine's deployment lock)
        assertThat(
                count(
                    statement,
                    "SELECT count(*) FROM (SELECT key_ FROM act_re_procdef GROUP BY key_"
                        + " HAVING count(*) > 1) twice"))
            .isZero();
        // the policy's identities once (a second insert of a user or group would have failed a
        // start); the grants once per group and resource
        assertThat(
                count(
                    statement, "SELECT count(*) FROM act_id_user WHERE id_ = 'demo-reform-office'"))
            .isEqualTo(1);
        assertThat(
                count(
                    statement,
                    "SELECT count(*) FROM (SELECT type_, group_id_, user_id_, resource_type_, resource_id_"
                        + " FROM act_ru_authorization GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) twice"))
            .isZero();
        // the Tasklist filter of application.yaml (camunda.bpm.filter.create) once
        assertThat(count(statement, "SELECT count(*) FROM act_ru_filter WHERE name_ = '我的待办'"))
            .isEqualTo(1);
      }
    } finally {
      for (ConfigurableApplicationContext context : started) {
        context.close();
      }
      threads.shutdownNow();
      System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
    }
  }

  /**
   * An engine plugin of the test: the node's schema operation waits for the other node's (at most a
   * minute), so that both begin it together. Wraps the operation in {@code postInit}, after every
   * plugin's {@code preInit}: outside the start-up lock, which ClusterSafeSchema adds in {@code
   * preInit}.
   */
  private static final class AtTheSameMoment extends AbstractProcessEnginePlugin {
    private final CyclicBarrier barrier;

    AtTheSameMoment(CyclicBarrier barrier) {
      this.barrier = barrier;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      SchemaOperationsCommand operation = configuration.getSchemaOperationsCommand();
      configuration.setSchemaOperationsCommand(
          commandContext -> {
            try {
              barrier.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
              // the other node failed or is late: go on alone
            }
            return operation.execute(commandContext);
          });
    }
  }

  /** A failed start and the cause where it began, with its place, for the report. */
  private static String causes(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    StackTraceElement[] at = root.getStackTrace();
    return failure + "\n  began with: " + root + (at.length > 0 ? "\n    at " + at[0] : "");
  }

  /** The first column of the first row, 0 for no row. */
  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }
}
