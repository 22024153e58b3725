package cn.gov.linfen.fenhe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The two queries with which a client follows one case, answered by a statement of fixed text
 * instead of the engine's dynamic one: the tasks of one process instance ({@code GET
 * /engine-rest/task?processInstanceId=…}, the workbench's case page) and one process instance by
 * its id ({@code GET /engine-rest/process-instance/{id}}).
 *
 * <p>The engine builds the SQL of every task and process-instance query anew from its mapping (some
 * hundred MyBatis conditions evaluated by OGNL against the query, whatever it asks): in a flight
 * recording of P1 (docs/benchmarks.md, run R1) building the text of these two queries was a third
 * of their time and 6 % of the app's. Here the text is the engine's own statement for that query
 * (the same table, join, condition and order: {@code RES.PARENT_ID_ is null}, the definition
 * joined, for a process instance; the order asked, then by id, for tasks), its values bound as
 * parameters, and its rows read with the engine's own result maps into the engine's entity cache.
 *
 * <p>Only when the query asks for that case and nothing else (every other field of the query as on
 * a new query, checked field by field, so a criterion a later engine adds sends the query back; no
 * {@code or()}, no expressions, ordered by the row's own columns) and the engine itself checks
 * neither authorizations nor tenants for the caller ({@code configureQuery} decided: an
 * administrator, or the platform's own calls without an authenticated user, such as the workbench's
 * case page after its own access check, {@code AsPlatform}); an authenticated user who is not an
 * administrator keeps the engine's tenant check, so the engine answers him even when his wildcard
 * grants let every row pass; on PostgreSQL or H2. Everything else goes to the engine's statements,
 * unchanged. Tests: {@code OneCaseQueriesRulesTest} (which queries qualify), {@code
 * OneCaseQueriesTest} (the same answers as the engine's statements, pages and order included, on H2
 * and PostgreSQL; the REST calls take this path; a caller the engine checks does not).
 */
public final class OneCaseQueries {

  static final String TASKS = OneCaseQueries.class.getName() + ".tasks";
  static final String PROCESS_INSTANCES = OneCaseQueries.class.getName() + ".processInstances";

  private static final String TASK_RESULT_MAP =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap";
  private static final String EXECUTION_RESULT_MAP =
      "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.executionResultMap";

  /** Fields that hold no criterion or that the engine applies after the manager answers. */
  private static final Set<String> TASK_NOT_CRITERIA =
      Set.of(
          "processInstanceId",
          "queries",
          "cachedCandidateGroups",
          "cachedUserGroups",
          "initializeFormKeys",
          "withCommentAttachmentInfo");

  private static final Set<String> INSTANCE_NOT_CRITERIA = Set.of("processInstanceId", "queries");

  private static final QueryCriteria TASK_CRITERIA =
      new QueryCriteria(new TaskQueryImpl(), TASK_NOT_CRITERIA, TaskQueryImpl.class);
  private static final QueryCriteria INSTANCE_CRITERIA =
      new QueryCriteria(
          new ProcessInstanceQueryImpl(),
          INSTANCE_NOT_CRITERIA,
          ProcessInstanceQueryImpl.class,
          AbstractVariableQueryImpl.class);

  private static final LongAdder TAKEN = new LongAdder();

  private OneCaseQueries() {}

  /** How many queries were answered here since the start (for tests). */
  public static long taken() {
    return TAKEN.sum();
  }

  /** Adds this class's two statements to the engine's MyBatis configuration (once per engine). */
  static void register(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    for (String[] statement :
        List.of(
            new String[] {TASKS, TASK_RESULT_MAP},
            new String[] {PROCESS_INSTANCES, EXECUTION_RESULT_MAP})) {
      if (!mybatis.hasStatement(statement[0], false)) {
        mybatis.addMappedStatement(
            new MappedStatement.Builder(
                    mybatis, statement[0], new Text(mybatis), SqlCommandType.SELECT)
                .resultMaps(List.of(mybatis.getResultMap(statement[1])))
                .build());
      }
    }
  }

  /**
   * The tasks of the query's process instance in the engine's order, or null when the query is not
   * of that kind only or the engine checks the caller (then the engine answers). {@code orderBy}:
   * the query's order as {@link CandidateGroupInbox#orderBy} gives it, null when it needs a join.
   */
  static List<Task> tasks(DbEntityManager entities, TaskQueryImpl query, String orderBy) {
    if (orderBy == null || !tasksOfOneInstance(query)) {
      return null;
    }
    return answer(
        entities,
        TASKS,
        query,
        query.getProcessInstanceId(),
        prefix ->
            "SELECT RES.* FROM "
                + prefix
                + "ACT_RU_TASK RES WHERE RES.PROC_INST_ID_ = ? ORDER BY "
                + orderBy
                + " LIMIT ? OFFSET ?");
  }

  /**
   * The query's process instance (a list of at most one), or null when the query is not of that
   * kind only or the engine checks the caller.
   */
  static List<ProcessInstance> processInstances(
      DbEntityManager entities, ProcessInstanceQueryImpl query) {
    if (!oneProcessInstance(query)) {
      return null;
    }
    return answer(
        entities,
        PROCESS_INSTANCES,
        query,
        query.getProcessInstanceId(),
        prefix ->
            "SELECT RES.* FROM "
                + prefix
                + "ACT_RU_EXECUTION RES INNER JOIN "
                + prefix
                + "ACT_RE_PROCDEF P ON RES.PROC_DEF_ID_ = P.ID_"
                + " WHERE RES.PARENT_ID_ IS NULL AND RES.PROC_INST_ID_ = ?"
                + " ORDER BY RES.ID_ ASC LIMIT ? OFFSET ?");
  }

  /**
   * The rows of {@code statement} for the process instance and the query's page, read through the
   * engine's entity cache as those of its own statements; null when the engine checks the caller or
   * the database is not PostgreSQL or H2. {@code sql}: the text, given the table prefix.
   */
  @SuppressWarnings("unchecked")
  private static <T> List<T> answer(
      DbEntityManager entities,
      String statement,
      AbstractQuery<?, ?> query,
      String instance,
      UnaryOperator<String> sql) {
    String prefix = prefix();
    if (!unchecked(query) || prefix == null) {
      return null;
    }
    TAKEN.increment();
    Statement text =
        new Statement(
            sql.apply(prefix),
            List.<Object>of(instance, query.getMaxResults(), query.getFirstResult()));
    return (List<T>) entities.selectListWithRawParameter(statement, text, 0, Integer.MAX_VALUE);
  }

  /** Whether the task query asks for one process instance's tasks and nothing else. */
  static boolean tasksOfOneInstance(TaskQueryImpl query) {
    return query.getProcessInstanceId() != null
        && query.getQueries().size() == 1
        && query.getQueries().get(0) == query
        && TASK_CRITERIA.asNew(query);
  }

  /** Whether the query asks for one process instance by its id and nothing else, in no order. */
  static boolean oneProcessInstance(ProcessInstanceQueryImpl query) {
    return query.getProcessInstanceId() != null
        && query.getQueries().size() == 1
        && query.getQueries().get(0) == query
        && query.getOrderingProperties().isEmpty()
        && INSTANCE_CRITERIA.asNew(query);
  }

  /** Whether the engine checks neither authorizations nor tenants for the caller of this query. */
  static boolean unchecked(AbstractQuery<?, ?> query) {
    AuthorizationCheck auth = query.getAuthCheck();
    return !(auth.getShouldPerformAuthorizatioCheck() && auth.getAuthUserId() != null)
        && !query.getTenantCheck().isTenantCheckEnabled();
  }

  /** The engine's table prefix on PostgreSQL and H2; null on other databases. */
  private static String prefix() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String database = configuration.getDatabaseType();
    if (!"postgres".equals(database) && !"h2".equals(database)) {
      return null;
    }
    return Objects.requireNonNullElse(configuration.getDatabaseTablePrefix(), "");
  }

  /** A statement's text and its values, in the order of its {@code ?}. */
  record Statement(String sql, List<Object> values) {}

  /** The text of a {@link Statement}, its values bound in order (strings and integers). */
  static final class Text implements SqlSource {

    private final Configuration mybatis;

    Text(Configuration mybatis) {
      this.mybatis = mybatis;
    }

    @Override
    public BoundSql getBoundSql(Object parameter) {
      Statement statement = (Statement) parameter;
      List<ParameterMapping> mappings = new ArrayList<>(statement.values().size());
      for (int i = 0; i < statement.values().size(); i++) {
        mappings.add(
            new ParameterMapping.Builder(mybatis, "v" + i, statement.values().get(i).getClass())
                .build());
      }
      BoundSql bound = new BoundSql(mybatis, statement.sql(), mappings, statement);
      for (int i = 0; i < statement.values().size(); i++) {
        bound.setAdditionalParameter("v" + i, statement.values().get(i));
      }
      return bound;
    }
  }
}
