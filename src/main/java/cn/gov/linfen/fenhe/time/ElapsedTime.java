package cn.gov.linfen.fenhe.time;

import java.time.Clock;

/**
 * The system clock, for measuring how much real time has passed (e.g. how long a login is held back
 * after wrong passwords). Not for dates and deadlines of cases: those follow the {@link
 * cn.gov.linfen.fenhe.common.FenheClock}, which an administrator or a test may move; a moved
 * business clock must not lock a user out for months.
 */
public final class ElapsedTime {

  private ElapsedTime() {}

  public static Clock clock() {
    return Clock.systemUTC();
  }
}
