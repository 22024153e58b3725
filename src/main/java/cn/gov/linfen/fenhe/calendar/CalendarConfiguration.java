package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The working-day calendar on an engine node: the data file plus the years stored in the database,
 * the engine's {@code NWD} deadlines, the audit log, and the warnings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EngineRole
public class CalendarConfiguration {

  @Bean
  AuditLog auditLog(JdbcTemplate jdbc, FenheClock clock) {
    return new AuditLog(jdbc, clock.clock());
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties, FenheClock clock) {
    return new WorkingDayCalendar(
        clock.zone(), properties.officeHoursEnd(), CalendarFile.load(properties.dataFile()));
  }

  /** Reads the stored years once the platform's tables exist (Flyway has migrated). */
  @Bean
  CalendarYears calendarYears(
      WorkingDayCalendar calendar,
      CalendarProperties properties,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      AuditLog auditLog,
      ObjectProvider<FlywayMigrationInitializer> flywayMigrated,
      FenheClock clock) {
    flywayMigrated.ifAvailable(initializer -> {});
    CalendarYears years =
        new CalendarYears(
            calendar,
            CalendarFile.load(properties.dataFile()),
            jdbc,
            new TransactionTemplate(transactionManager),
            auditLog,
            clock.clock());
    years.reload();
    return years;
  }

  /** {@code 3WD} in models: the engine's duration and dueDate calendars know working days. */
  @Bean
  WorkingDayEnginePlugin workingDayEnginePlugin(
      WorkingDayCalendar calendar, CalendarYears loadedFirst, FenheClock clock) {
    return new WorkingDayEnginePlugin(calendar, clock);
  }

  @Bean
  CalendarWatch calendarWatch(WorkingDayCalendar calendar, CalendarYears years, FenheClock clock) {
    return new CalendarWatch(calendar, years, clock);
  }

  @Bean
  CalendarHealthIndicator calendarHealthIndicator(CalendarWatch watch) {
    return new CalendarHealthIndicator(watch);
  }
}
