package cn.gov.linfen.fenhe.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers (文号) per kind and year: 1, 2, 3 in order, a new year starts again at 1, one number per
 * case and kind, a rolled-back issue takes none, and parallel issuers never share one — on H2 and
 * on PostgreSQL (tagged {@code database} through {@link IntegrationTest}).
 */
class DocumentNumbersTest extends IntegrationTest {

  @Autowired DocumentNumbers numbers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
  }

  /**
   * A prefix of the test's own: numbers are unique across the table, and the real P1 notices (临企改拨)
   * share the test database.
   */
  private static String prefix(String kind) {
    return "临企改拨" + kind.substring(5);
  }

  private static String kind() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void numbers_run_1_2_3_in_a_year_and_restart_with_the_next_year_in_shanghai() {
    String kind = kind();
    String prefix = prefix(kind);
    at("2026-03-01T09:00:00+08:00");
    assertThat(numbers.issue("A-" + kind, kind, prefix, "u").number())
        .isEqualTo(prefix + "〔2026〕1号");
    assertThat(numbers.issue("B-" + kind, kind, prefix, "u").number())
        .isEqualTo(prefix + "〔2026〕2号");
    assertThat(numbers.issue("C-" + kind, kind, prefix, "u").number())
        .isEqualTo(prefix + "〔2026〕3号");
    // another kind has its own sequence
    String other = kind();
    assertThat(numbers.issue("A-" + kind, other, prefix(other), "u").number())
        .isEqualTo(prefix(other) + "〔2026〕1号");
    // a series of its own (a township's filings) counts apart from the kind's other series
    assertThat(numbers.issue("E-" + kind, kind, kind + ":屯里镇", prefix + "屯里镇备", "u").number())
        .isEqualTo(prefix + "屯里镇备〔2026〕1号");
    assertThat(numbers.issue("F-" + kind, kind, kind, prefix, "u").number())
        .isEqualTo(prefix + "〔2026〕4号");
    // 31 December 2026 16:30 UTC is already 1 January 2027 in Linfen
    at("2026-12-31T16:30:00Z");
    DocumentNumbers.Issued next = numbers.issue("D-" + kind, kind, prefix, "u");
    assertThat(next.number()).isEqualTo(prefix + "〔2027〕1号");
    assertThat(next.year()).isEqualTo(2027);
    assertThat(next.seq()).isEqualTo(1);
  }

  @Test
  void the_same_case_and_kind_keeps_its_number_and_a_rolled_back_issue_takes_none() {
    String kind = kind();
    String prefix = prefix(kind);
    at("2026-05-06T10:00:00+08:00");
    DocumentNumbers.Issued first = numbers.issue("A-" + kind, kind, prefix, "reformer");
    assertThat(numbers.issue("A-" + kind, kind, prefix, "someone-else")).isEqualTo(first);
    assertThat(numbers.find("A-" + kind, kind).orElseThrow().issuedBy()).isEqualTo("reformer");

    try {
      transactions.executeWithoutResult(
          status -> {
            numbers.issue("B-" + kind, kind, prefix, "u");
            status.setRollbackOnly();
          });
    } finally {
      assertThat(numbers.find("B-" + kind, kind)).isEmpty();
    }
    assertThat(numbers.issue("C-" + kind, kind, prefix, "u").number())
        .isEqualTo(prefix + "〔2026〕2号");
  }

  @Test
  void parallel_issuers_never_get_the_same_number() throws Exception {
    String kind = kind();
    at("2026-07-01T10:00:00+08:00");
    int threads = 6;
    int perThread = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Integer>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            () -> {
              List<Integer> seqs = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                seqs.add(
                    numbers.issue(thread + "-" + i + "-" + kind, kind, prefix(kind), "u").seq());
              }
              return seqs;
            });
      }
      Set<Integer> all = new TreeSet<>();
      int count = 0;
      for (Future<List<Integer>> result : pool.invokeAll(work)) {
        for (Integer seq : result.get()) {
          all.add(seq);
          count++;
        }
      }
      assertThat(count).isEqualTo(threads * perThread);
      assertThat(all).hasSize(threads * perThread);
      assertThat(all).first().isEqualTo(1);
      assertThat(all).last().isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(DISTINCT doc_number) FROM fenhe_document WHERE kind = ?",
                Integer.class,
                kind))
        .isEqualTo(threads * perThread);
  }
}
