package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** Who sees a case. STUB until the lead's lands on main (see /work/tmp/caseaccess.md). */
@Component
@EngineRole
public class CaseAccess {

  private final HistoryService history;
  private final IdentityService identity;

  public CaseAccess(ProcessEngine engine) {
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
  }

  public Optional<CaseRef> find(FenheUser user, String businessKey) {
    List<HistoricProcessInstance> found =
        AsPlatform.call(
            identity,
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey)
                    .list());
    return found.stream()
        .filter(i -> i.getSuperProcessInstanceId() == null)
        .findFirst()
        .flatMap(i -> ref(user, i));
  }

  public Optional<CaseRef> findByProcessInstance(FenheUser user, String processInstanceId) {
    HistoricProcessInstance instance =
        AsPlatform.call(
            identity,
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult());
    return Optional.ofNullable(instance).flatMap(i -> ref(user, i));
  }

  public CaseRef require(FenheUser user, String businessKey) {
    return find(user, businessKey).orElseThrow(() -> new CaseNotFoundException(businessKey));
  }

  private Optional<CaseRef> ref(FenheUser user, HistoricProcessInstance instance) {
    CaseRole role = null;
    if (user.id().equals(instance.getStartUserId())) {
      role = CaseRole.APPLICANT;
    } else {
      List<HistoricIdentityLinkLog> links =
          AsPlatform.call(
              identity,
              () ->
                  history
                      .createHistoricTaskInstanceQuery()
                      .processInstanceId(instance.getId())
                      .list()
                      .stream()
                      .flatMap(
                          t ->
                              history
                                  .createHistoricIdentityLinkLogQuery()
                                  .taskId(t.getId())
                                  .list()
                                  .stream())
                      .toList());
      boolean officer =
          links.stream()
              .anyMatch(
                  l ->
                      user.id().equals(l.getUserId())
                          || l.getGroupId() != null && user.groupIds().contains(l.getGroupId()));
      if (officer) {
        role = CaseRole.OFFICER;
      } else if (user.seesEverything()) {
        role = CaseRole.SUPERVISOR;
      }
    }
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
}
