package cn.gov.linfen.fenhe.engine;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A page of open tasks in due-date order (none last), then creation, by one walk over {@code
 * ACT_RU_TASK} in the order of its index {@code FENHE_IDX_TASK_TODO_DUE} ({@link EngineIndexes}),
 * keeping the tasks a condition keeps, so that a page costs about its own size, not the number of
 * tasks kept (docs/workbench.md, "待办 at scale"). The total is counted exactly up to a limit by the
 * same walk; beyond it the page says "at least" ({@link Page#totalAtLeast()}): an exact count of an
 * officer's 20,000 tasks reads them all, 5–10× the page's cost.
 *
 * <p>Used by the workbench's 待办 and by the officer's own deadlines ({@code GET /api/deadlines}).
 */
public final class DueDateWalk {

  /** The walk's order, the order of {@code FENHE_IDX_TASK_TODO_DUE}; {@code t} is the task. */
  static final String ORDER = " ORDER BY t.DUE_DATE_ ASC NULLS LAST, t.CREATE_TIME_ ASC, t.ID_ ASC";

  /**
   * The rows of one page and how many tasks there are in all; {@code totalAtLeast}: more than the
   * walk counts exactly, {@code total} is then a lower bound.
   */
  public record Page<T>(List<T> rows, long total, boolean totalAtLeast) {}

  private DueDateWalk() {}

  /**
   * One page.
   *
   * @param with a {@code WITH} clause the condition uses, or {@code ""}
   * @param columns the select list (task alias {@code t})
   * @param from {@code " FROM ACT_RU_TASK t … WHERE …"}: the tasks kept
   * @param params the parameters of {@code with} and {@code from}; the walk adds its own ({@code
   *     walk…})
   * @param offset the first row of the page
   * @param size the page's size
   * @param countLimit the total is exact up to this many tasks
   */
  public static <T> Page<T> page(
      NamedParameterJdbcTemplate jdbc,
      String with,
      String columns,
      String from,
      MapSqlParameterSource params,
      long offset,
      int size,
      int countLimit,
      RowMapper<T> rowMapper) {
    params.addValue("walkCountLimit", countLimit + 1);
    Long found =
        jdbc.queryForObject(
            with + "SELECT COUNT(*) FROM (SELECT 1 AS ONE" + from + " LIMIT :walkCountLimit) c",
            params,
            Long.class);
    long counted = found == null ? 0 : found;
    // one row more than the page tells whether there is a next page
    params.addValue("walkPageLimit", size + 1).addValue("walkOffset", offset);
    List<T> rows =
        new ArrayList<>(
            jdbc.query(
                with
                    + "SELECT "
                    + columns
                    + from
                    + ORDER
                    + " LIMIT :walkPageLimit OFFSET :walkOffset",
                params,
                rowMapper));
    boolean more = rows.size() > size;
    if (more) {
      rows.remove(rows.size() - 1);
    }
    if (counted <= countLimit) {
      return new Page<>(rows, counted, false);
    }
    if (!more && !rows.isEmpty()) {
      // the last page: its end is the exact total
      return new Page<>(rows, offset + rows.size(), false);
    }
    // more than the limit: at least one more than counted, or than this (deep) page and its next
    return new Page<>(rows, Math.max(countLimit + 1L, offset + rows.size() + (more ? 1 : 0)), true);
  }
}
