package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine REST API walked as an ordinary case officer (issue 12, item 5): every operation that
 * administers the engine, its identities, its models or other people's work is refused. A list
 * endpoint may answer, but empty of what the officer may not see.
 */
class OfficerPrivilegesTest extends IntegrationTest {

  private static final String OFFICER = "demo-finance-bureau";

  private record Call(String method, String path, String body) {}

  private static final List<Call> ADMINISTRATION =
      List.of(
          new Call("POST", "/engine-rest/telemetry/configuration", "{\"enableTelemetry\":true}"),
          new Call("GET", "/engine-rest/telemetry/data", null),
          new Call(
              "POST",
              "/engine-rest/identity/verify",
              "{\"username\":\"admin\",\"password\":\"guess-1234\"}"),
          new Call(
              "POST",
              "/engine-rest/user/create",
              "{\"profile\":{\"id\":\"sneaky\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"Sneaky!2026pass\"}}"),
          new Call(
              "PUT",
              "/engine-rest/user/admin/credentials",
              "{\"password\":\"Taken!2026over\",\"authenticatedUserPassword\":\"Demo!2026fenhe\"}"),
          new Call("DELETE", "/engine-rest/user/demo-supervisors", null),
          new Call(
              "POST",
              "/engine-rest/group/create",
              "{\"id\":\"sneaky\",\"name\":\"x\",\"type\":\"x\"}"),
          new Call("PUT", "/engine-rest/group/admins/members/demo-finance-bureau", null),
          new Call(
              "POST",
              "/engine-rest/authorization/create",
              "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"demo-finance-bureau\",\"resourceType\":0,\"resourceId\":\"*\"}"),
          new Call("POST", "/engine-rest/history/cleanup", null),
          new Call("GET", "/engine-rest/schema/log", null),
          new Call("GET", "/engine-rest/metrics/process-instances/sum", null),
          new Call("POST", "/engine-rest/task/create", "{\"name\":\"私设任务\"}"),
          new Call(
              "POST",
              "/engine-rest/process-instance/delete",
              "{\"processInstanceQuery\":{},\"deleteReason\":\"x\"}"),
          new Call(
              "POST",
              "/engine-rest/process-instance/suspended",
              "{\"processDefinitionKey\":\"soe-reform-fund\",\"suspended\":true}"),
          new Call(
              "PUT",
              "/engine-rest/process-definition/key/soe-reform-fund/suspended",
              "{\"suspended\":true}"),
          new Call(
              "PUT",
              "/engine-rest/process-definition/key/soe-reform-fund/history-time-to-live",
              "{\"historyTimeToLive\":1}"),
          new Call("POST", "/engine-rest/job/retries", "{\"jobQuery\":{},\"retries\":5}"),
          new Call(
              "PUT",
              "/engine-rest/job-definition/suspended",
              "{\"processDefinitionKey\":\"soe-reform-fund\",\"suspended\":true}"),
          new Call(
              "POST",
              "/engine-rest/filter/create",
              "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}"),
          new Call(
              "POST",
              "/engine-rest/migration/execute",
              "{\"migrationPlan\":{},\"processInstanceIds\":[]}"),
          new Call(
              "POST",
              "/engine-rest/decision-definition/key/p1-staffing-standards/evaluate",
              "{\"variables\":{}}"),
          new Call("DELETE", "/engine-rest/deployment/any-id", null));

  @Test
  void an_officer_reaches_no_administrative_operation_of_the_engine() {
    Http officer = Http.as(baseUrl(), OFFICER, DEMO_PASSWORD);
    List<String> reached = new ArrayList<>();
    for (Call call : ADMINISTRATION) {
      Http.Response response =
          switch (call.method()) {
            case "GET" -> officer.get(call.path());
            case "PUT" -> officer.put(call.path(), call.body() == null ? "{}" : call.body());
            case "DELETE" -> officer.delete(call.path());
            default -> officer.post(call.path(), call.body() == null ? "{}" : call.body());
          };
      if (response.status() < 400 || response.status() >= 500) {
        reached.add(call.method() + " " + call.path() + " → " + response);
      } else {
        assertThat(response.json().get("reason").asText())
            .as(call.path())
            .matches(".*\\p{IsHan}.*");
      }
    }
    assertThat(reached).as("operations an officer reached").isEmpty();
  }

  @Test
  void an_administrator_may_change_the_telemetry_setting() {
    Http admin = Http.as(baseUrl(), "admin", DEMO_PASSWORD);
    assertThat(
            admin
                .post("/engine-rest/telemetry/configuration", "{\"enableTelemetry\":false}")
                .status())
        .isEqualTo(204);
  }

  @Test
  void an_officer_lists_no_other_users_nor_their_groups() {
    Http officer = Http.as(baseUrl(), OFFICER, DEMO_PASSWORD);
    Http.Response users = officer.get("/engine-rest/user?maxResults=100");
    assertThat(users.status()).isEqualTo(200);
    users.json().forEach(user -> assertThat(user.get("id").asText()).isEqualTo(OFFICER));
    Http.Response groups = officer.get("/engine-rest/group?member=admin&maxResults=100");
    assertThat(groups.status()).isEqualTo(200);
    assertThat(groups.json()).isEmpty();
  }
}
