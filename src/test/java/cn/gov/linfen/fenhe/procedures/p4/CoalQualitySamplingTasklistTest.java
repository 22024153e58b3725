package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Elements.*;
import static cn.gov.linfen.fenhe.test.BrowserScripts.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.RoundElements;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.CaseScenario;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P4 walked by its demo users (尧都区) in a real headless Chromium, in Chinese: every user task of the
 * monthly plan and of a seller's case opened in Tasklist with the case's values and Chinese labels
 * only (src/test/e2e/p1-forms.mjs), the county's officer claiming and submitting the sampling and
 * the test result in Tasklist (src/test/e2e/p2-walk.mjs), and the two P4 pages, the seller register
 * and the coverage, as the users they are for (src/test/e2e/p4-pages.mjs). Each test plans a month
 * of its own in 尧都区 (one plan per county and month).
 */
@Tag("browser")
class CoalQualitySamplingTasklistTest extends IntegrationTest {

  static final County YAODU = County.YAODU;
  static final String OFFICER = CaseScenario.demo(FenheGroup.COUNTY_MARKET_SUPERVISION.id());
  static final String GOVERNMENT = CaseScenario.demo(FenheGroup.COUNTY_GOVERNMENT.id());
  static final String BUREAU = CoalSamplingDriver.BUREAU;
  static final String ECOLOGY = CaseScenario.demo(FenheGroup.ECOLOGY_ENVIRONMENT_BUREAU.id());
  static final String POLICE = CaseScenario.demo(FenheGroup.PUBLIC_SECURITY_BUREAU.id());

  @Autowired ProcessEngine engine;

  CoalSamplingDriver p4;

