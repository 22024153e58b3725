package cn.gov.linfen.fenhe.engine.guard;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.util.Map;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.query.Query;

/**
 * No query runs with an expression in it: not at the top, not in any of a task query's {@code
 * orQueries}, whether it came as an adhoc query (engine REST, the webapps' API, the Java API) or as
 * a stored one (a filter). The engine's own switches ({@code enableExpressionsInAdhocQueries},
 * {@code …StoredQueries}) look only at the top-level query, so an expression in an or-query reached
 * the expression language with Spring beans and Java methods in reach (Camunda 7.24 CE receives no
 * fix for it).
 *
 * <p>Used as the engine's query {@link Validator} (added to every stored task query when it is
 * read, see {@link ExpressionFreeTaskQueryConverter}) and by {@link EngineGuardInterceptor} for
 * every query command.
 */
public final class QueryExpressionGuard implements Validator<AbstractQuery<?, ?>> {

  public static final QueryExpressionGuard INSTANCE = new QueryExpressionGuard();

  private QueryExpressionGuard() {}

  @Override
  public void validate(AbstractQuery<?, ?> query) {
    check(query);
  }

  /** Refuses (HTTP 400) a query that carries an expression anywhere. */
  public static void check(Query<?, ?> query) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
      return;
    }
    refuseExpressions(abstractQuery.getExpressions());
    if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
      for (TaskQueryImpl orQuery : taskQuery.getQueries()) {
        if (orQuery != taskQuery) {
          refuseExpressions(orQuery.getExpressions());
        }
      }
    }
  }

  private static void refuseExpressions(Map<String, String> expressions) {
    if (expressions == null || expressions.isEmpty()) {
      return;
    }
    String field = expressions.keySet().iterator().next() + "Expression";
    throw EngineRefusal.badRequest(PlatformRefusal.EXPRESSION_IN_QUERY.at(field));
  }
}
