package cn.gov.linfen.fenhe.procedures.p5;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.ActElements;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Topics;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p5.CheckActQualityWorker;
import cn.gov.linfen.fenhe.workers.p5.SubmitActWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The month of 互联网+监管 over {@code GET /api/supervision/summary} (P5-R05): a small December 2026
 * built through the real API on the engine clock — a city department of its own and a county's
 * market supervision (侯马市 for the figures, 尧都区 for the scope) — and the figures per department and
 * county, the scope of each user and the refusals in Chinese.
 */
class SupervisionSummaryApiTest extends IntegrationTest {

  static final String REGULATOR = SupervisionProcessTest.REGULATOR;
  static final String BUREAU = SupervisionProcessTest.BUREAU;
  static final String YAODU_OFFICER = "demo-county-approval-service";

  @Autowired ProcessEngine engine;
  @Autowired CheckActQualityWorker quality;
  @Autowired SubmitActWorker submit;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(String shanghai) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(shanghai + "+08:00").toInstant()));
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  static String inCounty(String act, String county) {
    return act.replace("\"department\":", "\"county\":\"" + county + "\",\"department\":");
  }

  List<String> post(String... acts) {
    Http.Response answer =
        as(REGULATOR).post("/api/supervision/acts", "{\"acts\":[" + String.join(",", acts) + "]}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    List<String> keys = new ArrayList<>();
    answer.json().get("actKeys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  void created(Http.Response r) {
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  void work(String key) {
    ExternalTasks tasks = new ExternalTasks(engine);
    tasks.run(Topics.CHECK_ACT_QUALITY, key, quality);
    tasks.run(Topics.SUBMIT_ACT, key, submit);
  }

  static JsonNode rowOf(JsonNode rows, String field, String value) {
    for (JsonNode row : rows) {
      if (value.equals(row.get(field).asText())) {
        return row;
      }
    }
    throw new AssertionError(value + " not in " + rows);
  }

  /**
   * December 2026 of a city department D and of the county: D records 3 acts on Monday 7 December
   * (one submitted the same day, one after 18:00 on the 8th, one abnormal, corrected on the 9th),
   * the county one act never submitted; D reports 1 dynamic, the county 2; a clue for D pushed on
   * the 7th and one for the county on the 1st are open. The month is read on Thursday 10 December
   * 10:00.
   */
  String december(String county) {
    String countyDepartment = county + "市场监督管理局";
    String d = SupervisionProcessTest.department();
    created(
        as(REGULATOR)
            .put(
                "/api/supervision/lists/" + d + "/items/JC-300", "{\"itemName\":\"对食品经营者的监督检查\"}"));
    created(
        as(REGULATOR)
            .put(
                "/api/supervision/lists/" + countyDepartment + "/items/JC-301",
                "{\"itemName\":\"对食品经营者的监督检查\",\"county\":\"" + county + "\"}"));
    at("2026-12-01T10:00:00");
    created(
        as(BUREAU)
            .post(
                "/api/supervision/clues",
                "{\"clueTitle\":\"某超市风险\",\"clueContent\":\"模型预警\",\"objectName\":\"某超市\","
                    + "\"department\":\""
                    + countyDepartment
                    + "\",\"county\":\""
                    + county
                    + "\"}"));
    at("2026-12-07T10:00:00");
    String code = SupervisionProcessTest.validCode();
    List<String> keys =
        post(
            SupervisionProcessTest.act(d, "JC-300", code, "2026-12-07T09:00:00"),
            SupervisionProcessTest.act(d, "JC-300", code, "2026-12-07T09:30:00"),
            SupervisionProcessTest.act(d, "JC-404", code, "2026-12-07T09:40:00"),
            inCounty(
                SupervisionProcessTest.act(countyDepartment, "JC-301", code, "2026-12-07T09:00:00"),
                county));
    created(
        as(BUREAU)
            .post(
                "/api/supervision/clues",
                "{\"clueTitle\":\"某企业风险\",\"clueContent\":\"模型预警\",\"objectName\":\"某企业\","
                    + "\"department\":\""
                    + d
                    + "\"}"));
    created(
        as(REGULATOR)
            .post("/api/supervision/dynamics", "{\"department\":\"" + d + "\",\"title\":\"动态\"}"));
    for (int i = 0; i < 2; i++) {
      created(
          as(REGULATOR)
              .post(
                  "/api/supervision/dynamics",
                  "{\"county\":\"" + county + "\",\"title\":\"本县动态\"}"));
    }
    at("2026-12-07T11:00:00");
    work(keys.get(0));
    new ExternalTasks(engine).run(Topics.CHECK_ACT_QUALITY, keys.get(2), quality);
    at("2026-12-08T18:00:01");
    work(keys.get(1));
    at("2026-12-09T10:00:00");
    String pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(keys.get(2))
            .singleResult()
            .getId();
    Task correction =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(ActElements.CORRECT)
            .singleResult();
    engine
        .getTaskService()
        .complete(correction.getId(), Map.of("itemCode", "JC-300", "correctionNote", "更正事项编码"));
    work(keys.get(2));
    at("2026-12-10T10:00:00");
    return d;
  }

  @Test
  void
      P5_R05_the_bureau_reads_each_department_and_county_on_time_abnormal_corrected_dynamics_and_open_clues() {
    String d = december("侯马市");
    Http.Response answer = as(BUREAU).get("/api/supervision/summary?month=2026-12");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("monthLabel").asText()).isEqualTo("2026年12月");
    assertThat(body.get("scope").asText()).isEqualTo("全市");
    assertThat(body.get("counties")).hasSize(17);

    JsonNode dept = rowOf(body.get("departments"), "department", d);
    assertThat(dept.get("levelLabel").asText()).isEqualTo("市直");
    assertThat(dept.get("acts").asLong()).isEqualTo(3);
    // P5-R01: one of three reached the data centre by 18:00 of the next working day
    assertThat(dept.get("onTime").asLong()).isEqualTo(1);
    assertThat(dept.get("late").asLong()).isEqualTo(2);
    assertThat(dept.get("onTimePercent").asText()).isEqualTo("33.3");
    // P5-R02: one abnormal, corrected within 3 working days
    assertThat(dept.get("abnormal").asLong()).isEqualTo(1);
    assertThat(dept.get("abnormalPercent").asText()).isEqualTo("33.3");
    assertThat(dept.get("correctedInTimePercent").asText()).isEqualTo("100.0");
    // P5-R03: a city department's quota is 1
    assertThat(dept.get("dynamics").asLong()).isEqualTo(1);
    assertThat(dept.get("dynamicsQuota").asInt()).isEqualTo(1);
    assertThat(dept.get("belowQuota").asBoolean()).isFalse();
    // P5-R04: pushed on the 7th, within the 3 working days of verification on the 10th
    assertThat(dept.get("openClues").get("total").asLong()).isEqualTo(1);
    assertThat(dept.get("openClues").get("withinVerify").asLong()).isEqualTo(1);

    JsonNode houma = rowOf(body.get("counties"), "county", "侯马市");
    assertThat(houma.get("acts").asLong()).isEqualTo(1);
    assertThat(houma.get("onTimePercent").asText()).isEqualTo("0.0");
    assertThat(houma.get("abnormalPercent").asText()).isEqualTo("0.0");
    assertThat(houma.get("correctedInTimePercent").isNull()).isTrue();
    assertThat(houma.get("dynamics").asLong()).isEqualTo(2);
    assertThat(houma.get("dynamicsQuota").asInt()).isEqualTo(10);
    assertThat(houma.get("belowQuota").asBoolean()).isTrue();
    // pushed on 1 December: 7 working days old on the 10th, within handling
    assertThat(houma.get("openClues").get("withinHandle").asLong()).isEqualTo(1);
    assertThat(houma.get("openClues").get("withinVerify").asLong()).isZero();
    JsonNode houmaDept = rowOf(body.get("departments"), "department", "侯马市市场监督管理局");
    assertThat(houmaDept.get("levelLabel").asText()).isEqualTo("侯马市");
    assertThat(houmaDept.has("dynamicsQuota")).isFalse();

    // a supervisor reads the same month
    JsonNode supervisor =
        as("demo-supervisors").get("/api/supervision/summary?month=2026-12").json();
    assertThat(rowOf(supervisor.get("departments"), "department", d).get("acts").asLong())
        .isEqualTo(3);
  }

  @Test
  void P5_R05_a_county_officer_reads_his_county_only_and_others_are_refused_in_chinese() {
    String d = december("尧都区");
    JsonNode own = as(YAODU_OFFICER).get("/api/supervision/summary?month=2026-12").json();
    assertThat(own.get("scope").asText()).isEqualTo("尧都区");
    assertThat(own.get("counties")).hasSize(1);
    assertThat(own.get("counties").get(0).get("county").asText()).isEqualTo("尧都区");
    assertThat(own.get("counties").get(0).get("acts").asLong()).isEqualTo(1);
    for (JsonNode row : own.get("departments")) {
      assertThat(row.get("county").asText()).isEqualTo("尧都区");
      assertThat(row.get("department").asText()).isNotEqualTo(d);
    }
    // the county regulator: his county too
    JsonNode regulator =
        as("demo-county-regulator").get("/api/supervision/summary?month=2026-12").json();
    assertThat(regulator.get("scope").asText()).isEqualTo("尧都区");

    // a city regulator, whom the model ties to no department, and others: 403 in Chinese
    for (String user : List.of(REGULATOR, "demo-market-supervision-bureau")) {
      Http.Response refused = as(user).get("/api/supervision/summary?month=2026-12");
      assertThat(refused.status()).as(user + " " + refused).isEqualTo(403);
      assertThat(refused.toString()).contains("只有市行政审批服务管理局和督查人员");
    }
    // a bad month: 400 naming the field, in Chinese and English
    for (String month : List.of("2026-13", "202612", "2027-01")) {
      Http.Response bad = as(BUREAU).get("/api/supervision/summary?month=" + month);
      assertThat(bad.status()).as(month + " " + bad).isEqualTo(400);
      assertThat(bad.toString()).contains("month").contains("月份格式应为").contains("YYYY-MM");
    }
  }
}
