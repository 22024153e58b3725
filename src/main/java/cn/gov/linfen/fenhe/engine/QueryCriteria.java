package cn.gov.linfen.fenhe.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractQuery;

/**
 * The criteria of one kind of engine query, field by field, for the managers that answer a query of
 * a simple kind themselves ({@link CandidateGroupInbox}, {@link OneCaseQueries}): a query is of
 * that kind when it has no expressions and every instance field of the given classes, but the ones
 * named, is as on a new query. A criterion a later engine version adds is a new field, so it sends
 * the query back to the engine.
 */
final class QueryCriteria {

  private final Object fresh;
  private final List<Field> fields;

  /**
   * {@code fresh}: a new query of the kind; {@code notCriteria}: the fields the caller reads itself
   * or that hold no criterion; {@code types}: the classes whose declared fields are compared.
   */
  QueryCriteria(Object fresh, Set<String> notCriteria, Class<?>... types) {
    this.fresh = fresh;
    List<Field> compared = new ArrayList<>();
    for (Class<?> type : types) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !notCriteria.contains(field.getName())) {
          field.setAccessible(true);
          compared.add(field);
        }
      }
    }
    this.fields = List.copyOf(compared);
  }

  /** Whether the query has no expressions and every compared field as on a new query. */
  boolean asNew(AbstractQuery<?, ?> query) {
    if (!query.getExpressions().isEmpty()) {
      return false;
    }
    try {
      for (Field field : fields) {
        if (!Objects.deepEquals(field.get(query), field.get(fresh))) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException e) {
      return false;
    }
  }
}
