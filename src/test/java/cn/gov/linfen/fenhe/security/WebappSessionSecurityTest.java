package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person logged in to the webapps (issue 12, item 6): a state-changing request with a CSRF token
 * that differs from the session's is refused with a Chinese reason before the webapps' own filter
 * compares it; the right token passes.
 */
class WebappSessionSecurityTest extends IntegrationTest {

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void a_wrong_csrf_token_is_refused_and_the_right_one_passes() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    send(
        client,
        HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/"))
            .GET()
            .build());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    String form =
        "username="
            + URLEncoder.encode("demo-finance-bureau", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> login =
        send(
            client,
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the session after the login gets its token with its first read
    HttpResponse<String> read =
        send(
            client,
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/camunda/api/engine/engine/default/task/count"))
                .GET()
                .build());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    String session =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((a, b) -> b)
            .orElseThrow();

    String claim =
        baseUrl() + "/camunda/api/engine/engine/default/task/" + UUID.randomUUID() + "/claim";
    HttpResponse<String> wrong =
        send(
            client,
            HttpRequest.newBuilder(URI.create(claim))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session.substring(1) + "X")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"demo-finance-bureau\"}"))
                .build());
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("页面已过期");

    HttpResponse<String> right =
        send(
            client,
            HttpRequest.newBuilder(URI.create(claim))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"demo-finance-bureau\"}"))
                .build());
    assertThat(right.statusCode())
        .as(right.body())
        .isEqualTo(404); // past the CSRF check: no such task
  }
}
