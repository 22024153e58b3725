package cn.gov.linfen.fenhe.engine;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.collection.immutable.List$;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.control.NonFatal$;
import cn.gov.linfen.fenhe.common.BoundedMemo;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.SuccessfulEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.impl.parser.ExpressionValidator;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
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
 *
 * <p>The Scala engine also builds its built-in functions anew for every evaluation (its root
 * context: some 150 function values and the maps that hold them), 80 % of a decision's FEEL time in
 * the benchmark's flight recordings once parsing was gone. Here they are built once per engine and
 * evaluated with a fresh context and failure list each time, as the Scala engine evaluates ({@link
 * Parsing#evaluate}).
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

  public ParsedOnceFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders == null ? java.util.List.of() : functionProviders);
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

  /** The Scala engine this one evaluates with. */
  org.camunda.feel.FeelEngine scalaEngine() {
    return feelEngine;
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

    private static final List<EvaluationFailure> NONE = List$.MODULE$.empty();

    /** The built-in functions, then the custom ones: the Scala engine's root context's. */
    private final FunctionProvider functions;

    private final FeelInterpreter interpreter;
    private final ExpressionValidator validator;

    Parsing(CustomFunctionTransformer transformer, ValueMapper valueMapper) {
      // as FeelEngine.Builder: external functions off, the default clock
      super(
          transformer,
          valueMapper,
          new org.camunda.feel.FeelEngine.Configuration(false),
          org.camunda.feel.FeelEngine.defaultClock());
      // the clock is read when now() or today() is called, not here
      this.functions =
          new FunctionProvider.CompositeFunctionProvider(
              List$.MODULE$
                  .<FunctionProvider>empty()
                  .$colon$colon(functionProvider())
                  .$colon$colon(new BuiltinFunctions(clock(), valueMapper())));
      this.interpreter = new FeelInterpreter(valueMapper());
      this.validator = new ExpressionValidator(configuration().externalFunctionsEnabled());
    }

    /**
     * As {@code FeelEngine.evaluate} of feel-engine 1.19 (validation, evaluation in the root
     * context merged with the caller's, an assertion failure, an error value, a non-fatal
     * exception: the same results and messages), with the root context's functions made once. Each
     * evaluation has its own context and failure list.
     */
    @Override
    public EvaluationResult evaluate(ParsedExpression expression, Context context) {
      try {
        Option<Failure> invalid = validator.validateExpression(expression.expression());
        if (invalid.isDefined()) {
          return new FailedEvaluationResult(
              new Failure(
                  "validation of expression '"
                      + expression.text()
                      + "' failed: "
                      + invalid.get().message()),
              NONE);
        }
        EvalContext evalContext =
            new EvalContext(
                    valueMapper(),
                    VariableProvider.EmptyVariableProvider$.MODULE$,
                    functions,
                    new EvaluationFailureCollector())
                .merge(context);
        Val value = interpreter.eval(expression.expression(), evalContext);
        List<EvaluationFailure> failures = evalContext.failureCollector().failures();
        String assertion = firstAssertionFailure(failures);
        if (assertion != null) {
          return new FailedEvaluationResult(
              new Failure(
                  "Assertion failure on evaluate the expression '"
                      + expression.text()
                      + "': "
                      + assertion),
              failures);
        }
        String error =
            value instanceof ValError valError
                ? valError.error()
                : value instanceof ValFatalError fatal ? fatal.error() : null;
        if (error != null) {
          return new FailedEvaluationResult(
              new Failure("failed to evaluate expression '" + expression.text() + "': " + error),
              failures);
        }
        return new SuccessfulEvaluationResult(valueMapper().unpackVal(value), failures);
      } catch (
          Throwable e) { // as Scala's Try: a non-fatal failure is the result, a fatal one goes on
        if (!NonFatal$.MODULE$.apply(e)) {
          throw e;
        }
        return new FailedEvaluationResult(
            new Failure("failed to evaluate expression '" + expression.text() + "' : " + e), NONE);
      }
    }

    private static String firstAssertionFailure(List<EvaluationFailure> failures) {
      Iterator<EvaluationFailure> each = failures.iterator();
      while (each.hasNext()) {
        EvaluationFailure failure = each.next();
        if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
          return failure.failureMessage();
        }
      }
      return null;
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
