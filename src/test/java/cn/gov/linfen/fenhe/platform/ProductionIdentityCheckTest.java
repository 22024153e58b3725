package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.test.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile on a real PostgreSQL: no administrator, no start; with one, a clean start
 * without demo users.
 */
@Tag("own-context") // starts applications of its own: runs in a JVM of its own
class ProductionIdentityCheckTest {

  private static String[] args(TestDatabase.Target db, String... more) {
    String[] base = {
      "--spring.profiles.active=production,postgres",
      "--spring.datasource.url=" + db.url(),
      "--spring.datasource.username=" + db.user(),
      "--spring.datasource.password=not-empty-for-the-check",
      "--fenhe.identity.worker-password=Worker#Secret-2026",
      "--fenhe.p3.retained-shares-source=临财预〔2026〕1号（测试）",
      "--camunda.bpm.client.disable-auto-fetching=true",
      "--camunda.bpm.job-execution.enabled=false",
      "--server.port=0",
      // an engine name of its own: closing this context must not unregister the shared tests'
      // engine
      "--camunda.bpm.process-engine-name=productionTest"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void production_refuses_to_start_without_an_administrator_and_starts_with_one() {
    TestDatabase.Target db = TestDatabase.newPostgresDatabase();
    assertThatThrownBy(
            () -> new SpringApplicationBuilder(FenheApplication.class).run(args(db)).close())
        .hasStackTraceContaining("no administrator exists");

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(FenheApplication.class)
            .run(
                args(
                    db,
                    "--fenhe.identity.initial-admin-user=lf-admin",
                    "--fenhe.identity.initial-admin-password=Admin#Secret-2026"))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getIdentityService()
                  .createUserQuery()
                  .memberOfGroup("admins")
                  .singleResult()
                  .getId())
          .isEqualTo("lf-admin");
      assertThat(
              engine
                  .getIdentityService()
                  .createUserQuery()
                  .userIdIn("admin", "demo-reform-office")
                  .count())
          .isZero();
      assertThat(engine.getIdentityService().checkPassword("fenhe-worker", "Worker#Secret-2026"))
          .isTrue();
    }
  }
}
