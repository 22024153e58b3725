package cn.gov.linfen.fenhe.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tasklist, Cockpit, Admin and Welcome in Chinese for a browser whose language is Chinese, English
 * still available, no Camunda 8 banner: checked in a real headless Chromium
 * (src/test/e2e/webapps-locale.mjs, playwright-core, Debian's chromium).
 */
@Tag("browser")
class WebappsInChineseTest extends IntegrationTest {

  @Test
  void the_webapps_speak_chinese_to_a_chinese_browser_and_english_to_an_english_one()
      throws Exception {
    Process node =
        new ProcessBuilder("node", "src/test/e2e/webapps-locale.mjs", baseUrl(), DEMO_PASSWORD)
            .redirectErrorStream(true)
            .start();
    boolean finished = node.waitFor(4, TimeUnit.MINUTES);
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      node.destroyForcibly();
    }
    assertThat(finished).as("browser test finished in time:\n" + output).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).contains(" passed, 0 failed").doesNotContain("FAIL");
  }

  @Test
  void the_chinese_locale_files_are_served_for_every_webapp() throws IOException {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      Http.Response locale =
          Http.anonymous(baseUrl()).get("/camunda/app/" + app + "/locales/zh.json");
      assertThat(locale.status()).as(app).isEqualTo(200);
      assertThat(locale.json().get("labels").size()).as(app).isGreaterThan(100);
      Http.Response config =
          Http.anonymous(baseUrl()).get("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config.body()).as(app).contains("availableLocales: ['zh', 'en', 'de']");
    }
  }

  @Test
  void the_first_admin_setup_page_of_the_webapps_is_closed() {
    Http.Response response =
        Http.anonymous(baseUrl())
            .post(
                "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder!2026x\"}}");
    assertThat(response.status()).isEqualTo(403);
    assertThat(
            Http.as(baseUrl(), "admin", DEMO_PASSWORD)
                .get("/engine-rest/user/count?id=intruder")
                .json()
                .get("count")
                .asInt())
        .isZero();
  }
}
