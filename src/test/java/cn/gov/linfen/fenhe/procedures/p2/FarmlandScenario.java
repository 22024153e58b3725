package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Topics;
import cn.gov.linfen.fenhe.test.CaseScenario;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.time.EngineClock;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p2.OpenNoticeWorker;
import cn.gov.linfen.fenhe.workers.p2.RecordFilingWorker;
import cn.gov.linfen.fenhe.workers.p2.RecordObjectionWorker;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives one P2 case (farmland-facility-filing) the way its users do — over REST as the demo user
 * of each step (尧都区), claiming and submitting forms like Tasklist — with the real workers on the
 * engine clock. Every wait state has a default answer (the happy path); a test overrides what it is
 * about. Each task worked is recorded with its candidate groups, form and due date.
 */
final class FarmlandScenario extends CaseScenario<FarmlandScenario> {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String COUNTY = "尧都区";

  /** Tasks that wait for a person's own initiative: never completed by default. */
  static final Set<String> STANDING = Set.of(RECORD_OBJECTION);

  String noticeStartDate;

  FarmlandScenario(ProcessEngine engine, String baseUrl, String businessKey) {
    super(engine, baseUrl, FarmlandProcess.KEY, businessKey);
    this.applicant = demo(FarmlandProcess.Groups.OPERATOR);
    FenheClock clock = TestClock.of(new EngineClock());
    workers.put(Topics.OPEN_NOTICE, new OpenNoticeWorker(new OpeningNotice(TestClock.ZONE)));
    workers.put(
        Topics.RECORD_OBJECTION,
        new RecordObjectionWorker(new RecordingObjection(TestClock.ZONE), clock));
    workers.put(
        Topics.RECORD_FILING, new RecordFilingWorker(new RecordingFiling(TestClock.ZONE), clock));
    workers.put(Topics.ESCALATE, new EscalateWorker(new Escalating(TestClock.ZONE), clock));
    defaults();
  }

  static String group(String role) {
    return role + "-yaodu";
  }

  static void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  static OffsetDateTime shanghai(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toOffsetDateTime();
  }

