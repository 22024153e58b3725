package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** STUB until the lead's cases package lands on main (same API, simpler rules). */
@Component
@EngineRole
public class CaseAccess {

  private final ProcessEngine engine;
  private final List<CaseReaders> readers;

  public CaseAccess(ProcessEngine engine, List<CaseReaders> readers) {
    this.engine = engine;
    this.readers = readers;
  }

  public Optional<CaseRef> find(FenheUser user, String businessKey) {
    HistoricProcessInstance instance =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey)
                    .list()
                    .stream()
                    .filter(i -> i.getSuperProcessInstanceId() == null)
                    .findFirst()
                    .orElse(null));
    return instance == null ? Optional.empty() : ref(user, instance);
  }

  public Optional<CaseRef> findByProcessInstance(FenheUser user, String processInstanceId) {
    HistoricProcessInstance instance =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult());
    return instance == null ? Optional.empty() : ref(user, instance);
  }

  private Optional<CaseRef> ref(FenheUser user, HistoricProcessInstance instance) {
    CaseRole role = role(user, instance);
    if (role == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CaseRef(
            instance.getBusinessKey(),
            instance.getId(),
            instance.getProcessDefinitionId(),
            instance.getProcessDefinitionKey(),
            instance.getStartUserId(),
            instance.getEndTime() != null,
            role));
  }

  private CaseRole role(FenheUser user, HistoricProcessInstance instance) {
    if (user.id().equals(instance.getStartUserId())) {
      return CaseRole.APPLICANT;
    }
    boolean officer =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                engine
                    .getHistoryService()
                    .createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId())
                    .list()
                    .stream()
                    .anyMatch(
                        t ->
                            user.id().equals(t.getAssignee())
                                || user.id().equals(t.getOwner())
                                || engine
                                    .getHistoryService()
                                    .createHistoricIdentityLinkLogQuery()
                                    .taskId(t.getId())
                                    .list()
                                    .stream()
                                    .anyMatch(
                                        l ->
                                            user.id().equals(l.getUserId())
                                                || l.getGroupId() != null
                                                    && user.groupIds().contains(l.getGroupId()))));
    if (officer) {
      return CaseRole.OFFICER;
    }
    if (readers.stream().anyMatch(r -> r.reads(user, instance.getId()))) {
      return CaseRole.READER;
    }
    if (user.seesEverything()) {
      return CaseRole.SUPERVISOR;
    }
    return null;
  }
}
