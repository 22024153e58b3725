package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Decided;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Forms;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one P1 case the way its users do — over REST, logged in as the demo user of the
 * step's group, claiming and submitting the task's form like Tasklist — and runs the real
 * workers. Every wait state has a default answer (the happy path); a test overrides only what
 * it is about. Each user task worked is recorded with its candidate groups, form and due date.
 */
final class SoeReformFundScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /** Tasks that wait for a person's own initiative: never completed by default. */
  static final Set<String> STANDING = Set.of(WITHDRAW, SUPERVISE_DISBURSEMENT);

  /** A Json-typed variable (a form's checklist or dynamic list). */
  record Json(String text) {}

  /** One answer: who completes the task and with what. */
  record Answer(String user, Function<SoeReformFundScenario, Map<String, Object>> variables) {}

  /** A user task as it was met: the wiring the test asserts. */
  record Step(String taskKey, String name, List<String> candidateGroups, String assignee, String formId, String due) {}

  private final ProcessEngine engine;
  private final String baseUrl;
  final String businessKey;
  final Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
  final Map<String, Answer> answers = new HashMap<>();
  final List<Step> steps = new ArrayList<>();
  String applicant = demo(Groups.LIQUIDATION_TEAM);
  String applicantPassword = IntegrationTest.DEMO_PASSWORD;
  String processInstanceId;

  SoeReformFundScenario(ProcessEngine engine, String baseUrl, String businessKey, Map<String, ExternalTaskHandler> workers) {
    this.engine = engine;
    this.baseUrl = baseUrl;
    this.businessKey = businessKey;
    this.workers.putAll(workers);
    defaults();
  }

  static String demo(String group) {
    return "demo-" + group;
  }

  static Map<String, Object> approve(String opinion) {
    return Map.of("approved", true, "opinion", opinion);
  }

  static Map<String, Object> reject(String opinion) {
    return Map.of("approved", false, "opinion", opinion);
  }

  private void defaults() {
    on(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), approve("同意上报市企改办"));
    on(COMPLETENESS_CHECK, demo(Groups.REFORM_OFFICE), approve("材料齐全"));
    on(SUPERVISING_DEPARTMENT_COST_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), approve("清算费用、工资和生活费属实"));
    on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), approve("经济补偿金、养老和工伤保险核算无误"));
    on(MEDICAL_INSURANCE_REVIEW, demo(Groups.MEDICAL_INSURANCE_BUREAU), approve("医保欠费属实"));
    on(HEALTH_COMMISSION_REVIEW, demo(Groups.HEALTH_COMMISSION), approve("独生子女费属实"));
    on(SASAC_REVIEW, demo(Groups.SASAC), approve("生活补助符合标准"));
    on(FISCAL_REVIEW, demo(Groups.FINANCE_BUREAU), approve("财政评审通过"));
    on(GOVERNMENT_PROCUREMENT, demo(Groups.SUPERVISING_DEPARTMENT),
        Map.of("procurementReference", "LFCG-2026-0088", "procurementResult", "已完成采购"));
    on(FINANCE_RECHECK, demo(Groups.FINANCE_BUREAU), approve("复核无误"));
    on(REFORM_OFFICE_SIGN_OFF, demo(Groups.REFORM_OFFICE), approve("同意"));
    on(MUNICIPAL_GOVERNMENT_SIGN_OFF, demo(Groups.MUNICIPAL_GOVERNMENT), approve("同意"));
    answers.put(COMPLETE_MATERIALS, new Answer(null, s -> Map.of("submittedAttachments", allAttachments())));
    answers.put(CORRECT_APPLICATION, new Answer(null, s -> Map.of("applicantDecision", Decided.RESUBMIT)));
    answers.put(PREPARE_NOTICE, new Answer(demo(Groups.REFORM_OFFICE), s -> notice(s.variable("requestedAmount"))));
    answers.put(TRANSFER_FUNDS, new Answer(demo(Groups.JILIN_INVESTMENT),
        s -> Map.of("transferredAmount", s.variable("disbursementAmount"), "transferVoucherNumber", "JL-HZ-0001")));
    on(FOLLOW_UP_OVERDUE_TRANSFER, demo(Groups.REFORM_OFFICE), Map.of("followUpNote", "已电话督促济林公司当日完成划转"));
    on(DECIDE_SUSPENDED_DISBURSEMENT, demo(Groups.FINANCE_BUREAU),
        Map.of("suspensionDecision", Decided.RESUME, "suspensionDecisionNote", "已整改到位"));
  }

  static Map<String, Object> notice(Object amount) {
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("approvedAmount", amount);
    notice.put("disbursementType", Decided.PAY);
    notice.put("disbursementAmount", amount);
    notice.put("accountName", "临汾市某主管局");
    notice.put("accountNumber", "1410 0123 4567 8901");
    notice.put("bankName", "中国工商银行临汾分行");
    notice.put("bankCode", "102171000019");
    notice.put("accountContact", "王会计");
    notice.put("accountContactPhone", "0357-2012345");
    return notice;
  }

  static Json allAttachments() {
    return new Json("[\"APPLICATION_REPORT\",\"REFORM_PLAN\",\"LEADING_GROUP_APPROVAL\",\"AUDIT_REPORTS\","
        + "\"COST_ESTIMATE\",\"ASSET_REALIZATION_TABLE\",\"OTHER\"]");
  }

  /** An application of a liquidation (amounts in yuan, as text as the form sends them). */
  static Map<String, Object> application(Map<String, Object> amounts) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("enterpriseName", "临汾市第二机械厂");
    variables.put("reformType", SoeReformFundProcess.ReformTypes.LIQUIDATION);
    variables.put("supervisingDepartmentName", "临汾市工业和信息化局");
    variables.put("legalRepresentative", "张建国");
    variables.put("legalRepresentativePhone", "0357-2088001");
    variables.put("liquidationTeamLeader", "李清");
    variables.put("liquidationTeamLeaderPhone", "13903570001");
    variables.put("employeeCount", 320);
    variables.put("totalReformCost", "5000000.00");
    variables.put("assetRealization", "1500000.00");
    variables.put("landProceeds", "2000000.00");
    variables.put("fundPurpose", "支付职工安置费用及清算费用");
    variables.put("submittedAttachments", allAttachments());
    variables.putAll(amounts);
    return variables;
  }

  SoeReformFundScenario on(String taskKey, String user, Map<String, Object> variables) {
    answers.put(taskKey, new Answer(user, s -> variables));
    return this;
  }

  Http as(String user) {
    String password = user.equals(applicant) ? applicantPassword : IntegrationTest.DEMO_PASSWORD;
    return Http.as(baseUrl, user, password);
  }

  /** Starts the case over REST as the applicant; asserts it was accepted. */
  SoeReformFundScenario start(Map<String, Object> variables) {
    Http.Response response = startAs(applicant, variables);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    processInstanceId = response.json().get("id").asText();
    return this;
  }

  Http.Response startAs(String user, Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("businessKey", businessKey);
    body.set("variables", variables(variables));
    return as(user).post("/engine-rest/process-definition/key/" + SoeReformFundProcess.KEY + "/start", body.toString());
  }

  static ObjectNode variables(Map<String, Object> variables) {
    ObjectNode node = JSON.createObjectNode();
    variables.forEach((name, value) -> {
      ObjectNode variable = node.putObject(name);
      if (value instanceof Json json) {
        variable.put("value", json.text());
        variable.put("type", "Json");
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    return node;
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(processInstanceId, name);
  }

  Object historicVariable(String name) {
    var found = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list();
    return found.stream().filter(v -> v.getActivityInstanceId() != null
        && v.getActivityInstanceId().equals(processInstanceId)).findFirst()
        .or(() -> found.stream().findFirst()).map(v -> v.getValue()).orElse(null);
  }

  List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
  }

  List<String> openTaskKeys() {
    return openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** Works the task with its default answer. */
  void work(String taskKey) {
    Answer answer = answers.get(taskKey);
    work(taskKey, answer.user() == null ? applicant : answer.user(), answer.variables().apply(this));
  }

  /** The variables the task's form is loaded with, as the user sees them. */
  JsonNode formVariables(String taskKey, String user) {
    String id = task(taskKey, user).get("id").asText();
    Http.Response response = as(user).get("/engine-rest/task/" + id + "/form-variables");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  Task openTask(String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult();
  }

  boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  /** Runs workers and completes the open tasks with their answers until one of the stops is open, or the case ends. */
  SoeReformFundScenario runUntil(String... stops) {
    Set<String> stopAt = Set.of(stops);
    for (int round = 0; round < 100; round++) {
      boolean progressed = false;
      ExternalTasks external = new ExternalTasks(engine);
      for (Map.Entry<String, ExternalTaskHandler> worker : workers.entrySet()) {
        progressed |= external.run(worker.getKey(), businessKey, worker.getValue()) > 0;
      }
      if (ended()) {
        return this;
      }
      List<Task> open = openTasks();
      if (open.stream().anyMatch(t -> stopAt.contains(t.getTaskDefinitionKey()))) {
        return this;
      }
      for (Task task : open) {
        if (STANDING.contains(task.getTaskDefinitionKey()) || stopAt.contains(task.getTaskDefinitionKey())) {
          continue;
        }
        Answer answer = answers.get(task.getTaskDefinitionKey());
        assertThat(answer).as("an answer for " + task.getTaskDefinitionKey()).isNotNull();
        work(task.getTaskDefinitionKey(), answer.user() == null ? applicant : answer.user(), answer.variables().apply(this));
        progressed = true;
      }
      if (!progressed) {
        return this;
      }
    }
    throw new AssertionError("the case did not settle");
  }

  /** The task as the user sees it over REST (exactly one), recorded with its wiring. */
  JsonNode task(String taskKey, String user) {
    Http.Response response = as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskKey + "&maxResults=10");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json()).as(user + " sees " + taskKey).hasSize(1);
    return response.json().get(0);
  }

  /** Works a task like Tasklist: find it, claim it (unless assigned), submit its form. Records the step. */
  void work(String taskKey, String user, Map<String, Object> variables) {
    Http.Response response = submit(taskKey, user, variables);
    assertThat(response.status()).as(taskKey + " by " + user + ": " + response).isEqualTo(204);
  }

  Http.Response submit(String taskKey, String user, Map<String, Object> variables) {
    JsonNode task = task(taskKey, user);
    String id = task.get("id").asText();
    steps.add(step(task));
    Http http = as(user);
    if (task.get("assignee").isNull()) {
      Http.Response claim = http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
      assertThat(claim.status()).as("claim " + taskKey + " by " + user + ": " + claim).isEqualTo(204);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables(variables));
    return http.post("/engine-rest/task/" + id + "/submit-form", body.toString());
  }

  private Step step(JsonNode task) {
    String id = task.get("id").asText();
    TaskService tasks = engine.getTaskService();
    List<String> groups = tasks.getIdentityLinksForTask(id).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).sorted().toList();
    Http.Response form = as("admin").get("/engine-rest/task/" + id + "/deployed-form");
    assertThat(form.status()).as("deployed form of " + task.get("taskDefinitionKey").asText()).isEqualTo(200);
    return new Step(task.get("taskDefinitionKey").asText(), task.get("name").asText(), groups,
        task.get("assignee").isNull() ? null : task.get("assignee").asText(), form.json().get("id").asText(),
        task.get("due").isNull() ? null : task.get("due").asText());
  }

  Step stepOf(String taskKey) {
    return steps.stream().filter(s -> s.taskKey().equals(taskKey)).findFirst()
        .orElseThrow(() -> new AssertionError(taskKey + " was not worked; worked: " + steps.stream().map(Step::taskKey).toList()));
  }

  List<String> worked() {
    return steps.stream().map(Step::taskKey).toList();
  }

  static OffsetDateTime restDate(String text) {
    return OffsetDateTime.parse(text, REST_DATE);
  }

  String endEvent() {
    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    assertThat(instance.getEndTime()).as("the case has ended").isNotNull();
    return instance.getEndActivityId() != null ? instance.getEndActivityId()
        : history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityType("noneEndEvent")
            .list().stream().map(HistoricActivityInstance::getActivityId).findFirst().orElse(null);
  }

  List<String> historicActivities() {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list()
        .stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  /** The top-level end event the case reached. */
  String topLevelEnd() {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .list().stream()
        .filter(a -> a.getActivityType().endsWith("EndEvent") && a.getParentActivityInstanceId().equals(processInstanceId))
        .map(HistoricActivityInstance::getActivityId).findFirst().orElse(null);
  }

  /** Forms expected per task kind (the contract of the models). */
  static final Map<String, String> FORMS = Map.ofEntries(
      Map.entry(INITIAL_REVIEW, Forms.INITIAL_REVIEW),
      Map.entry(COMPLETENESS_CHECK, Forms.COMPLETENESS_CHECK),
      Map.entry(COMPLETE_MATERIALS, Forms.COMPLETE_MATERIALS),
      Map.entry(SUPERVISING_DEPARTMENT_COST_REVIEW, Forms.REVIEW_SUPERVISING_DEPARTMENT),
      Map.entry(HRSS_REVIEW, Forms.REVIEW_HRSS),
      Map.entry(MEDICAL_INSURANCE_REVIEW, Forms.REVIEW_MEDICAL_INSURANCE),
      Map.entry(HEALTH_COMMISSION_REVIEW, Forms.REVIEW_HEALTH_COMMISSION),
      Map.entry(SASAC_REVIEW, Forms.REVIEW_SASAC),
      Map.entry(FISCAL_REVIEW, Forms.FISCAL_REVIEW),
      Map.entry(GOVERNMENT_PROCUREMENT, Forms.PROCUREMENT),
      Map.entry(FINANCE_RECHECK, Forms.FINANCE_RECHECK),
      Map.entry(REFORM_OFFICE_SIGN_OFF, Forms.SIGN_OFF),
      Map.entry(MUNICIPAL_GOVERNMENT_SIGN_OFF, Forms.SIGN_OFF),
      Map.entry(CORRECT_APPLICATION, Forms.CORRECTION),
      Map.entry(WITHDRAW, Forms.WITHDRAW),
      Map.entry(PREPARE_NOTICE, Forms.DISBURSEMENT_NOTICE),
      Map.entry(TRANSFER_FUNDS, Forms.TRANSFER),
      Map.entry(FOLLOW_UP_OVERDUE_TRANSFER, Forms.OVERDUE_FOLLOW_UP),
      Map.entry(SUPERVISE_DISBURSEMENT, Forms.DISBURSEMENT_SUPERVISION),
      Map.entry(DECIDE_SUSPENDED_DISBURSEMENT, Forms.SUSPENSION_DECISION));

  /** Candidate groups expected per task kind (none: assigned to the applicant). */
  static final Map<String, List<String>> GROUPS = Map.ofEntries(
      Map.entry(INITIAL_REVIEW, List.of(Groups.SUPERVISING_DEPARTMENT)),
      Map.entry(COMPLETENESS_CHECK, List.of(Groups.REFORM_OFFICE)),
      Map.entry(COMPLETE_MATERIALS, List.of()),
      Map.entry(SUPERVISING_DEPARTMENT_COST_REVIEW, List.of(Groups.SUPERVISING_DEPARTMENT)),
      Map.entry(HRSS_REVIEW, List.of(Groups.HRSS_BUREAU)),
      Map.entry(MEDICAL_INSURANCE_REVIEW, List.of(Groups.MEDICAL_INSURANCE_BUREAU)),
      Map.entry(HEALTH_COMMISSION_REVIEW, List.of(Groups.HEALTH_COMMISSION)),
      Map.entry(SASAC_REVIEW, List.of(Groups.SASAC)),
      Map.entry(FISCAL_REVIEW, List.of(Groups.FINANCE_BUREAU)),
      Map.entry(GOVERNMENT_PROCUREMENT, List.of(Groups.SUPERVISING_DEPARTMENT)),
      Map.entry(FINANCE_RECHECK, List.of(Groups.FINANCE_BUREAU)),
      Map.entry(REFORM_OFFICE_SIGN_OFF, List.of(Groups.REFORM_OFFICE)),
      Map.entry(MUNICIPAL_GOVERNMENT_SIGN_OFF, List.of(Groups.MUNICIPAL_GOVERNMENT)),
      Map.entry(CORRECT_APPLICATION, List.of()),
      Map.entry(WITHDRAW, List.of()),
      Map.entry(PREPARE_NOTICE, List.of(Groups.REFORM_OFFICE)),
      Map.entry(TRANSFER_FUNDS, List.of(Groups.JILIN_INVESTMENT)),
      Map.entry(FOLLOW_UP_OVERDUE_TRANSFER, List.of(Groups.FINANCE_BUREAU, Groups.REFORM_OFFICE)),
      Map.entry(SUPERVISE_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU)),
      Map.entry(DECIDE_SUSPENDED_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU)));

  /** Every step worked had the candidate groups and the form of its kind, and no due date but the transfer's. */
  void assertWiring() {
    for (Step step : steps) {
      assertThat(step.formId()).as("form of " + step.taskKey()).isEqualTo(FORMS.get(step.taskKey()));
      assertThat(step.candidateGroups()).as("candidate groups of " + step.taskKey()).isEqualTo(GROUPS.get(step.taskKey()));
      if (GROUPS.get(step.taskKey()).isEmpty()) {
        assertThat(step.assignee()).as("assignee of " + step.taskKey()).isEqualTo(applicant);
      }
      if (step.taskKey().equals(TRANSFER_FUNDS)) {
        assertThat(step.due()).as("due date of the transfer").isNotNull();
      } else {
        assertThat(step.due()).as("due date of " + step.taskKey() + " (the gazette sets none)").isNull();
      }
    }
  }

  static Map<String, ExternalTaskHandler> workers(ExternalTaskHandler validate, ExternalTaskHandler staffing,
      ExternalTaskHandler notice, ExternalTaskHandler record, ExternalTaskHandler alert) {
    Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
    workers.put(Topics.VALIDATE_APPLICATION, validate);
    workers.put(Topics.CHECK_STAFFING_AND_PAY, staffing);
    workers.put(Topics.ISSUE_DISBURSEMENT_NOTICE, notice);
    workers.put(Topics.RECORD_TRANSFER, record);
    workers.put(Topics.RAISE_OVERDUE_ALERT, alert);
    return workers;
  }
}
