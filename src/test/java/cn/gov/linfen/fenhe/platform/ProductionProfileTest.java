package cn.gov.linfen.fenhe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.FenheApplication;
import cn.gov.linfen.fenhe.identity.IdentityProperties;
import cn.gov.linfen.fenhe.security.ProductionSafetyCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production profile refuses demo identities, default passwords and a database other than
 * PostgreSQL.
 */
@Tag("own-context") // starts applications of its own: runs in a JVM of its own
class ProductionProfileTest {

  @TempDir Path dataDir;

  private static IdentityProperties identity(
      boolean demo, String workerPassword, String adminUser, String adminPassword) {
    return new IdentityProperties(
        demo, "", "fenhe-worker", workerPassword, adminUser, adminPassword, Map.of());
  }

  private static MockEnvironment environment(String url, String dbPassword) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("production");
    environment.setProperty("spring.datasource.url", url);
    environment.setProperty("spring.datasource.password", dbPassword);
    environment.setProperty("fenhe.p3.retained-shares-source", "临财预〔2026〕1号（测试）");
    return environment;
  }

  @Test
  void a_safe_configuration_has_no_problems() {
    List<String> problems =
        ProductionSafetyCheck.problems(
            environment("jdbc:postgresql://db.linfen.gov.cn:5432/fenhe", "s3cret-Db-2026"),
            identity(false, "Worker#Secret-2026", "lf-admin", "Admin#Secret-2026"));
    assertThat(problems).isEmpty();
  }

  @Test
  void h2_demo_identities_and_demo_passwords_are_each_refused() {
    List<String> problems =
        ProductionSafetyCheck.problems(
            environment("jdbc:h2:file:./data/fenhe", ""),
            identity(
                true,
                ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD,
                "admin",
                ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD));
    assertThat(String.join("\n", problems))
        .contains("PostgreSQL")
        .contains("FENHE_DB_PASSWORD")
        .contains("demo identities")
        .contains("FENHE_WORKER_PASSWORD is a demo password")
        .contains("FENHE_ADMIN_USER 'admin'")
        .contains("FENHE_ADMIN_PASSWORD");
  }

  @Test
  void P3_R03_the_illustrative_retained_share_ratios_are_refused_until_their_source_is_named() {
    MockEnvironment environment =
        environment("jdbc:postgresql://db.linfen.gov.cn:5432/fenhe", "s3cret-Db-2026");
    environment.setProperty("fenhe.p3.retained-shares-source", " ");
    List<String> problems =
        ProductionSafetyCheck.problems(
            environment, identity(false, "Worker#Secret-2026", "lf-admin", "Admin#Secret-2026"));
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("fenhe.p3.retained-shares-source")
        .contains("illustrative");
  }

  @Test
  void a_workers_only_node_needs_no_database_settings() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("production", "workers");
    environment.setProperty("fenhe.role.engine", "false");
    environment.setProperty("spring.datasource.url", "${FENHE_DB_URL}");
    environment.setProperty("fenhe.p3.retained-shares-source", "临财预〔2026〕1号（测试）");
    assertThat(
            ProductionSafetyCheck.problems(
                environment, identity(false, "Worker#Secret-2026", "", "")))
        .isEmpty();
  }

  @Test
  void the_application_does_not_start_in_production_on_h2() {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(FenheApplication.class).profiles("production", "test");
    String[] args = {
      "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("fenhe") + ";MODE=LEGACY",
      "--spring.datasource.username=sa",
      "--spring.datasource.password=",
      "--server.port=0"
    };
    assertThatThrownBy(() -> builder.run(args))
        .hasStackTraceContaining("refusing to start")
        .hasStackTraceContaining("PostgreSQL");
  }
}
