package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.approve;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.newCreditCode;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.reject;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.RoundElements;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Topics;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p3.CloseRoundWorker;
import cn.gov.linfen.fenhe.workers.p3.ComputeRewardWorker;
import cn.gov.linfen.fenhe.workers.p3.OpenRoundWorker;
import cn.gov.linfen.fenhe.workers.p3.RecordPaymentWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P3 废钢铁加工企业奖励资金 end to end: every path of scrap-steel-reward to its end event, as the users (REST,
 * demo logins, claim and submit like Tasklist), with the real workers, on the engine clock
 * (applications in July 2026).
 */
class ScrapSteelRewardProcessTest extends IntegrationTest {

  static final OffsetDateTime APPLIED = OffsetDateTime.parse("2026-07-15T10:00:00+08:00");

  /** Three calendar months after 15 July, 18:00 Shanghai. */
  static final String DUE = "2026-10-15T18:00:00+08:00";

  /**
   * The 10th working day before 15 October 2026, across National Day (1–7 Oct, 10 Oct worked) and
   * Mid-Autumn (25–27 Sep).
   */
  static final String DUE_SOON = "2026-09-24T18:00:00+08:00";

  static final String BUREAU = demo(Groups.INDUSTRY_IT_BUREAU);

  @Autowired ProcessEngine engine;
  @Autowired ComputeRewardWorker compute;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;

  String creditCode;

  @BeforeEach
  void appliesInJuly() {
    ClockUtil.setCurrentTime(Date.from(APPLIED.toInstant()));
    creditCode = newCreditCode();
    announce(creditCode);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  void announce(String code) {
    Http.Response added =
        as(BUREAU)
            .post(
                "/api/scrap-steel/announced-enterprises",
                "{\"creditCode\":\""
                    + code
                    + "\",\"enterpriseName\":\"临汾市示例废钢加工有限公司\",\"announcement\":\"工信部公告（测试）\"}");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }

  static FenheClock fixed(OffsetDateTime at) {
    return TestClock.of(Clock.fixed(at.toInstant(), ZoneOffset.UTC));
  }

  static Map<String, ExternalTaskHandler> workers(
      ExternalTaskHandler compute, OffsetDateTime paidAt, OffsetDateTime alertAt) {
    Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
    workers.put(Topics.COMPUTE_REWARD, compute);
    workers.put(
        Topics.RECORD_PAYMENT, new RecordPaymentWorker(new RecordingPayment(), fixed(paidAt)));
    workers.put(
        Topics.ESCALATE, new EscalateWorker(new Escalating(TestClock.ZONE), fixed(alertAt)));
    return workers;
  }

  ScrapSteelRewardScenario scenario(String prefix) {
    return new ScrapSteelRewardScenario(
        engine,
        baseUrl(),
        prefix + "-" + UUID.randomUUID(),
        workers(compute, APPLIED.plusDays(30), APPLIED.plusDays(80)));
  }

  long casesWithKey(String businessKey) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .count();
  }

