package cn.gov.linfen.fenhe.workers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today in Asia/Shanghai, whatever the server's zone. */
public class WorkerClock {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Clock clock;

  public WorkerClock(Clock clock) {
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  public Instant now() {
    return clock.instant();
  }
}
