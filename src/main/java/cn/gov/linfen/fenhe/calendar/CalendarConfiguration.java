package cn.gov.linfen.fenhe.calendar;

import cn.gov.linfen.fenhe.audit.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The working-day calendar on an engine node: the data file plus the years stored in the
 * database, the engine's {@code NWD} deadlines, the audit log, and the warnings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "fenhe.role.engine", havingValue = "true", matchIfMissing = true)
public class CalendarConfiguration {

  @Bean
  AuditLog auditLog(JdbcTemplate jdbc) {
    return new AuditLog(jdbc, Clock.systemUTC());
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    return new WorkingDayCalendar(properties.zone(), properties.officeHoursEnd(), CalendarFile.load(properties.dataFile()));
  }

  /** Reads the stored years once the platform's tables exist (Flyway has migrated). */
  @Bean
  CalendarYears calendarYears(WorkingDayCalendar calendar, CalendarProperties properties, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, AuditLog auditLog,
      ObjectProvider<FlywayMigrationInitializer> flywayMigrated) {
    flywayMigrated.ifAvailable(initializer -> { });
    CalendarYears years = new CalendarYears(calendar, CalendarFile.load(properties.dataFile()), jdbc,
        new TransactionTemplate(transactionManager), auditLog, Clock.systemUTC());
    years.reload();
    return years;
  }

  /** {@code 3WD} in models: the engine's duration and dueDate calendars know working days. */
  @Bean
  WorkingDayEnginePlugin workingDayEnginePlugin(WorkingDayCalendar calendar, CalendarYears loadedFirst) {
    return new WorkingDayEnginePlugin(calendar);
  }

  @Bean
  CalendarWatch calendarWatch(WorkingDayCalendar calendar, CalendarYears years) {
    return new CalendarWatch(calendar, years);
  }

  @Bean
  CalendarHealthIndicator calendarHealthIndicator(CalendarWatch watch) {
    return new CalendarHealthIndicator(watch);
  }
}
