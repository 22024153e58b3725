package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.security.VerifiedCredentials;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The workbench's shared services (docs/workbench.md). */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class WorkbenchConfiguration {

  @Bean
  PersonNames personNames(ProcessEngine engine) {
    return new PersonNames(engine.getIdentityService());
  }

  @Bean
  CaseEvents caseEvents(JdbcTemplate jdbc, FenheClock clock) {
    return new CaseEvents(jdbc, clock);
  }

  @Bean
  Notifications notifications(
      JdbcTemplate jdbc,
      FenheClock clock,
      ProcessEngine engine,
      ObjectProvider<NotificationSender> senders,
      PlatformTransactionManager transactions,
      ObjectProvider<VerifiedCredentials> identities) {
    return new Notifications(
        jdbc,
        clock,
        engine.getIdentityService(),
        senders.getIfAvailable(LoggingNotificationSender::new),
        transactions,
        identities.getIfAvailable());
  }

  @Bean
  WorkbenchLists workbenchLists(
      NamedParameterJdbcTemplate jdbc,
      WorkingDayCalendar calendar,
      FenheClock clock,
      WorkbenchProperties properties) {
    return new WorkbenchLists(jdbc, calendar, clock, properties);
  }

  @Bean
  CaseView caseView(
      ProcessEngine engine,
      WorkbenchLists lists,
      CaseEvents events,
      CaseCopies copies,
      PersonNames names,
      WorkbenchProperties properties) {
    return new CaseView(engine, lists, events, copies, names, properties);
  }

  /** 新待办 for every user task (a parse listener; Notifications looked up at the first task). */
  @Bean
  static TaskNotificationPlugin taskNotificationPlugin(
      ObjectProvider<Notifications> notifications) {
    return new TaskNotificationPlugin(notifications::getObject);
  }

  @Bean
  DeadlineNotifier deadlineNotifier(
      NamedParameterJdbcTemplate jdbc,
      Notifications notifications,
      WorkingDayCalendar calendar,
      FenheClock clock,
      WorkbenchProperties properties,
      PlatformTransactionManager transactions) {
    return new DeadlineNotifier(
        jdbc, notifications, calendar, clock, properties, new TransactionTemplate(transactions));
  }

  @Bean
  DeadlineScanSchedule deadlineScanSchedule(
      DeadlineNotifier notifier, WorkbenchProperties properties) {
    return new DeadlineScanSchedule(notifier, properties);
  }

  @Bean
  CaseCopies caseCopies(JdbcTemplate jdbc, FenheClock clock, Notifications notifications) {
    return new CaseCopies(jdbc, clock, notifications);
  }
}
