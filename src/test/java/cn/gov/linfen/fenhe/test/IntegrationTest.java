package cn.gov.linfen.fenhe.test;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that runs the platform: the whole application on a real port, demo identities,
 * on the database chosen by {@link TestDatabase}. All such tests share one application context per
 * JVM, so each test uses its own business keys. Tagged {@code database}: the suite runs them once
 * on H2 and once on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "test"})
@Tag("database")
public abstract class IntegrationTest {

  public static final String DEMO_PASSWORD = "Demo!2026fenhe";
  private static final int PORT = TestDatabase.freePort();

  /** The pool's settings of application-postgres.yaml (PoolSettingsTest checks they agree). */
  public static final String POSTGRES_CONNECTION_INIT_SQL =
      "SET plan_cache_mode TO force_custom_plan; SET jit TO off";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.Target target = TestDatabase.target();
    registry.add("spring.datasource.url", target::url);
    registry.add("spring.datasource.username", target::user);
    registry.add("spring.datasource.password", target::password);
    registry.add("server.port", () -> PORT);
    if ("postgresql".equals(target.kind())) {
      // as the postgres profile (application-postgres.yaml): the engine's batched INSERTs rewritten
      // into multi-row INSERTs by the driver, so the tests run the production's write path
      registry.add(
          "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
      // and every statement planned with its parameters, but the engine's commands (PlanCacheMode),
      // without JIT compilation
      registry.add(
          "spring.datasource.hikari.connection-init-sql", () -> POSTGRES_CONNECTION_INIT_SQL);
    }
  }

  protected static int port() {
    return PORT;
  }

  protected static String baseUrl() {
    return "http://localhost:" + PORT;
  }
}
