package cn.gov.linfen.fenhe.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;

/**
 * The plans of the workbench's browser walks (src/test/e2e/workbench.mjs) as the procedures' tests
 * write them: a step or a list of ops, the fields of a form, a second officer of a group.
 */
public final class WorkbenchWalks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkbenchWalks() {}

  /** Runs the plan in headless Chromium; every check of the script must pass. */
  public static String walk(String baseUrl, String password, ObjectNode plan, Duration timeout)
      throws Exception {
    String output =
        BrowserScripts.run(
            "workbench walk " + plan.get("step").asText(),
            timeout,
            "node",
            "src/test/e2e/workbench.mjs",
            baseUrl,
            password,
            plan.toString());
    assertThat(output).as(output).contains(" passed, 0 failed").doesNotContain("FAIL");
    return output;
  }

  /** A plan: the script's step, as this user, at both viewport sizes (1440×900 and 390×844). */
  public static ObjectNode plan(String step, String user) {
    ObjectNode plan = JSON.createObjectNode();
    plan.put("step", step).put("user", user);
    return plan;
  }

  /** A plan: the script's step, as this user, at one viewport size. */
  public static ObjectNode plan(String step, String user, int width, int height) {
    ObjectNode plan = plan(step, user);
    plan.putArray("sizes").addArray().add(width).add(height);
    return plan;
  }

  /** A form field to fill: its label, its value (none for a tick box) and its kind (or none). */
  public static ObjectNode field(ArrayNode fill, String label, String value, String kind) {
    ObjectNode field = fill.addObject().put("label", label);
    if (value != null) {
      field.put("value", value);
    }
    if (kind != null) {
      field.put("kind", kind);
    }
    return field;
  }

  /** An op of the plan step "actions", as this user on this case. */
  public static ObjectNode op(ArrayNode ops, String user, String op, String businessKey) {
    return ops.addObject().put("user", user).put("op", op).put("businessKey", businessKey);
  }

  /** A second officer (created once, with a name) in the groups, to transfer or delegate to. */
  public static String colleague(
      IdentityService identity,
      String id,
      String firstName,
      String lastName,
      String password,
      String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
    return id;
  }
}
