package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.reject;
import static cn.gov.linfen.fenhe.test.BrowserScripts.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p3.ComputeRewardWorker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P3 tasks opened in Tasklist by their users in a real headless Chromium (the generic form walk
 * src/test/e2e/p1-forms.mjs): the Camunda Forms render with the webapps' form-js, in Chinese, with
 * the case's values — the reward and its computation for the reviewers and confirmers, every
 * opinion for the enterprise, each level's share for its finance department.
 */
@Tag("browser")
class ScrapSteelRewardTasklistTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ComputeRewardWorker compute;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ScrapSteelRewardScenario scenario(String prefix) {
    String code = ScrapSteelRewardScenario.announcedEnterprise(baseUrl(), "临汾市示例废钢加工有限公司");
    ScrapSteelRewardScenario p3 =
        new ScrapSteelRewardScenario(
            engine,
            baseUrl(),
            prefix + "-" + UUID.randomUUID(),
            ScrapSteelRewardProcessTest.workers(
                compute,
                ScrapSteelRewardProcessTest.APPLIED.plusDays(20),
                ScrapSteelRewardProcessTest.APPLIED.plusDays(80)));
    return p3.start(p3.application(code));
  }

  String open(ScrapSteelRewardScenario p3, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(p3.processInstanceId)
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }

  @Test
  void the_p3_forms_render_in_tasklist_in_chinese_with_the_reward_and_its_computation()
      throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-07-15T10:00:00+08:00").toInstant()));
    ScrapSteelRewardScenario reviewing = scenario("TL-P3-REVIEW").runUntil(COUNTY_REVIEW);
    ScrapSteelRewardScenario confirming = scenario("TL-P3-CONFIRM").runUntil(TAX_CONFIRMATION);
    ScrapSteelRewardScenario returned = scenario("TL-P3-RETURN");
    returned.on(TAX_CONFIRMATION, demo(Groups.TAX_BUREAU), reject("实缴增值税与征管系统不符"));
    returned.runUntil(CORRECT_APPLICATION);
    ScrapSteelRewardScenario paying = scenario("TL-P3-PAY").runUntil(CITY_DISBURSEMENT);

    ArrayNode visits = ScrapSteelRewardScenario.JSON.createArrayNode();
    visit(
        visits,
        demo(Groups.COUNTY_INDUSTRY_IT),
        open(reviewing, COUNTY_REVIEW),
        "县级工信部门审核",
        List.of(
            "县级工信部门审核",
            "奖励资金计算",
            "计算过程",
            "增值税 1000000.00 元",
            "184900.00",
            "282100.00",
            "临汾市示例废钢加工有限公司",
            "通过，报市工信局",
            "2026年上半年",
            "已纳入工信部公告管理的废钢铁加工企业名单",
            "核实废钢铁加工产品销售渠道"));
    visit(
        visits,
        demo(Groups.TAX_BUREAU),
        open(confirming, TAX_CONFIRMATION),
        "市税务局确认",
        List.of(
            "市级确认",
            "确认结论",
            "本期实缴增值税",
            "467000.00",
            "县级工信部门意见",
            "材料齐全，凭证属实，报市工信局",
            "县级工信部门销售渠道核实情况",
            ScrapSteelRewardScenario.SALES_CHANNEL_NOTE,
            "2026年上半年"));
    visit(
        visits,
        returned.applicant,
        open(returned, CORRECT_APPLICATION),
        "企业修改或撤回",
        List.of("修改后重新提交或撤回", "本轮审核、确认意见", "实缴增值税与征管系统不符", "市税务局确认意见", "处理方式"));
    visit(
        visits,
        demo(Groups.FINANCE_BUREAU),
        open(paying, CITY_DISBURSEMENT),
        "市财政拨付",
        List.of("市财政局拨付市级奖励", "本次拨付金额（市级奖励）", "拨付凭证号", "184900.00"));
    visit(
        visits,
        demo(Groups.COUNTY_FINANCE),
        open(paying, COUNTY_DISBURSEMENT),
        "县财政拨付",
        List.of("县级财政部门拨付县级奖励", "本次拨付金额（县级奖励）", "282100.00"));

    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(5));
  }

  private String runNode(String... command) throws Exception {
    return BrowserScripts.run("browser check", Duration.ofMinutes(5), command);
  }

  @Test
  void
      P3_R02_the_start_form_in_tasklist_is_refused_in_chinese_in_august_and_without_the_vouchers_in_july()
          throws Exception {
    String code = ScrapSteelRewardScenario.announcedEnterprise(baseUrl(), "临汾市示例废钢加工有限公司");
    ObjectNode application = ScrapSteelRewardScenario.JSON.createObjectNode();
    application.put("enterpriseName", "临汾市示例废钢加工有限公司").put("creditCode", code).put("county", "侯马市");
    application
        .putObject("taxes")
        .put("增值税", "1000000.00")
        .put("城市维护建设税", "70000.00")
        .put("教育费附加", "30000.00")
        .put("地方教育附加", "20000.00")
        .put("印花税", "3000.00");
    String enterprise = demo(Groups.ENTERPRISE);

    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-08-03T10:00:00+08:00").toInstant()));
    ObjectNode refused = application.deepCopy().put("refusedWith", "不在申报期内");
    String august =
        runNode(
            "node",
            "src/test/e2e/p3-start.mjs",
            baseUrl(),
            enterprise,
            DEMO_PASSWORD,
            refused.toString());
    assertThat(august).as(august).contains(" passed, 0 failed").doesNotContain("FAIL");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("creditCode", code)
                .count())
        .isZero();

    // in July the form is accepted, but the start needs the tax and sales vouchers as files, which
    // Tasklist cannot upload: refused in Chinese naming them, no case (docs/materials.md); the
    // workbench starts with the uploads
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-07-20T10:00:00+08:00").toInstant()));
    ObjectNode withoutFiles = application.deepCopy().put("refusedWith", "缺少申请材料：税收缴纳凭证");
    String july =
        runNode(
            "node",
            "src/test/e2e/p3-start.mjs",
            baseUrl(),
            enterprise,
            DEMO_PASSWORD,
            withoutFiles.toString());
    assertThat(july).as(july).contains(" passed, 0 failed").doesNotContain("FAIL");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("creditCode", code)
                .count())
        .isZero();
  }
}
