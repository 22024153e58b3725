package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.workbench.CaseCopies;
import cn.gov.linfen.fenhe.workbench.CaseEvents;
import cn.gov.linfen.fenhe.workbench.Notifications;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The workbench's task actions (docs/workbench-actions.md). */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class ActionsConfiguration {

  @Bean
  static ActionsEnginePlugin workbenchActionsEnginePlugin() {
    return new ActionsEnginePlugin();
  }

  @Bean
  AddedSigners addedSigners(CaseEvents events) {
    return new AddedSigners(events);
  }

  @Bean
  TaskActions taskActions(
      ProcessEngine engine,
      CaseAccess cases,
      CaseEvents events,
      Notifications notifications,
      CaseCopies copies,
      PersonNames names,
      AuditLog audit,
      FenheClock clock,
      PlatformTransactionManager transactionManager) {
    return new TaskActions(
        engine, cases, events, notifications, copies, names, audit, clock, transactionManager);
  }
}
