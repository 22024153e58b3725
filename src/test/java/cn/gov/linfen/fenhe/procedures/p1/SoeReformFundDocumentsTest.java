package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.documents.DocumentNumbers;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.PdfText;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P1's official documents from a case driven through the engine: 附件1 申请表, 附件2 审核表 and 附件3 拨款通知书 as
 * PDF, their text extracted and checked against the case (names, amounts in figures and 大写, dates,
 * the number); who may read them; every download in the audit log.
 */
class SoeReformFundDocumentsTest extends SoeReformFundCaseTest {

  static final OffsetDateTime NOTICE_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

  @Autowired DocumentNumbers numbers;
  @Autowired AuditLog audit;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void P1_R19_the_three_appendices_of_a_case_noticed_on_30_september_2026() throws Exception {
    SoeReformFundScenario p1 =
        scenario("P1-DOC")
            .start(
                application(
                    Map.of(
                        "liquidationCostAmount",
                        "300000.00",
                        "economicCompensation",
                        "934567.89")));
    p1.runUntil(PREPARE_NOTICE);
    ClockUtil.setCurrentTime(Date.from(NOTICE_DAY.toInstant()));
    p1.runUntil(TRANSFER_FUNDS);

    String number = (String) p1.variable("noticeNumber");
    assertThat(number).matches("临企改拨〔2026〕[1-9][0-9]*号");
    assertThat(numbers.find(p1.businessKey, "disbursement-notice").orElseThrow().number())
        .isEqualTo(number);
    assertThat((String) p1.variable("disbursementNotice")).contains("编号：" + number);

    Http applicant = p1.as(demo(Groups.LIQUIDATION_TEAM));
    JsonNode list = applicant.get("/api/cases/" + p1.businessKey + "/documents").json();
    assertThat(list.findValuesAsText("kind"))
        .containsExactly("application", "review-table", "disbursement-notice");
    assertThat(list.get(2).get("name").asText()).isEqualTo("临汾市国企改革专项资金拨款通知书");
    assertThat(list.get(2).get("number").asText()).isEqualTo(number);
    assertThat(list.get(2).get("issuedAt").asText()).isEqualTo("2026-09-30T02:00:00Z");
    assertThat(list.get(0).get("number").isNull()).isTrue();

    // 附件3: the number, the transfer date (3rd working day: National Day off, Saturday 10 October
    // a make-up working day), the amount in figures and in capitals, the bank details
    Http.Binary notice =
        applicant.getBytes("/api/cases/" + p1.businessKey + "/documents/disbursement-notice.pdf");
    assertThat(notice.status()).isEqualTo(200);
    // (server.servlet.encoding.force adds a charset to every answer)
    assertThat(notice.header("Content-Type")).startsWith("application/pdf");
    assertThat(URLDecoder.decode(notice.header("Content-Disposition"), StandardCharsets.UTF_8))
        .startsWith("inline;")
        .contains("filename*=UTF-8''临汾市国企改革专项资金拨款通知书.pdf");
    assertThat(PdfText.of(notice.body()))
        .contains(
            "临汾市国企改革专项资金拨款通知书",
            number,
            "临汾济林投资有限公司：",
            "临汾市第二机械厂申请的改革资金123.456789万元",
            "同意支付资金123.456789万元",
            "于2026年10月10日前，与企业主管部门完成资金划转",
            "1,234,567.89元",
            "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "中国工商银行临汾分行",
            "102171000019",
            "王会计",
            "特此通知",
            "市企改办",
            "2026年9月30日");
    try (PDDocument pdf = PdfText.load(notice.body())) {
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
      for (org.apache.pdfbox.cos.COSName name : pdf.getPage(0).getResources().getFontNames()) {
        PDFont font = pdf.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as("font embedded").isTrue();
        assertThat(font.getName()).as("a subset").matches("[A-Z]{6}\\+.*");
      }
    }
    // the same bytes every time, their hash recorded with the number
    Http.Binary again =
        applicant.getBytes("/api/cases/" + p1.businessKey + "/documents/disbursement-notice.pdf");
    assertThat(again.body()).isEqualTo(notice.body());
    assertThat(numbers.find(p1.businessKey, "disbursement-notice").orElseThrow().sha256())
        .isEqualTo(notice.header("X-Document-SHA256"))
        .hasSize(64);

    // 附件1
    String applicationText =
        PdfText.of(
            applicant
                .getBytes("/api/cases/" + p1.businessKey + "/documents/application.pdf")
                .body());
    assertThat(applicationText)
        .contains(
            "临汾市国有企业改革专项资金申请表",
            "临汾市第二机械厂",
            "张建国",
            "0357-2088001",
            "李清",
            "清算注销",
            "123.456789万元",
            "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "企业改革成本500万元",
            "资产变现350万元",
            "支付职工安置费用及清算费用",
            "同意上报市企改办",
            "2026年");

    // 附件2: each department's opinion, signer and date, the sign-off
    String reviewText =
        PdfText.of(
            p1.as(demo(Groups.REFORM_OFFICE))
                .getBytes("/api/cases/" + p1.businessKey + "/documents/review-table.pdf")
                .body());
    assertThat(reviewText)
        .contains(
            "临汾市国有企业改革专项资金审核表",
            "主管部门（破产管理人）意见",
            "清算费用、工资和生活费属实",
            "人社部门审核意见",
            "经济补偿金、养老和工伤保险核算无误",
            "医保部门审核意见",
            "（本申请不涉及）",
            "财政部门复核意见",
            "复核无误",
            "市政府领导审签",
            "市政府：同意",
            "签字（盖章）：",
            "30万元",
            "93.456789万元");
    assertThat(reviewText).containsPattern("2026年\\d{1,2}月\\d{1,2}日");

    // every download audit-logged: who, which document, its number and hash
    assertThat(audit.entriesAbout(p1.businessKey, 20))
        .filteredOn(e -> e.action().equals("document.download"))
        .extracting(AuditLog.Entry::details)
        .anyMatch(d -> d.startsWith("disbursement-notice " + number + " sha256="))
        .anyMatch(d -> d.startsWith("application sha256="))
        .anyMatch(d -> d.startsWith("review-table sha256="));
  }

