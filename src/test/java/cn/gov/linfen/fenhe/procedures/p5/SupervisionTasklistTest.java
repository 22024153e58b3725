package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.test.BrowserScripts.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.ActElements;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Topics;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.CaseScenario;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p5.CheckActQualityWorker;
import cn.gov.linfen.fenhe.workers.p5.SubmitActWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P5 walked in a real headless Chromium, in Chinese: the demo regulator opens the correction task
 * of an abnormal act in Tasklist with the act's values and the quality finding
 * (src/test/e2e/p1-forms.mjs), corrects the item code and submits it (src/test/e2e/p2-walk.mjs);
 * then the bureau and 尧都区's approval service open the month's page (src/test/e2e/p5-pages.mjs) and
 * see the figures the API gives.
 */
@Tag("browser")
class SupervisionTasklistTest extends IntegrationTest {

  static final String REGULATOR = SupervisionProcessTest.REGULATOR;
  static final String BUREAU = SupervisionProcessTest.BUREAU;
  static final String OFFICER = "demo-county-approval-service";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
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

  List<String> post(String... acts) {
    Http.Response answer =
        as(REGULATOR).post("/api/supervision/acts", "{\"acts\":[" + String.join(",", acts) + "]}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    List<String> keys = new ArrayList<>();
    answer.json().get("actKeys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  void work(String key) {
    ExternalTasks tasks = new ExternalTasks(engine);
    tasks.run(Topics.CHECK_ACT_QUALITY, key, quality);
    tasks.run(Topics.SUBMIT_ACT, key, submit);
  }

  Task correction(String key) {
    String pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .singleResult()
            .getId();
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(pi)
        .taskDefinitionKey(ActElements.CORRECT)
        .singleResult();
  }

  static String pct(JsonNode value) {
    return value == null || value.isNull() ? "—" : value.asText() + "%";
  }

  static ArrayNode figures(ArrayNode row, JsonNode r) {
    row.add(r.get("acts").asText())
        .add(pct(r.get("onTimePercent")))
        .add(pct(r.get("abnormalPercent")))
        .add(pct(r.get("correctedInTimePercent")))
        .add(
            r.has("dynamicsQuota")
                ? r.get("dynamics").asText() + " / " + r.get("dynamicsQuota").asText()
                : "—");
    JsonNode clues = r.get("openClues");
    return row.add(clues.get("total").asText())
        .add(clues.get("withinVerify").asText())
        .add(clues.get("withinHandle").asText())
        .add(clues.get("beyondHandle").asText());
  }

  @Test
  void
      P5_R02_R05_the_regulator_corrects_an_abnormal_act_in_tasklist_and_the_bureau_reads_the_month_on_its_page()
          throws Exception {
    String d = SupervisionProcessTest.department();
    Http.Response listed =
        as(REGULATOR)
            .put("/api/supervision/lists/" + d + "/items/JC-500", "{\"itemName\":\"对食品经营者的监督检查\"}");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
    at("2026-11-09T10:00:00");
    String code = SupervisionProcessTest.validCode();
    List<String> keys =
        post(
            SupervisionProcessTest.act(d, "JC-500", code, "2026-11-09T09:00:00"),
            SupervisionProcessTest.act(d, "JC-404", code, "2026-11-09T09:30:00"));
    work(keys.get(0));
    String abnormal = keys.get(1);
    new ExternalTasks(engine).run(Topics.CHECK_ACT_QUALITY, abnormal, quality);
    Task task = correction(abnormal);

    ArrayNode visits = CaseScenario.JSON.createArrayNode();
    visit(
            visits,
            REGULATOR,
            task.getId(),
            "监管部门处置异常数据并重新上报",
            List.of(
                "处置异常数据并重新上报",
                "校验发现的问题",
                "检查实施清单",
                "监管事项编码",
                "JC-404",
                code,
                d,
                "临汾市某食品有限公司",
                "张三 14100012345",
                "处置说明"))
        .put("chineseLabels", true);
    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(4));

    at("2026-11-10T10:00:00");
    ObjectNode step = CaseScenario.JSON.createObjectNode();
    step.put("user", REGULATOR).put("taskId", task.getId());
    step.putObject("text").put("监管事项编码", "JC-500").put("处置说明", "更正为本部门检查实施清单中的事项编码");
    String walked =
        BrowserScripts.run(
            "browser walk",
            Duration.ofMinutes(3),
            "node",
            "src/test/e2e/p2-walk.mjs",
            baseUrl(),
            DEMO_PASSWORD,
            step.toString());
    assertThat(walked).as(walked).contains(" passed, 0 failed").doesNotContain("FAIL");
    assertThat(correction(abnormal)).isNull();
    work(abnormal);
    assertThat(
            jdbc.queryForObject(
                "SELECT corrected_in_time FROM fenhe_p5_act WHERE act_key = ?",
                Boolean.class,
                abnormal))
        .isTrue();

    // the month's page shows what the API gives
    JsonNode month = as(BUREAU).get("/api/supervision/summary?month=2026-11").json();
    JsonNode dept = SupervisionSummaryApiTest.rowOf(month.get("departments"), "department", d);
    assertThat(dept.get("acts").asLong()).isEqualTo(2);
    assertThat(dept.get("abnormalPercent").asText()).isEqualTo("50.0");
    assertThat(dept.get("correctedInTimePercent").asText()).isEqualTo("100.0");
    JsonNode yaodu = SupervisionSummaryApiTest.rowOf(month.get("counties"), "county", "尧都区");
    ObjectNode expected = CaseScenario.JSON.createObjectNode();
    expected.put("bureau", BUREAU).put("officer", OFFICER);
    expected.put("month", "2026-11").put("monthLabel", "2026年11月").put("department", d);
    figures(expected.putArray("departmentRow").add(d).add("市直"), dept);
    figures(expected.putArray("countyRow").add("尧都区"), yaodu);

    String output =
        BrowserScripts.run(
            "browser check",
            Duration.ofMinutes(4),
            "node",
            "src/test/e2e/p5-pages.mjs",
            baseUrl(),
            DEMO_PASSWORD,
            expected.toString());
    assertThat(output).as(output).contains(" passed, 0 failed").doesNotContain("FAIL");
  }
}
