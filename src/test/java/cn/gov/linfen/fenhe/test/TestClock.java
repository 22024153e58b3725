package cn.gov.linfen.fenhe.test;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.time.Clock;
import java.time.ZoneId;

/** Clocks for tests, in Fenhe's default zone (Asia/Shanghai). */
public final class TestClock {

  public static final ZoneId ZONE = ZoneId.of(FenheClock.DEFAULT_ZONE);

  private TestClock() {}

  public static FenheClock of(Clock clock) {
    return new FenheClock(clock, ZONE);
  }
}
