package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.parser.FeelParser;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.junit.jupiter.api.Test;

/**
 * {@link ParsedOnceFeelEngine} answers as Camunda's Scala FEEL engine, value for value and failure
 * for failure, while it parses each text once (issue 20).
 */
class ParsedOnceFeelEngineTest {

  private static final List<String> EXPRESSIONS =
      List.of(
          "number(amount)",
          "amount * 2",
          "amount > 500000",
          "name",
          "string length(name)",
          "if amount > 10 then \"多\" else \"少\"",
          "missing",
          "amount +",
          "number(name)",
          "date(\"2026-10-10\") + duration(\"P1D\")");

  private static final List<String> UNARY_TESTS =
      List.of(
          "-",
          " - ",
          "> 0",
          "<= 500000",
          "[1..100]",
          "\"hrss-bureau\",\"sasac\"",
          "not(\"sasac\")",
          "null",
          "",
          "> ",
          "? > 10",
          "amount");

  private static final List<Object> INPUTS =
      Arrays.asList(null, 0, 1, 100, 500000, 500001.5, -3, "sasac", "hrss-bureau", true);

  private static VariableContext variables(Object amount, Object name) {
    return Variables.createVariables()
        .putValue("amount", amount)
        .putValue("name", name)
        .asVariableContext();
  }

  private static List<VariableContext> contexts() {
    List<VariableContext> contexts = new ArrayList<>();
    contexts.add(variables(270000, "清算组"));
    contexts.add(variables(600000.5, "sasac"));
    contexts.add(variables(null, null));
    contexts.add(variables("abc", 12));
    return contexts;
  }

