package cn.gov.linfen.fenhe.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working-day calendar settings ({@code fenhe.calendar.*}).
 *
 * @param zone the zone deadlines are computed in, whatever the server's zone
 * @param officeHoursEnd the time of day a deadline falls on (end of office hours)
 * @param dataFile the shipped data file on the classpath
 * @param reloadInterval how often an engine node re-reads the years stored in the database
 *     (another node may have changed them)
 */
@ConfigurationProperties("fenhe.calendar")
public record CalendarProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("18:00") LocalTime officeHoursEnd,
    @DefaultValue(CalendarFile.DEFAULT_LOCATION) String dataFile,
    @DefaultValue("PT1M") Duration reloadInterval) {}
