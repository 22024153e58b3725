package cn.gov.linfen.fenhe.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.BrowserScripts;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' pages (deadlines, scrap-steel rounds, coal sellers and coverage, the P5 month)
 * run their scripts in headless Chromium.
 */
@Tag("browser")
class SupervisorPagesTest extends IntegrationTest {

  @Test
  void the_supervisors_pages_ask_anonymous_visitors_to_log_in_and_show_a_logged_in_supervisor()
      throws Exception {
    String output =
        BrowserScripts.run(
            "browser check",
            Duration.ofMinutes(3),
            "node",
            "src/test/e2e/supervisor-pages.mjs",
            baseUrl(),
            DEMO_PASSWORD);
    assertThat(output).as(output).contains("25 passed, 0 failed").doesNotContain("FAIL");
  }
}
