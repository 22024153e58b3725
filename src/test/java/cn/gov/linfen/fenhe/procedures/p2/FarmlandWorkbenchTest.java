package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.field;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.op;
import static cn.gov.linfen.fenhe.test.WorkbenchWalks.plan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
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
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P2 (设施农业用地备案) from the workbench (工作台, /fenhe/) alone, in a real headless Chromium
 * (src/test/e2e/workbench.mjs), by the demo users of 尧都区: the operator applies on the phone, hands
 * in the construction plan and the draft agreement; the village committee copies the case,
 * delegates the posting, uploads the photo of the posted notice; the notice runs ten days on the
 * engine clock across National Day; the agreement is signed, confirmed by a colleague the committee
 * transferred to, and filed; the operator urges, the township opens the plan and the photo, returns
 * the filing for a missing material and then files it; forwarded, registered and received — the 备案表
 * and the 公示 opened from the case, the filing's number and the operator in the PDF's text.
 */
@Tag("browser")
class FarmlandWorkbenchTest extends IntegrationTest {

  static final Pattern BUSINESS_KEY = Pattern.compile("businessKey=(\\S+)");
  static final String COLLEAGUE = FarmlandWorkbenchActionsTest.YAODU_COLLEAGUE;
  static final String OPERATOR_NAME = "临汾市尧都区丰禾农业专业合作社";

  static Path files;

  @Autowired ProcessEngine engine;

