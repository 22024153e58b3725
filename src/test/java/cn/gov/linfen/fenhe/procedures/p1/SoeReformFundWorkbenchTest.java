package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.field;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.op;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.plan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.PdfText;
import cn.gov.linfen.fenhe.test.TestFiles;
import cn.gov.linfen.fenhe.test.WorkbenchWalks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * P1 国企改革专项资金 from the workbench (工作台, /fenhe/) alone, in a real headless Chromium
 * (src/test/e2e/workbench.mjs), by the demo users, in Chinese: the liquidation team applies on a
 * phone (390×844) from 发起 with the form and every required material uploaded from the start form;
 * P1's workers run the service steps; every user step is worked in 办理 by the demo user of its
 * group, with 加签 (他先办 and 我办完再给他), 减签, 抄送, 催办 and 退回 out of the parallel department review on the
 * way; a reviewer opens the applicant's file; the lists, the timeline and the 公文 are checked as the
 * case goes. A second case is withdrawn (撤回) by the applicant from the case screen.
 */
@Tag("browser")
class SoeReformFundWorkbenchTest extends SoeReformFundCaseTest {

  static final Pattern BUSINESS_KEY = Pattern.compile("businessKey=(\\S+)");

  static final String APPLICANT = demo(Groups.LIQUIDATION_TEAM);
  static final String DEPARTMENT = demo(Groups.SUPERVISING_DEPARTMENT);
  static final String REFORM_OFFICE = demo(Groups.REFORM_OFFICE);
  static final String HRSS = demo(Groups.HRSS_BUREAU);
  static final String HEALTH = demo(Groups.HEALTH_COMMISSION);
  static final String SASAC = demo(Groups.SASAC);
  static final String FINANCE = demo(Groups.FINANCE_BUREAU);
  static final String GOVERNMENT = demo(Groups.MUNICIPAL_GOVERNMENT);
  static final String JILIN = demo(Groups.JILIN_INVESTMENT);

  /** Copied to (抄送): an office the case does not otherwise concern. */
  static final String READER = demo(Groups.MEDICAL_INSURANCE_BUREAU);

  /** A second officer of the supervising department (the demo has one), signer before (他先办). */
  static final String COLLEAGUE = "wb-p1-supervising-department-2";

  static final String ENTERPRISE = "临汾市第三纺织厂";

  /** The materials of the start (p1-materials.yaml, every required one), as files of the PC. */
  static final Map<String, String> START_MATERIALS =
      Map.of(
          "application-report", "专项资金申请报告及申请表.pdf",
          "reform-plan", "企业改革方案和职工安置方案.pdf",
          "leading-group-approval", "领导小组批复文件.pdf",
          "audit-reports", "财务审计报告.pdf",
          "cost-estimate", "改革费用测算表.pdf",
          "asset-realization-table", "资产变现情况表.pdf");

