package cn.gov.linfen.fenhe.engine.guard;

import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.web.DatabaseUnavailable;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Two people acting on the same thing at once (two claims of one task, two completions) can make
 * the database refuse the second transaction — a unique row written twice, a deadlock, a lock wait
 * ended — which the engine reports as a failure of its persistence layer. For a person's request
 * that is a conflict, not a server error: answered 409 "刷新后重试", nothing written. The engine's own
 * work (jobs, no request) keeps the engine's handling (retries). A database that cannot be reached
 * is answered 503 the same way, whichever API the request came through.
 */
final class ConflictInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      if (CallerAddress.current() != null
          && !(e instanceof EngineRefusal)
          && DatabaseUnavailable.isCause(e)) {
        EngineRefusal outage = new EngineRefusal(503, DatabaseUnavailable.ERROR);
        outage.initCause(e); // the filters in front of the APIs recognise an outage by its cause
        throw outage;
      }
      if (CallerAddress.current() != null && !(e instanceof EngineRefusal) && isConflict(e)) {
        throw new EngineRefusal(409, PlatformRefusal.CONCURRENT_CHANGE.at("case"));
      }
      throw e;
    }
  }

  /** A refusal of the database that a retry after reloading may not meet again. */
  static boolean isConflict(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 23xxx integrity constraint (the same row twice), 40xxx rollback (deadlock,
        // serialization),
        // HYT00 H2's lock timeout, 55P03 PostgreSQL's lock not available
        if (state.startsWith("23")
            || state.startsWith("40")
            || state.equals("HYT00")
            || state.equals("55P03")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
