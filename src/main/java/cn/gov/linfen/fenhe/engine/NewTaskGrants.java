package cn.gov.linfen.fenhe.engine;

import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization provider without the search for a task's existing grant while the task
 * is being created (issue 20).
 *
 * <p>When a candidate group, a candidate user, an assignee or an owner is added to a task, the
 * engine first selects the grant that group or user may already hold on the task and adds the
 * permissions to it, or else inserts a new grant. For a task created in the same command (a user
 * task reached by the process: every candidate group of every step) nothing can be found: its id is
 * new, and the command's own grants are not yet in the database, which is all the engine's select
 * reads. The select is then left out and the grant inserted as the engine inserts it. For a task
 * already stored (a claim, a candidate added later) the engine searches as before. The grants
 * written, their permissions and removal times are the engine's.
 */
public class NewTaskGrants extends DefaultAuthorizationProvider {

  /** Searches left out (for the tests). */
  static final LongAdder LEFT_OUT = new LongAdder();

  @Override
  protected AuthorizationEntity getGrantAuthorization(
      String taskId, String userId, String groupId, Resource resource) {
    if (resource == Resources.TASK && createdInThisCommand(taskId)) {
      LEFT_OUT.increment();
      return null;
    }
    return super.getGrantAuthorization(taskId, userId, groupId, resource);
  }

  private static boolean createdInThisCommand(String taskId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || taskId == null) {
      return false;
    }
    CachedDbEntity cached =
        command.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
    return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
  }
}
