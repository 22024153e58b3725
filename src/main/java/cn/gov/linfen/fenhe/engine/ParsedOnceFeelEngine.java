package cn.gov.linfen.fenhe.engine;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import cn.gov.linfen.fenhe.common.BoundedMemo;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The engine's FEEL (the Scala FEEL engine, as configured by Camunda) that parses each expression
 * of a decision once instead of at every evaluation (issue 20).
 *
 * <p>Camunda's FEEL engine parses the text of an input expression or of a rule's input entry anew
 * each time a decision is evaluated: P1's reviewers table alone has 10 input expressions and 100
 * input entries, and the decisions took 7–10 % of the application's CPU in the benchmark
 * (docs/benchmarks.md). Here the parse result of each text, a failure included, is kept and
 * evaluated as the Scala engine does ({@code parse(text).flatMap(eval(_, context))}): the same
 * values, the same failures. The input entry {@code -} (any value) is true without FEEL, as in
 * FEEL. Decision texts come from deployed models; the cache is emptied when it holds more than
 * {@value #CAPACITY} texts.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  static final int CAPACITY = 10_000;

  /** The factory for a DMN engine configuration; reads its custom functions when it builds. */
  public static FeelEngineFactory factory(DefaultDmnEngineConfiguration configuration) {
    return () -> new ParsedOnceFeelEngine(configuration.getFeelCustomFunctionProviders());
  }

  /** A default DMN engine configuration with this FEEL. */
  public static DefaultDmnEngineConfiguration dmnConfiguration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(factory(configuration));
    return configuration;
  }

  /** A DMN engine of its own (outside the process engine) with this FEEL. */
  public static DmnEngine dmnEngine() {
    return dmnConfiguration().buildEngine();
  }

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders == null ? List.of() : functionProviders);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext variableContext) {
    if ("-".equals(expression.strip())) {
      return true;
    }
    return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
  }

  /** How many texts are parsed and kept (expressions and input entries). */
  int parsedTexts() {
    Parsing parsing = (Parsing) feelEngine;
    return parsing.expressions.size() + parsing.unaryTests.size();
  }

  @Override
  protected org.camunda.feel.FeelEngine buildFeelEngine(
      CustomFunctionTransformer transformer, ValueMapper.CompositeValueMapper valueMapper) {
    return new Parsing(transformer, valueMapper);
  }

  /** The Scala engine with the parse results kept, built as Camunda builds it. */
  static final class Parsing extends org.camunda.feel.FeelEngine {

    private final BoundedMemo<String, Either<Failure, ParsedExpression>> expressions =
        new BoundedMemo<>(CAPACITY);
    private final BoundedMemo<String, Either<Failure, ParsedExpression>> unaryTests =
        new BoundedMemo<>(CAPACITY);

    Parsing(CustomFunctionTransformer transformer, ValueMapper valueMapper) {
      // as FeelEngine.Builder: external functions off, the default clock
      super(
          transformer,
          valueMapper,
          new org.camunda.feel.FeelEngine.Configuration(false),
          org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = expressions.get(expression, this::parseExpression);
      return parsed.isLeft() ? failure(parsed) : eval(parsed.toOption().get(), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = unaryTests.get(expression, this::parseUnaryTests);
      if (parsed.isLeft()) {
        return failure(parsed);
      }
      Either<Failure, Object> result = eval(parsed.toOption().get(), context);
      if (result.isLeft()) {
        return result;
      }
      // as the Scala engine: the result read as a boolean (BoxesRunTime.unboxToBoolean)
      Object value = result.toOption().get();
      return new camundajar.impl.scala.util.Right<>(value != null && (Boolean) value);
    }

    @SuppressWarnings("unchecked")
    private static Either<Failure, Object> failure(Either<Failure, ParsedExpression> parsed) {
      return new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
    }
  }
}
