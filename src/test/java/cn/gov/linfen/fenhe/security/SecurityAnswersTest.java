package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a person gets back when he makes a mistake (issue 12, items 4, 6, 7): a 400 with the reason
 * in Chinese, never a 500 or internal class names; the security headers of every answer; a typo in
 * a password that does not lock the user out elsewhere.
 */
class SecurityAnswersTest extends IntegrationTest {

  @Autowired IdentityService identityService;

  private static Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  @Test
  void a_password_against_the_policy_is_refused_with_400_and_the_rules_in_chinese() {
    String id = "weak-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response response =
        as("admin")
            .post(
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\""
                    + id
                    + "\",\"firstName\":\"弱\",\"lastName\":\"密码\"},\"credentials\":{\"password\":\"123\"}}");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("password");
    assertThat(response.json().get("reason").asText())
        .contains("密码不符合要求")
        .contains("至少10位")
        .contains("大写字母");
    assertThat(response.body()).doesNotContain("Exception\",\"message\":\"Password");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
  }

  @Test
  void a_body_of_the_wrong_type_is_a_json_400_naming_the_field_without_class_names() {
    Http.Response engine =
        as("demo-enterprise")
            .post(
                "/engine-rest/process-definition/key/scrap-steel-reward/start",
                "{\"businessKey\":{\"nested\":true},\"variables\":{}}");
    assertThat(engine.status()).as(engine.toString()).isEqualTo(400);
    assertThat(engine.header("Content-Type")).startsWith("application/json");
    assertThat(engine.json().get("field").asText()).isEqualTo("businessKey");
    assertThat(engine.json().get("reason").asText()).contains("格式不正确");
    assertThat(engine.body())
        .doesNotContain("org.camunda")
        .doesNotContain("Dto")
        .doesNotContain("reference chain");

    Http.Response query =
        as("demo-enterprise").post("/engine-rest/task?maxResults=5", "{\"active\":\"perhaps\"}");
    assertThat(query.status()).as(query.toString()).isEqualTo(400);
    assertThat(query.header("Content-Type")).startsWith("application/json");
    assertThat(query.json().get("reason").asText()).contains("格式不正确");

    Http.Response broken =
        as("demo-enterprise").post("/engine-rest/task?maxResults=5", "{\"active\": tru");
    assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
    assertThat(broken.json().get("reason").asText()).matches(".*\\p{IsHan}.*");
    assertThat(broken.body()).doesNotContain("org.camunda").doesNotContain("com.fasterxml");

    Http.Response platform =
        as("demo-industry-it-bureau")
            .post("/api/scrap-steel/announced-enterprises", "{\"creditCode\": [1,");
    assertThat(platform.status()).as(platform.toString()).isEqualTo(400);
    assertThat(platform.json().get("reason").asText()).contains("格式不正确");
    assertThat(platform.body())
        .doesNotContain("com.fasterxml")
        .doesNotContain("org.springframework");
  }

  @Test
  void a_server_side_failure_answers_json_in_chinese_without_internals() {
    Http.Response response = as("admin").get("/engine-rest/process-definition/no-such-id/xml");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("reason").asText()).contains("不存在");
    assertThat(response.body()).doesNotContain("org.camunda").doesNotContain("Exception:");
  }

  @Test
  void the_platforms_pages_and_api_carry_a_content_security_policy_and_the_other_headers() {
    Http.Response page = Http.anonymous(baseUrl()).get("/fenhe/deadlines.html");
    assertThat(page.status()).isEqualTo(200);
    String policy = page.header("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'self'")
        .contains("script-src 'self' 'sha256-")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline' ;")
        .doesNotContain("script-src 'self' 'unsafe-inline'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.header("Strict-Transport-Security")).isNull();

    Http.Response api = as("demo-supervisors").get("/api/me");
    assertThat(api.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");

    Http.Response tasklist = Http.anonymous(baseUrl()).get("/camunda/app/tasklist/default/");
    assertThat(tasklist.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void behind_an_https_ingress_the_answer_says_strict_transport_security() {
    Http.Response page =
        Http.anonymous(baseUrl()).header("X-Forwarded-Proto", "https").get("/fenhe/deadlines.html");
    assertThat(page.header("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void the_inline_script_of_each_page_is_allowed_by_its_hash_and_no_other() {
    String hashes = SecurityHeadersFilter.hashesOf("static/fenhe/calendar.html");
    assertThat(hashes).startsWith(" 'sha256-").endsWith("='");
    assertThat(SecurityHeadersFilter.hashesOf("static/fenhe/no-such-page.html")).isEmpty();
  }

  @Test
  void a_typo_in_the_password_delays_that_user_at_that_address_only() {
    String user = "demo-county-finance";
    Http fromDeskA =
        Http.as(baseUrl(), user, "wrong-password").header("X-Forwarded-For", "192.0.2.11");
    assertThat(fromDeskA.get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);

    // the same user at another desk (or the same account of a node elsewhere) works at once
    Http elsewhere =
        Http.as(baseUrl(), user, DEMO_PASSWORD).header("X-Forwarded-For", "192.0.2.12");
    assertThat(elsewhere.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(
            Http.as(baseUrl(), user, DEMO_PASSWORD)
                .header("X-Forwarded-For", "192.0.2.13")
                .get("/api/me")
                .status())
        .isEqualTo(200);
    // the wait at the desk of the typo (1 s, doubling) is LoginThrottleTest's: not timed here
    assertThat(identityService.createUserQuery().userId(user).singleResult()).isNotNull();
  }

  @Test
  void a_model_with_an_external_entity_is_not_read_with_it() {
    String key = "xxe-check-" + UUID.randomUUID().toString().substring(0, 8);
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Xxe" targetNamespace="http://fenhe">
          <bpmn:process id="KEY" name="&secret;" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Xxe"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .replace("KEY", key);
    String boundary = "----fenhe" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nxxe\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + key
            + ".bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    Http.Response response =
        as("admin")
            .postMultipart(
                "/engine-rest/deployment/create",
                boundary,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (response.status() == 200) {
      Http.Response definition = as("admin").get("/engine-rest/process-definition/key/" + key);
      assertThat(definition.body()).doesNotContain("root:");
    } else {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("root:");
    }
  }
}
