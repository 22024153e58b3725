package cn.gov.linfen.fenhe.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;

/**
 * The one clock and zone of Fenhe: what time it is, and in which zone a day begins and ends ({@code
 * fenhe.time-zone}, Asia/Shanghai), whatever the server's own zone. Injected everywhere time
 * matters — platform, procedures and workers — so a test that moves the engine's clock moves every
 * reader with it. Nothing else reads the system clock or names a zone (ArchitectureTest).
 */
public final class FenheClock {

  /** The zone of the gazette's procedures when none is configured. */
  public static final String DEFAULT_ZONE = "Asia/Shanghai";

  private final Clock clock;
  private final ZoneId zone;

  public FenheClock(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** A fixed clock, for tests and tools: always {@code instant}, in {@code zone}. */
  public static FenheClock fixed(Instant instant, ZoneId zone) {
    return new FenheClock(Clock.fixed(instant, zone), zone);
  }

  /** The zone days are counted in. */
  public ZoneId zone() {
    return zone;
  }

  /** The underlying clock, already in {@link #zone()}. */
  public Clock clock() {
    return clock.withZone(zone);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Now, as the engine's variables and queries want it. */
  public Date nowAsDate() {
    return Date.from(now());
  }

  /** Today in {@link #zone()}. */
  public LocalDate today() {
    return dateOf(now());
  }

  /** The calendar day of an instant in {@link #zone()}. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** An instant seen in {@link #zone()}. */
  public ZonedDateTime at(Instant instant) {
    return instant.atZone(zone);
  }
}