  int registered(String code) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM fenhe_scrap_steel_application WHERE credit_code = ?",
        Integer.class,
        code);
  }

  // ------------------------------------------------------------------ the main path (P3-R03, R04,
  // R05)

  @Test
  void
      P3_R04_R05_county_review_city_confirmation_by_three_bureaus_and_both_levels_pay_their_share() {
    ScrapSteelRewardScenario p3 = scenario("P3-R04").start(p3Application());

    p3.runUntil(TAX_CONFIRMATION);
    assertThat(p3.openTaskKeys())
        .containsExactly(FINANCE_CONFIRMATION, INDUSTRY_IT_CONFIRMATION, TAX_CONFIRMATION);
    // the confirmers see the computation (P3-R03)
    JsonNode seen = p3.formVariables(TAX_CONFIRMATION, demo(Groups.TAX_BUREAU));
    assertThat(seen.get("rewardCity").get("value").asText()).isEqualTo("184900.00");
    assertThat(seen.get("rewardCounty").get("value").asText()).isEqualTo("282100.00");
    assertThat(seen.get("rewardTotal").get("value").asText()).isEqualTo("467000.00");
    assertThat(seen.get("rewardBreakdown").get("value").asText())
        .contains("增值税 1000000.00 元：市级留成 15% = 150000.00 元");
    assertThat(seen.get("countyReviewApproved").get("value").asBoolean()).isTrue();
    // the county's verification of the sales channels (P3-R09) and the MIIT list as information
    // (P3-R01)
    assertThat(seen.get("countySalesChannelNote").get("value").asText())
        .isEqualTo(ScrapSteelRewardScenario.SALES_CHANNEL_NOTE);
    assertThat(seen.get("miitListInfo").get("value").asText())
        .startsWith("已纳入工信部公告管理的废钢铁加工企业名单")
        .contains("工信部公告（测试）");
    assertThat(seen.get("periodLabel").get("value").asText()).isEqualTo("2026年上半年");
    // the enterprise reads its own running case, another county's officer does not
    assertThat(
            as(p3.applicant)
                .get("/engine-rest/process-instance?maxResults=10&businessKey=" + p3.businessKey)
                .json())
        .hasSize(1);
    assertThat(
            as(demo(Groups.COUNTY_INDUSTRY_IT) + "-houma")
                .get("/engine-rest/process-instance?maxResults=10&businessKey=" + p3.businessKey)
                .json())
        .isEmpty();
    p3.runUntil();

    assertThat(p3.topLevelEnds()).containsExactly(END_PAID);
    assertThat(p3.worked())
        .containsExactlyInAnyOrder(
            COUNTY_REVIEW,
            INDUSTRY_IT_CONFIRMATION,
            TAX_CONFIRMATION,
            FINANCE_CONFIRMATION,
            CITY_DISBURSEMENT,
            COUNTY_DISBURSEMENT);
    assertThat(p3.historicVariable("industryItConfirmationOpinion")).isEqualTo("企业在工信部公告名单内，确认");
    assertThat(p3.historicVariable("taxConfirmationOpinion")).isEqualTo("实缴税额与征管系统一致");
    assertThat(p3.historicVariable("financeConfirmationOpinion")).isEqualTo("留成比例和奖励金额无误");
    assertThat(p3.historicVariable("cityPaidAmount")).isEqualTo("184900.00");
    assertThat(p3.historicVariable("countyPaidAmount")).isEqualTo("282100.00");
    // P3-R08: applied in July 2026, for January–June 2026
    assertThat(p3.historicVariable("period")).isEqualTo("2026-H1");
    assertThat(p3.historicVariable("periodLabel")).isEqualTo("2026年上半年");
    assertThat(p3.historicVariable("countySalesChannelsVerified")).isEqualTo(true);
    assertThat(p3.historicVariable("paidOnTime")).isEqualTo(true);
    assertThat(p3.historicVariable("confirmedAt")).isNotNull();
    p3.assertWiring(DUE);
    // the enterprise applies with the Chinese start form
    Http.Response startForm =
        as(p3.applicant)
            .get(
                "/engine-rest/process-definition/key/"
                    + ScrapSteelRewardProcess.KEY
                    + "/deployed-start-form");
    assertThat(startForm.status()).isEqualTo(200);
    assertThat(startForm.json().get("id").asText())
        .isEqualTo(ScrapSteelRewardProcess.Forms.APPLICATION);
  }

  Map<String, Object> p3Application() {
    return new ScrapSteelRewardScenario(engine, baseUrl(), "-", Map.of()).application(creditCode);
  }

  @Test
  void P3_R05_a_payment_different_from_the_share_is_refused_with_400_and_the_task_stays_open() {
    ScrapSteelRewardScenario p3 = scenario("P3-R05").start(p3Application());
    p3.runUntil(CITY_DISBURSEMENT);

    Http.Response refused =
        p3.submit(
            CITY_DISBURSEMENT,
            demo(Groups.FINANCE_BUREAU),
            Map.of("cityPaidAmount", "467000.00", "cityPaymentVoucher", "LFCZ-1"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("cityPaidAmount", "184900.00");
    assertThat(p3.openTaskKeys()).contains(CITY_DISBURSEMENT);
    // submitting the share along with the payment changes neither the share nor what is checked
    Http.Response forged =
        p3.submit(
            CITY_DISBURSEMENT,
            demo(Groups.FINANCE_BUREAU),
            Map.of(
                "cityPaidAmount",
                "467000.00",
                "rewardCity",
                "467000.00",
                "cityPaymentVoucher",
                "LFCZ-1"));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(p3.variable("rewardCity")).isEqualTo("184900.00");
    assertThat(p3.openTaskKeys()).contains(CITY_DISBURSEMENT);
  }

  // ------------------------------------------------------------------ returns (P3-R04)

  @Test
  void
      P3_R04_a_county_rejection_returns_the_case_to_the_enterprise_which_corrects_and_the_county_reviews_again() {
    ScrapSteelRewardScenario p3 = scenario("P3-R04-COUNTY").start(p3Application());
    p3.on(COUNTY_REVIEW, demo(Groups.COUNTY_INDUSTRY_IT), reject("增值税额与完税凭证不符，请核实"));
    p3.runUntil(CORRECT_APPLICATION);

    JsonNode seen = p3.formVariables(CORRECT_APPLICATION, p3.applicant);
    assertThat(seen.get("countyReviewApproved").get("value").asBoolean()).isFalse();
    assertThat(seen.get("countyReviewOpinion").get("value").asText()).isEqualTo("增值税额与完税凭证不符，请核实");
    assertThat(p3.openTaskKeys()).containsExactly(CORRECT_APPLICATION);

    // a task changes only its own fields: the correction cannot change the enterprise (refused,
    // 400), nor
    // the county's approval the figures
    Http.Response forged =
        p3.submit(
            CORRECT_APPLICATION,
            p3.applicant,
            Map.of(
                "applicantDecision",
                Decided.RESUBMIT,
                "vatPaid",
                "800000.00",
                "creditCode",
                newCreditCode(),
                "county",
                "侯马市"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("creditCode");
    assertThat(p3.openTaskKeys()).containsExactly(CORRECT_APPLICATION);
    p3.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.RESUBMIT, "vatPaid", "800000.00"));
    p3.runUntil(COUNTY_REVIEW);
    Http.Response figures =
        p3.submit(
            COUNTY_REVIEW,
            demo(Groups.COUNTY_INDUSTRY_IT),
            Map.of(
                "approved",
                true,
                "opinion",
                "已核实",
                "salesChannelsVerified",
                true,
                "salesChannelNote",
                "已核对销售凭证",
                "vatPaid",
                "1.00",
                "rewardCity",
                "1.00"));
    assertThat(figures.status()).as(figures.toString()).isEqualTo(400);
    assertThat(figures.json().get("field").asText()).isIn("vatPaid", "rewardCity");
    assertThat(p3.openTaskKeys()).containsExactly(COUNTY_REVIEW);
    p3.on(
        COUNTY_REVIEW,
        demo(Groups.COUNTY_INDUSTRY_IT),
        Map.of(
            "approved",
            true,
            "opinion",
            "已核实",
            "salesChannelsVerified",
            true,
            "salesChannelNote",
            "已核对销售凭证"));
    p3.runUntil();
    assertThat(p3.historicVariable("creditCode")).isEqualTo(creditCode);
    assertThat(p3.historicVariable("county")).isEqualTo("尧都区");
    assertThat(p3.historicVariable("vatPaid")).isEqualTo("800000.00");

    assertThat(p3.topLevelEnds()).containsExactly(END_PAID);
    assertThat(p3.worked())
        .containsSubsequence(COUNTY_REVIEW, CORRECT_APPLICATION, COUNTY_REVIEW, CITY_DISBURSEMENT);
    // recomputed on the corrected VAT: 800,000 × 15 % + 34,900 of the surcharges
    assertThat(p3.historicVariable("rewardCity")).isEqualTo("154900.00");
    assertThat(p3.historicVariable("countyReviewOpinion")).isEqualTo("已核实");
    p3.assertWiring(DUE);
  }

  @Test
  void P3_R04_a_city_rejection_shows_every_opinion_of_the_round_and_the_enterprise_withdraws() {
    ScrapSteelRewardScenario p3 = scenario("P3-R04-CITY").start(p3Application());
    p3.on(TAX_CONFIRMATION, demo(Groups.TAX_BUREAU), reject("本期实缴增值税为 900000.00 元，与申报不符"));
    p3.runUntil(CORRECT_APPLICATION);

    JsonNode seen = p3.formVariables(CORRECT_APPLICATION, p3.applicant);
    assertThat(seen.get("taxConfirmationApproved").get("value").asBoolean()).isFalse();
    assertThat(seen.get("taxConfirmationOpinion").get("value").asText()).contains("900000.00");
    assertThat(seen.get("industryItConfirmationOpinion").get("value").asText())
        .isEqualTo("企业在工信部公告名单内，确认");
    assertThat(seen.get("financeConfirmationOpinion").get("value").asText())
        .isEqualTo("留成比例和奖励金额无误");
    assertThat(seen.get("countyReviewOpinion").get("value").asText()).isEqualTo("材料齐全，凭证属实，报市工信局");

    Http.Response noReason =
        p3.submit(CORRECT_APPLICATION, p3.applicant, Map.of("applicantDecision", Decided.WITHDRAW));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("withdrawalReason");
    p3.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.WITHDRAW, "withdrawalReason", "核实后下期重新申报"));
    p3.runUntil();

    assertThat(p3.topLevelEnds()).containsExactly(END_WITHDRAWN);
    p3.assertWiring(DUE);
    // [decided] a withdrawn case frees the period: the enterprise may apply again while the window
    // is open
    assertThat(registered(creditCode)).isZero();
    ScrapSteelRewardScenario again = scenario("P3-R07-AGAIN").start(p3Application());
    assertThat(again.variable("period")).isEqualTo("2026-H1");
    assertThat(registered(creditCode)).isEqualTo(1);
  }

  // ------------------------------------------------------------------ refused starts (P3-R01, R02,
  // R07; X-R04)

  @Test
  void
      P3_R02_an_application_outside_january_and_july_is_refused_with_400_in_chinese_and_nothing_is_created() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-08-01T09:00:00+08:00").toInstant()));
    ScrapSteelRewardScenario p3 = scenario("P3-R02");

    Http.Response refused = p3.startAs(p3.applicant, p3Application());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("period", "不在申报期内", "1 月、7 月");
    assertThat(casesWithKey(p3.businessKey)).isZero();
    assertThat(registered(creditCode)).isZero();
    // the last day of July is still in the window (Shanghai time, 23:59 = 15:59 UTC)
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-07-31T23:59:00+08:00").toInstant()));
    assertThat(p3.startAs(p3.applicant, p3Application()).status()).isEqualTo(200);
  }

  @Test
  void P3_R08_a_period_other_than_the_preceding_half_year_is_refused() {
    ScrapSteelRewardScenario p3 = scenario("P3-R08-PERIOD");
    Map<String, Object> application = p3Application();
    application.put("period", "2026-H2");

    Http.Response refused = p3.startAs(p3.applicant, application);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("period", "2026年上半年", "7 月申请当年上半年");
    assertThat(casesWithKey(p3.businessKey)).isZero();
    application.put("period", "2026-H1");
    assertThat(p3.startAs(p3.applicant, application).status()).isEqualTo(200);
  }

  @Test
  void P3_R08_a_January_application_is_for_the_preceding_second_half_year() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-01-15T10:00:00+08:00").toInstant()));
    ScrapSteelRewardScenario p3 = scenario("P3-R08-JANUARY").start(p3Application());

    assertThat(p3.variable("period")).isEqualTo("2026-H2");
    assertThat(p3.variable("periodLabel")).isEqualTo("2026年下半年");
    assertThat(
            jdbc.queryForObject(
                "SELECT period FROM fenhe_scrap_steel_application WHERE credit_code = ?",
                String.class,
                creditCode))
        .isEqualTo("2026-H2");
    p3.runUntil(COUNTY_REVIEW);
    JsonNode seen = p3.formVariables(COUNTY_REVIEW, demo(Groups.COUNTY_INDUSTRY_IT));
    assertThat(seen.get("periodLabel").get("value").asText()).isEqualTo("2026年下半年");
    // one application per enterprise and period: a second one in January 2027 names 2026年下半年 in its
    // refusal
    Http.Response second = scenario("P3-R08-JANUARY-2").startAs(p3.applicant, p3Application());
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("message").asText()).contains("已申请过2026年下半年");
  }

  @Test
  void P3_R09_an_application_without_the_declaration_that_its_materials_are_true_is_refused() {
    ScrapSteelRewardScenario p3 = scenario("P3-R09-DECLARATION");
    Map<String, Object> application = p3Application();
    application.remove("materialsDeclaredTrue");

    Http.Response refused = p3.startAs(p3.applicant, application);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("materialsDeclaredTrue", "真实性负责");
    assertThat(casesWithKey(p3.businessKey)).isZero();
    assertThat(registered(creditCode)).isZero();
  }

  @Test
  void P3_R09_the_county_cannot_report_to_the_city_without_verifying_the_sales_channels() {
    ScrapSteelRewardScenario p3 = scenario("P3-R09-SALES").start(p3Application());
    p3.runUntil(COUNTY_REVIEW);

    Http.Response refused =
        p3.submit(COUNTY_REVIEW, demo(Groups.COUNTY_INDUSTRY_IT), approve("材料齐全"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("salesChannelsVerified", "核实废钢铁加工产品销售渠道");
    assertThat(p3.openTaskKeys()).containsExactly(COUNTY_REVIEW);
    p3.runUntil();
    assertThat(p3.topLevelEnds()).containsExactly(END_PAID);
  }

  @Test
  void
      P3_R07_a_second_application_of_the_enterprise_in_the_period_is_refused_and_nothing_is_created() {
    scenario("P3-R07-FIRST").start(p3Application());
    ScrapSteelRewardScenario second = scenario("P3-R07-SECOND");

    Http.Response refused = second.startAs(second.applicant, p3Application());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("creditCode", "已申请过2026年上半年", "只能申请一次");
    assertThat(casesWithKey(second.businessKey)).isZero();
    assertThat(registered(creditCode)).isEqualTo(1);
  }

  @Test
  void P3_R07_a_credit_code_with_a_wrong_check_digit_is_refused() {
    ScrapSteelRewardScenario p3 = scenario("P3-R07-CODE");
    Map<String, Object> application = p3Application();
    char last = creditCode.charAt(17);
    application.put("creditCode", creditCode.substring(0, 17) + (last == '0' ? '1' : '0'));

    Http.Response refused = p3.startAs(p3.applicant, application);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("creditCode", "校验位");
    assertThat(casesWithKey(p3.businessKey)).isZero();
  }

  @Test
  void
      P3_R01_an_enterprise_not_on_the_announcement_list_applies_and_the_reviewers_see_that_it_is_not_listed() {
    String notListed = newCreditCode();
    Map<String, Object> application = p3Application();
    application.put("creditCode", notListed);

    ScrapSteelRewardScenario p3 = scenario("P3-R01").start(application);

    assertThat(p3.variable("miitListed")).isEqualTo(false);
    assertThat(registered(notListed)).isEqualTo(1);
    p3.runUntil(COUNTY_REVIEW);
    JsonNode seen = p3.formVariables(COUNTY_REVIEW, demo(Groups.COUNTY_INDUSTRY_IT));
    assertThat(seen.get("miitListInfo").get("value").asText())
        .startsWith("未纳入工信部公告管理的废钢铁加工企业名单")
        .contains("不影响申请奖励资金");
    p3.runUntil();
    assertThat(p3.topLevelEnds()).containsExactly(END_PAID);
    assertThat(p3.historicVariable("rewardTotal")).isEqualTo("467000.00");

    // the bureau maintains the list; an enterprise added later is shown as listed, with the date
    announce(notListed);
    assertThat(audit.entriesAbout("scrap-steel-announced:" + notListed, 5))
        .extracting(AuditLog.Entry::actor, AuditLog.Entry::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(BUREAU, "SCRAP_STEEL_ANNOUNCED_ADD"));
  }

  @Test
  void P3_R01_only_the_city_bureau_maintains_the_list_and_a_bad_credit_code_is_refused() {
    String code = newCreditCode();
    String body = "{\"creditCode\":\"" + code + "\",\"enterpriseName\":\"某公司\"}";
    assertThat(
            as(demo(Groups.ENTERPRISE))
                .post("/api/scrap-steel/announced-enterprises", body)
                .status())
        .isEqualTo(403);
    assertThat(
            as(demo(Groups.COUNTY_INDUSTRY_IT))
                .post("/api/scrap-steel/announced-enterprises", body)
                .status())
        .isEqualTo(403);
    Http.Response bad =
        as(BUREAU)
            .post(
                "/api/scrap-steel/announced-enterprises",
                "{\"creditCode\":\"" + code.substring(0, 17) + "\",\"enterpriseName\":\"某公司\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("creditCode");
    assertThat(bad.json().get("reason").asText()).contains("18");

    assertThat(as(BUREAU).post("/api/scrap-steel/announced-enterprises", body).status())
        .isEqualTo(201);
    assertThat(as(BUREAU).post("/api/scrap-steel/announced-enterprises", body).status())
        .isEqualTo(400);
    JsonNode list =
        as(demo(Groups.SUPERVISORS)).get("/api/scrap-steel/announced-enterprises").json();
    assertThat(list.get("enterprises").findValuesAsText("creditCode")).contains(code);
    assertThat(
            as(demo(Groups.ENTERPRISE))
                .delete("/api/scrap-steel/announced-enterprises/" + code)
                .status())
        .isEqualTo(403);
    assertThat(as(BUREAU).delete("/api/scrap-steel/announced-enterprises/" + code).status())
        .isEqualTo(204);
    assertThat(as(BUREAU).delete("/api/scrap-steel/announced-enterprises/" + code).status())
        .isEqualTo(404);
    assertThat(audit.entriesAbout("scrap-steel-announced:" + code, 5))
        .extracting(AuditLog.Entry::action)
        .containsExactly("SCRAP_STEEL_ANNOUNCED_REMOVE", "SCRAP_STEEL_ANNOUNCED_ADD");
  }

  // ------------------------------------------------------------------ 3 months (P3-R06)

  @Test
  void
      P3_R06_due_three_months_after_15_july_2026_due_soon_from_24_september_across_the_holidays_with_alerts_to_the_bureau() {
    ScrapSteelRewardScenario p3 = scenario("P3-R06").start(p3Application());
    p3.runUntil(COUNTY_REVIEW);

    assertThat(((Date) p3.variable("dueAt")).toInstant())
        .isEqualTo(OffsetDateTime.parse(DUE).toInstant());
    assertThat(((Date) p3.variable("dueSoonAt")).toInstant())
        .isEqualTo(OffsetDateTime.parse(DUE_SOON).toInstant());
    assertThat(p3.variable("applicationDate")).isEqualTo("2026-07-15");
    List<Job> timers =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(p3.processInstanceId)
            .timers()
            .orderByJobDuedate()
            .asc()
            .list();
    assertThat(timers)
        .extracting(job -> job.getDuedate().toInstant())
        .containsExactly(
            OffsetDateTime.parse(DUE_SOON).toInstant(), OffsetDateTime.parse(DUE).toInstant());

    // 24 September 18:01: due within 10 working days → flagged, the bureau alerted
    OffsetDateTime soon = OffsetDateTime.parse(DUE_SOON).plusMinutes(1);
    ClockUtil.setCurrentTime(Date.from(soon.toInstant()));
    engine.getManagementService().executeJob(timers.get(0).getId());
    p3.workers.put(
        Topics.ESCALATE, new EscalateWorker(new Escalating(TestClock.ZONE), fixed(soon)));
    p3.runUntil(FOLLOW_UP_DUE_SOON);
    assertThat(p3.variable("dueSoon")).isEqualTo(true);
    assertThat(p3.variable("overdue")).isNull();
    assertThat(p3.variable("lastEscalationTo")).isEqualTo("industry-it-bureau");
    assertThat((String) p3.variable("lastEscalation"))
        .contains("不足 10 个工作日", "2026-10-15 18:00", p3.businessKey);
    assertThat(p3.openTaskKeys()).contains(COUNTY_REVIEW, FOLLOW_UP_DUE_SOON);
    p3.work(FOLLOW_UP_DUE_SOON);

    // 15 October 18:01: overdue → flagged, alerted again; the case goes on
    OffsetDateTime late = OffsetDateTime.parse(DUE).plusMinutes(1);
    ClockUtil.setCurrentTime(Date.from(late.toInstant()));
    engine.getManagementService().executeJob(timers.get(1).getId());
    p3.workers.put(
        Topics.ESCALATE, new EscalateWorker(new Escalating(TestClock.ZONE), fixed(late)));
    p3.workers.put(
        Topics.RECORD_PAYMENT,
        new RecordPaymentWorker(new RecordingPayment(), fixed(late.plusDays(2))));
    p3.runUntil(FOLLOW_UP_OVERDUE);
    assertThat(p3.variable("overdue")).isEqualTo(true);
    assertThat((String) p3.variable("lastEscalation")).contains("未在申请之日起三个月内完成确认及拨付");
    assertThat(p3.variable("escalations").toString())
        .contains(
            "\"step\":\"ServiceTask_AlertDueSoon\"",
            "\"step\":\"ServiceTask_AlertOverdue\"",
            "\"to\":\"industry-it-bureau\"");
    p3.task(FOLLOW_UP_OVERDUE, BUREAU);
    p3.runUntil();

    assertThat(p3.topLevelEnds())
        .containsExactlyInAnyOrder(END_PAID, DUE_SOON_FOLLOWED_UP, OVERDUE_FOLLOWED_UP);
    assertThat(p3.historicVariable("paidOnTime")).isEqualTo(false);
    assertThat(p3.worked()).contains(FOLLOW_UP_DUE_SOON, FOLLOW_UP_OVERDUE);
    p3.assertWiring(DUE);
  }

  @Test
  void P3_R06_a_case_paid_in_time_leaves_no_deadline_timer_behind() {
    ScrapSteelRewardScenario p3 = scenario("P3-R06-IN-TIME").start(p3Application());
    p3.runUntil();

    assertThat(p3.topLevelEnds()).containsExactly(END_PAID);
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(p3.processInstanceId)
                .count())
        .isZero();
    assertThat(p3.historicVariable("dueSoon")).isNull();
  }

  // ------------------------------------------------------------------ county scope (X-R03)

  @Test
  void X_R03_county_officers_see_only_their_own_countys_applications() {
    ScrapSteelRewardScenario houma = scenario("P3-X-R03").inHouma();
    houma.start(houma.application(creditCode));
    assertThat(houma.variable("county")).isEqualTo("侯马市");
    houma.runUntil(COUNTY_REVIEW);

    assertThat(houma.tasksSeenBy(demo(Groups.COUNTY_INDUSTRY_IT))).isZero();
    assertThat(houma.tasksSeenBy(demo(Groups.COUNTY_INDUSTRY_IT) + "-houma")).isEqualTo(1);
    assertThat(houma.tasksSeenBy(demo(Groups.COUNTY_FINANCE) + "-houma")).isZero();
    houma.runUntil(COUNTY_DISBURSEMENT);
    assertThat(houma.tasksSeenBy(demo(Groups.COUNTY_FINANCE))).isZero();
    houma.task(COUNTY_DISBURSEMENT, demo(Groups.COUNTY_FINANCE) + "-houma");
    houma.runUntil();

    assertThat(houma.topLevelEnds()).containsExactly(END_PAID);
    houma.assertWiring(DUE);
  }

  // ------------------------------------------------------------------ rounds (step 6)

  @Test
  void
      P3_R08_the_july_round_opens_on_1_july_for_the_first_half_year_closes_with_the_month_and_shows_supervisors_who_applied_confirmed_paid_and_is_late() {
    OffsetDateTime opening = OffsetDateTime.parse("2026-07-01T09:00:00+08:00");
    ClockUtil.setCurrentTime(Date.from(opening.toInstant()));
    Job start =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(ScrapSteelRewardProcess.ROUND_KEY)
            .timers()
            .singleResult();
    engine.getManagementService().executeJob(start.getId());
    ExternalTasks external = new ExternalTasks(engine);
    assertThat(
            external.run(
                Topics.OPEN_ROUND,
                new OpenRoundWorker(new OpeningRound(TestClock.ZONE), fixed(opening))))
        .isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(APPLIED.toInstant()));
    ScrapSteelRewardScenario paid = scenario("P3-ROUND-PAID").start(p3Application());
    paid.runUntil();
    String otherCode = newCreditCode();
    announce(otherCode);
    ScrapSteelRewardScenario waiting = scenario("P3-ROUND-LATE");
    Map<String, Object> other = p3Application();
    other.put("creditCode", otherCode);
    waiting.start(other).runUntil(COUNTY_REVIEW);

    JsonNode round = as(demo(Groups.SUPERVISORS)).get("/api/scrap-steel/rounds/2026-H1").json();
    // P3-R08: the July round is for the first half of the year
    assertThat(round.get("periodLabel").asText()).isEqualTo("2026年上半年");
    assertThat(round.get("periodMonths").asText()).isEqualTo("2026年1月至6月");
    assertThat(round.get("round").get("state").asText()).isEqualTo("OPEN");
    assertThat(round.get("round").get("windowClosesAt").asText()).isEqualTo("2026-07-31T16:00:00Z");
    assertThat(application(round, paid.businessKey).get("stateLabel").asText()).isEqualTo("已拨付");
    assertThat(application(round, paid.businessKey).get("late").asBoolean()).isFalse();
    assertThat(application(round, waiting.businessKey).get("state").asText()).isEqualTo("APPLIED");

    // end of July: the window closes; after 15 October the waiting case is late
    Job closes =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(ScrapSteelRewardProcess.ROUND_KEY)
            .activityId(RoundElements.WINDOW_CLOSES)
            .singleResult();
    assertThat(closes.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-08-01T00:00:00+08:00").toInstant());
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-10-16T09:00:00+08:00").toInstant()));
    engine.getManagementService().executeJob(closes.getId());
    assertThat(
            external.run(
                Topics.CLOSE_ROUND,
                new CloseRoundWorker(
                    new OpeningRound(TestClock.ZONE), fixed(opening.plusMonths(1)))))
        .isEqualTo(1);

    round = as(demo(Groups.SUPERVISORS)).get("/api/scrap-steel/rounds/2026-H1").json();
    assertThat(round.get("round").get("state").asText()).isEqualTo("CLOSED");
    assertThat(round.get("round").get("stateLabel").asText()).isEqualTo("已截止受理");
    assertThat(application(round, waiting.businessKey).get("late").asBoolean()).isTrue();
    assertThat(application(round, waiting.businessKey).get("deadlineLabel").asText())
        .isEqualTo("逾期");
    assertThat(application(round, paid.businessKey).get("late").asBoolean()).isFalse();
    assertThat(round.get("summary").get("late").asInt()).isGreaterThanOrEqualTo(1);

    Http.Response page = Http.anonymous(baseUrl()).get("/fenhe/scrap-steel-rounds.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("废钢铁加工企业奖励资金申报轮次", "/api/scrap-steel/rounds/");
    assertThat(as(demo(Groups.ENTERPRISE)).get("/api/scrap-steel/rounds/2026-H2").status())
        .isEqualTo(403);
    Http.Response bad = as(demo(Groups.SUPERVISORS)).get("/api/scrap-steel/rounds/2026-H3");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("period");
    assertThat(bad.json().get("reason").asText()).isEqualTo("申报期无效：请选择年度及上半年或下半年");
  }

  @Test
  void P3_the_city_bureau_may_open_the_round_by_hand_in_an_application_month_when_none_is_open() {
    String start =
        "/engine-rest/process-definition/key/" + ScrapSteelRewardProcess.ROUND_KEY + "/start";
    assertThat(as(demo(Groups.ENTERPRISE)).post(start, "{}").status()).isEqualTo(403);
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-08-03T09:00:00+08:00").toInstant()));
    Http.Response outside = as(BUREAU).post(start, "{}");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("message").asText()).contains("只能在申报月");

    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2027-01-12T09:00:00+08:00").toInstant()));
    Http.Response opened = as(BUREAU).post(start, "{}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    String id = opened.json().get("id").asText();
    try {
      Http.Response again = as(BUREAU).post(start, "{}");
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.json().get("message").asText()).contains("本期申报轮次已开启");
      OffsetDateTime now = OffsetDateTime.parse("2027-01-12T09:00:00+08:00");
      assertThat(
              new ExternalTasks(engine)
                  .run(
                      Topics.OPEN_ROUND,
                      new OpenRoundWorker(new OpeningRound(TestClock.ZONE), fixed(now))))
          .isEqualTo(1);
      // P3-R08: the January round is for the second half of the previous year
      assertThat(engine.getRuntimeService().getVariable(id, "period")).isEqualTo("2026-H2");
      assertThat(engine.getRuntimeService().getVariable(id, "periodLabel")).isEqualTo("2026年下半年");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(id, "test");
    }
  }

  static JsonNode application(JsonNode round, String businessKey) {
    for (JsonNode application : round.get("applications")) {
      if (application.get("businessKey").asText().equals(businessKey)) {
        return application;
      }
    }
    throw new AssertionError(businessKey + " not in the round: " + round);
  }
}
