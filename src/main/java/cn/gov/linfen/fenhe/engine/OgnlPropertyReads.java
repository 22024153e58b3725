package cn.gov.linfen.fenhe.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * OGNL's reading of a bean property in the engine's MyBatis mappings, with the look-up of the
 * reading method done once per class and property instead of at every read (issue 20).
 *
 * <p>Every {@code <if test="…">} of a mapping reads properties of the query object. MyBatis's OGNL
 * ({@link ObjectPropertyAccessor}) looks for a {@code get}/{@code is} method in a cache, and when
 * there is none ({@code processInstanceId} of a query is a field, {@code authCheck.…} too) scans
 * every public method of the class, lower-casing and comparing names ({@code
 * OgnlRuntime.getReadMethod}: {@code Class.getMethods()} copies them all), at every evaluation: 6 %
 * of the engine node's CPU in a flight recording of the P1 benchmark, nearly all of it in the task
 * query and the process instance query that a client polls (docs/benchmarks.md, run O1).
 *
 * <p>The answer is the same as OGNL's: the method is the one OGNL finds ({@code getGetMethod}, else
 * {@code getReadMethod}, both functions of the class and the name only), kept per class; it is
 * invoked, or else the field read, exactly as {@link ObjectPropertyAccessor#getPossibleProperty}
 * does, with the same access check. Registered for {@code Object}, OGNL's fallback: maps, lists,
 * arrays and MyBatis's own context keep their accessors (found first). Registered before the
 * engine's first statement; a class resolved before that keeps OGNL's accessor (the same answers).
 */
public final class OgnlPropertyReads extends ObjectPropertyAccessor {

  private static final OgnlPropertyReads INSTANCE = new OgnlPropertyReads();

  /** The reading method per class and property name; empty: none (the field is read). */
  private final ClassValue<Map<String, Optional<Method>>> readers =
      new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  OgnlPropertyReads() {}

  /** Makes it OGNL's accessor of plain objects in this JVM (idempotent). */
  public static void install() {
    OgnlRuntime.setPropertyAccessor(Object.class, INSTANCE);
  }

  /** The engine plugin that installs it before the engine runs its first statement. */
  public static AbstractProcessEnginePlugin plugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
      }
    };
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name)
      throws OgnlException {
    if (target == null) {
      return super.getPossibleProperty(context, target, name);
    }
    Class<?> type = target.getClass();
    Method method =
        readers
            .get(type)
            .computeIfAbsent(
                name,
                property -> {
                  Method found = OgnlRuntime.getGetMethod(type, property);
                  return Optional.ofNullable(
                      found != null ? found : OgnlRuntime.getReadMethod(type, property, null));
                })
            .orElse(null);
    // what OgnlRuntime.getMethodValue(context, target, name, true) and then, when it finds no
    // accessible method, OgnlRuntime.getFieldValue(context, target, name, true) do
    try {
      if (method == null
          || !context.getMemberAccess().isAccessible(context, target, method, name)) {
        return OgnlRuntime.getFieldValue(context, target, name, true);
      }
      try {
        return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
      } catch (InvocationTargetException e) {
        throw new OgnlException(name, e.getTargetException());
      }
    } catch (OgnlException e) {
      throw e;
    } catch (Exception e) {
      throw new OgnlException(name, e);
    }
  }
}
