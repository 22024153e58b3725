package cn.gov.linfen.fenhe.engine.guard;

import camundajar.impl.com.google.gson.JsonObject;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonObjectConverter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The converter of stored task queries (filters), wrapped: a filter with an expression anywhere in
 * its query (or-queries included) cannot be saved, whoever saves it and however; a filter row that
 * already holds one (written to the database by other means) can still be listed and deleted, but
 * its query refuses to run.
 */
final class ExpressionFreeTaskQueryConverter extends JsonObjectConverter<TaskQuery> {

  private final JsonObjectConverter<TaskQuery> stock;

  private ExpressionFreeTaskQueryConverter(JsonObjectConverter<TaskQuery> stock) {
    this.stock = stock;
  }

  /** Wraps the engine's converter of task filters (once; the map is the engine's, JVM-wide). */
  @SuppressWarnings("unchecked")
  static synchronized void install() {
    JsonObjectConverter<?> current = FilterEntity.queryConverter.get(EntityTypes.TASK);
    if (current != null && !(current instanceof ExpressionFreeTaskQueryConverter)) {
      FilterEntity.queryConverter.put(
          EntityTypes.TASK,
          new ExpressionFreeTaskQueryConverter((JsonObjectConverter<TaskQuery>) current));
    }
  }

  @Override
  public JsonObject toJsonObject(TaskQuery query) {
    QueryExpressionGuard.check(query);
    return stock.toJsonObject(query);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public TaskQuery toObject(JsonObject json) {
    TaskQuery query = stock.toObject(json);
    if (query instanceof TaskQueryImpl taskQuery) {
      taskQuery.addValidator((org.camunda.bpm.engine.impl.Validator) QueryExpressionGuard.INSTANCE);
      if (taskQuery.getQueries() != null) {
        for (AbstractQuery orQuery : taskQuery.getQueries()) {
          orQuery.addValidator(QueryExpressionGuard.INSTANCE);
        }
      }
    }
    return query;
  }
}
