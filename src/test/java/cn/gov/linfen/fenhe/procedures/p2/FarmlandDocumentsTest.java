package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.PdfText;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P2's documents from a case driven through the engine: the 公示 with its dates once the notice is
 * posted, the 备案表 with its number once filed; their text extracted from the PDF.
 */
class FarmlandDocumentsTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void P2_R02_R04_the_notice_with_its_ten_days_and_the_filing_form_with_its_number() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = new FarmlandScenario(engine, baseUrl(), "P2-DOC-" + UUID.randomUUID());
    p2.noticeStartDate = "2026-09-14";
    p2.start(application(Map.of()));
    p2.runUntil(POST_NOTICE);

    Http operator = p2.as(demo(Groups.OPERATOR));
    String documents = "/api/cases/" + p2.businessKey + "/documents";
    assertThat(operator.get(documents).json().findValuesAsText("kind")).isEmpty();
    Http.Binary early = operator.getBytes(documents + "/farmland-notice.pdf");
    assertThat(early.status()).isEqualTo(404);
    assertThat(early.text()).contains("设施农业用地公示尚未出具");

    at(shanghai("2026-09-14T09:30:00"));
    p2.runUntil(RECORD_OBJECTION);
    assertThat(operator.get(documents).json().findValuesAsText("kind"))
        .containsExactly("farmland-notice");
    String notice = PdfText.of(operator.getBytes(documents + "/farmland-notice.pdf").body());
    assertThat(notice)
        .contains(
            "设施农业用地公示",
            "临政办发〔2021〕18号",
            "临汾市尧都区丰禾农业专业合作社",
            "屯里镇东屯里村股份经济合作社",
            "尧都区屯里镇东屯里村",
            "12.5亩",
            "蔬菜温室大棚",
            "期满拆除设施，恢复耕作层",
            "公示期：2026年9月14日至2026年9月23日（共10日）",
            "2026年9月24日起无异议的",
            "东屯里村村民委员会");

    p2.endNotice();
    at(shanghai("2026-09-28T10:00:00"));
    p2.runUntil(FILE, COUNTY_REVIEW);
    at(shanghai("2026-10-16T11:00:00"));
    p2.runUntil(FORWARD);
    String number = (String) p2.variable("filingNumber");
    assertThat(number).matches("尧都区屯里镇设施农业用地备〔2026〕[1-9][0-9]*号");

    Http township = p2.as(demo(Groups.TOWNSHIP_GOVERNMENT));
    assertThat(township.get(documents).json().findValuesAsText("number")).contains(number);
    String filing = PdfText.of(township.getBytes(documents + "/farmland-filing.pdf").body());
    assertThat(filing)
        .contains(
            "设施农业用地备案表",
            number.replaceAll("\\s+", ""),
            "临汾市尧都区丰禾农业专业合作社",
            "YD-TL-2026-018",
            "东屯里村股份经济合作社理事长张某",
            "备案日期",
            "2026年10月16日",
            "屯里镇人民政府（盖章）");

    Http stranger = Http.as(baseUrl(), "demo-enterprise", DEMO_PASSWORD);
    Http.Binary refused = stranger.getBytes(documents + "/farmland-filing.pdf");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.text()).contains("未找到该案件");
  }
}
