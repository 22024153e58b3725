package cn.gov.linfen.fenhe.procedures.p4;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Topics;
import cn.gov.linfen.fenhe.test.CaseScenario;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p4.CheckCoverageWorker;
import cn.gov.linfen.fenhe.workers.p4.DrawSellersWorker;
import cn.gov.linfen.fenhe.workers.p4.OpenSamplingMonthWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives P4 as its users do: sellers registered over the API by the county's officer, the round
 * started by the city bureau over REST, tasks claimed and submitted over REST by the officer of the
 * step's group, the real workers run on the engine's external tasks (ExternalTasks), time on the
 * engine clock. Officers of counties without a demo user are created for the test
 * (test-&lt;role&gt;-&lt;county&gt;).
 */
final class CoalSamplingDriver {

  static final String BUREAU = CaseScenario.demo(FenheGroup.MARKET_SUPERVISION_BUREAU.id());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  final ProcessEngine engine;
  final String baseUrl;

  CoalSamplingDriver(ProcessEngine engine, String baseUrl) {
    this.engine = engine;
    this.baseUrl = baseUrl;
  }

  static String newCreditCode(County county) {
    StringBuilder code = new StringBuilder("92" + county.divisionCode());
    for (int i = 0; i < 9; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.append(CreditCode.checkCharacter(code.toString())).toString();
  }

  Http as(String user) {
    return Http.as(baseUrl, user, IntegrationTest.DEMO_PASSWORD);
  }

  /** The officer of a county-level role: the demo user in 尧都区 and 侯马市, a test user elsewhere. */
  String officer(FenheGroup role, County county) {
    if (county == County.YAODU) {
      return CaseScenario.demo(role.id());
    }
    if (county == County.HOUMA) {
      return CaseScenario.demo(role.id()) + "-houma";
    }
    String id = "test-" + role.id() + "-" + county.code();
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(county.groupName(role));
      user.setLastName("测试");
      user.setPassword(IntegrationTest.DEMO_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, role.id());
      identity.createMembership(id, county.groupOf(role));
    }
    return id;
  }

  /**
   * Registers a seller over the API as the county's market supervision officer; its credit code.
   */
  String register(County county, String zone, String kind) {
    String code = newCreditCode(county);
    Http.Response added =
        as(officer(FenheGroup.COUNTY_MARKET_SUPERVISION, county))
            .post(
                "/api/coal/sellers",
                "{\"creditCode\":\""
                    + code
                    + "\",\"sellerName\":\""
                    + county.chineseName()
                    + "民用煤供应点"
                    + code.substring(14)
                    + "\",\"sellerKind\":\""
                    + kind
                    + "\",\"county\":\""
                    + county.chineseName()
                    + "\",\"zone\":\""
                    + zone
                    + "\",\"address\":\""
                    + county.chineseName()
                    + "某街道\"}");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return code;
  }

  static FenheClock clock(Instant at) {
    return FenheClock.fixed(at, java.time.ZoneId.of("Asia/Shanghai"));
  }

  /**
   * The city bureau opens the month's plan of one county by hand; the open and draw workers run.
   * The round's id.
   */
  String plan(County county, String month, String seed) {
    ObjectNode body = CaseScenario.JSON.createObjectNode();
    String key =
        "P4-ROUND-" + county.code() + "-" + month + "-" + Integer.toHexString(RANDOM.nextInt());
    body.put("businessKey", key);
    ObjectNode variables = body.putObject("variables");
    variables.putObject("samplingMonth").put("value", month);
    variables.putObject("onlyCounty").put("value", county.chineseName());
    if (seed != null) {
      variables.putObject("drawSeed").put("value", seed);
    }
    Http.Response started =
        as(BUREAU)
            .post(
                "/engine-rest/process-definition/key/"
                    + CoalQualitySamplingProcess.ROUND_KEY
                    + "/start",
                body.toString());
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    ExternalTasks external = new ExternalTasks(engine);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(
            external.run(
                Topics.OPEN_SAMPLING_MONTH,
                key,
                new OpenSamplingMonthWorker(
                    new OpeningSamplingMonth(java.time.ZoneId.of("Asia/Shanghai")), clock(now))))
        .isEqualTo(1);
    assertThat(external.run(Topics.DRAW_SELLERS, key, new DrawSellersWorker(new DrawingSellers())))
        .isEqualTo(1);
    return started.json().get("id").asText();
  }

  /** Runs the coverage check and the escalation of the round's open external tasks. */
  void runMonthEnd(String roundKey) {
    ExternalTasks external = new ExternalTasks(engine);
    external.run(Topics.CHECK_COVERAGE, roundKey, new CheckCoverageWorker(new CheckingCoverage()));
    external.run(
        Topics.ESCALATE,
        roundKey,
        new EscalateWorker(
            new cn.gov.linfen.fenhe.common.Escalating(java.time.ZoneId.of("Asia/Shanghai")),
            clock(ClockUtil.getCurrentTime().toInstant())));
  }

  String businessKey(String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  /** The one open task of this kind under the process instance (or its called cases). */
  Task task(String rootProcessInstanceId, String taskKey) {
    List<Task> tasks =
        engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).list().stream()
            .filter(
                t ->
                    rootProcessInstanceId.equals(t.getProcessInstanceId())
                        || rootProcessInstanceId.equals(root(t.getProcessInstanceId())))
            .toList();
    assertThat(tasks).as(taskKey + " open under " + rootProcessInstanceId).hasSize(1);
    return tasks.get(0);
  }

  List<Task> tasks(String rootProcessInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).list().stream()
        .filter(
            t ->
                rootProcessInstanceId.equals(t.getProcessInstanceId())
                    || rootProcessInstanceId.equals(root(t.getProcessInstanceId())))
        .toList();
  }

  String root(String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getRootProcessInstanceId();
  }

  /** The case of a seller started by the round. */
  String caseOf(String roundId, String creditCode) {
    List<String> found =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(CoalQualitySamplingProcess.KEY)
            .rootProcessInstanceId(roundId)
            .variableValueEquals("sellerCreditCode", creditCode)
            .list()
            .stream()
            .map(p -> p.getId())
            .toList();
    assertThat(found).as("case of " + creditCode).hasSize(1);
    return found.get(0);
  }

  /** Claims (unless assigned) and submits the task's form over REST as the user; the answer. */
  Http.Response submit(Task task, String user, Map<String, Object> variables) {
    Http http = as(user);
    JsonNode seen = http.get("/engine-rest/task/" + task.getId()).json();
    assertThat(seen.has("id"))
        .as(user + " sees " + task.getTaskDefinitionKey() + ": " + seen)
        .isTrue();
    if (task.getAssignee() == null) {
      Http.Response claim =
          http.post(
              "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
      assertThat(claim.status()).as("claim " + claim).isEqualTo(204);
    }
    ObjectNode body = CaseScenario.JSON.createObjectNode();
    body.set("variables", CaseScenario.variables(variables));
    return http.post("/engine-rest/task/" + task.getId() + "/submit-form", body.toString());
  }

  void work(Task task, String user, Map<String, Object> variables) {
    Http.Response answer = submit(task, user, variables);
    assertThat(answer.status())
        .as(task.getTaskDefinitionKey() + " by " + user + ": " + answer)
        .isEqualTo(204);
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId())
        .sorted()
        .toList();
  }

  String formKey(Task task) {
    Http.Response form = as("admin").get("/engine-rest/task/" + task.getId() + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    return form.json().get("id").asText();
  }
}
