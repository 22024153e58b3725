package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.application;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.at;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p2.FarmlandScenario.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P2 设施农业用地 (临政办发〔2021〕18号 二) end to end: every path of farmland-facility-filing to its end event,
 * as the users (REST, demo logins of 尧都区, claim and submit like Tasklist), with the real workers,
 * on the engine clock.
 */
class FarmlandFilingProcessTest extends IntegrationTest {

  /**
   * Posted Monday 14 September 2026: day 1; day 10 is 23 September; signing possible from 24
   * September 00:00.
   */
  static final String NOTICE_START = "2026-09-14";

  static final OffsetDateTime NOTICE_ENDS = OffsetDateTime.parse("2026-09-24T00:00:00+08:00");
  static final OffsetDateTime SIGNED = shanghai("2026-09-28T10:00:00");

  /**
   * 10 working days after Monday 28 September 2026, across National Day (1–7 October, 10 October
   * worked).
   */
  static final OffsetDateTime FILING_DUE = OffsetDateTime.parse("2026-10-16T18:00:00+08:00");

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  FarmlandScenario scenario(String prefix) {
    FarmlandScenario scenario =
        new FarmlandScenario(engine, baseUrl(), prefix + "-" + UUID.randomUUID());
    scenario.noticeStartDate = NOTICE_START;
    return scenario;
  }

  /**
   * Starts on 10 September 2026, negotiates, posts the notice on 14 September; the notice is
   * running.
   */
  FarmlandScenario noticeRunning(String prefix, Map<String, Object> overrides) {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = scenario(prefix).start(application(overrides));
    p2.runUntil(POST_NOTICE);
    at(shanghai("2026-09-14T09:30:00"));
    p2.runUntil(RECORD_OBJECTION);
    return p2;
  }

  /** From a running notice to the filing task, signed on Monday 28 September 2026. */
  FarmlandScenario signed(FarmlandScenario p2) {
    p2.endNotice();
    at(SIGNED);
    return p2.runUntil(FILE, COUNTY_REVIEW);
  }

  /** The tasks worked, in order, the last ones (parallel branches) in any order. */
  static void assertWorked(FarmlandScenario p2, List<String> inOrder, String... thenInAnyOrder) {
    List<String> worked = p2.worked();
    assertThat(worked).hasSize(inOrder.size() + thenInAnyOrder.length);
    assertThat(worked.subList(0, inOrder.size())).containsExactlyElementsOf(inOrder);
    assertThat(worked.subList(inOrder.size(), worked.size()))
        .containsExactlyInAnyOrder(thenInAnyOrder);
  }

  // ------------------------------------------------------------------ the main path

  @Test
  void
      P2_R01_R04_R06_R07_non_basic_farmland_is_signed_filed_forwarded_and_registered_without_county_review() {
    FarmlandScenario p2 = noticeRunning("P2-MAIN", Map.of());
    assertThat(((Date) p2.variable("noticeEndsAt")).toInstant()).isEqualTo(NOTICE_ENDS.toInstant());
    signed(p2);

    JsonNode filing = p2.task(FILE, demo(Groups.OPERATOR));
    assertThat(SoeReformFundScenario.restDate(filing.get("due").asText()).toInstant())
        .isEqualTo(FILING_DUE.toInstant());
    at(shanghai("2026-10-16T11:00:00"));
    p2.runUntil(FORWARD);
    assertThat(p2.variable("constructionPermitted")).isEqualTo(true);
    assertThat(p2.variable("filedOnTime")).isEqualTo(true);
    // P2-R04: the township's sequence number of the year, never the business key
    assertThat((String) p2.variable("filingNumber")).matches("尧都区屯里镇设施农业用地备〔2026〕[1-9][0-9]*号");
    assertThat((String) p2.variable("filingRecord"))
        .contains("自即日起可以动工建设", "在期限 2026-10-16 18:00 内");
    at(shanghai("2026-10-20T10:00:00"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertWorked(
        p2,
        List.of(NEGOTIATE, POST_NOTICE, SIGN, COLLECTIVE_CONFIRMS, FILE, TOWNSHIP_CHECK, FORWARD),
        REGISTER,
        AGRICULTURE_RECEIPT);
    // 15 working days after filing on Friday 16 October 2026
    assertThat(p2.stepOf(FORWARD).due())
        .isEqualTo(OffsetDateTime.parse("2026-11-06T18:00:00+08:00").toInstant());
    assertThat(p2.stepOf(FILE).due()).isEqualTo(FILING_DUE.toInstant());
    assertThat(p2.historicVariable("mapRegistrationNumber")).isEqualTo("SNYD-141002-2026-0018");
    assertThat(p2.historicVariable("filingOverdue")).isNull();
    assertThat(p2.historicVariable("agreementSignedAt")).isEqualTo(Date.from(SIGNED.toInstant()));
    p2.assertWiring();
  }

  @Test
  void P2_R01_the_agreement_must_cover_all_eight_items() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = scenario("P2-R01").start(application(Map.of()));
    Map<String, Object> incomplete = FarmlandScenario.agreement();
    incomplete.remove("breachLiability");
    incomplete.put("reclamationRequirements", " ");

    Http.Response refused = p2.submit(NEGOTIATE, demo(Groups.OPERATOR), incomplete);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("breachLiability", "违约责任", "reclamationRequirements", "土地复垦要求");
    assertThat(p2.openTaskKeys()).containsExactly(NEGOTIATE);
  }

  // ------------------------------------------------------------------ notice and objections
  // (P2-R02, P2-R03)

  @Test
  void P2_R02_the_agreement_cannot_be_signed_before_the_notice_ran_10_full_days() {
    FarmlandScenario p2 = noticeRunning("P2-R02", Map.of());

    assertThat(p2.variable("noticePeriod"))
        .isEqualTo("第 1 次公告：2026-09-14 至 2026-09-23（共 10 日，2026-09-24 0 时起可签订协议）");
    Job timer = p2.timer(NOTICE_ENDED);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(NOTICE_ENDS.toInstant());
    at(shanghai("2026-09-23T23:59:00")); // the last minute of day 10
    p2.runUntil();
    assertThat(p2.openTaskKeys()).containsExactly(RECORD_OBJECTION);
    assertThat(p2.sees(SIGN, demo(Groups.OPERATOR))).isFalse();

    p2.endNotice();
    p2.runUntil(SIGN);
    assertThat(p2.openTaskKeys()).containsExactly(SIGN);
    assertThat(p2.variable("openObjections")).isEqualTo(0);
  }

  @Test
  void P2_R02_a_notice_date_in_the_future_or_posted_at_only_one_place_is_refused() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario p2 = scenario("P2-R02-POST").start(application(Map.of()));
    p2.runUntil(POST_NOTICE);

    Http.Response refused =
        p2.submit(
            POST_NOTICE,
            demo(Groups.VILLAGE_COMMITTEE),
            Map.of(
                "noticeStartDate",
                "2026-09-11",
                "postedAtTownship",
                true,
                "postedOnVillageBoard",
                false));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("noticeStartDate", "不能晚于今天", "postedOnVillageBoard", "村务公开栏");
    assertThat(p2.openTaskKeys()).containsExactly(POST_NOTICE);
  }

