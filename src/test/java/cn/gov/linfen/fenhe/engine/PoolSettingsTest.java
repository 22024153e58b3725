package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestDatabase;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The pool's PostgreSQL session settings (application-postgres.yaml): every statement planned with
 * its parameters and none compiled by JIT (docs/benchmarks.md, issue 20: the engine inbox count).
 * The tests' pool uses the same text as the production profile.
 */
class PoolSettingsTest extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  @SuppressWarnings("unchecked")
  void the_tests_pool_runs_the_settings_of_the_postgres_profile() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/application-postgres.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Map<String, Object> hikari =
          (Map<String, Object>)
              ((Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("datasource"))
                  .get("hikari");
      assertThat(hikari.get("connection-init-sql")).isEqualTo(POSTGRES_CONNECTION_INIT_SQL);
    }
  }

  @Test
  void on_postgresql_every_connection_plans_with_parameters_and_without_jit() {
    if (!TestDatabase.isPostgres()) {
      return;
    }
    for (int i = 0; i < 20; i++) {
      assertThat(jdbc.queryForObject("SELECT current_setting('jit')", String.class))
          .isEqualTo("off");
      assertThat(jdbc.queryForObject("SELECT current_setting('plan_cache_mode')", String.class))
          .isEqualTo("force_custom_plan");
    }
  }
}
