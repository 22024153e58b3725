package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.junit.jupiter.api.Test;

/**
 * {@link OgnlPropertyReads} reads every property the engine's task, execution and authorization
 * mappings name, on the engine's query objects and on beans of every kind of property, with the
 * same value or the same failure as MyBatis's own {@link ObjectPropertyAccessor} — the first time
 * (the look-up) and the second (from what it kept).
 */
class OgnlPropertyReadsTest {

  /** A bean of every kind of property OGNL reads. */
  public static class Kinds {
    public String field = "the field";
    protected String hidden = "a protected field";
    private final String secret = "a private field";
    private final boolean flag = true;
    private final int count = 7;

    public String getGetter() {
      return "the getter";
    }

    public boolean isFlag() {
      return flag;
    }

    public int count() {
      return count;
    }

    public String getFailing() {
      throw new IllegalStateException("the getter failed");
    }

    public String getSecretLength() {
      return String.valueOf(secret.length());
    }

    /** A getter and a field of one name: OGNL reads the getter. */
    public String getField() {
      return "the getter of field";
    }
  }

  /** A subclass: properties inherited, one overridden. */
  public static class Child extends Kinds {
    @Override
    public String getGetter() {
      return "the child's getter";
    }
  }

  @Test
  void reads_every_property_of_the_engines_mappings_as_mybatis_own_accessor_does()
      throws Exception {
    Set<String> names = new TreeSet<>();
    for (String mapping : List.of("Task.xml", "Execution.xml", "Authorization.xml")) {
      names.addAll(propertiesTested(mapping));
    }
    names.addAll(
        List.of(
            "field",
            "hidden",
            "secret",
            "flag",
            "count",
            "getter",
            "failing",
            "secretLength",
            "absent",
            "class"));
    assertThat(names).contains("processInstanceId", "authCheck", "shouldPerformAuthorizatioCheck");

    TaskQueryImpl taskQuery = new TaskQueryImpl();
    taskQuery.processInstanceId("instance-1").taskNameLike("%审核%").orderByDueDate().desc();
    taskQuery.getAuthCheck().setAuthUserId("demo-sasac");
    taskQuery.getAuthCheck().setAuthorizationCheckEnabled(true);
    ProcessInstanceQueryImpl instanceQuery = new ProcessInstanceQueryImpl();
    instanceQuery.processInstanceId("instance-1");
    TenantCheck tenantCheck = new TenantCheck();
    tenantCheck.setAuthTenantIds(List.of("tenant-a"));
    List<Object> targets =
        List.of(
            taskQuery,
            instanceQuery,
            taskQuery.getAuthCheck(),
            new AuthorizationCheck(),
            tenantCheck,
            new ListQueryParameterObject("parameter", 0, 10),
            new Kinds(),
            new Child(),
            "a string");

    PropertyAccessor stock = new ObjectPropertyAccessor();
    OgnlPropertyReads kept = new OgnlPropertyReads();
    int values = 0;
    List<String> differences = new ArrayList<>();
    for (int pass = 1; pass <= 2; pass++) {
      for (Object target : targets) {
        for (String name : names) {
          String expected = outcome(stock, target, name);
          String actual = outcome(kept, target, name);
          if (!expected.equals(actual)) {
            differences.add(
                target.getClass().getSimpleName() + "." + name + ": " + expected + " / " + actual);
          }
          if (pass == 1 && expected.startsWith("value ")) {
            values++;
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    // not vacuous: many reads answered, among them fields without a getter and the getters
    assertThat(values).isGreaterThan(50);
    assertThat(outcome(kept, taskQuery, "processInstanceId")).isEqualTo("value instance-1");
    assertThat(outcome(kept, new Kinds(), "hidden")).isEqualTo("value a protected field");
    assertThat(outcome(kept, new Kinds(), "count")).isEqualTo("value 7");
    assertThat(outcome(kept, new Child(), "getter")).isEqualTo("value the child's getter");
    assertThat(outcome(kept, new Kinds(), "field")).isEqualTo("value the getter of field");
    assertThat(outcome(kept, new Kinds(), "failing"))
        .startsWith("failure org.apache.ibatis.ognl.OgnlException")
        .contains("IllegalStateException: the getter failed");
    assertThat(outcome(kept, new Kinds(), "absent"))
        .startsWith("failure org.apache.ibatis.ognl.NoSuchPropertyException");
  }

  /** The value read, or the failure with its cause, as text. */
  private static String outcome(PropertyAccessor accessor, Object target, String name) {
    try {
      OgnlContext context = Ognl.createDefaultContext(target, myBatisMemberAccess());
      Object value = accessor.getProperty(context, target, name);
      return "value "
          + (value != null && value.getClass().isArray()
              ? Arrays.deepToString(new Object[] {value})
              : Objects.toString(value));
    } catch (Exception e) {
      return "failure " + e.getClass().getName() + ": " + e.getMessage() + " <- " + e.getCause();
    }
  }

  /** The member access MyBatis evaluates its mappings with (package-private there). */
  private static MemberAccess myBatisMemberAccess() throws Exception {
    Constructor<?> constructor =
        Class.forName("org.apache.ibatis.scripting.xmltags.OgnlMemberAccess")
            .getDeclaredConstructor();
    constructor.setAccessible(true);
    return (MemberAccess) constructor.newInstance();
  }

  private static final Pattern TEST = Pattern.compile("test=\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("null", "and", "or", "not", "true", "false");

  /** The names in the {@code test} expressions of one of the engine's entity mappings. */
  private static Set<String> propertiesTested(String mapping) throws Exception {
    String path = "org/camunda/bpm/engine/impl/mapping/entity/" + mapping;
    String xml;
    try (InputStream in = TaskQueryImpl.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> names = new TreeSet<>();
    Matcher tests = TEST.matcher(xml.replace("&amp;", "&").replace("&lt;", "<"));
    while (tests.find()) {
      // string literals ('LIST_PAGE') are not names
      Matcher name = NAME.matcher(tests.group(1).replaceAll("'[^']*'", ""));
      while (name.find()) {
        if (!KEYWORDS.contains(name.group())) {
          names.add(name.group());
        }
      }
    }
    return names;
  }
}