  @Test
  void
      P1_R19_a_retried_worker_takes_no_second_number_and_a_notice_not_issued_is_refused_in_chinese() {
    SoeReformFundScenario p1 =
        scenario("P1-DOC-RETRY").start(application(Map.of("liquidationCostAmount", "90000.00")));
    p1.runUntil(PREPARE_NOTICE);

    Http applicant = p1.as(demo(Groups.LIQUIDATION_TEAM));
    assertThat(
            applicant
                .get("/api/cases/" + p1.businessKey + "/documents")
                .json()
                .findValuesAsText("kind"))
        .containsExactly("application", "review-table");
    Http.Binary early =
        applicant.getBytes("/api/cases/" + p1.businessKey + "/documents/disbursement-notice.pdf");
    assertThat(early.status()).isEqualTo(404);
    assertThat(early.text()).contains("临汾市国企改革专项资金拨款通知书尚未出具", "\"field\":\"kind\"");

    p1.runUntil(TRANSFER_FUNDS);
    String number = (String) p1.variable("noticeNumber");
    // the engine issued it; issuing again for the same case (a retry, a resumed case) answers it
    assertThat(numbers.issue(p1.businessKey, "disbursement-notice", "临企改拨", "x").number())
        .isEqualTo(number);

    Http.Binary unknown =
        applicant.getBytes("/api/cases/" + p1.businessKey + "/documents/no-such-kind.pdf");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).contains("本案件没有名为“no-such-kind”的公文");

    // a stranger (an enterprise of P3) is told there is no such case; a supervisor reads
    Http stranger = Http.as(baseUrl(), "demo-enterprise", DEMO_PASSWORD);
    Http.Binary refused =
        stranger.getBytes("/api/cases/" + p1.businessKey + "/documents/application.pdf");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.text()).contains("未找到该案件");
    assertThat(stranger.get("/api/cases/" + p1.businessKey + "/documents").status()).isEqualTo(404);
    Http.Binary supervisor =
        Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD)
            .getBytes("/api/cases/" + p1.businessKey + "/documents/disbursement-notice.pdf");
    assertThat(supervisor.status()).isEqualTo(200);
    assertThat(PdfText.of(supervisor.body())).contains(number, "玖万元整");
  }
}
