package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security on by default: authenticated REST, authorizations, guards. Tests log in like users do.
 */
class PlatformSecurityTest extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  private static String startExample(String businessKey) {
    Http.Response started =
        as("demo-enterprise")
            .post(
                "/engine-rest/process-definition/key/example-registration/start",
                """
        {"businessKey":"%s","variables":{"enterpriseName":{"value":"临汾示例钢铁有限公司"},
         "creditCode":{"value":"91141000MA0KABCD1W"}}}"""
                    .formatted(businessKey));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return started.json().get("id").asText();
  }

  private static JsonNode tasksOf(String user, String processInstanceId) {
    Http.Response response =
        as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=50");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void anonymous_calls_to_the_engine_rest_api_are_refused_with_401() {
    assertThat(Http.anonymous(baseUrl()).get("/engine-rest/task?maxResults=10").status())
        .isEqualTo(401);
    assertThat(
            Http.anonymous(baseUrl()).get("/engine-rest/process-definition?maxResults=10").status())
        .isEqualTo(401);
    assertThat(Http.anonymous(baseUrl()).get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void a_wrong_password_is_refused() {
    assertThat(
            Http.as(baseUrl(), "demo-county-finance", "wrong-password")
                .get("/engine-rest/task?maxResults=10")
                .status())
        .isEqualTo(401);
  }

  @Test
  void the_engine_endpoint_stays_open_for_tools() {
    assertThat(Http.anonymous(baseUrl()).get("/engine-rest/engine").status()).isEqualTo(200);
  }

  @Test
  void a_case_officer_sees_the_tasks_of_his_group_only() {
    String instance = startExample("SEC-" + UUID.randomUUID());
    assertThat(tasksOf("demo-industry-it-bureau", instance)).hasSize(1);
    assertThat(tasksOf("demo-sasac", instance)).isEmpty();
    assertThat(tasksOf("demo-enterprise", instance)).isEmpty();
  }

  @Test
  void a_case_officer_cannot_complete_another_groups_task() {
    String instance = startExample("SEC-" + UUID.randomUUID());
    String taskId = tasksOf("admin", instance).get(0).get("id").asText();
    Http.Response response =
        as("demo-sasac")
            .post(
                "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(response.status()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
  }

  @Test
  void supervisors_read_every_task_but_change_nothing() {
    String instance = startExample("SEC-" + UUID.randomUUID());
    JsonNode tasks = tasksOf("demo-supervisors", instance);
    assertThat(tasks).hasSize(1);
    Http.Response complete =
        as("demo-supervisors")
            .post(
                "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(complete.status()).isEqualTo(403);
    Http.Response start =
        as("demo-supervisors")
            .post("/engine-rest/process-definition/key/example-registration/start", "{}");
    assertThat(start.status()).isEqualTo(403);
  }

  @Test
  void only_the_starting_group_may_start_a_process() {
    Http.Response response =
        as("demo-finance-bureau")
            .post(
                "/engine-rest/process-definition/key/example-registration/start",
                "{\"businessKey\":\"SEC-NOPE\"}");
    assertThat(response.status()).isIn(403, 404);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("SEC-NOPE")
                .count())
        .isZero();
  }

  @Test
  void the_workers_technical_user_can_fetch_external_tasks_but_not_work_user_tasks() {
    String instance = startExample("SEC-" + UUID.randomUUID());
    Http worker = Http.as(baseUrl(), "fenhe-worker", DEMO_PASSWORD);
    Http.Response tasks =
        worker.get("/engine-rest/task?processInstanceId=" + instance + "&maxResults=10");
    assertThat(tasks.json()).isEmpty();
    Http.Response start =
        worker.post("/engine-rest/process-definition/key/example-registration/start", "{}");
    assertThat(start.status()).isIn(403, 404);
    Http.Response deploy = worker.get("/engine-rest/deployment?maxResults=10");
    assertThat(deploy.json()).isEmpty();
    Http.Response fetch =
        worker.post(
            "/engine-rest/external-task/fetchAndLock",
            "{\"workerId\":\"sec-test\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"no-such-topic\",\"lockDuration\":1000}]}");
    assertThat(fetch.status()).isEqualTo(200);
  }

  @Test
  void an_expression_in_a_nested_orQueries_task_query_is_refused_with_400() {
    Http.Response response =
        as("demo-enterprise")
            .post(
                "/engine-rest/task",
                "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("assigneeExpression");
    assertThat(response.body()).contains("表达式").contains("expressions");
  }

  @Test
  void an_expression_in_a_query_parameter_is_refused_with_400() {
    Http.Response response =
        as("demo-enterprise")
            .get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D&maxResults=10");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("assigneeExpression");
  }

  @Test
  void an_expression_in_the_webapps_api_is_refused_too() {
    Http.Response response =
        as("demo-enterprise")
            .post(
                "/camunda/api/engine/engine/default/task",
                "{\"orQueries\":[{\"candidateGroupExpression\":\"#{x}\"}]}");
    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void a_java_serialized_variable_is_refused_with_400_and_no_instance_is_created() {
    String businessKey = "SEC-SER-" + UUID.randomUUID();
    Http.Response response =
        as("demo-enterprise")
            .post(
                "/engine-rest/process-definition/key/example-registration/start",
                """
        {"businessKey":"%s","variables":{"payload":{"type":"Object","value":"rO0ABXQABGV2aWw=",
         "valueInfo":{"objectTypeName":"java.lang.String","serializationDataFormat":"application/x-java-serialized-object"}}}}"""
                    .formatted(businessKey));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("serializationDataFormat");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
  }

  @Test
  void an_unbounded_or_oversized_query_is_refused() {
    assertThat(as("admin").get("/engine-rest/task?maxResults=5000").status()).isEqualTo(400);
    assertThat(as("admin").get("/engine-rest/task").status()).isEqualTo(400);
  }

  @Test
  void a_missing_resource_or_a_wrong_method_is_the_callers_mistake_not_a_server_error() {
    Http.Response missing = as("demo-supervisors").get("/api/no-such-endpoint");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).contains("请求的资源不存在");
    Http.Response wrongMethod = as("demo-supervisors").delete("/api/deadlines");
    assertThat(wrongMethod.status()).as(wrongMethod.toString()).isEqualTo(405);
  }

  @Test
  void errors_carry_no_stack_trace() {
    Http.Response response =
        as("admin").post("/engine-rest/process-definition/key/no-such-process/start", "{}");
    assertThat(response.status()).isBetween(400, 499);
    assertThat(response.body())
        .doesNotContain("\tat ")
        .doesNotContain("Exception:")
        .doesNotContain(".java:");
  }

  @Test
  void a_modeller_deploys_a_model_with_its_form_and_a_case_officer_cannot() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String bpmn =
        MODEL
            .replace("KEY", "modeller-check-" + suffix)
            .replace("FORMID", "form-modeller-check-" + suffix);
    String form =
        "{\"id\":\"form-modeller-check-" + suffix + "\",\"type\":\"default\",\"components\":[]}";
    Multipart body =
        new Multipart()
            .field("deployment-name", "modeller-check")
            .field("deploy-changed-only", "true")
            .file("modeller-check-" + suffix + ".bpmn", bpmn)
            .file("modeller-check-" + suffix + ".form", form);
    Http.Response refused =
        as("demo-finance-bureau")
            .postMultipart("/engine-rest/deployment/create", body.boundary(), body.bytes());
    assertThat(refused.status()).isEqualTo(403);
    Http.Response deployed =
        as("demo-modellers")
            .postMultipart("/engine-rest/deployment/create", body.boundary(), body.bytes());
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    assertThat(deployed.json().get("deployedProcessDefinitions").size()).isEqualTo(1);
  }

  @Test
  void only_an_administrator_may_deploy_a_script() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String bpmn = SCRIPT_MODEL.replace("KEY", "script-check-" + suffix);
    Multipart body =
        new Multipart()
            .field("deployment-name", "script-check")
            .file("script-check-" + suffix + ".bpmn", bpmn);
    Http.Response refused =
        as("demo-modellers")
            .postMultipart("/engine-rest/deployment/create", body.boundary(), body.bytes());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("reason").asText()).contains("只有系统管理员");
    assertThat(
            Http.as(baseUrl(), "admin", DEMO_PASSWORD)
                .get("/engine-rest/process-definition/count?key=script-check-" + suffix)
                .json()
                .get("count")
                .asInt())
        .isZero();
    Http.Response allowed =
        as("admin").postMultipart("/engine-rest/deployment/create", body.boundary(), body.bytes());
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
  }

  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Check" targetNamespace="http://fenhe">
        <bpmn:process id="KEY" name="建模检查" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Check" camunda:formRef="FORMID" camunda:formRefBinding="deployment"/>
          <bpmn:sequenceFlow id="Flow_Check" sourceRef="StartEvent_Check" targetRef="EndEvent_Check"/>
          <bpmn:endEvent id="EndEvent_Check"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String SCRIPT_MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Script" targetNamespace="http://fenhe">
        <bpmn:process id="KEY" name="脚本检查" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Script"/>
          <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Script" targetRef="ScriptTask_Check"/>
          <bpmn:scriptTask id="ScriptTask_Check" scriptFormat="javascript"><bpmn:script>1+1</bpmn:script></bpmn:scriptTask>
          <bpmn:sequenceFlow id="Flow_2" sourceRef="ScriptTask_Check" targetRef="EndEvent_Script"/>
          <bpmn:endEvent id="EndEvent_Script"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** A multipart/form-data body, as Camunda Modeler sends a deployment. */
  static final class Multipart {
    private final String boundary = "----fenhe" + UUID.randomUUID();
    private final StringBuilder body = new StringBuilder();

    Multipart field(String name, String value) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(name)
          .append("\"\r\n\r\n")
          .append(value)
          .append("\r\n");
      return this;
    }

    Multipart file(String name, String content) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(name)
          .append("\"; filename=\"")
          .append(name)
          .append("\"\r\n")
          .append("Content-Type: application/octet-stream\r\n\r\n")
          .append(content)
          .append("\r\n");
      return this;
    }

    String boundary() {
      return boundary;
    }

    byte[] bytes() {
      return (body + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
  }
}
