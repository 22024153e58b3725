package cn.gov.linfen.fenhe.procedures.p5;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.ActElements;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.ClueElements;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.MonthlyElements;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Topics;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p5.CheckActQualityWorker;
import cn.gov.linfen.fenhe.workers.p5.SubmitActWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P5 互联网+监管 end to end on the engine clock: the batch API (all or nothing), the quality check and
 * the submission with the real workers, the correction loop with its 督办, the monthly dynamics check
 * and the risk clue loop. Each test uses a department of its own.
 */
class SupervisionProcessTest extends IntegrationTest {

  static final String REGULATOR = "demo-regulator";
  static final String BUREAU = "demo-approval-service-bureau";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired CheckActQualityWorker quality;
  @Autowired SubmitActWorker submit;
  @Autowired EscalateWorker escalate;
  @Autowired ProvincialSupervisionSystem province;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(String shanghai) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(shanghai + "+08:00").toInstant()));
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  static String department() {
    return "市测试局" + UUID.randomUUID().toString().substring(0, 8);
  }

  void list(String department, String itemCode) {
    Http.Response put =
        as(REGULATOR)
            .put(
                "/api/supervision/lists/" + department + "/items/" + itemCode,
                "{\"itemName\":\"对食品经营者的监督检查\"}");
    assertThat(put.status()).as(put.toString()).isEqualTo(201);
  }

  static String act(String department, String itemCode, String creditCode, String actedAt) {
    return "{\"itemCode\":\""
        + itemCode
        + "\",\"objectName\":\"临汾市某食品有限公司\",\"objectCreditCode\":\""
        + creditCode
        + "\",\"method\":\"ON_SITE\",\"kind\":\"INSPECTION\",\"content\":\"食品经营许可与索证索票检查\","
        + "\"result\":\"未发现问题\",\"department\":\""
        + department
        + "\",\"inspectors\":[{\"name\":\"张三\",\"certificateNo\":\"14100012345\"}],"
        + "\"actedAt\":\""
        + actedAt
        + "\"}";
  }

  static final String VALID_CODE = "91141000MA0K00000X";

  static String validCode() {
    String first = "91141000MA0K" + String.format("%05d", 12345);
    return first + cn.gov.linfen.fenhe.common.CreditCode.checkCharacter(first);
  }

  /** Posts the acts; their keys. */
  List<String> post(String... acts) {
    Http.Response answer =
        as(REGULATOR).post("/api/supervision/acts", "{\"acts\":[" + String.join(",", acts) + "]}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    java.util.ArrayList<String> keys = new java.util.ArrayList<>();
    answer.json().get("actKeys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  String instance(String key) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .singleResult()
        .getId();
  }

  boolean ended(String key) {
    return engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .finished()
            .count()
        == 1;
  }

  void work(String key) {
    ExternalTasks tasks = new ExternalTasks(engine);
    tasks.run(Topics.CHECK_ACT_QUALITY, key, quality);
    tasks.run(Topics.SUBMIT_ACT, key, submit);
  }

  Map<String, Object> row(String key) {
    Map<String, Object> lower = new LinkedHashMap<>();
    jdbc.queryForMap("SELECT * FROM fenhe_p5_act WHERE act_key = ?", key)
        .forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return lower;
  }

  Task task(String processInstanceId, String activity) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(activity)
        .singleResult();
  }

  void fire(String processInstanceId, String activity) {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(activity)
            .singleResult();
    engine.getManagementService().executeJob(job.getId());
    new ExternalTasks(engine).run(Topics.ESCALATE, escalate);
  }

  // ------------------------------------------------------------------ X-R04 the batch

  @Test
  void
      X_R04_a_batch_with_one_refused_act_is_refused_naming_the_act_and_field_and_nothing_is_written() {
    at("2026-10-08T10:00:00");
    String department = department();
    String bad = act(department, "JC-001", "91141000MA0K000000", "2026-10-08T09:00:00");
    String future = act(department, "JC-001", validCode(), "2026-10-09T09:00:00");
    Http.Response answer =
        as(REGULATOR)
            .post(
                "/api/supervision/acts",
                "{\"acts\":["
                    + act(department, "JC-001", validCode(), "2026-10-08T09:00:00")
                    + ","
                    + bad
                    + ","
                    + future
                    + "]}");
    assertThat(answer.status()).isEqualTo(400);
    JsonNode errors = answer.json().get("errors");
    assertThat(errors.toString())
        .contains("acts[1].objectCreditCode")
        .contains("acts[2].actedAt")
        .contains("校验位");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM fenhe_p5_act WHERE department = ?",
                Integer.class,
                department))
        .isZero();
    // a county officer who is no regulator is refused
    assertThat(
            as("demo-approval-service-bureau")
                .post("/api/supervision/acts", "{\"acts\":[]}")
                .status())
        .isEqualTo(403);
  }

  // ------------------------------------------------------------------ P5-R01 on time

  @Test
  void
      P5_R01_an_act_on_the_thursday_after_national_day_is_late_after_18_00_on_9_october_and_a_holiday_act_is_due_on_8_october() {
    String department = department();
    list(department, "JC-100");
    at("2026-10-08T11:00:00");
    List<String> keys =
        post(
            act(department, "JC-100", validCode(), "2026-10-08T09:00:00"),
            act(department, "JC-100", validCode(), "2026-10-08T10:00:00"),
            act(department, "JC-100", validCode(), "2026-10-02T10:00:00"),
            act(department, "JC-100", validCode(), "2026-09-25T10:00:00"));
    assertThat(row(keys.get(0)).get("report_due").toString()).contains("2026-10-09");
    assertThat(row(keys.get(2)).get("report_due").toString()).contains("2026-10-08");
    assertThat(row(keys.get(3)).get("report_due").toString()).contains("2026-09-28");
    at("2026-10-09T17:59:00");
    work(keys.get(0));
    at("2026-10-09T18:00:01");
    work(keys.get(1));
    assertThat(ended(keys.get(0))).isTrue();
    assertThat(ended(keys.get(1))).isTrue();
    assertThat(row(keys.get(0)).get("on_time")).isEqualTo(true);
    assertThat(row(keys.get(1)).get("on_time")).isEqualTo(false);
    // sent once under its key; a repeated submission records nothing new
    RecordingProvincialSystem recording = (RecordingProvincialSystem) province;
    assertThat(recording.recorded(keys.get(0))).contains("JC-100");
    ProvincialSupervisionSystem.Receipt again =
        recording.submit(new ProvincialSupervisionSystem.Submission(keys.get(0), "{}"));
    assertThat(again.duplicate()).isTrue();
    assertThat(recording.recorded(keys.get(0))).contains("JC-100");
  }

  @Test
  void P5_R01_a_failed_submission_retries_and_ends_in_an_incident_nothing_lost() {
    String department = department();
    list(department, "JC-101");
    at("2026-10-08T11:00:00");
    String key = post(act(department, "JC-101", validCode(), "2026-10-08T09:00:00")).get(0);
    ExternalTasks tasks = new ExternalTasks(engine);
    tasks.run(Topics.CHECK_ACT_QUALITY, key, quality);
    ((RecordingProvincialSystem) province).failNext(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tasks.run(Topics.SUBMIT_ACT, key, submit))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ended(key)).isFalse();
    engine
        .getExternalTaskService()
        .createExternalTaskQuery()
        .processInstanceId(instance(key))
        .list()
        .forEach(t -> engine.getExternalTaskService().unlock(t.getId()));
    tasks.run(Topics.SUBMIT_ACT, key, submit);
    assertThat(ended(key)).isTrue();
  }

  // ------------------------------------------------------------------ P5-R02 correction

  String abnormalAct(String department) {
    // the item is not on the department's list: 报送不一致
    String key = post(act(department, "JC-404", validCode(), "2026-10-08T09:00:00")).get(0);
    new ExternalTasks(engine).run(Topics.CHECK_ACT_QUALITY, key, quality);
    return key;
  }

  void correct(String key) {
    String pi = instance(key);
    Task correction = task(pi, ActElements.CORRECT);
    Map<String, Object> v = engine.getTaskService().getVariables(correction.getId());
    assertThat(v.get("itemCode")).isEqualTo("JC-404");
    assertThat((String) v.get("qualityFindings")).contains("不在").contains("检查实施清单");
    engine
        .getTaskService()
        .complete(correction.getId(), Map.of("itemCode", "JC-200", "correctionNote", "更正事项编码"));
    work(key);
    // re-checked and submitted (a 督办 follow-up, if any, stays with the bureau)
    assertThat(row(key).get("submitted_at")).isNotNull();
  }

  @Test
  void P5_R02_an_abnormal_act_corrected_on_the_3rd_working_day_is_in_time() {
    String department = department();
    list(department, "JC-200");
    at("2026-10-08T11:00:00");
    String key = abnormalAct(department);
    Task correction = task(instance(key), ActElements.CORRECT);
    assertThat(correction.getDueDate().toInstant().toString()).isEqualTo("2026-10-12T10:00:00Z");
    at("2026-10-12T17:30:00");
    correct(key);
    assertThat(row(key).get("corrected_in_time")).isEqualTo(true);
  }

  @Test
  void
      an_acts_history_keeps_its_steps_tasks_and_every_value_of_the_act_and_leaves_out_the_repeated_rows() {
    String department = department();
    list(department, "JC-200");
    at("2026-10-08T11:00:00");
    String key = abnormalAct(department);
    String pi = instance(key);
    at("2026-10-09T10:00:00");
    correct(key);
    HistoryService history = engine.getHistoryService();
    List<HistoricDetail> updates =
        history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list();
    List<String> details =
        updates.stream()
            .filter(d -> d.getTaskId() == null)
            .map(d -> ((HistoricVariableUpdate) d).getVariableName())
            .toList();
    // the act as recorded and as corrected; of the others only the changes made after their first
    // value (the correction's, the re-check's): the first values are in the variables' own history
    assertThat(details.stream().filter("act"::equals)).hasSize(2);
    assertThat(details.stream().filter("regulatorGroup"::equals)).hasSize(1);
    assertThat(details.stream().filter("itemListed"::equals)).hasSize(1);
    assertThat(details.stream().filter("actAbnormal"::equals)).hasSize(1);
    assertThat(details).doesNotContain("receiptNo");
    // every variable's last value, the correction's own form values, steps and the task
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
        .extracting(v -> v.getName())
        .contains("act", "itemListed", "regulatorGroup", "actAbnormal", "receiptNo");
    assertThat(updates.stream().filter(d -> d.getTaskId() != null)).isNotEmpty();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).count())
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId("ServiceTask_CheckActQuality")
                .count())
        .isEqualTo(2);
    // no "created" or "completed" rows of its external tasks
    assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void P5_R02_an_abnormal_act_corrected_on_the_4th_working_day_is_late_with_escalation() {
    String department = department();
    list(department, "JC-200");
    at("2026-10-08T11:00:00");
    String key = abnormalAct(department);
    String pi = instance(key);
    at("2026-10-12T18:00:01");
    fire(pi, ActElements.CORRECTION_LATE);
    Map<String, Object> v = engine.getRuntimeService().getVariables(pi);
    assertThat(v.get("correctionLate")).isEqualTo(true);
    assertThat((String) v.get("lastEscalation")).contains("3 个工作日");
    assertThat(task(pi, ActElements.FOLLOW_UP_CORRECTION)).isNotNull();
    at("2026-10-13T10:00:00");
    correct(key);
    assertThat(row(key).get("corrected_in_time")).isEqualTo(false);
  }

  // ------------------------------------------------------------------ P5-R03 monthly quota

  @Test
  void P5_R03_a_county_with_9_dynamics_is_escalated_and_one_with_10_is_not() {
    at("2026-11-05T10:00:00");
    jdbc.update("DELETE FROM fenhe_p5_dynamic");
    for (int i = 0; i < 10; i++) {
      if (i < 9) {
        post("/api/supervision/dynamics", "{\"county\":\"吉县\",\"title\":\"吉县动态" + i + "\"}");
      }
      post("/api/supervision/dynamics", "{\"county\":\"隰县\",\"title\":\"隰县动态" + i + "\"}");
    }
    at("2026-12-01T09:00:00");
    String pi =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                SupervisionProcess.MONTHLY_KEY, Map.of("checkMonth", "2026-11"))
            .getId();
    Map<String, Object> v = engine.getRuntimeService().getVariables(pi);
    assertThat((String) v.get("shortfallSummary")).contains("吉县 9/10").doesNotContain("隰县");
    assertThat((String) v.get("shortfallGroups")).contains("county-approval-service-");
    new ExternalTasks(engine).run(Topics.ESCALATE, escalate);
    assertThat(task(pi, MonthlyElements.FOLLOW_UP)).isNotNull();
    assertThat((String) engine.getRuntimeService().getVariable(pi, "lastEscalation"))
        .contains("2026年11月");
  }

  void post(String path, String json) {
    Http.Response r = as(REGULATOR).post(path, json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  // ------------------------------------------------------------------ P5-R04 risk clue

  @Test
  void P5_R04_a_clue_runs_push_verify_handle_feedback_and_a_returned_one_runs_again() {
    at("2026-10-08T10:00:00");
    Http.Response pushed =
        as(BUREAU)
            .post(
                "/api/supervision/clues",
                "{\"clueTitle\":\"某超市销售过期食品风险\",\"clueContent\":\"模型预警\",\"objectName\":\"某超市\","
                    + "\"department\":\"市市场监督管理局\"}");
    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(201);
    String pi = pushed.json().get("processInstanceId").asText();
    Task verify = task(pi, ClueElements.VERIFY);
    assertThat(verify.getDueDate().toInstant().toString()).isEqualTo("2026-10-12T10:00:00Z");
    engine
        .getTaskService()
        .complete(verify.getId(), Map.of("clueConfirmed", true, "verifyFindings", "属实"));
    for (int round = 0; round < 2; round++) {
      Task handle = task(pi, ClueElements.HANDLE);
      engine
          .getTaskService()
          .complete(handle.getId(), Map.of("handlingMeasures", "下架并立案", "feedback", "已处置" + round));
      Task close = task(pi, ClueElements.CLOSE);
      if (round == 0) {
        engine
            .getTaskService()
            .complete(close.getId(), Map.of("approved", false, "opinion", "补充立案材料"));
      } else {
        engine.getTaskService().complete(close.getId(), Map.of("approved", true, "opinion", ""));
      }
    }
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(ClueElements.HANDLE)
                .count())
        .isEqualTo(2);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(ClueElements.CLOSED)
                .count())
        .isEqualTo(1);
  }
}
