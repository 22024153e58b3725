package cn.gov.linfen.fenhe.calendar;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code calendar}: always UP (missing data is a warning, not an outage), with the
 * years covered and, from 1 November while next year's data is missing, the warning.
 */
public class CalendarHealthIndicator implements HealthIndicator {

  private final CalendarWatch watch;

  public CalendarHealthIndicator(CalendarWatch watch) {
    this.watch = watch;
  }

  @Override
  public Health health() {
    CalendarStatus status = watch.status();
    Health.Builder health =
        Health.up()
            .withDetail("today", status.today().toString())
            .withDetail("yearsCovered", status.yearsCovered())
            .withDetail("missingYears", status.missingYears());
    if (status.hasWarning()) {
      health.withDetail("warning", status.warning()).withDetail("warningEn", status.warningEn());
    }
    return health.build();
  }
}
