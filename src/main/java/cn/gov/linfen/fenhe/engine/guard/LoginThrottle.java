package cn.gov.linfen.fenhe.engine.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per user name <em>and</em> address: after a wrong password for a
 * user from an address, that user's logins from that address wait 1 s, then 2, 4, … up to the
 * maximum; a right password ends the wait. A typo at one desk therefore never blocks the same user
 * elsewhere (his other browser, the workers' technical user on another node, a colleague behind the
 * same office gateway who uses his own name). While a pair waits, its logins are refused without
 * asking the engine, so they do not count towards the engine's own lock ({@code
 * login-max-attempts}: that many wrong passwords lock the user until an administrator unlocks him).
 * Plain logic with a clock.
 */
public final class LoginThrottle {

  /** Pairs kept at most (a flood of names or addresses cannot exhaust memory). */
  static final int MAX_ENTRIES = 10_000;

  private record Failures(int count, Instant blockedUntil) {}

  private final Clock clock;
  private final Duration maxDelay;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, Duration maxDelay) {
    this.clock = clock;
    this.maxDelay = maxDelay;
  }

  /** Whether a login of the user from the address must wait now. */
  public boolean blocked(String userId, String address) {
    Failures current = failures.get(key(userId, address));
    return current != null && clock.instant().isBefore(current.blockedUntil());
  }

  /** The wait left for the pair (zero if none). */
  public Duration waitLeft(String userId, String address) {
    Failures current = failures.get(key(userId, address));
    if (current == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), current.blockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void failed(String userId, String address) {
    if (failures.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      failures.values().removeIf(f -> !now.isBefore(f.blockedUntil().plus(maxDelay)));
      if (failures.size() >= MAX_ENTRIES) {
        failures.clear();
      }
    }
    failures.compute(
        key(userId, address),
        (key, previous) -> {
          int count = previous == null ? 1 : previous.count() + 1;
          long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(count - 1, 20));
          return new Failures(count, clock.instant().plusSeconds(seconds));
        });
  }

  public void succeeded(String userId, String address) {
    failures.remove(key(userId, address));
  }

  private static String key(String userId, String address) {
    return userId + "\u0000" + (address == null ? "-" : address);
  }
}
