package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin page's way of calling the API: the session of a user logged in to the Camunda webapps;
 * a change needs the session's CSRF token, which {@code /api/me} hands out.
 */
class CalendarPageTest extends IntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String YEAR_2034 =
      """
      {"notice":"国办发明电〔2033〕5号（测试）","holidays":[{"name":"元旦","from":"2034-01-01","to":"2034-01-01"}]}""";

  @Autowired AuditLog auditLog;

  /** A browser: keeps cookies, logs in like the webapps' login page does. */
  static final class Browser {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder at(String path) {
      return HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Accept", "application/json");
    }

    void logIn(String user) throws Exception {
      // the webapps hand out the CSRF token on a first request, and check it on the login
      String token =
          send(at("/camunda/api/admin/auth/user/default"))
              .headers()
              .firstValue("X-XSRF-TOKEN")
              .orElseThrow();
      String form =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
      HttpResponse<String> login =
          send(
              at("/camunda/api/admin/auth/user/default/login/welcome")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    /** The webapps give the (new) session its token on their next request, as after a login. */
    String visitWebapps() throws Exception {
      return send(at("/camunda/api/admin/auth/user/default"))
          .headers()
          .firstValue("X-XSRF-TOKEN")
          .orElseThrow();
    }

    JsonNode get(String path) throws Exception {
      HttpResponse<String> response = send(at(path));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    HttpResponse<String> put(String path, String json, String csrfToken) throws Exception {
      HttpRequest.Builder request =
          at(path)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      if (csrfToken != null) {
        request.header("X-XSRF-TOKEN", csrfToken);
      }
      return send(request);
    }
  }

  @Test
  void the_page_is_served_in_chinese() {
    Http.Response page = Http.anonymous(baseUrl()).get("/fenhe/calendar.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("工作日日历")
        .contains("/api/calendar/years")
        .contains("X-XSRF-TOKEN");
  }

  @Test
  void X_R01_an_administrator_logged_in_to_the_webapps_saves_a_year_with_the_session_csrf_token()
      throws Exception {
    Browser browser = new Browser();
    browser.logIn("admin");
    String webappsToken = browser.visitWebapps();
    JsonNode me = browser.get("/api/me");
    assertThat(me.get("id").asText()).isEqualTo("admin");
    String token = me.get("csrfToken").asText();
    assertThat(token).isEqualTo(webappsToken);

    assertThat(browser.put("/api/calendar/years/2034", YEAR_2034, null).body()).contains("CSRF");
    assertThat(browser.put("/api/calendar/years/2034", YEAR_2034, "wrong-token").body())
        .contains("CSRF");
    assertThat(auditLog.entriesAbout(CalendarYears.subject(2034), 10)).isEmpty();

    HttpResponse<String> saved = browser.put("/api/calendar/years/2034", YEAR_2034, token);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(browser.get("/api/calendar/days/2034-01-02").get("provisional").asBoolean())
        .isFalse();
    assertThat(auditLog.entriesAbout(CalendarYears.subject(2034), 10)).hasSize(1);
  }

  @Test
  void X_R04_a_case_officer_logged_in_to_the_webapps_cannot_save_a_year_even_with_the_token()
      throws Exception {
    Browser browser = new Browser();
    browser.logIn("demo-finance-bureau");
    browser.visitWebapps();
    String token = browser.get("/api/me").get("csrfToken").asText();
    HttpResponse<String> refused =
        browser.put("/api/calendar/years/2035", YEAR_2034.replace("2034", "2035"), token);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("只有系统管理员");
    assertThat(auditLog.entriesAbout(CalendarYears.subject(2035), 10)).isEmpty();
  }
}
