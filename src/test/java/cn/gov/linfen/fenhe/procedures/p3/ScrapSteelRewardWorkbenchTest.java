package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.field;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.op;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.plan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.WorkbenchWalks;
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
 * from the workbench's start form, and the county officer finds it in 待办 and approves it. A case is
 * worked to its end there: the confirmations with 催办, 抄送, 委派, 转办 and 退回, the county's review again,
 * the three confirmations, the city's and the county's disbursements.
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

  /** A file upload of the start form: a small real PDF with a Chinese file name. */
  static void material(ArrayNode fill, String type, String fileName) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fenhe-materials");
      java.nio.file.Path file = dir.resolve(fileName);
      java.nio.file.Files.writeString(
          file,
          "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
          java.nio.charset.StandardCharsets.US_ASCII);
      fill.addObject()
          .put("label", fileName)
          .put("kind", "file")
          .put("material", type)
          .put("path", file.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ObjectNode application(String enterprise, String code, int width, int height) {
    ObjectNode plan = plan("start", enterprise, width, height);
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
    // the materials of the start (processes/p3-scrap-steel-reward/p3-materials.yaml), uploaded
    // from the start form as an applicant does
    material(fill, "tax-payment-vouchers", "税收缴纳凭证.pdf");
    material(fill, "sales-vouchers", "销售凭证.pdf");
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
    String code = announcedEnterprise();
    String enterprise = demo(Groups.ENTERPRISE);

    // out of the application period: refused in Chinese, nothing started
    at("2026-08-03T10:00:00+08:00");
    ObjectNode refused = application(enterprise, code, 1440, 900).put("refusedWith", "不在申报期内");
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
    ObjectNode july = application(enterprise, code, 390, 844);
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
    ObjectNode work = plan("work", officer, 1440, 900);
    work.put("businessKey", started.getBusinessKey())
        .put("list", true)
        .put("name", "县级工信部门审核")
        .put("decision", "通过");
    work.putArray("expect").add("县级工信部门审核").add("临汾市示例废钢加工有限公司").add("1000000");
    ArrayNode fill = work.putArray("fill");
    field(fill, "意见", "材料齐全，凭证属实，报市工信局", null);
    field(fill, "已核实废钢铁加工产品销售渠道", null, "check");
    field(fill, "销售渠道核实情况", ScrapSteelRewardScenario.SALES_CHANNEL_NOTE, null);
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

    // the lists after the step: 已办 of the officer with the decision, 我发起的 of the enterprise
    ObjectNode done = plan("lists", officer).put("businessKey", started.getBusinessKey());
    done.putArray("lists").addObject().put("hash", "/done").putArray("expect").add("【通过】");
    walk(done);
    ObjectNode mine = plan("lists", enterprise).put("businessKey", started.getBusinessKey());
    mine.putArray("lists")
        .addObject()
        .put("hash", "/started")
        .putArray("expect")
        .add("办理中")
        .add("废钢铁加工企业奖励资金申请");
    walk(mine);

    // the case, as the enterprise: header, timeline with the county's opinion, the diagram
    ObjectNode opened = plan("case", enterprise).put("businessKey", started.getBusinessKey());
    opened.putArray("expect").add("县级工信部门审核").add("材料齐全，凭证属实，报市工信局").add("临汾市示例废钢加工有限公司");
    walk(opened);
  }

  /** A new credit code, announced by the city's 工信局: its enterprise may apply. */
  String announcedEnterprise() {
    return ScrapSteelRewardScenario.announcedEnterprise(baseUrl(), "临汾市示例废钢加工有限公司");
  }

  /** Runs the plan in headless Chromium; every check of the script must pass. */
  String walk(ObjectNode plan) throws Exception {
    return WorkbenchWalks.walk(baseUrl(), DEMO_PASSWORD, plan, Duration.ofMinutes(4));
  }

  /** A second officer of the city's 工信局, to transfer and delegate to (the demo has one). */
  String colleague() {
    return WorkbenchWalks.colleague(
        engine.getIdentityService(),
        "wb-industry-it-2",
        "市工信局同事",
        "测试",
        DEMO_PASSWORD,
        Groups.INDUSTRY_IT_BUREAU);
  }

  @Test
  void
      the_parallel_confirmation_is_worked_from_the_workbench_with_urge_cc_delegate_transfer_and_return()
          throws Exception {
    at("2026-07-15T10:00:00+08:00");
    String code = announcedEnterprise();
    ScrapSteelRewardScenario p3 =
        new ScrapSteelRewardScenario(
            engine,
            baseUrl(),
            "WB-P3-" + java.util.UUID.randomUUID(),
            ScrapSteelRewardProcessTest.workers(
                compute,
                ScrapSteelRewardProcessTest.APPLIED.plusDays(20),
                ScrapSteelRewardProcessTest.APPLIED.plusDays(80)));
    p3.start(p3.application(code)).runUntil(INDUSTRY_IT_CONFIRMATION);
    String bk = p3.businessKey;
    String enterprise = demo(Groups.ENTERPRISE);
    String city = demo(Groups.INDUSTRY_IT_BUREAU);
    String tax = demo(Groups.TAX_BUREAU);
    String reader = "demo-sasac";
    String colleague = colleague();
    String county = demo(Groups.COUNTY_INDUSTRY_IT);

    ObjectNode plan = plan("actions", enterprise, 1440, 900);
    ArrayNode ops = plan.putArray("ops");
    op(ops, enterprise, "urge", bk).put("message", "请尽快确认");
    op(ops, city, "act", bk)
        .put("action", "抄送")
        .put("target", reader)
        .put("reason", "请国资委知悉")
        .put("done", "已抄送");
    op(ops, reader, "list", bk).put("hash", "/cc").putArray("expect").add(bk).add("未读");
    op(ops, city, "act", bk)
        .put("action", "委派")
        .put("target", colleague)
        .put("reason", "请核对工信部公告名单")
        .put("done", "已委派");
    op(ops, colleague, "resolve", bk).put("reason", "已核对，在公告名单内");
    op(ops, city, "act", bk)
        .put("action", "转办")
        .put("target", colleague)
        .put("reason", "本人出差，转同事办理")
        .put("done", "已转办");
    op(ops, city, "list", bk).put("hash", "/todo").putArray("absent").add(bk);
    op(ops, colleague, "decide", bk).put("decision", "通过");
    op(ops, colleague, "list", bk).put("hash", "/done").putArray("expect").add(bk).add("【通过】");
    op(ops, tax, "act", bk)
        .put("action", "退回")
        .put("returnTo", "县级工信部门审核")
        .put("reason", "实缴税额与凭证不一致，请县级复核")
        .put("done", "已退回");
    op(ops, county, "list", bk).put("hash", "/todo").putArray("expect").add(bk);
    op(ops, enterprise, "case", bk)
        .putArray("expect")
        .add("催办")
        .add("抄送")
        .add("委派")
        .add("转办")
        .add("退回")
        .add("本人出差，转同事办理")
        .add("实缴税额与凭证不一致，请县级复核");
    op(ops, enterprise, "list", bk).put("hash", "/started").putArray("expect").add(bk);
    walk(plan);

    assertThat(p3.openTaskKeys()).contains(COUNTY_REVIEW);
    HistoricTaskInstance confirmed =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(p3.processInstanceId)
            .taskDefinitionKey(INDUSTRY_IT_CONFIRMATION)
            .finished()
            .singleResult();
    assertThat(confirmed.getAssignee()).isEqualTo(colleague);

    // after the return: the county decides again, the three bureaus confirm, each as its demo user
    String finance = demo(Groups.FINANCE_BUREAU);
    plan = plan("actions", county, 1440, 900);
    ops = plan.putArray("ops");
    ArrayNode review = op(ops, county, "decide", bk).put("decision", "通过").putArray("fill");
    field(review, "意见", "已复核实缴税额，与凭证一致，再报市工信局", null);
    field(review, "已核实废钢铁加工产品销售渠道", null, "check");
    field(review, "销售渠道核实情况", ScrapSteelRewardScenario.SALES_CHANNEL_NOTE, null);
    op(ops, city, "decide", bk).put("decision", "通过");
    op(ops, tax, "decide", bk).put("decision", "通过");
    op(ops, finance, "decide", bk).put("decision", "通过");
    op(ops, tax, "list", bk).put("hash", "/done").putArray("expect").add(bk).add("【通过】");
    // the tasks of the case so far (the confirmations of the first round among them)
    java.util.Set<String> before =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(p3.processInstanceId)
            .list()
            .stream()
            .map(HistoricTaskInstance::getId)
            .collect(java.util.stream.Collectors.toSet());
    walk(plan);

    assertThat(p3.historicVariable("countyReviewOpinion")).isEqualTo("已复核实缴税额，与凭证一致，再报市工信局");
    for (String[] confirmation :
        new String[][] {
          {INDUSTRY_IT_CONFIRMATION, city}, {TAX_CONFIRMATION, tax}, {FINANCE_CONFIRMATION, finance}
        }) {
      // the confirmation of the second round: one task, finished by the bureau's demo user
      var again =
          engine
              .getHistoryService()
              .createHistoricTaskInstanceQuery()
              .processInstanceId(p3.processInstanceId)
              .taskDefinitionKey(confirmation[0])
              .list()
              .stream()
              .filter(task -> !before.contains(task.getId()))
              .toList();
      assertThat(again).as(confirmation[0]).hasSize(1);
      assertThat(again.get(0).getEndTime()).as(confirmation[0]).isNotNull();
      assertThat(again.get(0).getAssignee()).as(confirmation[0]).isEqualTo(confirmation[1]);
    }
    // the workers and the engine take the case to the two disbursements (nothing worked over REST)
    int worked = p3.steps.size();
    p3.runUntil(CITY_DISBURSEMENT);
    assertThat(p3.steps).hasSize(worked);
    assertThat(p3.openTaskKeys()).contains(CITY_DISBURSEMENT, COUNTY_DISBURSEMENT);

    // the city's and the county's finance bureaus pay in the workbench
    String countyFinance = demo(Groups.COUNTY_FINANCE);
    plan = plan("actions", finance, 1440, 900);
    ops = plan.putArray("ops");
    ArrayNode cityPays = op(ops, finance, "decide", bk).put("decision", "提交").putArray("fill");
    field(cityPays, "本次拨付金额（市级奖励）", "184900.00", null);
    field(cityPays, "拨付凭证号", "LFCZ-2026-0718", null);
    ArrayNode countyPays =
        op(ops, countyFinance, "decide", bk).put("decision", "提交").putArray("fill");
    field(countyPays, "本次拨付金额（县级奖励）", "282100.00", null);
    field(countyPays, "拨付凭证号", "XCZ-2026-0031", null);
    walk(plan);

    assertThat(p3.steps).hasSize(worked);
    p3.runUntil();
    assertThat(p3.steps).hasSize(worked);
    assertThat(p3.ended()).isTrue();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(p3.processInstanceId)
                .activityId(END_PAID)
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(p3.historicVariable("cityPaymentVoucher")).isEqualTo("LFCZ-2026-0718");
    assertThat(p3.historicVariable("countyPaymentVoucher")).isEqualTo("XCZ-2026-0031");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(p3.processInstanceId)
                .taskDefinitionKey(COUNTY_DISBURSEMENT)
                .singleResult()
                .getAssignee())
        .isEqualTo(countyFinance);

    // after the end: 我发起的 of the enterprise, the timeline with the disbursements
    plan = plan("actions", enterprise, 1440, 900);
    ops = plan.putArray("ops");
    op(ops, enterprise, "list", bk)
        .put("hash", "/started")
        .putArray("expect")
        .add(bk)
        .add("已办结")
        .add("废钢铁加工企业奖励资金申请");
    op(ops, enterprise, "case", bk)
        .putArray("expect")
        .add("已办结")
        .add("市财政拨付市级奖励")
        .add("县财政拨付县级奖励")
        .add("已复核实缴税额，与凭证一致，再报市工信局");
    walk(plan);
  }
}
