package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.PdfText;
import cn.gov.linfen.fenhe.workers.p3.ComputeRewardWorker;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P3's confirmation table (确认表) from a case driven through the engine: the five taxes, the city's
 * and the county's shares in figures and in capitals, the three bureaus' confirmations with signer
 * and date — extracted from the PDF.
 */
class ScrapSteelRewardDocumentsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ComputeRewardWorker compute;

  String creditCode;

  @BeforeEach
  void appliesInJuly() {
    ClockUtil.setCurrentTime(Date.from(ScrapSteelRewardProcessTest.APPLIED.toInstant()));
    creditCode = ScrapSteelRewardScenario.announcedEnterprise(baseUrl(), "临汾市示例废钢加工有限公司");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void P3_R03_R04_the_confirmation_table_of_a_confirmed_half_year() {
    ScrapSteelRewardScenario p3 =
        new ScrapSteelRewardScenario(
            engine,
            baseUrl(),
            "P3-DOC-" + UUID.randomUUID(),
            ScrapSteelRewardProcessTest.workers(
                compute,
                ScrapSteelRewardProcessTest.APPLIED.plusDays(30),
                ScrapSteelRewardProcessTest.APPLIED.plusDays(80)));
    p3.start(p3.application(creditCode));
    p3.runUntil(TAX_CONFIRMATION);

    Http enterprise = p3.as(p3.applicant);
    String documents = "/api/cases/" + p3.businessKey + "/documents";
    assertThat(enterprise.get(documents).json().findValuesAsText("kind")).isEmpty();
    Http.Binary early = enterprise.getBytes(documents + "/scrap-steel-confirmation.pdf");
    assertThat(early.status()).isEqualTo(404);
    assertThat(early.text()).contains("废钢铁加工企业奖励资金确认表尚未出具");

    p3.runUntil(CITY_DISBURSEMENT);
    assertThat(enterprise.get(documents).json().findValuesAsText("kind"))
        .containsExactly("scrap-steel-confirmation");
    Http.Binary pdf = enterprise.getBytes(documents + "/scrap-steel-confirmation.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(PdfText.of(pdf.body()))
        .contains(
            "废钢铁加工企业奖励资金确认表（2026年上半年）",
            "临汾市示例废钢加工有限公司",
            creditCode,
            "尧都区",
            "增值税",
            "1,000,000.00元",
            "城市维护建设税",
            "70,000.00元",
            "教育费附加",
            "30,000.00元",
            "地方教育附加",
            "20,000.00元",
            "印花税",
            "3,000.00元",
            "五税合计",
            "1,123,000.00元",
            "壹佰壹拾贰万叁仟元整",
            "市级奖励（市财政拨付）",
            "184,900.00元",
            "壹拾捌万肆仟玖佰元整",
            "县级奖励（县财政拨付）",
            "282,100.00元",
            "贰拾捌万贰仟壹佰元整",
            "467,000.00元",
            "46.7万元",
            "肆拾陆万柒仟元整",
            "实缴税额与征管系统一致",
            "留成比例和奖励金额无误",
            "签字（盖章）：",
            "增值税1000000.00元：市级留成15%=150000.00元",
            "2026年7月15日");

    // a county officer of another county is told there is no such case
    Http.Binary refused =
        Http.as(baseUrl(), demo(Groups.COUNTY_INDUSTRY_IT) + "-houma", DEMO_PASSWORD)
            .getBytes(documents + "/scrap-steel-confirmation.pdf");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.text()).contains("未找到该案件");
  }
}
