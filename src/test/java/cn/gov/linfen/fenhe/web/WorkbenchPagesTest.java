package cn.gov.linfen.fenhe.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workbench's page at /fenhe/ (built by Vite from src/main/frontend): served to anyone (its own
 * login screen asks for the user), in Chinese, its scripts from the platform only — a CSP without
 * inline scripts — and the platform's other pages under /fenhe/ still there.
 */
class WorkbenchPagesTest extends IntegrationTest {

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void the_workbench_is_served_at_fenhe_in_chinese_with_its_own_scripts_only() throws Exception {
    HttpResponse<String> page = get("/fenhe/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"zh-CN\">", "<title>汾河工作台</title>");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-eval");
    assertThat(policy.substring(0, policy.indexOf("style-src"))).doesNotContain("unsafe-inline");
    assertThat(page.body()).doesNotContainPattern("<script>\\S");

    Matcher script =
        Pattern.compile("<script type=\"module\" crossorigin src=\"(/fenhe/app/[^\"]+\\.js)\"")
            .matcher(page.body());
    assertThat(script.find()).as(page.body()).isTrue();
    HttpResponse<String> code = get(script.group(1));
    assertThat(code.statusCode()).isEqualTo(200);
    assertThat(code.body()).contains("用户名或密码错误", "此项为必填项");
  }

  @Test
  void fenhe_without_the_slash_leads_to_the_workbench_and_the_other_pages_stay() throws Exception {
    HttpResponse<String> bare = get("/fenhe");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/fenhe/");
    assertThat(get("/fenhe/calendar.html").body()).contains("工作日日历");
  }
}