  @Test
  void
      P2_R03_an_objection_lodged_on_day_9_is_recorded_and_sends_the_case_to_handling_then_abandoned() {
    FarmlandScenario p2 = noticeRunning("P2-R03-DAY9", Map.of());
    at(shanghai("2026-09-22T15:00:00")); // day 9

    Http.Response lodged =
        p2.lodgeObjection(demo(Groups.VILLAGE_COMMITTEE), "村民王某", "大棚占用了村民出行的机耕路");

    assertThat(lodged.status()).as(lodged.toString()).isEqualTo(202);
    assertThat(lodged.json().get("noticeEndsAt").asText()).isEqualTo("2026-09-23T16:00:00Z");
    p2.runUntil();
    assertThat(p2.variable("openObjections")).isEqualTo(1);
    assertThat(p2.variable("objections").toString())
        .contains(
            "\"objector\":\"村民王某\"",
            "\"round\":1",
            "\"channel\":\"MESSAGE\"",
            "\"lodgedAt\":\"2026-09-22T07:00:00Z\"");
    assertThat((String) p2.variable("lastObjection")).contains("2026-09-22 15:00", "机耕路");
    assertThat(p2.openTaskKeys()).containsExactly(RECORD_OBJECTION); // handled when the notice ends

    p2.endNotice();
    p2.on(
        HANDLE_OBJECTIONS,
        demo(Groups.VILLAGE_COMMITTEE),
        Map.of("objectionDecision", Decided.ABANDON, "objectionHandlingOpinion", "无法调整位置，经营者放弃用地"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_ABANDONED);
    assertThat(p2.worked()).containsExactly(NEGOTIATE, POST_NOTICE, HANDLE_OBJECTIONS);
    assertThat(p2.worked()).doesNotContain(SIGN, FILE);
    p2.assertWiring();
  }

  @Test
  void P2_R03_an_objection_lodged_after_the_notice_ended_is_refused_with_a_clear_message() {
    FarmlandScenario p2 = noticeRunning("P2-R03-LATE", Map.of());
    at(NOTICE_ENDS); // 00:00 of day 11: over, even before the timer has fired

    Http.Response late = p2.lodgeObjection(demo(Groups.VILLAGE_COMMITTEE), "村民赵某", "公告期满后才看到");

    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(late.json().get("field").asText()).isEqualTo("noticeEndsAt");
    assertThat(late.json().get("reason").asText()).isEqualTo("公告期已于 2026-09-24 00:00 结束，异议不再受理");
    assertThat(late.json().get("reasonEn").asText()).contains("objections are no longer accepted");
    // the village committee's form refuses it likewise, and records nothing
    Http.Response form =
        p2.submit(
            RECORD_OBJECTION,
            demo(Groups.VILLAGE_COMMITTEE),
            Map.of("objector", "村民赵某", "objectionContent", "公告期满后才看到"));
    assertThat(form.status()).isEqualTo(400);
    assertThat(form.body()).contains("公告期已于 2026-09-24 00:00 结束");
    assertThat(p2.variable("objections")).isNull();

    p2.endNotice();
    p2.runUntil(SIGN);
    assertThat(p2.openTaskKeys()).containsExactly(SIGN);
    // and once the notice is over there is nothing to object to
    Http.Response after = p2.lodgeObjection(demo(Groups.VILLAGE_COMMITTEE), "村民赵某", "再次提出");
    assertThat(after.status()).isEqualTo(409);
  }

  @Test
  void
      P2_R03_an_objection_lodged_in_the_last_minute_is_not_lost_when_the_notice_ends_before_it_is_recorded() {
    FarmlandScenario p2 = noticeRunning("P2-R03-LAST-MINUTE", Map.of());
    at(shanghai("2026-09-23T23:59:30"));
    assertThat(p2.lodgeObjection(demo(Groups.VILLAGE_COMMITTEE), "村民周某", "用地面积与协议不符").status())
        .isEqualTo(202);

    p2.endNotice(); // before the worker has recorded it
    assertThat(p2.openTaskKeys()).isEmpty(); // the notice waits for the objection to be recorded
    p2.runUntil(HANDLE_OBJECTIONS);

    assertThat(p2.openTaskKeys()).containsExactly(HANDLE_OBJECTIONS);
    assertThat(p2.variable("openObjections")).isEqualTo(1);
  }

  @Test
  void
      P2_R03_an_objection_recorded_on_the_form_leads_to_renegotiation_and_a_new_full_10_day_notice() {
    FarmlandScenario p2 = noticeRunning("P2-R03-RENEGOTIATE", Map.of());
    at(shanghai("2026-09-23T20:00:00")); // day 10
    p2.work(
        RECORD_OBJECTION,
        demo(Groups.VILLAGE_COMMITTEE),
        Map.of("objector", "村民李某", "objectionContent", "大棚遮挡我家承包地日照"));
    p2.runUntil();
    assertThat(p2.openTaskKeys()).containsExactly(RECORD_OBJECTION); // ready for the next one
    assertThat(p2.variable("objector")).isNull();
    assertThat(p2.variable("objections").toString())
        .contains("\"channel\":\"FORM\"", "\"lodgedAt\":\"2026-09-23T12:00:00Z\"");

    p2.endNotice();
    p2.runUntil(NEGOTIATE);
    assertThat(p2.worked())
        .containsExactly(NEGOTIATE, POST_NOTICE, RECORD_OBJECTION, HANDLE_OBJECTIONS);
    at(shanghai("2026-09-25T09:00:00"));
    p2.noticeStartDate = "2026-09-25";
    p2.runUntil(RECORD_OBJECTION);

    assertThat(p2.variable("noticeRound")).isEqualTo(2);
    assertThat(p2.variable("openObjections")).isEqualTo(0);
    assertThat(p2.timer(NOTICE_ENDED).getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-05T00:00:00+08:00").toInstant());
    p2.endNotice();
    at(shanghai("2026-10-08T10:00:00"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertWorked(
        p2,
        List.of(
            NEGOTIATE,
            POST_NOTICE,
            RECORD_OBJECTION,
            HANDLE_OBJECTIONS,
            NEGOTIATE,
            POST_NOTICE,
            SIGN,
            COLLECTIVE_CONFIRMS,
            FILE,
            TOWNSHIP_CHECK,
            FORWARD),
        REGISTER,
        AGRICULTURE_RECEIPT);
    p2.assertWiring();
  }

  // ------------------------------------------------------------------ filing deadline (P2-R04)

  @Test
  void
      P2_R04_filing_due_10_working_days_after_signing_across_National_Day_and_overdue_is_flagged_to_the_township() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R04", Map.of()));
    assertThat(((Date) p2.variable("filingDeadline")).toInstant())
        .isEqualTo(FILING_DUE.toInstant());
    Job overdue = p2.timer(FILING_OVERDUE);
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(FILING_DUE.toInstant());

    at(FILING_DUE.plusMinutes(1));
    engine.getManagementService().executeJob(overdue.getId());
    p2.runUntil(FOLLOW_UP_OVERDUE_FILING);

    assertThat(p2.openTaskKeys())
        .containsExactlyInAnyOrder(FILE, FOLLOW_UP_OVERDUE_FILING, INVESTIGATE_UNFILED_LAND_USE);
    assertThat(p2.variable("filingOverdue")).isEqualTo(true);
    assertThat(p2.variable("lastEscalationTo"))
        .isEqualTo("township-government-yaodu,county-natural-resources-yaodu");
    assertThat((String) p2.variable("lastEscalation"))
        .contains("督办", "屯里镇东屯里村", p2.businessKey, "2026-10-16 18:00", "尧都区乡镇政府");
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_FILING, demo(Groups.TOWNSHIP_GOVERNMENT))).isTrue();
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_FILING, demo(Groups.TOWNSHIP_GOVERNMENT) + "-houma"))
        .isFalse();