  @BeforeEach
  void driver() {
    p4 = new CoalSamplingDriver(engine, baseUrl());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(String shanghai) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(shanghai + "+08:00").toInstant()));
  }

  /** The month's plan for 尧都区 with the sellers added (drawn or not), confirmed by the officer. */
  String plannedWith(String month, List<String> codes) {
    String round = p4.plan(YAODU, month, null);
    p4.work(
        p4.task(round, RoundElements.CONFIRM_PLAN),
        OFFICER,
        Map.of("addedSellers", String.join("\n", codes), "planNote", "按抽取结果执行，另增加本次抽检对象"));
    return round;
  }

  static Map<String, Object> sampled(String on) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("samplingOutcome", "SAMPLED");
    v.put("sampledOn", on);
    v.put("coalType", "briquette");
    v.put("batchNumber", "XM-" + on);
    v.put("quantityTonnes", 12);
    return v;
  }

  /** A briquette in the no-burn zone at S 0.61 %: fails (二(一)②). */
  static Map<String, Object> failing(String reportDate) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sulphur", 0.61);
    r.put("ash", 9.5);
    r.put("volatiles", 11.2);
    r.put("reportNumber", "LFJC-" + reportDate);
    r.put("reportDate", reportDate);
    r.put("labName", "临汾市产品质量检验检测中心");
    return r;
  }

  void sample(String c, String day) {
    p4.work(p4.task(c, SAMPLE_ON_SITE), OFFICER, sampled(day));
  }

  void result(String c, String day) {
    p4.work(p4.task(c, RECORD_RESULT), OFFICER, failing(day));
  }

  void deliver(String c, String day) {
    p4.work(
        p4.task(c, DELIVER_REPORT),
        OFFICER,
        Map.of("reportDeliveredOn", day, "deliveredTo", "临汾市尧都区人民政府"));
  }

  void dispose(String c) {
    p4.work(
        p4.task(c, DISPOSE),
        GOVERNMENT,
        Map.of(
            "violationSale",
            true,
            "violationStorageOrBurning",
            true,
            "violationWarningPeriod",
            true,
            "disposalFindings",
            "该型煤厂销售并储存不合格型煤，重污染天气预警期间仍有燃用，交市场监管、生态环境、公安查处"));
  }

  ObjectNode chinese(ObjectNode visit) {
    return visit.put("chineseLabels", true);
  }

  @Test
  void
      P4_R01_R03_R04_every_p4_task_opens_in_tasklist_for_its_user_in_chinese_with_the_cases_values()
          throws Exception {
    // a plan left to confirm (August), and one seller per step of a case (December)
    at("2026-08-03T09:00:00");
    String august = p4.register(YAODU, "no-burn", "briquette-producer");
    String toConfirm = p4.plan(YAODU, "2026-08", null);

    at("2026-12-01T09:00:00");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      codes.add(p4.register(YAODU, "no-burn", "briquette-producer"));
    }
    String round = plannedWith("2026-12", codes);
    List<String> cases = codes.stream().map(code -> p4.caseOf(round, code)).toList();
    String sampling = cases.get(0);
    String recording = cases.get(1);
    String delivering = cases.get(2);
    String disposing = cases.get(3);
    String handling = cases.get(4);
    String closing = cases.get(5);
    String late = cases.get(6);
    at("2026-12-02T10:00:00");
    for (String c : cases.subList(1, 7)) {
      sample(c, "2026-12-02");
    }
    at("2026-12-03T10:00:00");
    for (String c : cases.subList(2, 7)) {
      result(c, "2026-12-03");
    }
    for (String c : List.of(disposing, handling, closing)) {
      deliver(c, "2026-12-03");
    }
    dispose(handling);
    dispose(closing);
    for (Task t : p4.tasks(closing, HANDLE_VIOLATION)) {
      String group = p4.candidateGroups(t).get(0);
      String user =
          group.startsWith("county-")
              ? OFFICER
              : group.equals("ecology-environment-bureau") ? ECOLOGY : POLICE;
      p4.work(t, user, Map.of("handlingMeasures", "没收不合格型煤 8 吨并依法处理", "handledOn", "2026-12-03"));
    }
    // P4-R03: the report not delivered within 3 working days is followed up by the city bureau
    at("2026-12-08T18:01:00");
    var timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(late)
            .activityId(REPORT_LATE)
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    new ExternalTasks(engine)
        .run(
            Escalating.TOPIC,
            p4.businessKey(late),
            new EscalateWorker(
                new Escalating(ZoneId.of("Asia/Shanghai")),
                CoalSamplingDriver.clock(ClockUtil.getCurrentTime().toInstant())));

    String name = YAODU.chineseName() + "民用煤供应点";
    ArrayNode visits = CaseScenario.JSON.createArrayNode();
    chinese(
        visit(
            visits,
            OFFICER,
            p4.task(toConfirm, RoundElements.CONFIRM_PLAN).getId(),
            "县级市场监管部门确认本月抽检计划",
            List.of(
                "确认本月抽检计划",
                "本月随机抽取结果",
                "登记在册（家）",
                "本月至少抽检（家）",
                "抽取种子",
                "增加的抽检对象",
                "尧都区",
                "2026年8月",
                "本年尚未抽检")));
    chinese(
        visit(
            visits,
            OFFICER,
            p4.task(sampling, SAMPLE_ON_SITE).getId(),
            "县级市场监管部门现场抽样",
            List.of(
                "现场抽样",
                "抽样情况",
                "已现场抽样",
                "无法抽样",
                "销售单位名称",
                name + codes.get(0).substring(14),
                codes.get(0),
                "型煤生产企业",
                "高污染燃料禁燃区",
                "2026年12月")));
    chinese(
        visit(
            visits,
            OFFICER,
            p4.task(recording, RECORD_RESULT).getId(),
            "录入检测结果",
            List.of("录入检测结果", "含硫量", "灰分", "挥发分", "检测报告编号", "检测机构", "XM-2026-12-02", "型煤")));
    chinese(
        visit(
            visits,
            OFFICER,
            p4.task(delivering, DELIVER_REPORT).getId(),
            "出具检测报告并送达县级人民政府",
            List.of(
                "送达县级人民政府", "送达日期", "送达单位", "判定结论", "不合格", "所依据的条文", "0.61", "LFJC-2026-12-03")));
    chinese(
        visit(
            visits,
            GOVERNMENT,
            p4.task(disposing, DISPOSE).getId(),
            "县级人民政府认定违法情形并交办",
            List.of("处置不合格民用煤", "交市场监督管理部门", "交生态环境部门", "交公安机关", "处置意见", "不合格", "高污染燃料禁燃区")));
    for (Task t : p4.tasks(handling, HANDLE_VIOLATION)) {
      String group = p4.candidateGroups(t).get(0);
      String user =
          group.startsWith("county-")
              ? OFFICER
              : group.equals("ecology-environment-bureau") ? ECOLOGY : POLICE;
      chinese(
          visit(
              visits,
              user,
              t.getId(),
              "查处部门依法处理（" + group + "）",
              List.of("查处部门依法处理", "处理情况", "处理日期", "县级人民政府处置意见", "重污染天气预警期间仍有燃用")));
    }
    chinese(
        visit(
            visits,
            GOVERNMENT,
            p4.task(closing, CONFIRM_CLOSURE).getId(),
            "县级人民政府确认闭环",
            List.of("确认闭环", "各查处部门处理情况", "没收不合格型煤 8 吨并依法处理", "市生态环境局", "市公安局", "是否闭环")));
    chinese(
        visit(
            visits,
            BUREAU,
            p4.task(late, FOLLOW_UP_REPORT).getId(),
            "督办逾期未送达的检测报告",
            List.of("督办", "督办提醒", "督办情况")));
    assertThat(p4.tasks(handling, HANDLE_VIOLATION)).hasSize(3);
    assertThat(august).isNotBlank();

    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(8));
  }

  /** Claims and submits the task's form in Tasklist as its user (src/test/e2e/p2-walk.mjs). */
  String walk(ObjectNode step) throws Exception {
    return BrowserScripts.run(
        "browser walk",
        Duration.ofMinutes(3),
        "node",
        "src/test/e2e/p2-walk.mjs",
        baseUrl(),
        DEMO_PASSWORD,
        step.toString());
  }

  @Test
  void
      P4_R02_the_county_officer_samples_and_records_a_failing_result_in_tasklist_and_the_table_decides()
          throws Exception {
    at("2026-07-01T09:00:00");
    String code = p4.register(YAODU, "no-burn", "briquette-producer");
    String round = plannedWith("2026-07", List.of(code));
    String c = p4.caseOf(round, code);
    at("2026-07-06T10:00:00");
    ObjectNode sampling = CaseScenario.JSON.createObjectNode();
    sampling.put("user", OFFICER).put("taskId", p4.task(c, SAMPLE_ON_SITE).getId());
    sampling.putArray("radios").add("已现场抽样");
    sampling.putObject("selects").put("煤种", "型煤");
    sampling.putObject("text").put("批次", "XM-20260706-01").put("数量", "12.5");
    sampling.putObject("dates").put("抽样日期", "2026-07-06");

    String sampled = walk(sampling);

    assertThat(sampled).as(sampled).contains(" passed, 0 failed").doesNotContain("FAIL");
    assertThat(p4.tasks(c, SAMPLE_ON_SITE)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(c, "coalType")).isEqualTo("briquette");
    assertThat(engine.getRuntimeService().getVariable(c, "batchNumber"))
        .isEqualTo("XM-20260706-01");
    at("2026-07-07T10:00:00");
    ObjectNode step = CaseScenario.JSON.createObjectNode();
    step.put("user", OFFICER).put("taskId", p4.task(c, RECORD_RESULT).getId());
    step.putObject("text")
        .put("含硫量", "0.61")
        .put("灰分", "9.5")
        .put("挥发分", "11.2")
        .put("检测报告编号", "LFJC-2026-0707")
        .put("检测机构", "临汾市产品质量检验检测中心");
    step.putObject("dates").put("检测报告日期", "2026-07-07");

    String walked = walk(step);

    assertThat(walked).as(walked).contains(" passed, 0 failed").doesNotContain("FAIL");
    assertThat(p4.tasks(c, RECORD_RESULT)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(c, "reportNumber"))
        .isEqualTo("LFJC-2026-0707");
    // P4-R02: a briquette above S 0.5 % in the no-burn zone fails, citing its clause
    assertThat(engine.getRuntimeService().getVariable(c, "conforms")).isEqualTo(false);
    assertThat((String) engine.getRuntimeService().getVariable(c, "clause")).contains("型煤");
    assertThat(p4.task(c, DELIVER_REPORT).getId()).isNotBlank();
  }

  @Test
  void P4_R05_the_register_and_coverage_pages_show_their_users_the_data_in_chinese()
      throws Exception {
    at("2026-06-01T09:00:00");
    String code = p4.register(YAODU, "no-coal", "supply-point");
    String round = plannedWith("2026-06", List.of(code));
    String c = p4.caseOf(round, code);
    at("2026-06-03T10:00:00");
    sample(c, "2026-06-03");
    JsonNode coverage = p4.as(BUREAU).get("/api/coal/coverage?month=2026-06").json();
    JsonNode yaodu = null;
    for (JsonNode row : coverage.get("counties")) {
      if (YAODU.chineseName().equals(row.get("county").asText())) {
        yaodu = row;
      }
    }
    assertThat(yaodu).isNotNull();
    JsonNode sellers = p4.as(OFFICER).get("/api/coal/sellers").json();
    String sellerName = null;
    for (JsonNode s : sellers.get("sellers")) {
      if (code.equals(s.get("creditCode").asText())) {
        sellerName = s.get("sellerName").asText();
      }
    }
    ObjectNode expected = CaseScenario.JSON.createObjectNode();
    expected.put("officer", OFFICER).put("bureau", BUREAU).put("supervisor", "demo-supervisors");
    expected
        .put("month", "2026-06")
        .put("monthLabel", "2026年6月")
        .put("sellerCode", code)
        .put("sellerName", sellerName)
        .put("sellerTotal", sellers.get("total").asInt())
        .put("newCode", CoalSamplingDriver.newCreditCode(YAODU));
    expected
        .putArray("yaoduRow")
        .add(YAODU.chineseName())
        .add(yaodu.get("registered").asText())
        .add(yaodu.get("drawn").asText())
        .add(yaodu.get("sampled").asText())
        .add(yaodu.get("percentSampled").asText() + "%")
        .add(yaodu.get("statusLabel").asText());

    String output =
        BrowserScripts.run(
            "browser check",
            Duration.ofMinutes(4),
            "node",
            "src/test/e2e/p4-pages.mjs",
            baseUrl(),
            DEMO_PASSWORD,
            expected.toString());

    assertThat(output).as(output).contains(" passed, 0 failed").doesNotContain("FAIL");
    // the seller registered on the page is in the register, registered by the officer
    String added = expected.get("newCode").asText();
    JsonNode after = p4.as(OFFICER).get("/api/coal/sellers").json();
    boolean found = false;
    for (JsonNode s : after.get("sellers")) {
      if (added.equals(s.get("creditCode").asText())) {
        found = true;
        assertThat(s.get("registeredBy").asText()).isEqualTo(OFFICER);
        assertThat(s.get("zoneLabel").asText()).isEqualTo("禁煤区");
      }
    }
    assertThat(found).as(added + " registered on the page").isTrue();
  }
}
