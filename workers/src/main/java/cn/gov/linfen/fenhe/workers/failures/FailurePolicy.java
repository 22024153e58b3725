package cn.gov.linfen.fenhe.workers.failures;

import java.time.Duration;

/**
 * How an unexpected failure of a worker is retried: {@code retries} tries in all (the first
 * included), the n-th retry after {@code firstDelay} × 2^(n-1), at most {@code maxDelay}; when the
 * last try fails the task gets no retries left and the engine raises an incident, which Cockpit
 * shows with its Chinese message. Configured as {@code fenhe.workers.failures.*}.
 */
public record FailurePolicy(int retries, Duration firstDelay, Duration maxDelay) {

  public static final FailurePolicy DEFAULT =
      new FailurePolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5));

  public FailurePolicy {
    if (retries < 1) {
      throw new IllegalArgumentException("fenhe.workers.failures.retries must be at least 1");
    }
    if (firstDelay == null
        || firstDelay.isNegative()
        || maxDelay == null
        || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("fenhe.workers.failures: 0 <= first-delay <= max-delay");
    }
  }

  /**
   * The retries left after a failed try: the engine's count of the task ({@code null} before its
   * first failure, then what the last failure left) minus one, never below zero.
   */
  public int retriesLeft(Integer current) {
    int before = current == null ? retries : current;
    return Math.max(0, before - 1);
  }

  /**
   * How long the task waits before the try after the one that just failed ({@code left} retries
   * left).
   */
  public Duration delayBefore(int left) {
    if (left <= 0) {
      return Duration.ZERO;
    }
    int failed = Math.max(1, retries - left);
    Duration delay = firstDelay;
    for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