    at(shanghai("2026-10-19T09:00:00"));
    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED); // the case continued
    assertThat(p2.historicVariable("filedOnTime")).isEqualTo(false);
    assertThat((String) p2.historicVariable("filingRecord")).contains("已超过期限 2026-10-16 18:00");
    assertThat(p2.worked()).contains(FOLLOW_UP_OVERDUE_FILING, INVESTIGATE_UNFILED_LAND_USE);
    p2.assertWiring();
  }

  @Test
  void
      P2_R07_forwarding_due_15_working_days_after_filing_and_overdue_is_flagged_to_the_county_natural_resources_department() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R07-LATE", Map.of()));
    at(shanghai("2026-10-16T11:00:00"));
    p2.runUntil(FORWARD);
    OffsetDateTime due =
        OffsetDateTime.parse(
            "2026-11-06T18:00:00+08:00"); // 15 working days after Fri 16 October 2026
    assertThat(((Date) p2.variable("forwardingDeadline")).toInstant()).isEqualTo(due.toInstant());
    Job overdue = p2.timer(FORWARDING_OVERDUE);
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(due.toInstant());

    at(due.plusMinutes(1));
    engine.getManagementService().executeJob(overdue.getId());
    p2.runUntil(FOLLOW_UP_OVERDUE_FORWARDING);

    assertThat(p2.openTaskKeys()).containsExactlyInAnyOrder(FORWARD, FOLLOW_UP_OVERDUE_FORWARDING);
    assertThat(p2.variable("forwardingOverdue")).isEqualTo(true);
    assertThat(p2.variable("lastEscalationTo"))
        .isEqualTo("county-natural-resources-yaodu,county-agriculture-yaodu");
    assertThat((String) p2.variable("lastEscalation"))
        .contains("督办", p2.businessKey, "2026-11-06 18:00");
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_FORWARDING, demo(Groups.COUNTY_NATURAL_RESOURCES)))
        .isTrue();
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_FORWARDING, demo(Groups.COUNTY_AGRICULTURE))).isTrue();
    assertThat(
            p2.sees(FOLLOW_UP_OVERDUE_FORWARDING, demo(Groups.COUNTY_NATURAL_RESOURCES) + "-houma"))
        .isFalse();

    at(shanghai("2026-11-09T09:00:00"));
    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED); // the case continued
    assertWorked(
        p2,
        List.of(
            NEGOTIATE,
            POST_NOTICE,
            SIGN,
            COLLECTIVE_CONFIRMS,
            FILE,
            TOWNSHIP_CHECK,
            FORWARD,
            FOLLOW_UP_OVERDUE_FORWARDING),
        REGISTER,
        AGRICULTURE_RECEIPT);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(p2.processInstanceId)
                .activityId(END_FORWARDING_FOLLOWED_UP)
                .count())
        .as("the 督办 branch ended on its own")
        .isEqualTo(1);
    p2.assertWiring();
  }

  // ------------------------------------------------------------------ permanent basic farmland
  // (P2-R05)

  @Test
  void P2_R05_basic_farmland_consented_by_the_county_within_10_working_days_is_then_filed() {
    FarmlandScenario p2 =
        signed(noticeRunning("P2-R05-OK", Map.of("usesPermanentBasicFarmland", true)));
    assertThat(p2.openTaskKeys()).containsExactlyInAnyOrder(COUNTY_REVIEW, AGRICULTURE_REVIEW);
    assertThat(p2.sees(AGRICULTURE_REVIEW, demo(Groups.COUNTY_AGRICULTURE))).isTrue();
    assertThat(p2.sees(COUNTY_REVIEW, demo(Groups.COUNTY_NATURAL_RESOURCES) + "-houma")).isFalse();
    at(shanghai("2026-10-12T10:00:00"));
    p2.runUntil(FILE);

    assertThat(p2.variable("countyReviewApproved")).isEqualTo(true);
    assertThat(p2.variable("consentDocumentNumber")).isEqualTo("尧自然资函〔2026〕88号");
    JsonNode filing = p2.task(FILE, demo(Groups.OPERATOR));
    // 10 working days after the county's consent on Monday 12 October
    assertThat(SoeReformFundScenario.restDate(filing.get("due").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-26T18:00:00+08:00").toInstant());
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.worked())
        .containsSubsequence(
            NEGOTIATE,
            POST_NOTICE,
            SIGN,
            COLLECTIVE_CONFIRMS,
            REPORT_BASIC_FARMLAND,
            FILE,
            TOWNSHIP_CHECK,
            FORWARD)
        .contains(COUNTY_REVIEW, AGRICULTURE_REVIEW, REGISTER, AGRICULTURE_RECEIPT)
        .hasSize(12);
    // 10WD after the township's report on the day of signing, 28 September
    assertThat(p2.stepOf(COUNTY_REVIEW).due()).isEqualTo(FILING_DUE.toInstant());
    assertThat(p2.stepOf(AGRICULTURE_REVIEW).due()).isEqualTo(FILING_DUE.toInstant());
    p2.assertWiring();
  }

  @Test
  void P2_R05_basic_farmland_not_passed_ends_refused_without_filing_or_construction() {
    FarmlandScenario p2 =
        signed(noticeRunning("P2-R05-NO", Map.of("usesPermanentBasicFarmland", true)));
    Http.Response noOpinion =
        p2.submit(COUNTY_REVIEW, demo(Groups.COUNTY_NATURAL_RESOURCES), Map.of("approved", false));
    assertThat(noOpinion.status()).isEqualTo(400);
    assertThat(noOpinion.body()).contains("opinion");
    p2.on(
        AGRICULTURE_REVIEW,
        demo(Groups.COUNTY_AGRICULTURE),
        Map.of("approved", false, "opinion", "可选址一般耕地，占用永久基本农田不必要"));

    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REFUSED);
    assertThat(p2.worked()).doesNotContain(FILE, TOWNSHIP_CHECK, FORWARD, REGISTER);
    assertThat(p2.historicVariable("constructionPermitted")).isEqualTo(false);
    assertThat(p2.historicVariable("naturalResourcesReviewApproved")).isEqualTo(true);
    assertThat(p2.historicVariable("agricultureReviewApproved")).isEqualTo(false);
    assertThat(p2.historicVariable("countyReviewApproved")).isEqualTo(false);
    assertThat(p2.historicVariable("agricultureReviewOpinion")).isEqualTo("可选址一般耕地，占用永久基本农田不必要");
    assertThat(p2.historicVariable("filingNumber")).isNull();
    p2.assertWiring();
  }

  // ------------------------------------------------------------------ township check (P2-R06)

  @Test
  void P2_R06_a_filing_that_does_not_conform_goes_back_to_the_operator_for_correction() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R06", Map.of()));
    at(shanghai("2026-10-09T10:00:00"));
    p2.on(
        TOWNSHIP_CHECK,
        demo(Groups.TOWNSHIP_GOVERNMENT),
        Map.of("approved", false, "opinion", "建设方案缺少附属设施布局图"));
    p2.runUntil(FILE);
    p2.work(FILE);
    p2.runUntil(FILE);
    assertThat(p2.variable("constructionPermitted")).isNull(); // not filed: no construction yet
    assertThat(p2.variable("townshipCheckOpinion")).isEqualTo("建设方案缺少附属设施布局图");

    p2.on(
        TOWNSHIP_CHECK,
        demo(Groups.TOWNSHIP_GOVERNMENT),
        Map.of("approved", true, "opinion", "已补正"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertWorked(
        p2,
        List.of(
            NEGOTIATE,
            POST_NOTICE,
            SIGN,
            COLLECTIVE_CONFIRMS,
            FILE,
            TOWNSHIP_CHECK,
            FILE,
            TOWNSHIP_CHECK,
            FORWARD),
        REGISTER,
        AGRICULTURE_RECEIPT);
    p2.assertWiring();
  }

  // ------------------------------------------------------------------ start input (X-R04) and
  // county scope (X-R03)

  @Test
  void X_R04_bad_start_input_is_refused_with_400_naming_the_field_and_nothing_is_created() {
    at(shanghai("2026-09-10T09:00:00"));
    Map<String, Map<String, Object>> bad =
        Map.of(
            "operatorName", Map.of("operatorName", " "),
            "villageCollective", Map.of("villageCollective", ""),
            "areaMu", Map.of("areaMu", 0),
            "county", Map.of("county", "太原市"),
            "township", Map.of("township", ""));
    bad.forEach(
        (field, override) -> {
          FarmlandScenario p2 = scenario("X-R04-" + field);
          Http.Response refused = p2.startAs(demo(Groups.OPERATOR), application(override));
          assertThat(refused.status()).as(field + ": " + refused).isEqualTo(400);
          assertThat(refused.body()).as(field).contains(field);
          assertThat(p2.instances()).as(field).isZero();
        });
    FarmlandScenario negative = scenario("X-R04-negative");
    Http.Response refused =
        negative.startAs(demo(Groups.OPERATOR), application(Map.of("areaMu", -3)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("areaMu", "必须大于 0");
    FarmlandScenario missing = scenario("X-R04-missing");
    Map<String, Object> withoutCollective = application(Map.of());
    withoutCollective.remove("villageCollective");
    assertThat(missing.startAs(demo(Groups.OPERATOR), withoutCollective).body())
        .contains("villageCollective", "农村集体经济组织");
    assertThat(missing.instances()).isZero();
  }

  @Test
  void X_R03_officers_of_another_county_neither_see_the_case_nor_may_lodge_objections() {
    FarmlandScenario p2 = noticeRunning("X-R03", Map.of());

    assertThat(p2.sees(RECORD_OBJECTION, demo(Groups.VILLAGE_COMMITTEE) + "-houma")).isFalse();
    assertThat(p2.sees(RECORD_OBJECTION, demo(Groups.VILLAGE_COMMITTEE))).isTrue();
    Http.Response foreign =
        p2.lodgeObjection(demo(Groups.VILLAGE_COMMITTEE) + "-houma", "村民", "异议");
    assertThat(foreign.status()).isEqualTo(403);
    Http.Response operator = p2.lodgeObjection(demo(Groups.OPERATOR), "村民", "异议");
    assertThat(operator.status()).isEqualTo(403);
    Http.Response township = p2.lodgeObjection(demo(Groups.TOWNSHIP_GOVERNMENT), "村民孙某", "异议");
    assertThat(township.status()).isEqualTo(202);
    Http.Response empty = p2.lodgeObjection(demo(Groups.TOWNSHIP_GOVERNMENT), "村民孙某", " ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("field").asText()).isEqualTo("objectionContent");
    Http.Response unknown =
        Http.as(baseUrl(), demo(Groups.VILLAGE_COMMITTEE), DEMO_PASSWORD)
            .post(
                "/api/farmland/FFF-20260101-NOSUCH/objections",
                "{\"objector\":\"村民\",\"objectionContent\":\"异议\"}");
    assertThat(unknown.status()).isEqualTo(404);
    Http.Response anonymous =
        Http.anonymous(baseUrl())
            .post(
                "/api/farmland/" + p2.businessKey + "/objections",
                "{\"objector\":\"村民\",\"objectionContent\":\"异议\"}");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ change of use or scale
  // (P2-R08)

  @Test
  void
      P2_R08_a_change_of_scale_after_filing_starts_a_new_agreement_and_filing_linked_to_the_old_one() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R08", Map.of()));
    Http.Response early =
        p2.as(demo(Groups.OPERATOR))
            .post(
                "/api/farmland/" + p2.businessKey + "/changes",
                "{\"areaMu\": 20, \"changeReason\": \"扩大种植规模\"}");
    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    at(shanghai("2026-10-09T10:00:00"));
    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);

    Http.Response foreign =
        p2.as(demo(Groups.TOWNSHIP_GOVERNMENT))
            .post(
                "/api/farmland/" + p2.businessKey + "/changes",
                "{\"areaMu\": 20, \"changeReason\": \"扩大种植规模\"}");
    assertThat(foreign.status()).isEqualTo(403);
    Http.Response fixed =
        p2.as(demo(Groups.OPERATOR))
            .post(
                "/api/farmland/" + p2.businessKey + "/changes",
                "{\"county\": \"侯马市\", \"changeReason\": \"搬迁\"}");
    assertThat(fixed.status()).isEqualTo(400);
    assertThat(fixed.json().get("field").asText()).isEqualTo("county");
    Http.Response badArea =
        p2.as(demo(Groups.OPERATOR))
            .post(
                "/api/farmland/" + p2.businessKey + "/changes",
                "{\"areaMu\": 0, \"changeReason\": \"缩小\"}");
    assertThat(badArea.status()).isEqualTo(400);
    assertThat(badArea.json().get("field").asText()).isEqualTo("areaMu");

    Http.Response change =
        p2.as(demo(Groups.OPERATOR))
            .post(
                "/api/farmland/" + p2.businessKey + "/changes",
                "{\"areaMu\": 20, \"landUse\": \"蔬菜和食用菌大棚\", \"changeReason\": \"扩大种植规模\"}");

    assertThat(change.status()).as(change.toString()).isEqualTo(201);
    assertThat(change.json().get("previousFilingKey").asText()).isEqualTo(p2.businessKey);
    String newId = change.json().get("processInstanceId").asText();
    Map<String, Object> started = engine.getRuntimeService().getVariables(newId);
    assertThat(started)
        .containsEntry("previousFilingKey", p2.businessKey)
        .containsEntry("areaMu", 20)
        .containsEntry("landUse", "蔬菜和食用菌大棚")
        .containsEntry("operatorName", "临汾市尧都区丰禾农业专业合作社")
        .containsEntry("applicant", demo(Groups.OPERATOR));
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(newId)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(NEGOTIATE);
    assertThat(change.json().get("businessKey").asText()).startsWith("FFF-");
    List<String> keys = List.of(p2.businessKey, change.json().get("businessKey").asText());
    assertThat(keys).doesNotHaveDuplicates();

    // the same from the start form (Tasklist): a filed case may be named, nothing else
    FarmlandScenario viaForm = scenario("P2-R08-FORM");
    assertThat(
            viaForm
                .startAs(
                    demo(Groups.OPERATOR),
                    application(Map.of("previousFilingKey", p2.businessKey, "areaMu", 18)))
                .status())
        .isEqualTo(200);
    FarmlandScenario unknown = scenario("P2-R08-UNKNOWN");
    Http.Response refused =
        unknown.startAs(
            demo(Groups.OPERATOR), application(Map.of("previousFilingKey", "FFF-20260101-NOSUCH")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("previousFilingKey", "尚未备案");
    assertThat(unknown.instances()).isZero();
  }

  // ------------------------------------------------------------------ issue 17: joint work,
  // reports, illegal land use, both parties (P2-R12 … P2-R17)

  @Test
  void
      P2_R12_the_county_review_needs_both_departments_and_its_10_working_days_are_escalated_across_National_Day() {
    FarmlandScenario p2 =
        signed(noticeRunning("P2-R12", Map.of("usesPermanentBasicFarmland", true)));
    assertThat(p2.openTaskKeys()).containsExactlyInAnyOrder(COUNTY_REVIEW, AGRICULTURE_REVIEW);
    assertThat(p2.sees(COUNTY_REVIEW, demo(Groups.COUNTY_AGRICULTURE))).isFalse();
    assertThat(p2.sees(AGRICULTURE_REVIEW, demo(Groups.COUNTY_NATURAL_RESOURCES))).isFalse();
    assertThat(((Date) p2.variable("countyReviewDeadline")).toInstant())
        .isEqualTo(FILING_DUE.toInstant());
    Job overdue = p2.timer(COUNTY_REVIEW_OVERDUE);
    assertThat(overdue.getDuedate().toInstant())
        .isEqualTo(FILING_DUE.toInstant()); // 16 October: across 1–7 October

    // the natural resources department concludes; without the agriculture department the review is
    // not over
    at(shanghai("2026-10-12T10:00:00"));
    p2.work(COUNTY_REVIEW);
    assertThat(p2.openTaskKeys()).containsExactly(AGRICULTURE_REVIEW);

    at(FILING_DUE.plusMinutes(1));
    engine.getManagementService().executeJob(overdue.getId());
    p2.runUntil(FOLLOW_UP_OVERDUE_COUNTY_REVIEW);
    assertThat(p2.openTaskKeys())
        .containsExactlyInAnyOrder(AGRICULTURE_REVIEW, FOLLOW_UP_OVERDUE_COUNTY_REVIEW);
    assertThat(p2.variable("countyReviewOverdue")).isEqualTo(true);
    assertThat(p2.variable("lastEscalationTo"))
        .isEqualTo("county-natural-resources-yaodu,county-agriculture-yaodu");
    assertThat((String) p2.variable("lastEscalation"))
        .contains("督办", "会同农业农村部门", "2026-10-16 18:00", p2.businessKey);
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_COUNTY_REVIEW, demo(Groups.COUNTY_AGRICULTURE))).isTrue();
    assertThat(p2.sees(FOLLOW_UP_OVERDUE_COUNTY_REVIEW, demo(Groups.COUNTY_AGRICULTURE) + "-houma"))
        .isFalse();

    at(shanghai("2026-10-19T09:00:00"));
    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.historicVariable("countyReviewApproved")).isEqualTo(true);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(p2.processInstanceId)
                .activityId(END_COUNTY_REVIEW_FOLLOWED_UP)
                .count())
        .isEqualTo(1);
    p2.assertWiring();
  }

  @Test
  void P2_R13_the_township_reports_basic_farmland_use_to_the_county_before_the_review_and_filing() {
    FarmlandScenario p2 = noticeRunning("P2-R13", Map.of("usesPermanentBasicFarmland", true));
    p2.endNotice();
    at(SIGNED);
    p2.runUntil(REPORT_BASIC_FARMLAND);
    assertThat(p2.openTaskKeys()).containsExactly(REPORT_BASIC_FARMLAND);
    assertThat(p2.sees(REPORT_BASIC_FARMLAND, demo(Groups.TOWNSHIP_GOVERNMENT))).isTrue();
    assertThat(p2.sees(REPORT_BASIC_FARMLAND, demo(Groups.OPERATOR))).isFalse();
    assertThat(p2.sees(REPORT_BASIC_FARMLAND, demo(Groups.TOWNSHIP_GOVERNMENT) + "-houma"))
        .isFalse();

    at(shanghai("2026-09-30T10:00:00"));
    Http.Response refused =
        p2.submit(
            REPORT_BASIC_FARMLAND,
            demo(Groups.TOWNSHIP_GOVERNMENT),
            Map.of("basicFarmlandReportedOn", "2026-10-01", "basicFarmlandReport", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("basicFarmlandReportedOn", "不能晚于今天", "basicFarmlandReport", "报告内容");
    p2.work(REPORT_BASIC_FARMLAND);
    p2.runUntil(COUNTY_REVIEW);

    assertThat(p2.variable("basicFarmlandReportedOn")).isEqualTo("2026-09-30");
    // the county's 10 working days run from the report: 8, 9, 10 (make-up Saturday), 12 … 20
    // October
    OffsetDateTime due = OffsetDateTime.parse("2026-10-20T18:00:00+08:00");
    assertThat(((Date) p2.variable("countyReviewDeadline")).toInstant()).isEqualTo(due.toInstant());
    assertThat(p2.timer(COUNTY_REVIEW_OVERDUE).getDuedate().toInstant()).isEqualTo(due.toInstant());
    assertThat(p2.sees(FILE, demo(Groups.OPERATOR))).isFalse();
    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.worked())
        .containsSubsequence(SIGN, COLLECTIVE_CONFIRMS, REPORT_BASIC_FARMLAND, COUNTY_REVIEW, FILE);
    p2.assertWiring();
  }

  @Test
  void
      P2_R14_the_filing_is_forwarded_to_both_the_natural_resources_and_the_agriculture_department() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R14", Map.of()));
    at(shanghai("2026-10-09T10:00:00"));
    p2.runUntil(FORWARD);
    Http.Response onlyOne =
        p2.submit(
            FORWARD,
            demo(Groups.TOWNSHIP_GOVERNMENT),
            Map.of(
                "forwardedOn",
                "2026-10-09",
                "forwardedToNaturalResources",
                true,
                "forwardedToAgriculture",
                false));
    assertThat(onlyOne.status()).isEqualTo(400);
    assertThat(onlyOne.body()).contains("forwardedToAgriculture", "农业农村部门");
    p2.work(FORWARD);
    p2.runUntil(REGISTER);

    assertThat(p2.openTaskKeys()).containsExactlyInAnyOrder(REGISTER, AGRICULTURE_RECEIPT);
    assertThat(p2.sees(AGRICULTURE_RECEIPT, demo(Groups.COUNTY_AGRICULTURE))).isTrue();
    assertThat(p2.sees(AGRICULTURE_RECEIPT, demo(Groups.COUNTY_AGRICULTURE) + "-houma")).isFalse();
    Http.Response noLedger =
        p2.submit(
            AGRICULTURE_RECEIPT,
            demo(Groups.COUNTY_AGRICULTURE),
            Map.of("agricultureReceivedOn", "2026-10-09", "agricultureLedgerEntered", false));
    assertThat(noLedger.status()).isEqualTo(400);
    assertThat(noLedger.body()).contains("agricultureLedgerEntered", "台账");
    p2.work(REGISTER);
    p2.runUntil(AGRICULTURE_RECEIPT);
    assertThat(p2.ended())
        .as("registered, but the agriculture department has not received it yet")
        .isFalse();

    p2.runUntil();
    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.historicVariable("agricultureLedgerEntered")).isEqualTo(true);
    assertThat(p2.historicVariable("forwardedToAgriculture")).isEqualTo(true);
    p2.assertWiring();
  }

  @Test
  void
      P2_R15_a_filing_not_made_in_time_goes_to_the_county_natural_resources_department_as_illegal_land_use() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R15", Map.of()));
    at(FILING_DUE.plusMinutes(1));
    engine.getManagementService().executeJob(p2.timer(FILING_OVERDUE).getId());
    p2.runUntil(INVESTIGATE_UNFILED_LAND_USE);

    assertThat(p2.openTaskKeys()).contains(FILE, INVESTIGATE_UNFILED_LAND_USE);
    assertThat((String) p2.variable("lastEscalation")).contains("按违法占地查处", "尧都区自然资源");
    assertThat(p2.sees(INVESTIGATE_UNFILED_LAND_USE, demo(Groups.COUNTY_NATURAL_RESOURCES)))
        .isTrue();
    assertThat(
            p2.sees(INVESTIGATE_UNFILED_LAND_USE, demo(Groups.COUNTY_NATURAL_RESOURCES) + "-houma"))
        .isFalse();
    assertThat(p2.sees(INVESTIGATE_UNFILED_LAND_USE, demo(Groups.TOWNSHIP_GOVERNMENT))).isFalse();
    at(shanghai("2026-10-19T10:00:00"));
    Http.Response incomplete =
        p2.submit(
            INVESTIGATE_UNFILED_LAND_USE,
            demo(Groups.COUNTY_NATURAL_RESOURCES),
            Map.of("onSiteCheckedOn", "2026-10-19"));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("constructionStarted", "investigationResult", "查处结果");
    p2.on(
        INVESTIGATE_UNFILED_LAND_USE,
        demo(Groups.COUNTY_NATURAL_RESOURCES),
        Map.of(
            "onSiteCheckedOn",
            "2026-10-19",
            "constructionStarted",
            true,
            "investigationResult",
            "未备案擅自建设大棚基础，已立案查处，责令停止建设"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED); // filed late, after the investigation
    assertThat(p2.historicVariable("constructionStarted")).isEqualTo(true);
    assertThat(p2.historicVariable("filedOnTime")).isEqualTo(false);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(p2.processInstanceId)
                .activityId(END_UNFILED_LAND_USE_INVESTIGATED)
                .count())
        .isEqualTo(1);
    p2.assertWiring();
  }

  @Test
  void
      P2_R16_the_collective_confirms_the_operator_s_agreement_and_not_confirming_sends_it_back_to_negotiation() {
    FarmlandScenario p2 = noticeRunning("P2-R16-OPERATOR", Map.of());
    p2.endNotice();
    at(SIGNED);
    p2.runUntil(COLLECTIVE_CONFIRMS);
    assertThat(p2.variable("applicantParty")).isEqualTo("OPERATOR");
    assertThat(p2.openTaskKeys()).containsExactly(COLLECTIVE_CONFIRMS);
    assertThat(p2.sees(COLLECTIVE_CONFIRMS, demo(Groups.OPERATOR))).isFalse();
    assertThat(p2.sees(COLLECTIVE_CONFIRMS, demo(Groups.VILLAGE_COMMITTEE))).isTrue();
    assertThat(p2.sees(COLLECTIVE_CONFIRMS, demo(Groups.VILLAGE_COMMITTEE) + "-houma")).isFalse();
    Http.Response noReason =
        p2.submit(
            COLLECTIVE_CONFIRMS,
            demo(Groups.VILLAGE_COMMITTEE),
            Map.of("collectiveConfirmed", false));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("collectiveOpinion", "不确认的理由");

    p2.on(
        COLLECTIVE_CONFIRMS,
        demo(Groups.VILLAGE_COMMITTEE),
        Map.of("collectiveConfirmed", false, "collectiveOpinion", "协议面积与公告不一致，须重新协商"));
    p2.runUntil(NEGOTIATE);
    assertThat(p2.openTaskKeys()).containsExactly(NEGOTIATE);
    assertThat(p2.variable("agreementSignedAt")).isNull();
    assertThat(p2.variable("collectiveOpinion")).isEqualTo("协议面积与公告不一致，须重新协商");
  }

  @Test
  void P2_R16_the_collective_may_apply_and_file_itself_without_a_second_confirmation() {
    at(shanghai("2026-09-10T09:00:00"));
    FarmlandScenario bad = scenario("P2-R16-BAD");
    Http.Response refused =
        bad.startAs(demo(Groups.OPERATOR), application(Map.of("applicantParty", "VILLAGE")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("applicantParty", "农村集体经济组织");
    assertThat(bad.instances()).isZero();

    FarmlandScenario p2 =
        noticeRunning("P2-R16-COLLECTIVE", Map.of("applicantParty", "COLLECTIVE"));
    signed(p2);
    assertThat(p2.openTaskKeys()).containsExactly(FILE);
    assertThat(p2.sees(FILE, demo(Groups.OPERATOR)))
        .isTrue(); // the collective's account, of the group 经营者/农村集体经济组织
    assertThat(p2.historicVariable("agreementSignedAt")).isEqualTo(Date.from(SIGNED.toInstant()));
    at(shanghai("2026-10-09T10:00:00"));
    p2.runUntil();

    assertThat(p2.endEvent()).isEqualTo(END_REGISTERED);
    assertThat(p2.worked())
        .doesNotContain(COLLECTIVE_CONFIRMS)
        .containsSubsequence(SIGN, FILE, TOWNSHIP_CHECK);
    p2.assertWiring();
  }

  @Test
  void P2_R17_the_filing_records_the_site_sign_with_the_reporting_telephone() {
    FarmlandScenario p2 = signed(noticeRunning("P2-R17", Map.of()));
    Http.Response noSign =
        p2.submit(
            FILE,
            demo(Groups.OPERATOR),
            Map.of("siteSignPosted", false, "reportingTelephone", "举报电话", "reportingUnit", " "));
    assertThat(noSign.status()).isEqualTo(400);
    assertThat(noSign.body())
        .contains("siteSignPosted", "标识牌", "reportingTelephone", "reportingUnit");
    assertThat(p2.openTaskKeys()).containsExactly(FILE);

    p2.work(FILE);
    p2.runUntil(TOWNSHIP_CHECK);
    JsonNode seen = p2.formVariables(TOWNSHIP_CHECK, demo(Groups.TOWNSHIP_GOVERNMENT));
    assertThat(seen.get("reportingTelephone").get("value").asText()).isEqualTo("0357-12336");
    assertThat(seen.get("reportingUnit").get("value").asText()).isEqualTo("尧都区自然资源局");
    assertThat(seen.get("siteSignPosted").get("value").asBoolean()).isTrue();
  }
}
