package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P3-R07 under concurrency: two starts of one enterprise and period at the same moment create one
 * case.
 */
class ScrapSteelRewardConcurrencyTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void P3_R07_two_simultaneous_applications_of_one_enterprise_create_exactly_one_case()
      throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-01-12T10:00:00+08:00").toInstant()));
    String code = newCreditCode();
    Http bureau = Http.as(baseUrl(), "demo-industry-it-bureau", DEMO_PASSWORD);
    assertThat(
            bureau
                .post(
                    "/api/scrap-steel/announced-enterprises",
                    "{\"creditCode\":\"" + code + "\",\"enterpriseName\":\"并发测试公司\"}")
                .status())
        .isEqualTo(201);
    int attempts = 4;
    CyclicBarrier together = new CyclicBarrier(attempts);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<String> keys = new ArrayList<>();
    List<Future<Http.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        ScrapSteelRewardScenario p3 =
            new ScrapSteelRewardScenario(
                engine, baseUrl(), "P3-R07-RACE-" + UUID.randomUUID(), Map.of());
        keys.add(p3.businessKey);
        Map<String, Object> application = p3.application(code);
        Callable<Http.Response> start =
            () -> {
              together.await();
              return p3.startAs(p3.applicant, application);
            };
        answers.add(pool.submit(start));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Response> answer : answers) {
        statuses.add(answer.get().status());
      }
      assertThat(statuses).containsOnly(200, 400);
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    long cases =
        keys.stream()
            .mapToLong(
                key ->
                    engine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(key)
                        .count())
            .sum();
    assertThat(cases).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM fenhe_scrap_steel_application WHERE credit_code = ?",
                Integer.class,
                code))
        .isEqualTo(1);
  }
}
