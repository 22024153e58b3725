package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indexes on engine tables that the benchmarks justify (docs/benchmarks.md, part 3) exist once
 * the engine has started: on PostgreSQL the expression indexes on the authorization bit masks; on
 * H2 (no expression indexes) none.
 */
class EngineIndexesTest extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void the_authorization_bit_mask_indexes_exist_on_postgresql_only() {
    if (TestDatabase.isPostgres()) {
      List<String> indexes =
          jdbc.queryForList(
              "SELECT indexname FROM pg_indexes WHERE tablename IN ('act_ru_authorization', 'act_ru_task', 'act_hi_taskinst', 'act_hi_procinst')",
              String.class);
      assertThat(indexes)
          .contains(
              "fenhe_idx_auth_perms_read",
              "fenhe_idx_auth_perms_read_task",
              "fenhe_idx_auth_task_read",
              "fenhe_idx_task_todo_due",
              "fenhe_idx_task_parent",
              "fenhe_idx_hi_task_assignee",
              "fenhe_idx_hi_proc_starter");
    } else {
      Integer found =
          jdbc.queryForObject(
              "SELECT count(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'FENHE_IDX_AUTH_PERMS%'",
              Integer.class);
      assertThat(found).isZero();
    }
  }
}
