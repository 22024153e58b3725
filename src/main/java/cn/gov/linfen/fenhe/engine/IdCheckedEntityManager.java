package cn.gov.linfen.fenhe.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;

/**
 * The engine's entity manager, checking a new row's id before it writes the failure's message.
 * Camunda 7.24 builds {@code "Entity " + entity + " has an invalid id"} at every insert, so every
 * new row's {@code toString} (all its fields, its dates formatted) is made and thrown away unless
 * the id is missing or the reserved {@code *}: 3.2 % of the app's samples in a P1 run, most of them
 * for history rows (the flight recording of run G7's build, docs/benchmarks.md). The same check;
 * when it fails, the engine's own check with its exception and message.
 */
public class IdCheckedEntityManager extends DbEntityManager {

  public IdCheckedEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
    super(idGenerator, persistenceSession);
  }

  @Override
  protected void validateId(DbEntity dbEntity) {
    String id = dbEntity.getId();
    if (id == null || Authorization.ANY.equals(id)) {
      super.validateId(dbEntity);
    }
  }

  /** Opens {@link IdCheckedEntityManager} where the engine's factory opens its own. */
  public static class Factory extends DbEntityManagerFactory {

    public Factory(IdGenerator idGenerator) {
      super(idGenerator);
    }

    @Override
    public DbEntityManager openSession() {
      PersistenceSession persistenceSession =
          Context.getCommandContext().getSession(PersistenceSession.class);
      return new IdCheckedEntityManager(idGenerator, persistenceSession);
    }
  }
}
