package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.workers.p3.ScrapSteelRewardProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.CreditCode;
import cn.gov.linfen.fenhe.workers.p3.ScrapSteelRewardProcess;
import cn.gov.linfen.fenhe.workers.p3.ScrapSteelRewardProcess.Decided;
import cn.gov.linfen.fenhe.workers.p3.ScrapSteelRewardProcess.Forms;
import cn.gov.linfen.fenhe.workers.p3.ScrapSteelRewardProcess.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one P3 case the way its users do — over REST, logged in as the demo user of the
 * step's group, claiming and submitting the task's form like Tasklist — and runs the real
 * workers. Every wait state has a default answer (the happy path); a test overrides only what
 * it is about. Each user task worked is recorded with its candidate groups, form and due date.
 */
final class ScrapSteelRewardScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** One answer: who completes the task and with what. */
  record Answer(String user, Function<ScrapSteelRewardScenario, Map<String, Object>> variables) {}

  /** A user task as it was met: the wiring the test asserts. */
  record Step(String taskKey, List<String> candidateGroups, String assignee, String formId, String due) {}

  private final ProcessEngine engine;
  private final String baseUrl;
  final String businessKey;
  final Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
  final Map<String, Answer> answers = new HashMap<>();
  final List<Step> steps = new ArrayList<>();
  String applicant = demo(Groups.ENTERPRISE);
  String county = "尧都区";
  String countySuffix = "";
  String processInstanceId;

  ScrapSteelRewardScenario(ProcessEngine engine, String baseUrl, String businessKey, Map<String, ExternalTaskHandler> workers) {
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

  /** A made-up unified social credit code with a valid GB 32100 check character. */
  static String newCreditCode() {
    StringBuilder code = new StringBuilder("91141002");
    for (int i = 0; i < 9; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.append(CreditCode.checkCharacter(code.toString())).toString();
  }

  private void defaults() {
    answers.put(COUNTY_REVIEW, new Answer(null, s -> approve("材料齐全，凭证属实，报市工信局")));
    on(INDUSTRY_IT_CONFIRMATION, demo(Groups.INDUSTRY_IT_BUREAU), approve("企业在工信部公告名单内，确认"));
    on(TAX_CONFIRMATION, demo(Groups.TAX_BUREAU), approve("实缴税额与征管系统一致"));
    on(FINANCE_CONFIRMATION, demo(Groups.FINANCE_BUREAU), approve("留成比例和奖励金额无误"));
    answers.put(CORRECT_APPLICATION, new Answer(null, s -> Map.of("applicantDecision", Decided.RESUBMIT)));
    answers.put(CITY_DISBURSEMENT, new Answer(demo(Groups.FINANCE_BUREAU),
        s -> Map.of("cityPaidAmount", s.variable("rewardCity"), "cityPaymentVoucher", "LFCZ-2026-0718")));
    answers.put(COUNTY_DISBURSEMENT, new Answer(null,
        s -> Map.of("countyPaidAmount", s.variable("rewardCounty"), "countyPaymentVoucher", "XCZ-2026-0031")));
    on(FOLLOW_UP_DUE_SOON, demo(Groups.INDUSTRY_IT_BUREAU), Map.of("followUpNote", "已提醒市财政、县财政抓紧拨付"));
    on(FOLLOW_UP_OVERDUE, demo(Groups.INDUSTRY_IT_BUREAU), Map.of("followUpNote", "已约谈县财政局，限期三日内拨付"));
  }

  /** The county officer of the case's county (demo-county-industry-it is in 尧都区, …-houma in 侯马市). */
  String countyUser(String role) {
    return demo(role) + countySuffix;
  }

  ScrapSteelRewardScenario inHouma() {
    county = "侯马市";
    countySuffix = "-houma";
    return this;
  }

  /** An application (taxes in yuan, as text as the form sends them). */
  Map<String, Object> application(String creditCode) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("enterpriseName", "临汾市示例废钢加工有限公司");
    variables.put("creditCode", creditCode);
    variables.put("county", county);
    variables.put("vatPaid", "1000000.00");
    variables.put("urbanConstructionTax", "70000.00");
    variables.put("educationSurcharge", "30000.00");
    variables.put("localEducationSurcharge", "20000.00");
    variables.put("stampDuty", "3000.00");
    variables.put("taxVouchersAttached", true);
    variables.put("salesVouchersAttached", true);
    return variables;
  }

  ScrapSteelRewardScenario on(String taskKey, String user, Map<String, Object> variables) {
    answers.put(taskKey, new Answer(user, s -> variables));
    return this;
  }

  Http as(String user) {
    return Http.as(baseUrl, user, IntegrationTest.DEMO_PASSWORD);
  }

  /** Starts the case over REST as the applicant; asserts it was accepted. */
  ScrapSteelRewardScenario start(Map<String, Object> variables) {
    Http.Response response = startAs(applicant, variables);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    processInstanceId = response.json().get("id").asText();
    return this;
  }

  Http.Response startAs(String user, Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("businessKey", businessKey);
    ObjectNode vars = body.putObject("variables");
    variables.forEach((name, value) -> vars.putObject(name).set("value", JSON.valueToTree(value)));
    return as(user).post("/engine-rest/process-definition/key/" + ScrapSteelRewardProcess.KEY + "/start", body.toString());
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(processInstanceId, name);
  }

  Object historicVariable(String name) {
    var found = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list();
    return found.stream().filter(v -> processInstanceId.equals(v.getActivityInstanceId())).findFirst()
        .or(() -> found.stream().findFirst()).map(v -> v.getValue()).orElse(null);
  }

  List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
  }

  List<String> openTaskKeys() {
    return openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  /** Runs workers and completes the open tasks with their answers until one of the stops is open, or the case ends. */
  ScrapSteelRewardScenario runUntil(String... stops) {
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
        work(task.getTaskDefinitionKey());
        progressed = true;
      }
      if (!progressed) {
        return this;
      }
    }
    throw new AssertionError("the case did not settle");
  }

  /** Works the task with its default answer. */
  void work(String taskKey) {
    Answer answer = answers.get(taskKey);
    assertThat(answer).as("an answer for " + taskKey).isNotNull();
    work(taskKey, userOf(taskKey), answer.variables().apply(this));
  }

  String userOf(String taskKey) {
    Answer answer = answers.get(taskKey);
    if (answer != null && answer.user() != null) {
      return answer.user();
    }
    return switch (taskKey) {
      case COUNTY_REVIEW -> countyUser(Groups.COUNTY_INDUSTRY_IT);
      case COUNTY_DISBURSEMENT -> countyUser(Groups.COUNTY_FINANCE);
      default -> applicant;
    };
  }

  /** The variables the task's form is loaded with, as the user sees them. */
  JsonNode formVariables(String taskKey, String user) {
    String id = task(taskKey, user).get("id").asText();
    Http.Response response = as(user).get("/engine-rest/task/" + id + "/form-variables");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The task as the user sees it over REST (exactly one). */
  JsonNode task(String taskKey, String user) {
    Http.Response response = as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskKey + "&maxResults=10");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json()).as(user + " sees " + taskKey).hasSize(1);
    return response.json().get(0);
  }

  /** How many tasks of this case the user sees. */
  int tasksSeenBy(String user) {
    return as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=50").json().size();
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
    ObjectNode vars = body.putObject("variables");
    variables.forEach((name, value) -> vars.putObject(name).set("value", JSON.valueToTree(value)));
    return http.post("/engine-rest/task/" + id + "/submit-form", body.toString());
  }

  private Step step(JsonNode task) {
    String id = task.get("id").asText();
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(id).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).sorted().toList();
    Http.Response form = as("admin").get("/engine-rest/task/" + id + "/deployed-form");
    assertThat(form.status()).as("deployed form of " + task.get("taskDefinitionKey").asText()).isEqualTo(200);
    return new Step(task.get("taskDefinitionKey").asText(), groups,
        task.get("assignee").isNull() ? null : task.get("assignee").asText(), form.json().get("id").asText(),
        task.get("due").isNull() ? null : task.get("due").asText());
  }

  List<String> worked() {
    return steps.stream().map(Step::taskKey).toList();
  }

  /** The top-level end events the case reached. */
  List<String> topLevelEnds() {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .list().stream()
        .filter(a -> a.getActivityType().endsWith("EndEvent") && a.getParentActivityInstanceId().equals(processInstanceId))
        .map(HistoricActivityInstance::getActivityId).sorted().toList();
  }

  /** Forms expected per task kind (the contract of the model). */
  static final Map<String, String> FORMS = Map.of(
      COUNTY_REVIEW, Forms.COUNTY_REVIEW,
      INDUSTRY_IT_CONFIRMATION, Forms.CITY_CONFIRMATION,
      TAX_CONFIRMATION, Forms.CITY_CONFIRMATION,
      FINANCE_CONFIRMATION, Forms.CITY_CONFIRMATION,
      CORRECT_APPLICATION, Forms.CORRECTION,
      CITY_DISBURSEMENT, Forms.CITY_DISBURSEMENT,
      COUNTY_DISBURSEMENT, Forms.COUNTY_DISBURSEMENT,
      FOLLOW_UP_DUE_SOON, Forms.FOLLOW_UP,
      FOLLOW_UP_OVERDUE, Forms.FOLLOW_UP);

  /** Candidate groups expected per task kind (none: assigned to the applicant). */
  Map<String, List<String>> groups() {
    String code = "尧都区".equals(county) ? "yaodu" : "houma";
    return Map.of(
        COUNTY_REVIEW, List.of(Groups.COUNTY_INDUSTRY_IT + "-" + code),
        INDUSTRY_IT_CONFIRMATION, List.of(Groups.INDUSTRY_IT_BUREAU),
        TAX_CONFIRMATION, List.of(Groups.TAX_BUREAU),
        FINANCE_CONFIRMATION, List.of(Groups.FINANCE_BUREAU),
        CORRECT_APPLICATION, List.of(),
        CITY_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU),
        COUNTY_DISBURSEMENT, List.of(Groups.COUNTY_FINANCE + "-" + code),
        FOLLOW_UP_DUE_SOON, List.of(Groups.INDUSTRY_IT_BUREAU),
        FOLLOW_UP_OVERDUE, List.of(Groups.INDUSTRY_IT_BUREAU));
  }

  /** Tasks that carry the case's 3-month deadline (P3-R06). */
  static final Set<String> DUE_AT_TASKS = Set.of(COUNTY_REVIEW, INDUSTRY_IT_CONFIRMATION, TAX_CONFIRMATION,
      FINANCE_CONFIRMATION, CITY_DISBURSEMENT, COUNTY_DISBURSEMENT);

  /** Every step worked had the candidate groups and form of its kind; the review, confirmation and disbursement tasks the case's deadline. */
  void assertWiring(String expectedDue) {
    Map<String, List<String>> groups = groups();
    for (Step step : steps) {
      assertThat(step.formId()).as("form of " + step.taskKey()).isEqualTo(FORMS.get(step.taskKey()));
      assertThat(step.candidateGroups()).as("candidate groups of " + step.taskKey()).isEqualTo(groups.get(step.taskKey()));
      if (groups.get(step.taskKey()).isEmpty()) {
        assertThat(step.assignee()).as("assignee of " + step.taskKey()).isEqualTo(applicant);
      }
      if (DUE_AT_TASKS.contains(step.taskKey())) {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNotNull();
        assertThat(SoeReformFundScenario.restDate(step.due()).toInstant())
            .as("due date of " + step.taskKey()).isEqualTo(java.time.OffsetDateTime.parse(expectedDue).toInstant());
      } else {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNull();
      }
    }
  }
}
