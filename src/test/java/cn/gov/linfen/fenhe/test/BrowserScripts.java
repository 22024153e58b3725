package cn.gov.linfen.fenhe.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the headless-Chromium scripts of src/test/e2e (node, playwright-core) from the tests. */
public final class BrowserScripts {

  private BrowserScripts() {}

  /**
   * Runs the command (stdout and stderr together), waits at most the timeout, asserts it finished
   * ("<what> finished in time") and answers its output.
   */
  public static String run(String what, Duration timeout, String... command) throws Exception {
    Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      node.destroyForcibly();
    }
    assertThat(finished).as(what + " finished in time:\n" + output).isTrue();
    return output;
  }

  /**
   * One task to open in Tasklist for p1-forms.mjs: as whom, which, and the words its form must
   * show.
   */
  public static ObjectNode visit(
      ArrayNode visits, String user, String taskId, String name, List<String> expect) {
    ObjectNode visit = visits.addObject();
    visit.put("user", user).put("taskId", taskId).put("name", name);
    expect.forEach(visit.putArray("expect")::add);
    return visit;
  }

  /** Opens each visit's task in Tasklist as its user (p1-forms.mjs); asserts every check passed. */
  public static void assertFormsRender(
      String baseUrl, String password, ArrayNode visits, Duration timeout) throws Exception {
    String output =
        run(
            "browser check",
            timeout,
            "node",
            "src/test/e2e/p1-forms.mjs",
            baseUrl,
            password,
            visits.toString());
    assertThat(output).as(output).contains(" passed, 0 failed").doesNotContain("FAIL");
  }
}