  static String today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI).toString();
  }

  static Map<String, Object> application(Map<String, Object> overrides) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("operatorName", "临汾市尧都区丰禾农业专业合作社");
    v.put("villageCollective", "屯里镇东屯里村股份经济合作社");
    v.put("county", COUNTY);
    v.put("township", "屯里镇");
    v.put("village", "东屯里村");
    v.put("facilityType", "作物种植设施");
    v.put("areaMu", 12.5);
    v.put("landUse", "蔬菜温室大棚");
    v.put("termYears", 10);
    v.put("usesPermanentBasicFarmland", false);
    v.putAll(overrides);
    return v;
  }

  static Map<String, Object> agreement() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("facilityType", "作物种植设施");
    v.put("areaMu", 12.5);
    v.put("landUse", "蔬菜温室大棚");
    v.put("termYears", 10);
    v.put("usesPermanentBasicFarmland", false);
    v.put("facilityLocation", "东屯里村村东，东至机耕路，西至水渠，南至李家地，北至村道");
    v.put("reclamationRequirements", "期满拆除设施，恢复耕作层，达到原耕地质量等级");
    v.put("landReturn", "期满后 3 个月内复垦验收合格交还村集体");
    v.put("breachLiability", "擅自改变用途的，村集体有权解除协议并要求恢复原状、赔偿损失");
    return v;
  }

  private void defaults() {
    answers.put(
        NEGOTIATE,
        new Answer<>(
            null,
            s -> {
              Map<String, Object> v = agreement();
              v.put("usesPermanentBasicFarmland", s.variable("usesPermanentBasicFarmland"));
              return v;
            }));
    answers.put(
        POST_NOTICE,
        new Answer<>(
            demo(FarmlandProcess.Groups.VILLAGE_COMMITTEE),
            s ->
                Map.of(
                    "noticeStartDate",
                    s.noticeStartDate == null ? today() : s.noticeStartDate,
                    "postedAtTownship",
                    true,
                    "postedOnVillageBoard",
                    true)));
    answers.put(
        HANDLE_OBJECTIONS,
        new Answer<>(
            demo(FarmlandProcess.Groups.VILLAGE_COMMITTEE),
            s ->
                Map.of(
                    "objectionDecision",
                    Decided.RENEGOTIATE,
                    "objectionHandlingOpinion",
                    "调整大棚位置，避开村民通道后重新公告")));
    answers.put(
        SIGN,
        new Answer<>(
            null, s -> Map.of("agreementNumber", "YD-TL-2026-018", "agreementSigned", true)));
    answers.put(
        COLLECTIVE_CONFIRMS,
        new Answer<>(
            demo(FarmlandProcess.Groups.VILLAGE_COMMITTEE),
            s -> Map.of("collectiveConfirmed", true, "collectiveSignatory", "东屯里村股份经济合作社理事长 张某")));
    answers.put(
        REPORT_BASIC_FARMLAND,
        new Answer<>(
            demo(FarmlandProcess.Groups.TOWNSHIP_GOVERNMENT),
            s ->
                Map.of(
                    "basicFarmlandReportedOn",
                    today(),
                    "basicFarmlandReport",
                    "东屯里村村东 12.5 亩涉及永久基本农田，拟在西屯里村补划")));
    answers.put(
        AGRICULTURE_REVIEW,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_AGRICULTURE),
            s -> Map.of("approved", true, "opinion", "属设施农业生产需要，同意")));
    answers.put(
        COUNTY_REVIEW,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_NATURAL_RESOURCES),
            s ->
                Map.of(
                    "approved",
                    true,
                    "opinion",
                    "确需占用，布局合理，补划可行",
                    "compensationPlan",
                    "在屯里镇西屯里村补划同等数量和质量的永久基本农田 12.5 亩",
                    "consentDocumentNumber",
                    "尧自然资函〔2026〕88号")));
    answers.put(
        FILE,
        new Answer<>(
            null,
            s ->
                Map.of(
                    "siteSignPosted",
                    true,
                    "reportingTelephone",
                    "0357-12336",
                    "reportingUnit",
                    "尧都区自然资源局")));
    answers.put(
        TOWNSHIP_CHECK,
        new Answer<>(
            demo(FarmlandProcess.Groups.TOWNSHIP_GOVERNMENT),
            s -> Map.of("approved", true, "opinion", "材料齐全，符合要求")));
    answers.put(
        FORWARD,
        new Answer<>(
            demo(FarmlandProcess.Groups.TOWNSHIP_GOVERNMENT),
            s ->
                Map.of(
                    "forwardedOn",
                    today(),
                    "forwardedToNaturalResources",
                    true,
                    "forwardedToAgriculture",
                    true)));
    answers.put(
        AGRICULTURE_RECEIPT,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_AGRICULTURE),
            s -> Map.of("agricultureReceivedOn", today(), "agricultureLedgerEntered", true)));
    answers.put(
        INVESTIGATE_UNFILED_LAND_USE,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_NATURAL_RESOURCES),
            s ->
                Map.of(
                    "onSiteCheckedOn",
                    today(),
                    "constructionStarted",
                    false,
                    "investigationResult",
                    "现场未动工，责令限期备案，备案前不得动工")));
    answers.put(
        FOLLOW_UP_OVERDUE_COUNTY_REVIEW,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_NATURAL_RESOURCES),
            s -> Map.of("followUpNote", "已召开两部门联席会议，三日内完成论证")));
    answers.put(
        REGISTER,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_NATURAL_RESOURCES),
            s -> Map.of("mapRegistrationNumber", "SNYD-141002-2026-0018")));
    answers.put(
        FOLLOW_UP_OVERDUE_FILING,
        new Answer<>(
            demo(FarmlandProcess.Groups.TOWNSHIP_GOVERNMENT),
            s -> Map.of("followUpNote", "已电话督促经营者三日内备案")));
    answers.put(
        FOLLOW_UP_OVERDUE_FORWARDING,
        new Answer<>(
            demo(FarmlandProcess.Groups.COUNTY_NATURAL_RESOURCES),
            s -> Map.of("followUpNote", "已函告屯里镇政府即日报送")));
  }

  @Override
  protected Set<String> standing() {
    return STANDING;
  }

  @Override
  protected int rounds() {
    return 50;
  }

  long instances() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .count();
  }

  @Override
  public Object historicVariable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(
            v ->
                v.getActivityInstanceId() == null
                    || v.getActivityInstanceId().equals(processInstanceId))
        .findFirst()
        .map(v -> v.getValue())
        .orElse(null);
  }

  boolean sees(String taskKey, String user) {
    return tasksSeen(taskKey, user).size() > 0;
  }

  /** The timer job of a boundary event of this case. */
  Job timer(String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  /** Fires the notice's end (the timer at its due date; the clock is set to it). */
  FarmlandScenario endNotice() {
    Job timer = timer(NOTICE_ENDED);
    assertThat(timer).as("the notice's timer").isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
    return this;
  }

  Http.Response lodgeObjection(String user, String objector, String content) {
    ObjectNode body = JSON.createObjectNode();
    body.put("objector", objector);
    body.put("objectionContent", content);
    return as(user).post("/api/farmland/" + businessKey + "/objections", body.toString());
  }

  /** End events of the 督办 and 查处 branches, which end while the case goes on. */
  static final Set<String> SIDE_ENDS =
      Set.of(
          END_OVERDUE_FOLLOWED_UP,
          END_FORWARDING_FOLLOWED_UP,
          END_COUNTY_REVIEW_FOLLOWED_UP,
          END_UNFILED_LAND_USE_INVESTIGATED);

  /** The case's own end event (not the end of a 督办 branch, which ends while the case goes on). */
  String endEvent() {
    assertThat(ended()).as("the case has ended").isTrue();
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityType("noneEndEvent")
        .list()
        .stream()
        .filter(a -> a.getParentActivityInstanceId().equals(processInstanceId))
        .map(HistoricActivityInstance::getActivityId)
        .filter(id -> !SIDE_ENDS.contains(id))
        .findFirst()
        .orElse(null);
  }

  static final Map<String, String> FORMS =
      Map.ofEntries(
          Map.entry(NEGOTIATE, FarmlandProcess.Forms.AGREEMENT),
          Map.entry(POST_NOTICE, FarmlandProcess.Forms.NOTICE_POSTING),
          Map.entry(RECORD_OBJECTION, FarmlandProcess.Forms.OBJECTION_RECORD),
          Map.entry(HANDLE_OBJECTIONS, FarmlandProcess.Forms.OBJECTION_HANDLING),
          Map.entry(SIGN, FarmlandProcess.Forms.SIGNING),
          Map.entry(COUNTY_REVIEW, FarmlandProcess.Forms.COUNTY_REVIEW),
          Map.entry(COLLECTIVE_CONFIRMS, FarmlandProcess.Forms.COLLECTIVE_CONFIRMATION),
          Map.entry(REPORT_BASIC_FARMLAND, FarmlandProcess.Forms.BASIC_FARMLAND_REPORT),
          Map.entry(AGRICULTURE_REVIEW, FarmlandProcess.Forms.AGRICULTURE_REVIEW),
          Map.entry(FOLLOW_UP_OVERDUE_COUNTY_REVIEW, FarmlandProcess.Forms.ESCALATION_FOLLOW_UP),
          Map.entry(INVESTIGATE_UNFILED_LAND_USE, FarmlandProcess.Forms.UNFILED_LAND_USE),
          Map.entry(AGRICULTURE_RECEIPT, FarmlandProcess.Forms.AGRICULTURE_RECEIPT),
          Map.entry(FILE, FarmlandProcess.Forms.FILING),
          Map.entry(FOLLOW_UP_OVERDUE_FILING, FarmlandProcess.Forms.ESCALATION_FOLLOW_UP),
          Map.entry(FOLLOW_UP_OVERDUE_FORWARDING, FarmlandProcess.Forms.ESCALATION_FOLLOW_UP),
          Map.entry(TOWNSHIP_CHECK, FarmlandProcess.Forms.TOWNSHIP_CHECK),
          Map.entry(FORWARD, FarmlandProcess.Forms.FORWARDING),
          Map.entry(REGISTER, FarmlandProcess.Forms.REGISTRATION));

  static final Map<String, List<String>> GROUPS =
      Map.ofEntries(
          Map.entry(NEGOTIATE, List.of()),
          Map.entry(POST_NOTICE, List.of("village-committee-yaodu")),
          Map.entry(RECORD_OBJECTION, List.of("village-committee-yaodu")),
          Map.entry(HANDLE_OBJECTIONS, List.of("village-committee-yaodu")),
          Map.entry(SIGN, List.of()),
          Map.entry(COUNTY_REVIEW, List.of("county-natural-resources-yaodu")),
          Map.entry(COLLECTIVE_CONFIRMS, List.of("village-committee-yaodu")),
          Map.entry(REPORT_BASIC_FARMLAND, List.of("township-government-yaodu")),
          Map.entry(AGRICULTURE_REVIEW, List.of("county-agriculture-yaodu")),
          Map.entry(
              FOLLOW_UP_OVERDUE_COUNTY_REVIEW,
              List.of("county-agriculture-yaodu", "county-natural-resources-yaodu")),
          Map.entry(INVESTIGATE_UNFILED_LAND_USE, List.of("county-natural-resources-yaodu")),
          Map.entry(AGRICULTURE_RECEIPT, List.of("county-agriculture-yaodu")),
          Map.entry(FILE, List.of()),
          Map.entry(FOLLOW_UP_OVERDUE_FILING, List.of("township-government-yaodu")),
          Map.entry(
              FOLLOW_UP_OVERDUE_FORWARDING,
              List.of("county-agriculture-yaodu", "county-natural-resources-yaodu")),
          Map.entry(TOWNSHIP_CHECK, List.of("township-government-yaodu")),
          Map.entry(FORWARD, List.of("township-government-yaodu")),
          Map.entry(REGISTER, List.of("county-natural-resources-yaodu")));

  /**
   * Tasks with a deadline in the gazette: filing (10WD), the joint county review (10WD, both
   * parts), forwarding (15WD).
   */
  static final Set<String> WITH_DUE_DATE = Set.of(FILE, COUNTY_REVIEW, AGRICULTURE_REVIEW, FORWARD);

  /**
   * Every step worked had its form and candidate groups (or the operator), and a due date exactly
   * where the gazette sets one.
   */
  void assertWiring() {
    assertFormsAndGroups(FORMS, GROUPS);
    for (Step step : steps) {
      if (WITH_DUE_DATE.contains(step.taskKey())) {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNotNull();
      } else {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNull();
      }
    }
  }
}