  /** The value, or the failure's class and message. */
  private static Object answer(Callable<Object> evaluation) {
    try {
      return evaluation.call();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void expressions_give_the_scala_engines_values_and_failures_and_are_parsed_once() {
    FeelEngine camunda = new ScalaFeelEngine(List.of());
    ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());
    List<Object> expectedAnswers = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String expression : EXPRESSIONS) {
        for (VariableContext context : contexts()) {
          Object expected = answer(() -> camunda.evaluateSimpleExpression(expression, context));
          Object actual = answer(() -> parsedOnce.evaluateSimpleExpression(expression, context));
          assertThat(actual).as("%s with %s", expression, context.keySet()).isEqualTo(expected);
          expectedAnswers.add(expected);
        }
      }
    }
    // the comparison covers values and failures alike
    assertThat(expectedAnswers)
        .anyMatch(a -> a instanceof String text && text.contains("FeelException"))
        .anyMatch(a -> a instanceof Number)
        .anyMatch(Boolean.TRUE::equals);
    assertThat(parsedOnce.parsedTexts()).isEqualTo(EXPRESSIONS.size());
  }

  @Test
  void input_entries_give_the_scala_engines_answers_and_the_dash_is_true_for_any_input() {
    FeelEngine camunda = new ScalaFeelEngine(List.of());
    ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());
    for (int round = 0; round < 2; round++) {
      for (String test : UNARY_TESTS) {
        for (Object input : INPUTS) {
          VariableContext context =
              Variables.createVariables()
                  .putValue("cellInput", input)
                  .putValue("amount", 100)
                  .asVariableContext();
          Object expected =
              answer(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput", context));
          Object actual =
              answer(() -> parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", context));
          assertThat(actual).as("%s for %s", test, input).isEqualTo(expected);
          if (test.strip().equals("-")) {
            assertThat(actual).isEqualTo(true);
          }
        }
      }
    }
    // the dash is answered without FEEL; every other text parsed once
    assertThat(parsedOnce.parsedTexts()).isEqualTo(UNARY_TESTS.size() - 2);
  }

  /** Camunda's FEEL engine with its Scala engine in reach. */
  private static final class Stock extends ScalaFeelEngine {
    Stock() {
      super(List.of());
    }

    org.camunda.feel.FeelEngine engine() {
      return feelEngine;
    }
  }

  /**
   * A context as Camunda's wrapper builds it, with a variable whose look-up fails and one that
   * holds an error value.
   */
  private static Context context(Object amount, Object name) {
    VariableContext values =
        Variables.createVariables()
            .putValue("amount", amount)
            .putValue("name", name)
            .putValue("fatal", new ValFatalError("计算中止"))
            .asVariableContext();
    VariableContext failing =
        new VariableContext() {
          @Override
          public TypedValue resolve(String variableName) {
            if ("boom".equals(variableName)) {
              throw new IllegalStateException("变量读取失败");
            }
            return values.resolve(variableName);
          }

          @Override
          public boolean containsVariable(String variableName) {
            return "boom".equals(variableName) || values.containsVariable(variableName);
          }

          @Override
          public Set<String> keySet() {
            Set<String> keys = new java.util.HashSet<>(values.keySet());
            keys.add("boom");
            return keys;
          }
        };
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(failing);
      }
    };
  }

  private static final List<String> EVALUATED =
      List.of(
          "amount * 2",
          "missing",
          "missing.field + 1",
          "amount + name",
          "{a: amount, b: [1, 2, name]}",
          "for x in [1, 2, 3] return x * amount",
          "string length(12)",
          "date(\"not a date\")",
          "assert(amount, amount > 1000000)",
          "assert(amount, amount > 1000000, \"金额超限\")",
          "function(x) external { java: { class: \"java.lang.Math\","
              + " method signature: \"max(int, int)\" } }",
          "boom",
          "fatal",
          "today() < date(\"9999-12-31\")");

  @Test
  void evaluation_gives_the_scala_engines_results_and_failures_with_the_functions_made_once() {
    org.camunda.feel.FeelEngine stock = new Stock().engine();
    org.camunda.feel.FeelEngine ours = new ParsedOnceFeelEngine(List.of()).scalaEngine();
    List<EvaluationResult> results = new ArrayList<>();
    for (String expression : EVALUATED) {
      // parsed without the parse's own validation, so that evaluation validates
      ParsedExpression parsed =
          new ParsedExpression(FeelParser.parseExpression(expression).get().value(), expression);
      for (Object[] values :
          List.of(
              new Object[] {270000, "清算组"}, new Object[] {null, null}, new Object[] {"abc", 12})) {
        EvaluationResult expected = stock.evaluate(parsed, context(values[0], values[1]));
        EvaluationResult actual = ours.evaluate(parsed, context(values[0], values[1]));
        assertThat(actual).as("%s with %s", expression, Arrays.asList(values)).isEqualTo(expected);
        results.add(expected);
      }
    }
    // the comparison covers each kind of answer
    assertThat(results)
        .anyMatch(r -> r.isSuccess() && r.suppressedFailures().isEmpty())
        .anyMatch(r -> r.isSuccess() && !r.suppressedFailures().isEmpty())
        .anyMatch(r -> r.isFailure() && r.failure().message().startsWith("Assertion failure"))
        .anyMatch(r -> r.isFailure() && r.failure().message().startsWith("validation of"))
        .anyMatch(r -> r.isFailure() && r.failure().message().contains("变量读取失败"))
        .anyMatch(
            r ->
                r.isFailure()
                    && r.failure().message().equals("failed to evaluate expression 'fatal': 计算中止"));
  }

  @Test
  void each_evaluation_keeps_its_own_failures_and_reads_the_clock_when_called() throws Exception {
    org.camunda.feel.FeelEngine ours = new ParsedOnceFeelEngine(List.of()).scalaEngine();
    ParsedExpression missing = ours.parseExpression("missing").toOption().get();
    ParsedExpression clean = ours.parseExpression("amount * 2").toOption().get();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<EvaluationResult>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        ParsedExpression expression = i % 2 == 0 ? missing : clean;
        answers.add(threads.submit(() -> ours.evaluate(expression, context(21, "x"))));
      }
      for (int i = 0; i < answers.size(); i++) {
        EvaluationResult result = answers.get(i).get(30, TimeUnit.SECONDS);
        assertThat(result.suppressedFailures().size()).as("evaluation %s", i).isEqualTo(1 - i % 2);
      }
    } finally {
      threads.shutdownNow();
    }
    ParsedExpression now = ours.parseExpression("now()").toOption().get();
    Object first = ours.evaluate(now, context(1, "x")).result();
    Thread.sleep(20);
    Object second = ours.evaluate(now, context(1, "x")).result();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void p1_reviewers_decide_as_with_camundas_feel() throws Exception {
    DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(ParsedOnceFeelEngine.factory(configuration));
    DmnEngine parsedOnce = configuration.buildEngine();
    assertThat(configuration.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    String resource = "processes/p1-soe-reform-fund/soe-reform-fund-reviewers.dmn";
    DmnDecision before;
    DmnDecision after;
    try (InputStream one = getClass().getClassLoader().getResourceAsStream(resource);
        InputStream two = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(one).as(resource).isNotNull();
      before = camunda.parseDecision("soe-reform-fund-reviewers", one);
      after = parsedOnce.parseDecision("soe-reform-fund-reviewers", two);
    }
    List<String> items =
        new ArrayList<>(List.of(SoeReformFundProcess.Variables.LIQUIDATION_COST_AMOUNT));
    items.addAll(SoeReformFundProcess.Variables.RESETTLEMENT_ITEMS);
    String[] amounts = items.toArray(String[]::new);
    int reviewerRows = 0;
    for (int case_ = 0; case_ < 1 << 5; case_++) {
      Map<String, Object> application = new java.util.HashMap<>();
      for (int i = 0; i < amounts.length; i++) {
        // as the form sends amounts: text
        application.put(
            amounts[i], ((case_ >> (i % 5)) & 1) == 1 ? (1000 * (i + 1)) + ".00" : "0.00");
      }
      List<Map<String, Object>> expected =
          camunda.evaluateDecisionTable(before, application).getResultList();
      assertThat(parsedOnce.evaluateDecisionTable(after, application).getResultList())
          .as("case %s", application)
          .isEqualTo(expected);
      reviewerRows += expected.size();
    }
    assertThat(reviewerRows).as("the cases name reviewers").isGreaterThan(32);
  }
}
