package cn.gov.linfen.fenhe.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Working-day calendar settings ({@code fenhe.calendar.*}); deadlines are computed in {@code
 * fenhe.time-zone} (the {@link cn.gov.linfen.fenhe.common.FenheClock}).
 *
 * @param officeHoursEnd the time of day a deadline falls on (end of office hours)
 * @param dataFile the shipped data file on the classpath
 * @param reloadInterval how often an engine node re-reads the years stored in the database (another
 *     node may have changed them)
 */
@Validated
@ConfigurationProperties("fenhe.calendar")
public record CalendarProperties(
    @NotNull @DefaultValue("18:00") LocalTime officeHoursEnd,
    @NotBlank @DefaultValue(CalendarFile.DEFAULT_LOCATION) String dataFile,
    @NotNull @DefaultValue("PT1M") Duration reloadInterval) {}