  @BeforeAll
  static void files() throws IOException {
    files = Files.createTempDirectory("fenhe-p2-materials");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A small real file with a Chinese name, for the browser to upload. */
  static String file(String name, byte[] content) {
    try {
      return Files.write(files.resolve(name), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode upload(ArrayNode ops, String user, String bk, String type, String path) {
    return op(ops, user, "upload", bk).put("material", type).put("path", path);
  }

  static ArrayNode decide(ArrayNode ops, String user, String bk, String decision) {
    return op(ops, user, "decide", bk).put("decision", decision).putArray("fill");
  }

  static void list(ArrayNode ops, String user, String bk, String hash, String... expect) {
    ArrayNode words = op(ops, user, "list", bk).put("hash", hash).putArray("expect");
    for (String word : expect) {
      words.add(word);
    }
  }

  /** A second officer of 尧都区's village committee, to delegate and transfer to. */
  String walk(ObjectNode plan) throws Exception {
    return WorkbenchWalks.walk(baseUrl(), DEMO_PASSWORD, plan, Duration.ofMinutes(8));
  }

  void colleague() {
    WorkbenchWalks.colleague(
        engine.getIdentityService(),
        COLLEAGUE,
        "尧都区村委会",
        "同事",
        DEMO_PASSWORD,
        Groups.VILLAGE_COMMITTEE,
        FarmlandScenario.group(Groups.VILLAGE_COMMITTEE));
  }

  static ObjectNode application(String operator) {
    ObjectNode plan = plan("start", operator, 390, 844);
    plan.put("procedure", "设施农业用地");
    ArrayNode fill = plan.putArray("fill");
    field(fill, "设施农业经营者", OPERATOR_NAME, "text");
    field(fill, "农村集体经济组织", "屯里镇东屯里村股份经济合作社", "text");
    field(fill, "县（市、区）", "尧都区", "select");
    field(fill, "乡镇", "屯里镇", "text");
    field(fill, "村", "东屯里村", "text");
    field(fill, "设施类型", "作物种植设施", "select");
    field(fill, "用地面积", "12.5", null);
    field(fill, "土地用途", "蔬菜温室大棚", "text");
    field(fill, "用地期限", "10", null);
    return plan;
  }

  @Test
  void
      P2_R02_R04_R06_the_operator_files_from_the_workbench_alone_with_materials_actions_and_documents()
          throws Exception {
    colleague();
    String operator = demo(Groups.OPERATOR);
    String village = demo(Groups.VILLAGE_COMMITTEE);
    String township = demo(Groups.TOWNSHIP_GOVERNMENT);
    String naturalResources = demo(Groups.COUNTY_NATURAL_RESOURCES);
    String agriculture = demo(Groups.COUNTY_AGRICULTURE);

    // Friday 25 September 2026: the operator applies from 发起, on the phone
    at(shanghai("2026-09-25T10:00:00"));
    Matcher shown = BUSINESS_KEY.matcher(walk(application(operator)));
    assertThat(shown.find()).isTrue();
    String bk = shown.group(1);
    HistoricProcessInstance started =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(bk)
            .singleResult();
    assertThat(started.getProcessDefinitionKey()).isEqualTo(FarmlandProcess.KEY);
    assertThat(started.getStartUserId()).isEqualTo(operator);
    assertThat(bk).startsWith("FFF-20260925-");
    FarmlandScenario p2 = new FarmlandScenario(engine, baseUrl(), bk);
    p2.processInstanceId = started.getId();
    assertThat(p2.openTaskKeys()).containsExactly(NEGOTIATE);

    // Monday 28 September: the agreement with its materials; the committee copies the case to the
    // county's agriculture department, delegates the posting and posts the notice with its photo
    at(shanghai("2026-09-28T09:00:00"));
    String plan = file("设施建设方案.pdf", TestFiles.pdf("construction plan"));
    String photo = file("公告张贴照片.png", TestFiles.png());
    ObjectNode notice = plan("actions", operator, 1440, 900);
    ArrayNode ops = notice.putArray("ops");
    upload(ops, operator, bk, "construction-plan", plan);
    upload(
        ops,
        operator,
        bk,
        "draft-agreement",
        file("用地协议（公告稿）.pdf", TestFiles.pdf("draft agreement")));
    ArrayNode agreement = decide(ops, operator, bk, "提交");
    field(agreement, "设施用地具体位置（四至）", "东屯里村村东，东至机耕路，西至水渠，南至李家地，北至村道", null);
    field(agreement, "土地复垦要求", "期满拆除设施，恢复耕作层，达到原耕地质量等级", null);
    field(agreement, "土地交还方式", "期满后 3 个月内复垦验收合格交还村集体", null);
    field(agreement, "违约责任", "擅自改变用途的，村集体有权解除协议并要求恢复原状、赔偿损失", null);
    op(ops, village, "act", bk)
        .put("action", "抄送")
        .put("target", agriculture)
        .put("reason", "请县农业农村部门知悉本次公告")
        .put("done", "已抄送");
    list(ops, agriculture, bk, "/cc", bk, "未读");
    op(ops, village, "act", bk)
        .put("action", "委派")
        .put("target", COLLEAGUE)
        .put("reason", "请到乡镇政府和村务公开栏张贴公告")
        .put("done", "已委派");
    op(ops, COLLEAGUE, "resolve", bk).put("reason", "已在两处张贴公告并拍照");
    upload(ops, village, bk, "notice-photo", photo);
    ArrayNode posting = decide(ops, village, bk, "提交");
    field(posting, "公告开始日期", "2026-09-28", "date");
    field(posting, "已在乡镇政府张贴", null, "check");
    field(posting, "已在村务公开栏张贴", null, "check");
    list(ops, village, bk, "/done", bk, "村委会张贴公告");
    walk(notice);

    HistoricTaskInstance posted = finished(p2, POST_NOTICE).get(0);
    assertThat(posted.getAssignee()).isEqualTo(village);
    JsonNode photoRow = material(p2, village, "notice-photo");
    assertThat(photoRow.get("uploadedBy").asText()).isEqualTo(village);
    assertThat(photoRow.get("contentType").asText()).isEqualTo("image/png");

    // the notice: ten calendar days from 28 September, across National Day; the agreement can be
    // signed from 8 October
    p2.runWorkers();
    assertThat(p2.openTaskKeys()).containsExactly(RECORD_OBJECTION);
    assertThat(((Date) p2.variable("noticeEndsAt")).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-08T00:00:00+08:00").toInstant());
    at(shanghai("2026-10-07T23:59:00"));
    p2.runWorkers();
    assertThat(p2.openTaskKeys()).containsExactly(RECORD_OBJECTION);
    p2.endNotice();
    at(shanghai("2026-10-08T10:00:00"));
    assertThat(p2.openTaskKeys()).containsExactly(SIGN);

    // Thursday 8 October: signed; the committee transfers the confirmation to a colleague; filed;
    // the operator urges; the township opens the plan and the photo, returns the filing for a
    // missing material, and files it once handed in
    ObjectNode filing = plan("actions", operator, 1440, 900);
    ops = filing.putArray("ops");
    upload(
        ops,
        operator,
        bk,
        "signed-agreement",
        file("设施农业用地协议（已签订）.pdf", TestFiles.pdf("signed agreement")));
    ArrayNode signing = decide(ops, operator, bk, "提交");
    field(signing, "协议编号", "YD-TL-2026-031", null);
    field(signing, "本方已签订用地协议", null, "check");
    op(ops, village, "act", bk)
        .put("action", "转办")
        .put("target", COLLEAGUE)
        .put("reason", "本人外出培训，请同事确认协议")
        .put("done", "已转办");
    op(ops, village, "list", bk).put("hash", "/todo").putArray("absent").add(bk);
    ArrayNode confirming = decide(ops, COLLEAGUE, bk, "提交");
    field(confirming, "确认已签订用地协议", null, "check");
    field(confirming, "农村集体经济组织签字人", "东屯里村股份经济合作社理事长 张某", null);
    list(ops, COLLEAGUE, bk, "/done", bk, "农村集体经济组织确认用地协议");
    ArrayNode filed = decide(ops, operator, bk, "提交");
    field(filed, "已在项目出入口显著位置设置标识牌", null, "check");
    field(filed, "标识牌公布的举报电话", "0357-12336", null);
    field(filed, "受理举报单位", "尧都区自然资源局", null);
    op(ops, operator, "urge", bk).put("message", "请尽快审核备案材料");
    op(ops, township, "open-material", bk)
        .put("via", "task")
        .put("name", "设施建设方案.pdf")
        .put("contentType", "application/pdf");
    op(ops, township, "open-material", bk)
        .put("via", "task")
        .put("name", "公告张贴照片.png")
        .put("contentType", "image/png");
    op(ops, township, "act", bk)
        .put("action", "退回")
        .put("returnTo", "向乡镇政府备案")
        .put("reason", "请补交项目出入口标识牌照片")
        .put("done", "已退回");
    list(ops, operator, bk, "/todo", bk, "向乡镇政府备案");
    upload(
        ops, operator, bk, "filing-documents", file("标识牌照片.pdf", TestFiles.pdf("site sign photo")));
    ArrayNode refiled = decide(ops, operator, bk, "提交");
    field(refiled, "已在项目出入口显著位置设置标识牌", null, "check");
    field(refiled, "标识牌公布的举报电话", "0357-12336", null);
    field(refiled, "受理举报单位", "尧都区自然资源局", null);
    ArrayNode check = decide(ops, township, bk, "通过");
    field(check, "意见", "材料齐全，符合要求，予以备案", "text");
    list(ops, township, bk, "/done", bk, "【通过】", "材料齐全，符合要求，予以备案");
    ObjectNode timeline = op(ops, operator, "case", bk);
    // P2 has no withdrawal: the applicant is offered none
    timeline.putArray("absent").add("撤回申请");
    timeline
        .putArray("expect")
        .add("抄送")
        .add("请县农业农村部门知悉本次公告")
        .add("委派")
        .add("请到乡镇政府和村务公开栏张贴公告")
        .add("委派办结")
        .add("已在两处张贴公告并拍照")
        .add("转办")
        .add("本人外出培训，请同事确认协议")
        .add("催办")
        .add("请尽快审核备案材料")
        .add("退回")
        .add("请补交项目出入口标识牌照片")
        .add("材料齐全，符合要求，予以备案");
    walk(filing);

    // 10 working days from 8 October: 9, 10 (the make-up Saturday), 12–16, 19, 20, 21 October
    List<HistoricTaskInstance> filings = finished(p2, FILE);
    assertThat(filings).hasSize(2);
    assertThat(filings.get(0).getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-21T18:00:00+08:00").toInstant());
    assertThat(finished(p2, COLLECTIVE_CONFIRMS).get(0).getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(material(p2, operator, "filing-documents").get("fileName").asText())
        .isEqualTo("标识牌照片.pdf");

    // filed (登记备案, the township's number); Friday 9 October: forwarded, registered, received
    p2.runWorkers();
    assertThat(p2.openTaskKeys()).containsExactly(FORWARD);
    String number = (String) p2.variable("filingNumber");
    assertThat(number).matches("尧都区屯里镇设施农业用地备〔2026〕[1-9][0-9]*号");
    at(shanghai("2026-10-09T10:00:00"));
    ObjectNode done = plan("actions", operator, 1440, 900);
    ops = done.putArray("ops");
    ArrayNode forwarding = decide(ops, township, bk, "提交");
    field(forwarding, "报送日期", "2026-10-09", "date");
    field(forwarding, "已汇交县自然资源部门", null, "check");
    field(forwarding, "已汇交县农业农村部门", null, "check");
    ArrayNode registering = decide(ops, naturalResources, bk, "提交");
    field(registering, "上图入库编号", "SNYD-141002-2026-0031", null);
    ArrayNode receiving = decide(ops, agriculture, bk, "提交");
    field(receiving, "接收日期", "2026-10-09", "date");
    field(receiving, "已纳入设施农业台账", null, "check");
    list(ops, operator, bk, "/started", bk, "已办结", "设施农业用地");
    op(ops, operator, "case", bk)
        .putArray("expect")
        .add("已办结")
        .add("县自然资源部门上图入库")
        .add("县农业农村部门接收备案信息");
    op(ops, operator, "open-document", bk)
        .put("name", "设施农业用地备案表")
        .put("contentType", "application/pdf");
    op(ops, operator, "open-document", bk)
        .put("name", "设施农业用地公示")
        .put("contentType", "application/pdf");
    walk(done);

    assertThat(p2.ended()).isTrue();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.historicVariable("mapRegistrationNumber")).isEqualTo("SNYD-141002-2026-0031");
    Http.Binary pdf =
        Http.as(baseUrl(), operator, DEMO_PASSWORD)
            .getBytes("/api/cases/" + bk + "/documents/farmland-filing.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
    assertThat(PdfText.of(pdf.body()))
        .contains("设施农业用地备案表", number, OPERATOR_NAME, "YD-TL-2026-031", "2026年10月8日");
  }

  List<HistoricTaskInstance> finished(FarmlandScenario p2, String taskKey) {
    return engine
        .getHistoryService()
        .createHistoricTaskInstanceQuery()
        .processInstanceId(p2.processInstanceId)
        .taskDefinitionKey(taskKey)
        .finished()
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .list();
  }

  /** The case's file in force of the type, as the user lists them. */
  static JsonNode material(FarmlandScenario p2, String user, String type) {
    JsonNode found = null;
    for (JsonNode m : p2.materials(user).json()) {
      if (m.get("type").asText().equals(type) && m.get("replacedBy").isNull()) {
        found = m;
      }
    }
    assertThat(found).as(type + " in the case").isNotNull();
    return found;
  }
}
