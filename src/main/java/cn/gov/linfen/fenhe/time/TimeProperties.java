package cn.gov.linfen.fenhe.time;

import cn.gov.linfen.fenhe.common.FenheClock;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fenhe.time-zone}: the zone every day, deadline and date of Fenhe is counted in (default
 * {@value FenheClock#DEFAULT_ZONE}), whatever the server's zone.
 *
 * @param timeZone the zone
 */
@Validated
@ConfigurationProperties("fenhe")
public record TimeProperties(@NotNull @DefaultValue(FenheClock.DEFAULT_ZONE) ZoneId timeZone) {}
