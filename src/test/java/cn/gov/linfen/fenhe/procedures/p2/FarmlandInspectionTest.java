package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.InspectionElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Forms;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P2b farmland-inspection (临政办发〔2021〕18号 四): started by the engine clock on the 1st of every month,
 * one signed inspection record per township; in the first month of a quarter also one joint
 * inspection per county (natural resources with agriculture); a violation goes to the county
 * natural resources department as illegal land use.
 */
class FarmlandInspectionTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    for (String id : started) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()
          > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test clean-up");
      }
    }
  }

  Job startTimer() {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(FarmlandProcess.INSPECTION_KEY)
            .timers()
            .singleResult();
    assertThat(job).as("the monthly timer start").isNotNull();
    return job;
  }

  /** Fires the monthly timer at that moment; the instance it started. */
  ProcessInstance fireAt(OffsetDateTime when) {
    Set<String> before = ids();
    ClockUtil.setCurrentTime(Date.from(when.toInstant()));
    engine.getManagementService().executeJob(startTimer().getId());
    Set<String> after = ids();
    after.removeAll(before);
    assertThat(after).hasSize(1);
    started.addAll(after);
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(after.iterator().next())
        .singleResult();
  }

  Set<String> ids() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(FarmlandProcess.INSPECTION_KEY)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  List<Task> tasks(String instanceId, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instanceId)
        .taskDefinitionKey(key)
        .list();
  }

  List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId())
        .sorted()
        .toList();
  }

  static Map<String, Object> record(boolean violation) {
    return violation
        ? Map.of(
            "inspectionDate",
            "2027-01-01",
            "inspectors",
            "张三、李四",
            "inspectionFindings",
            "发现一处大棚改建为农家乐",
            "inspectionSigned",
            true,
            "violationFound",
            true,
            "violationDescription",
            "东屯里村设施农业用地擅自改变用途，建设农家乐餐厅")
        : Map.of(
            "inspectionDate",
            "2027-01-01",
            "inspectors",
            "王五",
            "inspectionFindings",
            "辖区设施农业用地均按备案使用",
            "inspectionSigned",
            true,
            "violationFound",
            false);
  }

  /** The townships of the 17 counties in the division data (P2-R11). */
  static final int TOWNSHIPS = 157;

  static Map<String, Object> confirmation(boolean confirmed) {
    return confirmed
        ? Map.of("agricultureInspectors", "赵六", "inspectionConfirmed", true)
        : Map.of(
            "agricultureInspectors",
            "赵六",
            "inspectionConfirmed",
            false,
            "confirmationOpinion",
            "漏记乔李镇两处新建大棚，请补充");
  }

  static Map<String, Object> publication() {
    return Map.of(
        "publishedOn",
        "2027-01-01",
        "publicationChannel",
        "县人民政府门户网站政府信息公开专栏",
        "filingsPublished",
        true,
        "ledgerPublished",
        true);
  }

  Task taskOf(String instanceId, String key, String county) {
    return tasks(instanceId, key).stream()
        .filter(t -> county.equals(engine.getTaskService().getVariable(t.getId(), "county")))
        .findFirst()
        .orElseThrow();
  }

  Http.Response claimAndSubmit(String user, Task task, Map<String, Object> variables) {
    Http http = as(user);
    assertThat(
            http.post(
                    "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}")
                .status())
        .isEqualTo(204);
    return http.post(
        "/engine-rest/task/" + task.getId() + "/submit-form",
        "{\"variables\":" + SoeReformFundScenario.variables(variables) + "}");
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  @Test
  void
      P2_R09_R10_January_starts_one_inspection_per_township_and_one_joint_inspection_per_county_and_a_violation_goes_to_illegal_land_use() {
    ProcessInstance january = fireAt(OffsetDateTime.parse("2027-01-01T09:00:01+08:00"));

    // the next round: 1 February, 09:00 in Shanghai
    assertThat(startTimer().getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-02-01T09:00:00+08:00").toInstant());
    List<Task> townships = tasks(january.getId(), TOWNSHIP_INSPECTION);
    assertThat(townships).hasSize(TOWNSHIPS); // every township of the 17 counties (P2-R11)
    Map<List<String>, Long> byGroup =
        townships.stream().collect(Collectors.groupingBy(this::groups, Collectors.counting()));
    assertThat(byGroup)
        .hasSize(17)
        .containsEntry(List.of("township-government-yaodu"), 24L)
        .containsEntry(List.of("township-government-houma"), 8L)
        .containsEntry(List.of("township-government-fenxi"), 7L);
    // township names repeat across counties (屯里镇 in 尧都区 and 吉县): county and township together are
    // unique
    assertThat(
            townships.stream()
                .map(
                    t ->
                        engine.getTaskService().getVariable(t.getId(), "county")
                            + "/"
                            + engine.getTaskService().getVariable(t.getId(), "township")))
        .contains("尧都区/屯里镇", "侯马市/上马街道", "洪洞县/大槐树镇")
        .doesNotHaveDuplicates();
    List<Task> counties = tasks(january.getId(), COUNTY_INSPECTION);
    assertThat(counties).hasSize(17);
    assertThat(counties.stream().map(this::groups))
        .contains(
            List.of("county-natural-resources-yaodu"), List.of("county-natural-resources-fenxi"));
    assertThat(townships).allMatch(t -> t.getDueDate() == null);

    // as the users see them (X-R03): each county only its own
    JsonNode yaodu =
        as("demo-township-government")
            .get(
                "/engine-rest/task?processInstanceId="
                    + january.getId()
                    + "&taskDefinitionKey="
                    + TOWNSHIP_INSPECTION
                    + "&maxResults=100")
            .json();
    assertThat(yaodu).hasSize(24);
    assertThat(
            as("demo-township-government-houma")
                .get(
                    "/engine-rest/task?processInstanceId="
                        + january.getId()
                        + "&taskDefinitionKey="
                        + TOWNSHIP_INSPECTION
                        + "&maxResults=100")
                .json())
        .hasSize(8);
    JsonNode joint =
        as("demo-county-natural-resources")
            .get(
                "/engine-rest/task?processInstanceId="
                    + january.getId()
                    + "&taskDefinitionKey="
                    + COUNTY_INSPECTION
                    + "&maxResults=100")
            .json();
    assertThat(joint).hasSize(1);

    // the township of 屯里镇 signs its record and reports a violation
    String tunli =
        townships.stream()
            .filter(
                t ->
                    "屯里镇".equals(engine.getTaskService().getVariable(t.getId(), "township"))
                        && "尧都区".equals(engine.getTaskService().getVariable(t.getId(), "county")))
            .findFirst()
            .orElseThrow()
            .getId();
    assertThat(
            as("admin")
                .get("/engine-rest/task/" + tunli + "/deployed-form")
                .json()
                .get("id")
                .asText())
        .isEqualTo(Forms.INSPECTION_RECORD);
    Http township = as("demo-township-government");
    assertThat(
            township
                .post(
                    "/engine-rest/task/" + tunli + "/claim",
                    "{\"userId\":\"demo-township-government\"}")
                .status())
        .isEqualTo(204);
    Map<String, Object> unsigned = new java.util.HashMap<>(record(true));
    unsigned.put("inspectionSigned", false);
    Http.Response refused =
        township.post(
            "/engine-rest/task/" + tunli + "/submit-form",
            "{\"variables\":" + SoeReformFundScenario.variables(unsigned) + "}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("inspectionSigned");
    Http.Response signed =
        township.post(
            "/engine-rest/task/" + tunli + "/submit-form",
            "{\"variables\":" + SoeReformFundScenario.variables(record(true)) + "}");
    assertThat(signed.status()).as(signed.toString()).isEqualTo(204);

    List<Task> handling = tasks(january.getId(), TOWNSHIP_ILLEGAL_LAND_USE);
    assertThat(handling).hasSize(1);
    assertThat(groups(handling.get(0))).containsExactly("county-natural-resources-yaodu");
    assertThat(
            as("admin")
                .get("/engine-rest/task/" + handling.get(0).getId() + "/deployed-form")
                .json()
                .get("id")
                .asText())
        .isEqualTo(Forms.ILLEGAL_LAND_USE);
    assertThat(engine.getTaskService().getVariable(handling.get(0).getId(), "violationDescription"))
        .isEqualTo("东屯里村设施农业用地擅自改变用途，建设农家乐餐厅");

    // every other record stays its own: no violation elsewhere
    for (Task task : tasks(january.getId(), TOWNSHIP_INSPECTION)) {
      assertThat(engine.getTaskService().getVariable(task.getId(), "violationFound")).isNull();
      engine.getTaskService().complete(task.getId(), record(false));
    }
    for (Task task : tasks(january.getId(), COUNTY_INSPECTION)) {
      engine.getTaskService().complete(task.getId(), record(false));
    }
    for (Task task : tasks(january.getId(), AGRICULTURE_CONFIRMS_INSPECTION)) {
      engine.getTaskService().complete(task.getId(), confirmation(true));
    }
    for (Task task : tasks(january.getId(), PUBLISH_FILINGS_AND_LEDGER)) {
      engine.getTaskService().complete(task.getId(), publication());
    }
    assertThat(tasks(january.getId(), TOWNSHIP_ILLEGAL_LAND_USE)).hasSize(1);
    assertThat(tasks(january.getId(), COUNTY_ILLEGAL_LAND_USE)).isEmpty();
    Http resources = as("demo-county-natural-resources");
    String handlingId = handling.get(0).getId();
    assertThat(
            resources
                .post(
                    "/engine-rest/task/" + handlingId + "/claim",
                    "{\"userId\":\"demo-county-natural-resources\"}")
                .status())
        .isEqualTo(204);
    Http.Response done =
        resources.post(
            "/engine-rest/task/" + handlingId + "/submit-form",
            "{\"variables\":{\"investigationResult\":{\"value\":\"已立案查处，责令限期恢复原状\"}}}");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);

    List<String> ends =
        engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(january.getId())
            .activityType("noneEndEvent")
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .toList();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(january.getId())
                .count())
        .isZero();
    assertThat(ends)
        .contains(
            END_MONTHLY, END_QUARTERLY, END_YEARLY_DISCLOSURE, "EndEvent_TownshipViolationHandled")
        .filteredOn("EndEvent_TownshipInspected"::equals)
        .hasSize(TOWNSHIPS - 1);
    // the ledger: every signed record stays in the history of its own inspection
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(january.getId())
                .variableName("inspectors")
                .list())
        .hasSize(TOWNSHIPS + 17);
  }

  @Test
  void P2_R09_February_starts_township_inspections_only() {
    ProcessInstance february = fireAt(OffsetDateTime.parse("2027-02-01T09:00:01+08:00"));

    assertThat(tasks(february.getId(), TOWNSHIP_INSPECTION)).hasSize(TOWNSHIPS);
    assertThat(tasks(february.getId(), COUNTY_INSPECTION)).isEmpty();
    assertThat(tasks(february.getId(), PUBLISH_FILINGS_AND_LEDGER)).isEmpty();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(february.getId())
                .activityId(END_NO_YEARLY_DISCLOSURE)
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(february.getId())
                .activityId(END_NO_JOINT_INSPECTION)
                .count())
        .isEqualTo(1);
    assertThat(startTimer().getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-03-01T09:00:00+08:00").toInstant());
  }

  @Test
  void
      P2_R12_the_quarterly_joint_inspection_is_recorded_by_natural_resources_and_confirmed_by_agriculture() {
    ProcessInstance april = fireAt(OffsetDateTime.parse("2027-04-01T09:00:01+08:00"));
    assertThat(tasks(april.getId(), PUBLISH_FILINGS_AND_LEDGER)).isEmpty(); // only in January
    Task record = taskOf(april.getId(), COUNTY_INSPECTION, "尧都区");
    assertThat(groups(record)).containsExactly("county-natural-resources-yaodu");
    assertThat(
            as("admin")
                .get("/engine-rest/task/" + record.getId() + "/deployed-form")
                .json()
                .get("id")
                .asText())
        .isEqualTo(Forms.INSPECTION_RECORD);
    Http.Response recorded = claimAndSubmit("demo-county-natural-resources", record, record(false));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(204);

    // the record is not final until the agriculture department confirms it
    Task confirm = taskOf(april.getId(), AGRICULTURE_CONFIRMS_INSPECTION, "尧都区");
    assertThat(groups(confirm)).containsExactly("county-agriculture-yaodu");
    assertThat(
            as("admin")
                .get("/engine-rest/task/" + confirm.getId() + "/deployed-form")
                .json()
                .get("id")
                .asText())
        .isEqualTo(Forms.INSPECTION_CONFIRMATION);
    assertThat(engine.getTaskService().getVariable(confirm.getId(), "inspectors")).isEqualTo("王五");
    Map<String, Object> noReason = new java.util.HashMap<>(confirmation(false));
    noReason.remove("confirmationOpinion");
    Http.Response refused = claimAndSubmit("demo-county-agriculture", confirm, noReason);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("confirmationOpinion", "不同意的意见");
    Http.Response disagreed =
        as("demo-county-agriculture")
            .post(
                "/engine-rest/task/" + confirm.getId() + "/submit-form",
                "{\"variables\":" + SoeReformFundScenario.variables(confirmation(false)) + "}");
    assertThat(disagreed.status()).as(disagreed.toString()).isEqualTo(204);

    // back to natural resources with the agriculture department's opinion; then confirmed
    Task again = taskOf(april.getId(), COUNTY_INSPECTION, "尧都区");
    assertThat(engine.getTaskService().getVariable(again.getId(), "confirmationOpinion"))
        .isEqualTo("漏记乔李镇两处新建大棚，请补充");
    assertThat(claimAndSubmit("demo-county-natural-resources", again, record(false)).status())
        .isEqualTo(204);
    Task confirmAgain = taskOf(april.getId(), AGRICULTURE_CONFIRMS_INSPECTION, "尧都区");
    assertThat(claimAndSubmit("demo-county-agriculture", confirmAgain, confirmation(true)).status())
        .isEqualTo(204);

    assertThat(tasks(april.getId(), COUNTY_INSPECTION))
        .hasSize(16); // the other counties' rounds go on untouched
    assertThat(tasks(april.getId(), AGRICULTURE_CONFIRMS_INSPECTION)).isEmpty();
    List<String> confirmations =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(april.getId())
            .variableName("agricultureInspectors")
            .list()
            .stream()
            .map(v -> (String) v.getValue())
            .filter(v -> v != null)
            .toList();
    assertThat(confirmations).containsExactly("赵六");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(april.getId())
                .activityId("EndEvent_CountyInspected")
                .finished()
                .count())
        .isEqualTo(1);
  }

  @Test
  void P2_R17_january_opens_the_yearly_publication_of_each_county_s_filings_and_ledger() {
    // a filed case of 尧都区 in 2026 (the history the task lists)
    ProcessInstance filed =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                FarmlandProcess.KEY,
                "P2-R17-" + java.util.UUID.randomUUID(),
                FarmlandScenario.application(Map.of("operatorName", "尧都区年度公开测试合作社")));
    started.add(filed.getId());
    engine
        .getRuntimeService()
        .setVariable(
            filed.getId(), "filingNumber", "尧都区屯里镇设施农业用地备〔2026〕" + filed.getBusinessKey() + "号");
    engine
        .getRuntimeService()
        .setVariable(
            filed.getId(),
            "filedAt",
            Date.from(OffsetDateTime.parse("2026-10-16T11:00:00+08:00").toInstant()));

    ProcessInstance january = fireAt(OffsetDateTime.parse("2027-01-01T09:00:01+08:00"));
    List<Task> publications = tasks(january.getId(), PUBLISH_FILINGS_AND_LEDGER);
    assertThat(publications).hasSize(17);
    Task yaodu = taskOf(january.getId(), PUBLISH_FILINGS_AND_LEDGER, "尧都区");
    assertThat(groups(yaodu))
        .containsExactly("county-agriculture-yaodu", "county-natural-resources-yaodu");
    assertThat(engine.getTaskService().getVariable(yaodu.getId(), "disclosureYear"))
        .isEqualTo(2026);
    assertThat((Integer) engine.getTaskService().getVariable(yaodu.getId(), "filingsOfYear"))
        .isGreaterThanOrEqualTo(1);
    assertThat((String) engine.getTaskService().getVariable(yaodu.getId(), "filingsOfYearList"))
        .contains(filed.getBusinessKey(), "尧都区年度公开测试合作社", "12.5 亩");
    Task houma = taskOf(january.getId(), PUBLISH_FILINGS_AND_LEDGER, "侯马市");
    assertThat((String) engine.getTaskService().getVariable(houma.getId(), "filingsOfYearList"))
        .doesNotContain(filed.getBusinessKey());
    assertThat(
            as("admin")
                .get("/engine-rest/task/" + yaodu.getId() + "/deployed-form")
                .json()
                .get("id")
                .asText())
        .isEqualTo(Forms.YEARLY_DISCLOSURE);

    Map<String, Object> ledgerMissing = new java.util.HashMap<>(publication());
    ledgerMissing.put("ledgerPublished", false);
    Http.Response refused = claimAndSubmit("demo-county-agriculture", yaodu, ledgerMissing);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("ledgerPublished", "台账");
    Http.Response published =
        as("demo-county-agriculture")
            .post(
                "/engine-rest/task/" + yaodu.getId() + "/submit-form",
                "{\"variables\":" + SoeReformFundScenario.variables(publication()) + "}");
    assertThat(published.status()).as(published.toString()).isEqualTo(204);
    assertThat(tasks(january.getId(), PUBLISH_FILINGS_AND_LEDGER)).hasSize(16);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(january.getId())
                .variableName("publicationChannel")
                .list()
                .stream()
                .filter(v -> v.getValue() != null)
                .count())
        .isEqualTo(1);
  }
}
