package cn.gov.linfen.fenhe.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The engine's execution manager, answering a query of one process instance by its id for a caller
 * the engine does not check with a statement of fixed text ({@link OneCaseQueries}); every other
 * query as the engine does.
 */
public class OneCaseExecutionManager extends ExecutionManager {

  @Override
  public List<ProcessInstance> findProcessInstancesByQueryCriteria(
      ProcessInstanceQueryImpl query, Page page) {
    configureQuery(query);
    List<ProcessInstance> one = OneCaseQueries.processInstances(getDbEntityManager(), query);
    if (one != null) {
      return one;
    }
    // the engine's own call (its configureQuery above, not twice: the checks would be added again)
    return getDbEntityManager().selectList("selectProcessInstanceByQueryCriteria", query, page);
  }
}
