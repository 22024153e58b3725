package cn.gov.linfen.fenhe.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}: the time the engine's timers, due dates and history use
 * ({@link ClockUtil}), which is the system time unless a test or an operator moved it. The one
 * place Fenhe reads it.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(ZoneOffset.UTC);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
