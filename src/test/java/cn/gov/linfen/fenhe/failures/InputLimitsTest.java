package cn.gov.linfen.fenhe.failures;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Input the database would refuse with a server error is refused first, with 400 naming the field
 * in Chinese and English, and changes nothing (issue 13, item 3). Each case answered 500 before.
 */
class InputLimitsTest extends IntegrationTest {

  static final String START = "/engine-rest/process-definition/key/example-registration/start";

  @Autowired ProcessEngine engine;

  Http enterprise() {
    return Http.as(baseUrl(), "demo-enterprise", DEMO_PASSWORD);
  }

  Http supervisor() {
    return Http.as(baseUrl(), "demo-supervisors", DEMO_PASSWORD);
  }

  static String start(String businessKey, String variables) {
    return "{\"businessKey\":" + businessKey + ",\"variables\":{" + variables + "}}";
  }

  static String quoted(String text) {
    return "\"" + text + "\"";
  }

  void refused(Http.Response response, String field, String reasonStart) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    JsonNode json = response.json();
    assertThat(json.get("field").asText()).isEqualTo(field);
    assertThat(json.get("reason").asText()).startsWith(reasonStart);
    assertThat(json.get("reasonEn").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception:", "org.", "java.");
  }

  void nothingStarted(String businessKey) {
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
  }

  @Test
  void a_nul_character_in_a_variable_is_refused_naming_the_variable() {
    String key = "LIMIT-NUL-" + UUID.randomUUID();
    refused(
        enterprise()
            .post(
                START,
                start(
                    quoted(key),
                    "\"enterpriseName\":{\"value\":\"临汾\\u0000钢铁\",\"type\":\"String\"}")),
        "enterpriseName",
        "内容不能包含空字符");
    nothingStarted(key);
  }

  @Test
  void text_over_4000_characters_is_refused_naming_the_variable() {
    String key = "LIMIT-LONG-" + UUID.randomUUID();
    refused(
        enterprise()
            .post(
                START,
                start(
                    quoted(key),
                    "\"enterpriseName\":{\"value\":\""
                        + "汾".repeat(4001)
                        + "\",\"type\":\"String\"}")),
        "enterpriseName",
        "内容过长");
    nothingStarted(key);
  }

  @Test
  void a_business_key_over_255_characters_or_with_a_control_character_is_refused() {
    String longKey = "LIMIT-" + "K".repeat(300);
    refused(
        enterprise().post(START, start(quoted(longKey), "")), "businessKey", "案件编号不能超过 255 个字符");
    nothingStarted(longKey);
    refused(
        enterprise().post(START, start(quoted("LIMIT-\\n-" + UUID.randomUUID()), "")),
        "businessKey",
        "案件编号不能包含控制字符");
  }

  @Test
  void a_variable_name_of_300_characters_is_refused() {
    String key = "LIMIT-NAME-" + UUID.randomUUID();
    Http.Response response =
        enterprise()
            .post(START, start(quoted(key), "\"" + "v".repeat(300) + "\":{\"value\":\"x\"}"));
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("reason").asText()).isEqualTo("变量名不能超过 255 个字符");
    nothingStarted(key);
  }

  @Test
  void a_json_variable_that_is_not_json_is_refused() {
    String key = "LIMIT-JSON-" + UUID.randomUUID();
    refused(
        enterprise()
            .post(
                START,
                start(quoted(key), "\"details\":{\"value\":\"{not json\",\"type\":\"Json\"}")),
        "details",
        "JSON 类型变量的值不是有效的 JSON");
    nothingStarted(key);
  }

  @Test
  void an_absurd_number_is_refused_naming_the_variable() {
    String key = "LIMIT-NUM-" + UUID.randomUUID();
    refused(
        enterprise()
            .post(START, start(quoted(key), "\"areaMu\":{\"value\":1e308,\"type\":\"Double\"}")),
        "areaMu",
        "数值超出合理范围");
    nothingStarted(key);
  }

  @Test
  void a_nul_character_in_a_query_parameter_is_refused() {
    refused(
        supervisor().get("/engine-rest/task?processInstanceBusinessKey=a%00b"),
        "processInstanceBusinessKey",
        "内容不能包含空字符");
  }

  @Test
  void the_last_int_page_of_deadlines_and_escalations_is_refused_not_overflowed() {
    refused(supervisor().get("/api/deadlines?page=2147483647"), "page", "页码过大");
    refused(supervisor().get("/api/escalations?page=2147483647"), "page", "页码过大");
  }

  @Test
  void a_failed_command_is_logged_once_by_whoever_answers_not_again_by_the_engine() {
    assertThat(
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration())
                .isEnableCmdExceptionLogging())
        .isFalse();
  }

  @Test
  void a_platform_api_body_over_1_mb_is_refused() {
    String big = "{\"objector\":\"" + "x".repeat(1024 * 1024) + "\"}";
    refused(supervisor().post("/api/farmland/LIMIT-BIG/objections", big), "body", "请求内容过大");
  }
}
