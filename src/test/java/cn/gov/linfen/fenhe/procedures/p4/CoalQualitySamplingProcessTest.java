package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Forms;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.RoundElements;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P4 民用煤煤质抽检 end to end: the monthly plan per county and each seller's case to its end event, as
 * the users (REST, the county's officers, claim and submit like Tasklist), with the real workers,
 * on the engine clock. Each test works in a county and month of its own (the register is shared).
 */
class CoalQualitySamplingProcessTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  CoalSamplingDriver p4;

  @BeforeEach
  void driver() {
    p4 = new CoalSamplingDriver(engine, baseUrl());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(String shanghai) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(shanghai + "+08:00").toInstant()));
  }

  String officer(County county) {
    return p4.officer(FenheGroup.COUNTY_MARKET_SUPERVISION, county);
  }

  String government(County county) {
    return p4.officer(FenheGroup.COUNTY_GOVERNMENT, county);
  }

  static Map<String, Object> sampled(String on, String coalType) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("samplingOutcome", "SAMPLED");
    v.put("sampledOn", on);
    v.put("coalType", coalType);
    v.put("batchNumber", "PC-" + on);
    v.put("quantityTonnes", 20);
    return v;
  }

  static Map<String, Object> result(double s, double ash, double v, String reportDate) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sulphur", s);
    r.put("ash", ash);
    r.put("volatiles", v);
    r.put("reportNumber", "MJ-" + reportDate);
    r.put("reportDate", reportDate);
    r.put("labName", "临汾市产品质量检验检测中心");
    return r;
  }

  static Map<String, Object> delivered(String on, County county) {
    return Map.of("reportDeliveredOn", on, "deliveredTo", county.chineseName() + "人民政府");
  }

  /** Confirms the plan as drawn (or with the sellers added). */
  void confirmPlan(String round, County county, String added) {
    Task plan = p4.task(round, RoundElements.CONFIRM_PLAN);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("addedSellers", added);
    v.put("planNote", "按抽取结果执行");
    p4.work(plan, officer(county), v);
  }

  /** One seller sampled, conforming (禁燃区 bituminous), the report delivered: EndEvent_Conforming. */
  void sampleConforming(String round, County county, String code, String day) {
    String c = p4.caseOf(round, code);
    p4.work(p4.task(c, SAMPLE_ON_SITE), officer(county), sampled(day, "bituminous"));
    p4.work(p4.task(c, RECORD_RESULT), officer(county), result(0.3, 8, 30, day));
    p4.work(p4.task(c, DELIVER_REPORT), officer(county), delivered(day, county));
    assertThat(ends(c)).containsExactly(CONFORMING);
  }

  List<String> ends(String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityType("noneEndEvent")
        .list()
        .stream()
        .map(a -> a.getActivityId())
        .sorted()
        .toList();
  }

  Job monthEnd(String round) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(round)
        .activityId(RoundElements.MONTH_ENDS)
        .singleResult();
  }

  // ------------------------------------------------------------------ P4-R01 the draw

  @Test
  void
      P4_R01_a_month_with_23_sellers_draws_5_never_sampled_first_reproducible_from_the_seed_and_the_county_may_add() {
    County county = County.YICHENG;
    at("2026-03-01T09:00:00");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      codes.add(p4.register(county, i % 3 == 0 ? "other" : "no-burn", "supply-point"));
    }
    String seed = "5eed00000000cafe";
    String round = p4.plan(county, "2026-03", seed);

    Task plan = p4.task(round, RoundElements.CONFIRM_PLAN);
    assertThat(p4.candidateGroups(plan)).containsExactly("county-market-supervision-yicheng");
    assertThat(p4.formKey(plan)).isEqualTo(Forms.PLAN);
    Map<String, Object> planVars = engine.getTaskService().getVariables(plan.getId());
    assertThat(planVars.get("drawnCount")).isEqualTo(5);
    assertThat(planVars.get("drawTarget")).isEqualTo(5);
    assertThat(planVars.get("drawSeed")).isEqualTo(seed);
    assertThat((String) planVars.get("drawSummary")).contains("登记在册 23 家").contains("即 5 家");
    // an auditor recomputes the draw from the recorded seed
    List<String> drawn = CoalSampling.codes(planVars.get("drawnSellers"));
    List<String> expected =
        codes.stream()
            .sorted(java.util.Comparator.comparing(c -> DrawingSellers.drawKey(seed, c)))
            .limit(5)
            .toList();
    assertThat(drawn).isEqualTo(expected);
    Map<String, Object> stored =
        jdbc.queryForMap(
            "SELECT seed, registered, target FROM fenhe_coal_plan WHERE county = ?"
                + " AND sampling_month = '2026-03'",
            county.chineseName());
    assertThat(stored.get("SEED") != null ? stored.get("SEED") : stored.get("seed"))
        .isEqualTo(seed);
    // a 侯马市 officer does not see the 翼城县 plan (X-R03)
    assertThat(
            p4.as(officer(County.HOUMA))
                .get(
                    "/engine-rest/task?taskDefinitionKey="
                        + RoundElements.CONFIRM_PLAN
                        + "&processInstanceId="
                        + round
                        + "&maxResults=10")
                .json())
        .isEmpty();

    // the county may add a registered seller of its own county, not one of another county or an
    // invalid code
    String extra = codes.stream().filter(c -> !drawn.contains(c)).findFirst().orElseThrow();
    String other = p4.register(County.HOUMA, "other", "coal-seller");
    Http.Response refused = p4.submit(plan, officer(county), Map.of("addedSellers", other));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("不是本县登记在册的民用煤销售单位");
    confirmPlan(round, county, extra);

    Set<String> cases = new HashSet<>();
    for (String code : drawn) {
      cases.add(p4.caseOf(round, code));
    }
    cases.add(p4.caseOf(round, extra));
    assertThat(cases).hasSize(6);
    Task sampling = p4.task(p4.caseOf(round, extra), SAMPLE_ON_SITE);
    assertThat(p4.candidateGroups(sampling)).containsExactly("county-market-supervision-yicheng");
    assertThat(p4.formKey(sampling)).isEqualTo(Forms.SAMPLING);
    // due at the end of the month (00:00 on 1 April, Shanghai)
    assertThat(sampling.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-04-01T00:00:00+08:00").toInstant());
    assertThat(p4.businessKey(p4.caseOf(round, extra))).isEqualTo("CQS-202603-yicheng-" + extra);

    // a second plan of the same county and month is refused
    Http.Response again =
        p4.as(CoalSamplingDriver.BUREAU)
            .post(
                "/engine-rest/process-definition/key/"
                    + CoalQualitySamplingProcess.ROUND_KEY
                    + "/start",
                "{\"variables\":{\"samplingMonth\":{\"value\":\"2026-03\"},\"onlyCounty\":{\"value\":\"翼城县\"}}}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).contains("抽检计划已制定");
  }

  @Test
  void P4_R01_a_year_of_12_monthly_rounds_covers_every_seller() {
    County county = County.XIANGFEN;
    at("2027-01-01T09:00:00");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      codes.add(p4.register(county, "no-burn", "coal-seller"));
    }
    Set<String> sampledThisYear = new HashSet<>();
    for (int month = 1; month <= 12; month++) {
      String ym = String.format("2027-%02d", month);
      at(ym + "-01T09:00:00");
      String round = p4.plan(county, ym, null);
      List<String> drawn =
          CoalSampling.codes(
              engine
                  .getTaskService()
                  .getVariables(p4.task(round, RoundElements.CONFIRM_PLAN).getId())
                  .get("drawnSellers"));
      assertThat(drawn).as(ym).hasSize(2);
      long fresh = codes.stream().filter(c -> !sampledThisYear.contains(c)).count();
      assertThat(drawn.stream().filter(c -> !sampledThisYear.contains(c)).count())
          .as(ym + " never sampled first")
          .isEqualTo(Math.min(2, fresh));
      confirmPlan(round, county, "");
      at(ym + "-10T10:00:00");
      for (String code : drawn) {
        sampleConforming(round, county, code, ym + "-10");
      }
      sampledThisYear.addAll(drawn);
      // the month ends: coverage 20% met, nothing escalated
      Job end = monthEnd(round);
      ClockUtil.setCurrentTime(end.getDuedate());
      engine.getManagementService().executeJob(end.getId());
      p4.runMonthEnd(p4.businessKey(round));
      assertThat(ends(round))
          .as(ym)
          .contains(RoundElements.COVERAGE_MET, RoundElements.SAMPLES_CLOSED);
      assertThat(ends(round)).doesNotContain(RoundElements.COVERAGE_ESCALATED);
    }
    assertThat(sampledThisYear).containsExactlyInAnyOrderElementsOf(codes);
    JsonNode december =
        p4.as(CoalSamplingDriver.BUREAU).get("/api/coal/coverage?month=2027-12").json();
    JsonNode row = row(december, county);
    assertThat(row.get("yearSampled").asInt()).isEqualTo(10);
    assertThat(row.get("yearPercentSampled").asText()).isEqualTo("100.00");
  }

  static JsonNode row(JsonNode coverage, County county) {
    for (JsonNode r : coverage.get("counties")) {
      if (r.get("county").asText().equals(county.chineseName())) {
        return r;
      }
    }
    throw new AssertionError(county + " not in " + coverage);
  }

  // ------------------------------------------------------------------ P4-R02..R04 one seller's
  // case

  @Test
  void
      P4_R02_R03_R04_a_failed_briquette_at_S_0_51_in_the_no_burn_zone_goes_to_disposal_and_closes() {
    County county = County.HONGTONG;
    at("2026-11-02T09:00:00");
    String code = p4.register(county, "no-burn", "briquette-producer");
    String round = p4.plan(county, "2026-11", null);
    confirmPlan(round, county, null);
    String c = p4.caseOf(round, code);
    at("2026-11-05T10:00:00");
    p4.work(p4.task(c, SAMPLE_ON_SITE), officer(county), sampled("2026-11-05", "briquette"));
    Task result = p4.task(c, RECORD_RESULT);
    assertThat(p4.formKey(result)).isEqualTo(Forms.RESULT);
    // bad figures are refused, nothing is decided (X-R04)
    Http.Response bad = p4.submit(result, officer(county), result(-1, 8, 10, "2026-11-05"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("含硫量");
    at("2026-11-06T10:00:00");
    p4.work(result, officer(county), result(0.51, 8, 10, "2026-11-06"));

    // P4-R02: the table decides, citing its clause
    assertThat(engine.getRuntimeService().getVariable(c, "conforms")).isEqualTo(false);
    assertThat((String) engine.getRuntimeService().getVariable(c, "clause"))
        .contains("二(一)②")
        .contains("型煤");
    // P4-R03: the report reaches the county government within 3 working days
    Task deliver = p4.task(c, DELIVER_REPORT);
    assertThat(p4.formKey(deliver)).isEqualTo(Forms.REPORT_DELIVERY);
    assertThat(deliver.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-11T18:00:00+08:00").toInstant());
    p4.work(deliver, officer(county), delivered("2026-11-06", county));

    Task dispose = p4.task(c, DISPOSE);
    assertThat(p4.candidateGroups(dispose)).containsExactly("county-government-hongtong");
    assertThat(dispose.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-20T18:00:00+08:00").toInstant());
    // a failed sample at a seller is a sale violation: it cannot be left out
    Http.Response noSale =
        p4.submit(
            dispose,
            government(county),
            Map.of(
                "violationSale",
                false,
                "violationStorageOrBurning",
                true,
                "disposalFindings",
                "仅储存"));
    assertThat(noSale.status()).isEqualTo(400);
    assertThat(noSale.json().get("message").asText()).contains("销售");
    p4.work(
        dispose,
        government(county),
        Map.of(
            "violationSale",
            true,
            "violationStorageOrBurning",
            true,
            "violationWarningPeriod",
            false,
            "disposalFindings",
            "该型煤厂销售不合格型煤，并在禁燃区内储存劣质煤，交办市场监管、生态环境部门查处"));

    // P4-R04: the table sends the sale to the county's market supervision, the storage to ecology
    // and environment
    List<Task> handlers = p4.tasks(c, HANDLE_VIOLATION);
    assertThat(handlers).hasSize(2);
    List<String> groups =
        handlers.stream().flatMap(t -> p4.candidateGroups(t).stream()).sorted().toList();
    assertThat(groups)
        .containsExactly("county-market-supervision-hongtong", "ecology-environment-bureau");
    for (Task t : handlers) {
      String group = p4.candidateGroups(t).get(0);
      String user =
          group.startsWith("county-") ? officer(county) : "demo-ecology-environment-bureau";
      p4.work(
          t,
          user,
          Map.of(
              "handlingMeasures",
              group.startsWith("county-")
                  ? "没收不合格型煤 12 吨及违法所得，立案处罚（洪市监罚〔2026〕88号）"
                  : "没收储存的劣质煤并依规处理",
              "handledOn",
              "2026-11-06"));
    }
    // X-R02: the county government sends it back once, then confirms
    Task closure = p4.task(c, CONFIRM_CLOSURE);
    assertThat(p4.formKey(closure)).isEqualTo(Forms.CLOSURE);
    assertThat((String) engine.getTaskService().getVariable(closure.getId(), "handlingLog"))
        .contains("洪洞县市场监督管理部门")
        .contains("市生态环境局");
    p4.work(closure, government(county), Map.of("approved", false, "opinion", "违法所得未列明金额，补充后再确认"));
    p4.work(
        p4.task(c, DISPOSE),
        government(county),
        Map.of(
            "violationSale",
            true,
            "violationStorageOrBurning",
            false,
            "violationWarningPeriod",
            false,
            "disposalFindings",
            "补充：违法所得 3600 元已没收"));
    p4.work(
        p4.task(c, HANDLE_VIOLATION),
        officer(county),
        Map.of("handlingMeasures", "违法所得 3600 元已上缴", "handledOn", "2026-11-06"));
    p4.work(
        p4.task(c, CONFIRM_CLOSURE),
        government(county),
        Map.of("approved", true, "opinion", "已闭环"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(c).count())
        .isZero();
    assertThat(ends(c)).containsExactlyInAnyOrder(LOOP_CLOSED, "EndEvent_DisposalClosed");
    JsonNode coverage = p4.as("demo-supervisors").get("/api/coal/coverage?month=2026-11").json();
    JsonNode row = row(coverage, county);
    assertThat(row.get("registered").asInt()).isEqualTo(1);
    assertThat(row.get("drawn").asInt()).isEqualTo(1);
    assertThat(row.get("sampled").asInt()).isEqualTo(1);
    assertThat(row.get("failed").asInt()).isEqualTo(1);
    assertThat(row.get("disposed").asInt()).isEqualTo(1);
    assertThat(row.get("percentSampled").asText()).isEqualTo("100.00");
  }

  @Test
  void P4_R02_a_no_coal_zone_sale_of_conforming_coal_still_fails() {
    County county = County.GUXIAN;
    at("2026-11-02T09:00:00");
    String code = p4.register(county, "no-coal", "supply-point");
    String round = p4.plan(county, "2026-11", null);
    confirmPlan(round, county, null);
    String c = p4.caseOf(round, code);
    at("2026-11-09T10:00:00");
    p4.work(p4.task(c, SAMPLE_ON_SITE), officer(county), sampled("2026-11-09", "anthracite"));
    p4.work(p4.task(c, RECORD_RESULT), officer(county), result(0.2, 5, 5, "2026-11-09"));
    assertThat(engine.getRuntimeService().getVariable(c, "conforms")).isEqualTo(false);
    assertThat(engine.getRuntimeService().getVariable(c, "conformityLabel")).isEqualTo("不合格");
    assertThat((String) engine.getRuntimeService().getVariable(c, "clause")).contains("禁煤区");
    p4.work(p4.task(c, DELIVER_REPORT), officer(county), delivered("2026-11-09", county));
    assertThat(p4.candidateGroups(p4.task(c, DISPOSE))).containsExactly("county-government-guxian");
  }

  // ------------------------------------------------------------------ deadlines and 督办

  @Test
  void X_R01_P4_R03_a_report_not_delivered_is_escalated_after_3_working_days_across_national_day() {
    County county = County.FUSHAN;
    at("2026-09-01T09:00:00");
    String code = p4.register(county, "other", "coal-seller");
    String round = p4.plan(county, "2026-09", null);
    confirmPlan(round, county, null);
    String c = p4.caseOf(round, code);
    at("2026-09-30T10:00:00");
    p4.work(p4.task(c, SAMPLE_ON_SITE), officer(county), sampled("2026-09-29", "bituminous"));
    p4.work(p4.task(c, RECORD_RESULT), officer(county), result(0.3, 12, 30, "2026-09-30"));
    assertThat(engine.getRuntimeService().getVariable(c, "conforms")).isEqualTo(true);

    // 30 Sep + 3 working days: 1–7 Oct National Day/Mid-Autumn holiday, 8–9 Oct, Saturday 10 Oct
    // worked
    String due = "2026-10-10T18:00:00+08:00";
    Task deliver = p4.task(c, DELIVER_REPORT);
    assertThat(deliver.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse(due).toInstant());
    Job late =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(c)
            .activityId(REPORT_LATE)
            .singleResult();
    assertThat(late.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse(due).toInstant());
    at("2026-10-10T18:01:00");
    engine.getManagementService().executeJob(late.getId());
    new ExternalTasks(engine)
        .run(
            cn.gov.linfen.fenhe.common.Escalating.TOPIC,
            p4.businessKey(c),
            new EscalateWorker(
                new cn.gov.linfen.fenhe.common.Escalating(java.time.ZoneId.of("Asia/Shanghai")),
                CoalSamplingDriver.clock(ClockUtil.getCurrentTime().toInstant())));
    assertThat(engine.getRuntimeService().getVariable(c, "reportLate")).isEqualTo(true);
    assertThat((String) engine.getRuntimeService().getVariable(c, "lastEscalation"))
        .contains("未在检测结果录入后 3 个工作日内送达");
    Task followUp = p4.task(c, FOLLOW_UP_REPORT);
    assertThat(p4.candidateGroups(followUp)).containsExactly("market-supervision-bureau");
    assertThat(p4.formKey(followUp)).isEqualTo(Forms.FOLLOW_UP);
    // nothing is cancelled: the delivery is still open, and done late
    p4.work(p4.task(c, DELIVER_REPORT), officer(county), delivered("2026-10-10", county));
    p4.work(followUp, CoalSamplingDriver.BUREAU, Map.of("followUpNote", "已约谈浮山县市场监管局，报告已于当日送达"));
    assertThat(ends(c)).containsExactlyInAnyOrder(CONFORMING, REPORT_FOLLOWED_UP);
  }

  @Test
  void P4_R03_a_disposal_not_closed_within_10_working_days_is_escalated() {
    County county = County.PUXIAN;
    at("2026-11-02T09:00:00");
    String code = p4.register(county, "other", "coal-seller");
    String round = p4.plan(county, "2026-11", null);
    confirmPlan(round, county, null);
    String c = p4.caseOf(round, code);
    at("2026-11-03T10:00:00");
    p4.work(p4.task(c, SAMPLE_ON_SITE), officer(county), sampled("2026-11-03", "bituminous"));
    p4.work(p4.task(c, RECORD_RESULT), officer(county), result(0.5, 12, 30, "2026-11-03"));
    assertThat(engine.getRuntimeService().getVariable(c, "conforms")).isEqualTo(false);
    p4.work(p4.task(c, DELIVER_REPORT), officer(county), delivered("2026-11-03", county));
    Job late =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(c)
            .activityId(DISPOSAL_LATE)
            .singleResult();
    assertThat(late.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-17T18:00:00+08:00").toInstant());
    at("2026-11-17T18:01:00");
    engine.getManagementService().executeJob(late.getId());
    new ExternalTasks(engine)
        .run(
            cn.gov.linfen.fenhe.common.Escalating.TOPIC,
            p4.businessKey(c),
            new EscalateWorker(
                new cn.gov.linfen.fenhe.common.Escalating(java.time.ZoneId.of("Asia/Shanghai")),
                CoalSamplingDriver.clock(ClockUtil.getCurrentTime().toInstant())));
    assertThat(engine.getRuntimeService().getVariable(c, "disposalLate")).isEqualTo(true);
    p4.work(
        p4.task(c, FOLLOW_UP_DISPOSAL),
        CoalSamplingDriver.BUREAU,
        Map.of("followUpNote", "已督促蒲县人民政府限期处置"));
    p4.work(
        p4.task(c, DISPOSE),
        government(county),
        Map.of(
            "violationSale",
            true,
            "violationWarningPeriod",
            true,
            "disposalFindings",
            "重污染天气预警期间销售并使用劣质煤"));
    List<String> groups =
        p4.tasks(c, HANDLE_VIOLATION).stream()
            .flatMap(t -> p4.candidateGroups(t).stream())
            .sorted()
            .toList();
    assertThat(groups)
        .containsExactly("county-market-supervision-puxian", "public-security-bureau");
  }

  // ------------------------------------------------------------------ P4-R05 coverage

  @Test
  void
      P4_R05_a_month_below_20_percent_is_escalated_to_the_city_bureau_and_a_seller_not_sampled_does_not_count() {
    County county = County.JIXIAN;
    at("2026-10-01T09:00:00");
    for (int i = 0; i < 5; i++) {
      p4.register(county, "other", "supply-point");
    }
    String round = p4.plan(county, "2026-10", null);
    confirmPlan(round, county, null);
    String c =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(CoalQualitySamplingProcess.KEY)
            .rootProcessInstanceId(round)
            .singleResult()
            .getId();
    at("2026-10-12T10:00:00");
    p4.work(
        p4.task(c, SAMPLE_ON_SITE),
        officer(county),
        Map.of("samplingOutcome", "NOT_POSSIBLE", "notPossibleReason", "供应点已停业"));
    assertThat(ends(c)).containsExactly(NOT_SAMPLED);

    Job end = monthEnd(round);
    assertThat(end.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+08:00").toInstant());
    ClockUtil.setCurrentTime(end.getDuedate());
    engine.getManagementService().executeJob(end.getId());
    p4.runMonthEnd(p4.businessKey(round));
    Task followUp = p4.task(round, RoundElements.FOLLOW_UP_COVERAGE);
    assertThat(p4.candidateGroups(followUp)).containsExactly("market-supervision-bureau");
    assertThat((String) engine.getRuntimeService().getVariable(round, "lastEscalation"))
        .contains("吉县2026年10月")
        .contains("低于每月 20% 的要求");
    p4.work(followUp, CoalSamplingDriver.BUREAU, Map.of("followUpNote", "通报吉县，11 月补抽"));
    assertThat(ends(round))
        .contains(
            RoundElements.COVERAGE_ESCALATED, RoundElements.SAMPLES_CLOSED, RoundElements.END);

    JsonNode row =
        row(
            p4.as(CoalSamplingDriver.BUREAU).get("/api/coal/coverage?month=2026-10").json(),
            county);
    assertThat(row.get("registered").asInt()).isEqualTo(5);
    assertThat(row.get("drawn").asInt()).isEqualTo(1);
    assertThat(row.get("sampled").asInt()).isZero();
    assertThat(row.get("belowMonthlyTarget").asBoolean()).isTrue();
    assertThat(row.get("statusLabel").asText()).isEqualTo("低于 20%");
  }

  @Test
  void P4_R01_a_county_without_registered_sellers_draws_nothing() {
    at("2026-08-01T09:00:00");
    String round = p4.plan(County.DANING, "2026-08", null);
    assertThat(ends(round)).contains(RoundElements.NOTHING_TO_DRAW);
    Job end = monthEnd(round);
    ClockUtil.setCurrentTime(end.getDuedate());
    engine.getManagementService().executeJob(end.getId());
    p4.runMonthEnd(p4.businessKey(round));
    assertThat(ends(round)).contains(RoundElements.COVERAGE_MET, RoundElements.END);
  }

  @Test
  void P4_R01_the_monthly_timer_fires_on_the_1st_at_09_00_shanghai() {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(CoalQualitySamplingProcess.ROUND_KEY)
            .timers()
            .activityId(RoundElements.MONTHLY)
            .singleResult();
    assertThat(timer).isNotNull();
    OffsetDateTime due = timer.getDuedate().toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).isEqualTo(9);
    // only the city bureau starts a round by hand
    assertThat(
            p4.as("demo-enterprise")
                .post(
                    "/engine-rest/process-definition/key/"
                        + CoalQualitySamplingProcess.ROUND_KEY
                        + "/start",
                    "{}")
                .status())
        .isEqualTo(403);
  }
}