  /** A real small PDF with a Chinese file name, in a directory of its own. */
  static Path pdf(String fileName) {
    try {
      Path file = Files.createTempDirectory("fenhe-p1-materials").resolve(fileName);
      Files.write(file, TestFiles.pdf(fileName));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application as the liquidation team fills it in on the start form. */
  static ObjectNode application() {
    ObjectNode plan = plan("start", APPLICANT, 390, 844);
    plan.put("procedure", "国企改革专项资金申请、审核、审批与拨付");
    ArrayNode fill = plan.putArray("fill");
    field(fill, "企业名称", ENTERPRISE, null);
    field(fill, "清算注销", null, "check");
    field(fill, "本企业声明：仅拖欠职工工资、社保债务", null, "check");
    field(fill, "企业主管部门", "临汾市工业和信息化局", null);
    field(fill, "企业法定代表人", "王振华", null);
    field(fill, "法定代表人联系电话", "0357-2088012", null);
    field(fill, "清算组负责人（破产管理人组长）", "赵清明", null);
    field(fill, "清算组负责人联系电话", "13903570012", null);
    field(fill, "企业在册职工人数", "260", null);
    field(fill, "企业改革成本（破产、清算注销全部费用）", "5000000", null);
    field(fill, "企业资产变现收入（不含土地使用权处置收入）", "1500000", null);
    // three departments review in parallel: 市人社局, 市卫健委, 市国资委
    field(fill, "经济补偿金（“4050”以下职工）", "60000", null);
    field(fill, "独生子女费", "12345.67", null);
    field(fill, "“4050”以上职工生活补助", "50000", null);
    field(fill, "申请资金用途", "支付职工经济补偿金、独生子女费和“4050”以上职工生活补助", null);
    field(fill, "项目绩效目标", "年内安置职工 260 人，补偿金和生活补助发放率 100%，完成清算注销", null);
    START_MATERIALS.forEach(
        (type, name) ->
            fill.addObject()
                .put("label", name)
                .put("kind", "file")
                .put("material", type)
                .put("path", pdf(name).toString()));
    return plan;
  }

  /** 通过 (or 提交 on a form without a decision) with the opinion written in the field labelled. */
  static ObjectNode decide(
      ArrayNode ops, String user, String bk, String decision, String label, String opinion) {
    ObjectNode decide = op(ops, user, "decide", bk).put("decision", decision);
    ArrayNode fill = decide.putArray("fill");
    if (label != null) {
      // exact: 初审意见 is also part of the read-only 企业主管部门初审意见
      field(fill, label, opinion, null).put("exact", true);
    }
    return decide;
  }

  static void list(ArrayNode ops, String user, String bk, String hash, String... expect) {
    ArrayNode words = op(ops, user, "list", bk).put("hash", hash).putArray("expect").add(bk);
    for (String word : expect) {
      words.add(word);
    }
  }

  String walk(ObjectNode plan) throws Exception {
    return WorkbenchWalks.walk(baseUrl(), DEMO_PASSWORD, plan, Duration.ofMinutes(12));
  }

  String colleague() {
    return WorkbenchWalks.colleague(
        engine.getIdentityService(),
        COLLEAGUE,
        "同事",
        "主管部门",
        DEMO_PASSWORD,
        Groups.SUPERVISING_DEPARTMENT);
  }

  SoeReformFundScenario caseOf(String businessKey) {
    HistoricProcessInstance started =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult();
    SoeReformFundScenario p1 =
        new SoeReformFundScenario(
            engine,
            baseUrl(),
            businessKey,
            SoeReformFundScenario.workers(validate, staffing, notice, record, alert));
    p1.processInstanceId = started.getId();
    return p1;
  }

  HistoricTaskInstance finished(SoeReformFundScenario p1, String taskKey) {
    return engine
        .getHistoryService()
        .createHistoricTaskInstanceQuery()
        .processInstanceId(p1.processInstanceId)
        .taskDefinitionKey(taskKey)
        .finished()
        .orderByHistoricTaskInstanceEndTime()
        .desc()
        .list()
        .get(0);
  }

  @Test
  void P1_the_case_is_worked_from_the_workbench_alone_with_materials_actions_lists_and_documents()
      throws Exception {
    String colleague = colleague();

    // 发起, on the phone: the form and the six required materials uploaded from the start form
    Matcher shown = BUSINESS_KEY.matcher(walk(application()));
    assertThat(shown.find()).isTrue();
    String bk = shown.group(1);
    SoeReformFundScenario p1 = caseOf(bk);
    assertThat(bk).startsWith("SRF-");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(p1.processInstanceId)
                .singleResult()
                .getStartUserId())
        .isEqualTo(APPLICANT);
    JsonNode files = p1.materials(APPLICANT).json();
    assertThat(files.findValuesAsText("type"))
        .containsExactlyInAnyOrderElementsOf(START_MATERIALS.keySet());
    assertThat(files.findValuesAsText("fileName"))
        .containsExactlyInAnyOrderElementsOf(START_MATERIALS.values());
    assertThat(files.findValuesAsText("uploadedBy")).containsOnly(APPLICANT);

    // the workers check the application and the staffing
    p1.runUntil(INITIAL_REVIEW);
    assertThat(p1.openTaskKeys()).containsExactly(INITIAL_REVIEW);

    ObjectNode plan = plan("actions", APPLICANT, 1440, 900);
    ArrayNode ops = plan.putArray("ops");
    list(ops, APPLICANT, bk, "/started", "办理中", "企业主管部门初审");

    // 企业主管部门初审: the officer opens the applicant's file, asks a colleague first (他先办), whose
    // opinion comes back to him, and approves
    op(ops, DEPARTMENT, "open-material", bk)
        .put("via", "task")
        .put("name", "财务审计报告.pdf")
        .put("contentType", "application/pdf");
    op(ops, DEPARTMENT, "act", bk)
        .put("action", "加签")
        .put("target", colleague)
        .put("reason", "请先核对职工花名册与安置人数")
        .put("done", "已加签");
    decide(ops, colleague, bk, "提交", "办理意见", "花名册 260 人核对无误");
    list(ops, colleague, bk, "/done", "花名册 260 人核对无误");
    decide(ops, DEPARTMENT, bk, "通过", "审核意见", "同意上报市企改办");
    list(ops, DEPARTMENT, bk, "/done", "【通过】", "同意上报市企改办");

    // 市企改办材料完整性初审
    decide(ops, REFORM_OFFICE, bk, "通过", "初审意见", "材料齐全，分送人社、卫健、国资审核");

    // the parallel review (市人社局, 市卫健委, 市国资委): the applicant urges; 国资委 adds a signer after
    // him (我办完再给他), who decides last; 卫健委 adds one and removes him before he acted (减签);
    // 人社局 copies the case to 市医保局 and returns out of the parallel review
    op(ops, APPLICANT, "urge", bk).put("message", "职工安置款急需，请各部门尽快审核");
    op(ops, SASAC, "act", bk)
        .put("action", "加签")
        .put("position", "after")
        .put("target", FINANCE)
        .put("reason", "生活补助涉及财政资金，请财政局把关")
        .put("done", "已加签");
    decide(ops, SASAC, bk, "通过", "审核意见", "国资：“4050”以上生活补助符合标准");
    decide(ops, FINANCE, bk, "通过", "审核意见", "财政：生活补助标准核实无误");
    op(ops, HEALTH, "act", bk)
        .put("action", "加签")
        .put("position", "after")
        .put("target", GOVERNMENT)
        .put("reason", "独生子女费请市政府把关")
        .put("done", "已加签");
    op(ops, HEALTH, "act", bk).put("action", "减签").put("target", GOVERNMENT).put("done", "已减签");
    decide(ops, HEALTH, bk, "通过", "审核意见", "卫健：独生子女费属实");
    op(ops, HRSS, "act", bk)
        .put("action", "抄送")
        .put("target", READER)
        .put("reason", "涉及职工医保，请市医保局知悉")
        .put("done", "已抄送");
    list(ops, READER, bk, "/cc", "未读", "涉及职工医保，请市医保局知悉");
    op(ops, READER, "case", bk).putArray("expect").add("此案件抄送给您").add(ENTERPRISE);
    list(ops, READER, bk, "/cc", "已读");
    op(ops, HRSS, "act", bk)
        .put("action", "退回")
        .put("returnTo", "市企改办材料完整性初审")
        .put("reason", "经济补偿金测算表缺页，请市企改办重新核对材料")
        .put("done", "已退回");
    list(ops, REFORM_OFFICE, bk, "/todo", "市企改办材料完整性初审");
    op(ops, APPLICANT, "case", bk)
        .putArray("expect")
        .add("催办")
        .add("职工安置款急需，请各部门尽快审核")
        .add("加签")
        .add("【他先办】请先核对职工花名册与安置人数")
        .add("花名册 260 人核对无误")
        .add("【我办完再给他】生活补助涉及财政资金，请财政局把关")
        .add("减签")
        .add("抄送")
        .add("涉及职工医保，请市医保局知悉")
        .add("退回")
        .add("经济补偿金测算表缺页，请市企改办重新核对材料")
        // the other branches' opinions stay in the record
        .add("财政：生活补助标准核实无误")
        .add("卫健：独生子女费属实");
    walk(plan);

    // returned out of the parallel review: the other branches' opinions are kept in the round
    assertThat(p1.openTaskKeys()).containsExactly(COMPLETENESS_CHECK);
    Task returned = p1.openTask(COMPLETENESS_CHECK);
    assertThat(returned.getAssignee()).isEqualTo(REFORM_OFFICE);
    Map<String, Object> round = engine.getTaskService().getVariables(returned.getId());
    assertThat(round.get("sasacReviewOpinion")).isEqualTo("财政：生活补助标准核实无误");
    assertThat(round.get("sasacReviewApproved")).isEqualTo(true);
    assertThat(round.get("healthCommissionReviewOpinion")).isEqualTo("卫健：独生子女费属实");
    assertThat(finished(p1, SASAC_REVIEW).getAssignee()).isEqualTo(FINANCE);
    HistoricTaskInstance initial = finished(p1, INITIAL_REVIEW);
    assertThat(initial.getAssignee()).isEqualTo(DEPARTMENT);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskParentTaskId(initial.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(colleague);

    // the second round, to the notice
    plan = plan("actions", REFORM_OFFICE, 1440, 900);
    ops = plan.putArray("ops");
    decide(ops, REFORM_OFFICE, bk, "通过", "初审意见", "已补齐测算表，材料齐全");
    decide(ops, HRSS, bk, "通过", "审核意见", "人社：经济补偿金核算无误");
    list(ops, HRSS, bk, "/done", "【通过】", "人社：经济补偿金核算无误");
    decide(ops, HEALTH, bk, "通过", "审核意见", "卫健：独生子女费属实");
    decide(ops, SASAC, bk, "通过", "审核意见", "国资：生活补助符合标准");
    decide(ops, FINANCE, bk, "通过", "复核意见", "复核无误");
    decide(ops, GOVERNMENT, bk, "通过", "审签意见", "同意拨付");
    ObjectNode prepare = decide(ops, REFORM_OFFICE, bk, "提交", null, null);
    ArrayNode notice = prepare.withArray("fill");
    field(notice, "核定金额（不超过申请金额）", "122345.67", null);
    field(notice, "支付", null, "check");
    field(notice, "同意支付（借款）金额", "122345.67", null);
    field(notice, "户名", "临汾市工业和信息化局", null);
    field(notice, "账号", "1410 0123 4567 8902", null);
    field(notice, "开户行", "中国建设银行临汾分行", null);
    field(notice, "行号", "105171000012", null);
    field(notice, "联系人", "刘会计", null);
    field(notice, "电话", "0357-2012346", null);
    list(ops, APPLICANT, bk, "/started", "办理中");
    walk(plan);

    // the engine numbers the notice, the worker issues it
    p1.runWorkers();
    assertThat(p1.openTaskKeys()).contains(TRANSFER_FUNDS);
    String number = (String) p1.variable("noticeNumber");
    assertThat(number).matches("临企改拨〔\\d{4}〕[1-9][0-9]*号");

    // 济林公司 transfers the money; the transfer is recorded and the case ends
    plan = plan("actions", JILIN, 1440, 900);
    ops = plan.putArray("ops");
    ObjectNode transfer = decide(ops, JILIN, bk, "提交", null, null);
    field(transfer.withArray("fill"), "实际划转金额（须与通知书一致）", "122345.67", null);
    field(transfer.withArray("fill"), "划转凭证号", "JL-HZ-2026-0012", null);
    walk(plan);
    p1.runUntil();
    assertThat(p1.ended()).isTrue();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);

    // after the end: the lists, the timeline and the 公文 from the case screen
    plan = plan("actions", APPLICANT, 1440, 900);
    ops = plan.putArray("ops");
    list(ops, APPLICANT, bk, "/started", "已办结", "国企改革专项资金");
    list(ops, JILIN, bk, "/done");
    list(ops, GOVERNMENT, bk, "/done", "【通过】", "同意拨付");
    list(ops, READER, bk, "/cc", "已读");
    op(ops, APPLICANT, "case", bk)
        .putArray("expect")
        .add("已办结")
        .add("市政府审签")
        .add("同意拨付")
        .add("退回")
        .add("经济补偿金测算表缺页，请市企改办重新核对材料")
        .add("【我办完再给他】生活补助涉及财政资金，请财政局把关");
    for (String document :
        new String[] {"临汾市国有企业改革专项资金申请表", "临汾市国有企业改革专项资金审核表", "临汾市国企改革专项资金拨款通知书"}) {
      op(ops, APPLICANT, "open-document", bk)
          .put("name", document)
          .put("contentType", "application/pdf");
    }
    op(ops, REFORM_OFFICE, "open-material", bk)
        .put("via", "case")
        .put("name", "改革费用测算表.pdf")
        .put("contentType", "application/pdf");
    walk(plan);

    // the notice as the applicant reads it: the business's amount and number
    Http.Binary pdf =
        Http.as(baseUrl(), APPLICANT, DEMO_PASSWORD)
            .getBytes("/api/cases/" + bk + "/documents/disbursement-notice.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
    assertThat(PdfText.of(pdf.body()))
        .contains(
            "临汾市国企改革专项资金拨款通知书",
            number,
            ENTERPRISE,
            "122,345.67元",
            "壹拾贰万贰仟叁佰肆拾伍元陆角柒分",
            "中国建设银行临汾分行",
            "105171000012");
  }

  @Test
  void P1_R05_the_applicant_withdraws_from_the_case_screen_with_a_reason() throws Exception {
    SoeReformFundScenario p1 =
        scenario("WB-P1-WD")
            .start(SoeReformFundScenario.application(Map.of("owedWages", "20000.00")));
    p1.runUntil(INITIAL_REVIEW);
    String bk = p1.businessKey;

    ObjectNode plan = plan("actions", APPLICANT, 1440, 900);
    ArrayNode ops = plan.putArray("ops");
    op(ops, APPLICANT, "withdraw", bk).put("reason", "企业已通过其他渠道解决安置资金");
    op(ops, APPLICANT, "case", bk).putArray("expect").add("已撤回").add("撤回").add("企业已通过其他渠道解决安置资金");
    list(ops, APPLICANT, bk, "/started", "已撤回");
    op(ops, DEPARTMENT, "list", bk).put("hash", "/todo").putArray("absent").add(bk);
    walk(plan);

    assertThat(p1.ended()).isTrue();
    assertThat(p1.topLevelEnd()).isEqualTo(END_WITHDRAWN);
    assertThat(p1.historicVariable("withdrawalReason")).isEqualTo("企业已通过其他渠道解决安置资金");
    assertThat(p1.historicVariable("withdrawnBy")).isEqualTo(APPLICANT);
  }
}
