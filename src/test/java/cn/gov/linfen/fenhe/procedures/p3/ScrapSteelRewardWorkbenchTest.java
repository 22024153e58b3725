package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p3.ComputeRewardWorker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P3 from the workbench (工作台, /fenhe/) alone, in a real headless Chromium at 1440×900 and 390×844
 * (src/test/e2e/workbench.mjs): the enterprise logs in (a wrong password refused in Chinese), every
 * screen is Chinese, the application is refused out of the application period and started in it
 * from the workbench's start form, and the county officer finds it in 待办 and approves it.
 */
@Tag("browser")
class ScrapSteelRewardWorkbenchTest extends IntegrationTest {

  static final Pattern BUSINESS_KEY = Pattern.compile("businessKey=(\\S+)");

  @Autowired ProcessEngine engine;
  @Autowired ComputeRewardWorker compute;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String walk(ObjectNode plan) throws Exception {
    String output =
        BrowserScripts.run(
            "workbench walk " + plan.get("step").asText(),
            Duration.ofMinutes(4),
            "node",
            "src/test/e2e/workbench.mjs",
            baseUrl(),
            DEMO_PASSWORD,
            plan.toString());
    assertThat(output).as(output).contains(" passed, 0 failed").doesNotContain("FAIL");
    return output;
  }

  static ObjectNode plan(String step, String user) {
    ObjectNode plan = ScrapSteelRewardScenario.JSON.createObjectNode();
    plan.put("step", step).put("user", user);
    return plan;
  }

  static void size(ObjectNode plan, int width, int height) {
    plan.putArray("sizes").addArray().add(width).add(height);
  }

  static void field(ArrayNode fill, String label, String value, String kind) {
    ObjectNode field = fill.addObject().put("label", label);
    if (value != null) {
      field.put("value", value);
    }
    if (kind != null) {
      field.put("kind", kind);
    }
  }

  static ObjectNode application(String enterprise, String code) {
    ObjectNode plan = plan("start", enterprise);
    plan.put("procedure", "废钢铁加工企业奖励资金申请");
    ArrayNode fill = plan.putArray("fill");
    field(fill, "企业名称", "临汾市示例废钢加工有限公司", null);
    field(fill, "统一社会信用代码（18 位）", code, null);
    field(fill, "所在县(市、区)", "侯马市", "select");
    field(fill, "增值税", "1000000.00", null);
    field(fill, "城市维护建设税", "70000.00", null);
    field(fill, "教育费附加", "30000.00", null);
    field(fill, "地方教育附加", "20000.00", null);
    field(fill, "印花税", "3000.00", null);
    field(fill, "已附税收缴纳凭证", null, "check");
    field(fill, "已附销售凭证", null, "check");
    field(fill, "真实性负责", null, "check");
    return plan;
  }

  static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
  }

  @Test
  void every_screen_is_chinese_at_both_sizes_and_a_wrong_password_is_refused_in_chinese()
      throws Exception {
    walk(plan("screens", demo(Groups.ENTERPRISE)));
    walk(plan("screens", demo(Groups.COUNTY_INDUSTRY_IT) + "-houma"));
  }

  @Test
  void P3_R02_the_enterprise_applies_from_the_workbench_and_the_county_approves_from_its_todo()
      throws Exception {
    String code = newCreditCode();
    assertThat(
            Http.as(baseUrl(), demo(Groups.INDUSTRY_IT_BUREAU), DEMO_PASSWORD)
                .post(
                    "/api/scrap-steel/announced-enterprises",
                    "{\"creditCode\":\"" + code + "\",\"enterpriseName\":\"临汾市示例废钢加工有限公司\"}")
                .status())
        .isEqualTo(201);
    String enterprise = demo(Groups.ENTERPRISE);

    // out of the application period: refused in Chinese, nothing started
    at("2026-08-03T10:00:00+08:00");
    ObjectNode refused = application(enterprise, code).put("refusedWith", "不在申报期内");
    size(refused, 1440, 900);
    walk(refused);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("creditCode", code)
                .count())
        .isZero();

    // in July, on the phone: started, the business key shown
    at("2026-07-20T10:00:00+08:00");
    ObjectNode july = application(enterprise, code);
    size(july, 390, 844);
    Matcher shown = BUSINESS_KEY.matcher(walk(july));
    assertThat(shown.find()).isTrue();
    HistoricProcessInstance started =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .variableValueEquals("creditCode", code)
            .singleResult();
    assertThat(started.getBusinessKey()).isEqualTo(shown.group(1)).startsWith("SSR-20260720-");
    assertThat(started.getStartUserId()).isEqualTo(enterprise);

    // the workers compute the reward; the county officer of 侯马市 approves in the workbench
    ScrapSteelRewardScenario p3 =
        new ScrapSteelRewardScenario(
                engine,
                baseUrl(),
                started.getBusinessKey(),
                ScrapSteelRewardProcessTest.workers(
                    compute,
                    ScrapSteelRewardProcessTest.APPLIED.plusDays(20),
                    ScrapSteelRewardProcessTest.APPLIED.plusDays(80)))
            .inHouma();
    p3.processInstanceId = started.getId();
    p3.runUntil(COUNTY_REVIEW);
    String officer = demo(Groups.COUNTY_INDUSTRY_IT) + "-houma";
    ObjectNode work = plan("work", officer);
    work.put("businessKey", started.getBusinessKey())
        .put("list", true)
        .put("name", "县级工信部门审核")
        .put("decision", "通过");
    work.putArray("expect").add("县级工信部门审核").add("临汾市示例废钢加工有限公司").add("1000000");
    ArrayNode fill = work.putArray("fill");
    field(fill, "意见", "材料齐全，凭证属实，报市工信局", null);
    field(fill, "已核实废钢铁加工产品销售渠道", null, "check");
    field(fill, "销售渠道核实情况", ScrapSteelRewardScenario.SALES_CHANNEL_NOTE, null);
    size(work, 1440, 900);
    walk(work);

    HistoricTaskInstance review =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(started.getId())
            .taskDefinitionKey(COUNTY_REVIEW)
            .singleResult();
    assertThat(review.getEndTime()).isNotNull();
    assertThat(review.getAssignee()).isEqualTo(officer);
    assertThat(p3.openTaskKeys()).doesNotContain(COUNTY_REVIEW);
    assertThat(p3.historicVariable("countyReviewOpinion")).isEqualTo("材料齐全，凭证属实，报市工信局");
  }
}
