package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static cn.gov.linfen.fenhe.test.BrowserScripts.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P2 tasks opened in Tasklist by their demo users (尧都区) in a real headless Chromium, one per step
 * of the procedure and of the inspections (src/test/e2e/p1-forms.mjs, the shared form check): each
 * Camunda Form renders in Chinese with the case's values.
 */
@Tag("browser")
class FarmlandTasklistTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  String inspection;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    if (inspection != null) {
      engine.getRuntimeService().deleteProcessInstance(inspection, "test clean-up");
    }
  }

  java.util.Set<String> inspections() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.INSPECTION_KEY)
        .list()
        .stream()
        .map(p -> p.getId())
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  FarmlandScenario started(String prefix, Map<String, Object> overrides) {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = new FarmlandScenario(engine, baseUrl(), prefix + "-" + UUID.randomUUID());
    p2.noticeStartDate = "2026-09-14";
    return p2.start(application(overrides));
  }

  FarmlandScenario noticeRunning(String prefix, Map<String, Object> overrides) {
    FarmlandScenario p2 = started(prefix, overrides);
    p2.runUntil(POST_NOTICE);
    at(shanghai("2026-09-14T09:30:00"));
    return p2.runUntil(RECORD_OBJECTION);
  }

  FarmlandScenario signed(String prefix, Map<String, Object> overrides) {
    FarmlandScenario p2 = noticeRunning(prefix, overrides).endNotice();
    at(shanghai("2026-09-28T10:00:00"));
    return p2.runUntil(FILE, COUNTY_REVIEW);
  }

  static String taskId(FarmlandScenario p2, String taskKey, String user) {
    return p2.task(taskKey, user).get("id").asText();
  }

  @Test
  void every_p2_step_opens_in_tasklist_in_chinese_with_the_cases_values() throws Exception {
    String operator = demo(Groups.OPERATOR);
    String village = demo(Groups.VILLAGE_COMMITTEE);
    String township = demo(Groups.TOWNSHIP_GOVERNMENT);
    String resources = demo(Groups.COUNTY_NATURAL_RESOURCES);
    String agriculture = demo(Groups.COUNTY_AGRICULTURE);
    ArrayNode visits = SoeReformFundScenario.JSON.createArrayNode();

    FarmlandScenario negotiating = started("TL-NEGOTIATE", Map.of());
    visit(
        visits,
        operator,
        taskId(negotiating, NEGOTIATE, operator),
        "协商用地协议",
        List.of("协商用地协议", "八项内容", "土地复垦要求", "土地交还方式", "违约责任", "临汾市尧都区丰禾农业专业合作社", "屯里镇"));

    FarmlandScenario posting = started("TL-POST", Map.of()).runUntil(POST_NOTICE);
    visit(
        visits,
        village,
        taskId(posting, POST_NOTICE, village),
        "村委会张贴公告",
        List.of("张贴公告", "公告开始日期", "已在乡镇政府张贴", "已在村务公开栏张贴", "东屯里村村东"));

    FarmlandScenario objecting = noticeRunning("TL-OBJECT", Map.of());
    at(shanghai("2026-09-22T15:00:00"));
    objecting.lodgeObjection(village, "村民王某", "大棚占用了村民出行的机耕路");
    objecting.runUntil();
    objecting.endNotice().runUntil(HANDLE_OBJECTIONS);
    visit(
        visits,
        village,
        taskId(objecting, HANDLE_OBJECTIONS, village),
        "村委会处理异议",
        List.of("处理异议", "重新协商并重新公告", "放弃用地", "村民王某", "机耕路"));

    FarmlandScenario running = noticeRunning("TL-RECORD", Map.of());
    visit(
        visits,
        village,
        taskId(running, RECORD_OBJECTION, village),
        "村委会登记异议",
        List.of("登记异议", "异议人（姓名或单位）", "异议内容", "第 1 次公告：2026-09-14 至 2026-09-23"));

    FarmlandScenario signing = noticeRunning("TL-SIGN", Map.of()).endNotice();
    signing.runUntil(SIGN);
    visit(
        visits,
        operator,
        taskId(signing, SIGN, operator),
        "签订用地协议",
        List.of("签订用地协议", "协议编号", "本方已签订用地协议", "蔬菜温室大棚"));

    FarmlandScenario confirming = noticeRunning("TL-CONFIRM", Map.of()).endNotice();
    confirming.runUntil(COLLECTIVE_CONFIRMS);
    visit(
        visits,
        village,
        taskId(confirming, COLLECTIVE_CONFIRMS, village),
        "农村集体经济组织确认用地协议",
        List.of("农村集体经济组织确认用地协议", "确认已签订用地协议", "不确认，退回重新协商", "农村集体经济组织签字人", "YD-TL-2026-018"));

    FarmlandScenario reporting =
        noticeRunning("TL-REPORT", Map.of("usesPermanentBasicFarmland", true)).endNotice();
    at(shanghai("2026-09-28T10:00:00"));
    reporting.runUntil(REPORT_BASIC_FARMLAND);
    visit(
        visits,
        township,
        taskId(reporting, REPORT_BASIC_FARMLAND, township),
        "报告占用永久基本农田",
        List.of("报告占用永久基本农田", "报告日期", "报告内容", "在办理备案手续前", "东屯里村"));

    FarmlandScenario review = signed("TL-REVIEW", Map.of("usesPermanentBasicFarmland", true));
    visit(
        visits,
        resources,
        taskId(review, COUNTY_REVIEW, resources),
        "永久基本农田论证",
        List.of("永久基本农田论证", "补划方案", "同意意见文号", "不通过", "12.5", "乡镇政府报告"));
    visit(
        visits,
        agriculture,
        taskId(review, AGRICULTURE_REVIEW, agriculture),
        "县农业农村部门会同论证",
        List.of("县农业农村部门会同论证", "两个部门均论证通过的", "通过", "不通过", "拟在西屯里村补划"));

    FarmlandScenario filing = signed("TL-FILE", Map.of());
    at(shanghai("2026-10-16T18:01:00"));
    engine.getManagementService().executeJob(filing.timer(FILING_OVERDUE).getId());
    filing.runUntil(FOLLOW_UP_OVERDUE_FILING);
    visit(
        visits,
        operator,
        taskId(filing, FILE, operator),
        "向乡镇政府备案",
        List.of(
            "向乡镇政府备案",
            "备案材料",
            "设施建设方案和签订的用地协议",
            "备案期限",
            "YD-TL-2026-018",
            "标识牌",
            "标识牌公布的举报电话",
            "受理举报单位"));
    visit(
        visits,
        resources,
        taskId(filing, INVESTIGATE_UNFILED_LAND_USE, resources),
        "未备案用地按违法占地查处",
        List.of("未备案用地按违法占地查处", "现场核查日期", "是否已动工", "查处结果", "YD-TL-2026-018"));
    visit(
        visits,
        township,
        taskId(filing, FOLLOW_UP_OVERDUE_FILING, township),
        "督办逾期未备案",
        List.of("督办", "督办情况", "2026-10-16 18:00"));

    FarmlandScenario checking = signed("TL-CHECK", Map.of());
    checking.work(FILE);
    visit(
        visits,
        township,
        taskId(checking, TOWNSHIP_CHECK, township),
        "乡镇审核备案材料",
        List.of("乡镇审核备案材料", "符合要求，予以备案", "不符合要求，退回补正", "违约责任"));
    FarmlandScenario forwarding = signed("TL-FORWARD", Map.of()).runUntil(FORWARD);
    visit(
        visits,
        township,
        taskId(forwarding, FORWARD, township),
        "报送县级部门",
        List.of("汇交备案信息", "报送日期", "已汇交县自然资源部门", "已汇交县农业农村部门", "备案编号", "可以动工建设"));
    FarmlandScenario registering = signed("TL-REGISTER", Map.of()).runUntil(REGISTER);
    visit(
        visits,
        resources,
        taskId(registering, REGISTER, resources),
        "上图入库",
        List.of("上图入库", "上图入库编号", "尧都区屯里镇设施农业用地备"));
    visit(
        visits,
        agriculture,
        taskId(registering, AGRICULTURE_RECEIPT, agriculture),
        "县农业农村部门接收备案信息",
        List.of("接收备案信息", "接收日期", "已纳入设施农业台账", "尧都区屯里镇设施农业用地备"));

    // the monthly inspection (January: townships and the joint county round), one record per unit
    ClockUtil.setCurrentTime(
        java.util.Date.from(
            java.time.OffsetDateTime.parse("2027-01-01T09:00:01+08:00").toInstant()));
    var timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.INSPECTION_KEY)
            .timers()
            .singleResult();
    java.util.Set<String> before = inspections();
    engine.getManagementService().executeJob(timer.getId());
    java.util.Set<String> after = inspections();
    after.removeAll(before);
    inspection = after.iterator().next();
    var tunli =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .TOWNSHIP_INSPECTION)
            .list()
            .stream()
            .filter(
                t ->
                    "屯里镇".equals(engine.getTaskService().getVariable(t.getId(), "township"))
                        && "尧都区".equals(engine.getTaskService().getVariable(t.getId(), "county")))
            .findFirst()
            .orElseThrow();
    visit(
        visits,
        township,
        tunli.getId(),
        "乡镇月度巡查记录",
        List.of("巡查记录（台账）", "巡查日期", "巡查情况", "发现违法违规用地", "巡查人员签字", "巡查人员已签字确认", "屯里镇", "尧都区"));
    var joint =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .COUNTY_INSPECTION)
            .taskCandidateGroup("county-natural-resources-yaodu")
            .singleResult();
    visit(visits, resources, joint.getId(), "县级季度联合巡查记录", List.of("巡查记录（台账）", "巡查人员签字", "尧都区"));
    // the browser opens the tasks collected so far; the agriculture department's confirmation
    // exists only after the record
    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(8));
    visits.removeAll();
    engine
        .getTaskService()
        .complete(
            joint.getId(),
            Map.of(
                "inspectionDate",
                "2027-01-01",
                "inspectors",
                "王五",
                "inspectionFindings",
                "辖区设施农业用地均按备案使用",
                "inspectionSigned",
                true,
                "violationFound",
                false));
    var confirmation =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .AGRICULTURE_CONFIRMS_INSPECTION)
            .taskCandidateGroup("county-agriculture-yaodu")
            .singleResult();
    visit(
        visits,
        agriculture,
        confirmation.getId(),
        "县农业农村部门确认联合巡查记录",
        List.of("确认联合巡查记录", "县农业农村部门巡查人员签字", "确认巡查记录", "不同意，退回修改", "王五", "辖区设施农业用地均按备案使用"));
    var publication =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .PUBLISH_FILINGS_AND_LEDGER)
            .taskCandidateGroup("county-agriculture-yaodu")
            .singleResult();
    visit(
        visits,
        agriculture,
        publication.getId(),
        "年度公开备案信息和台账信息",
        List.of("年度公开备案信息和台账信息", "公开年度", "上一年度备案清单", "公开日期", "已公开设施农业台账信息", "2026"));
    var qiaoli =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .TOWNSHIP_INSPECTION)
            .list()
            .stream()
            .filter(
                t ->
                    "乔李镇".equals(engine.getTaskService().getVariable(t.getId(), "township"))
                        && "尧都区".equals(engine.getTaskService().getVariable(t.getId(), "county")))
            .findFirst()
            .orElseThrow();
    engine
        .getTaskService()
        .complete(
            qiaoli.getId(),
            Map.of(
                "inspectionDate",
                "2027-01-01",
                "inspectors",
                "张三、李四",
                "inspectionFindings",
                "发现一处大棚改建为农家乐",
                "inspectionSigned",
                true,
                "violationFound",
                true,
                "violationDescription",
                "东屯里村设施农业用地擅自改变用途"));
    var handling =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(inspection)
            .taskDefinitionKey(
                cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements
                    .TOWNSHIP_ILLEGAL_LAND_USE)
            .singleResult();
    visit(
        visits,
        resources,
        handling.getId(),
        "违法用地查处",
        List.of("违法用地查处", "查处结果", "擅自改变用途", "张三、李四", "乔李镇"));

    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(8));
  }

  String walk(String step) throws Exception {
    return BrowserScripts.run(
        "browser walk",
        Duration.ofMinutes(3),
        "node",
        "src/test/e2e/p2-walk.mjs",
        baseUrl(),
        DEMO_PASSWORD,
        step);
  }

  @Test
  void the_village_committee_posts_the_notice_and_records_an_objection_in_tasklist()
      throws Exception {
    FarmlandScenario p2 = started("TL-WALK", Map.of()).runUntil(POST_NOTICE);
    at(shanghai("2026-09-14T09:30:00"));
    String village = demo(Groups.VILLAGE_COMMITTEE);
    var step = SoeReformFundScenario.JSON.createObjectNode();
    step.put("user", village).put("taskId", taskId(p2, POST_NOTICE, village));
    step.putObject("dates").put("公告开始日期", "2026-09-14");
    step.putArray("checks").add("已在乡镇政府张贴").add("已在村务公开栏张贴");
    // the photo of the posted notice is a material (docs/materials.md), uploaded by the member who
    // holds the task (the workbench's upload; Tasklist has no file field) before submitting in
    // Tasklist
    String id = taskId(p2, POST_NOTICE, village);
    assertThat(
            p2.as(village)
                .post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + village + "\"}")
                .status())
        .isEqualTo(204);
    assertThat(p2.upload(village, "notice-photo", "公告张贴照片.png", TestFiles.png()).status())
        .isEqualTo(201);

    String posted = walk(step.toString());

    assertThat(posted).as(posted).contains(" passed, 0 failed");
    assertThat(p2.openTaskKeys()).doesNotContain(POST_NOTICE);
    assertThat(p2.variable("noticeStartDate")).isEqualTo("2026-09-14");
    p2.runUntil(RECORD_OBJECTION);
    assertThat(((java.util.Date) p2.variable("noticeEndsAt")).toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse("2026-09-24T00:00:00+08:00").toInstant());

    at(shanghai("2026-09-20T10:00:00"));
    var objection = SoeReformFundScenario.JSON.createObjectNode();
    objection.put("user", village).put("taskId", taskId(p2, RECORD_OBJECTION, village));
    objection.putObject("text").put("异议人", "村民王某").put("异议内容", "大棚占用了村民出行的机耕路");

    String recorded = walk(objection.toString());

    assertThat(recorded).as(recorded).contains(" passed, 0 failed");
    p2.runUntil();
    assertThat(p2.variable("openObjections")).isEqualTo(1);
    assertThat(p2.variable("objections").toString())
        .contains("村民王某", "机耕路", "\"channel\":\"FORM\"");
  }
}
