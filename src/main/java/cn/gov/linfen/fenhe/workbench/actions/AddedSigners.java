package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.cases.CaseReaders;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.workbench.CaseEvent;
import cn.gov.linfen.fenhe.workbench.CaseEvent.Action;
import cn.gov.linfen.fenhe.workbench.CaseEvents;
import java.util.List;

/**
 * A signer added to a task of a case (加签) reads the case while he is a signer: his sub-task (他先办)
 * is not a task of the process instance, so the case would not know him otherwise. He acts only on
 * his own sub-task; removed (减签), he no longer reads the case.
 */
class AddedSigners implements CaseReaders {

  private final CaseEvents events;

  AddedSigners(CaseEvents events) {
    this.events = events;
  }

  @Override
  public boolean reads(FenheUser user, String processInstanceId) {
    List<CaseEvent> about =
        events.forCase(processInstanceId).stream()
            .filter(e -> user.id().equals(e.targetUserId()))
            .filter(e -> e.action() == Action.ADD_SIGNER || e.action() == Action.REMOVE_SIGNER)
            .toList();
    return !about.isEmpty() && about.get(about.size() - 1).action() == Action.ADD_SIGNER;
  }
}
