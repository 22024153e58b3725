package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.engine.guard.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock of its own (issue 12, item 7). */
class LoginThrottleTest {

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-10-09T01:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void each_failure_doubles_the_wait_of_the_pair_up_to_the_maximum_and_a_success_ends_it() {
    MovableClock clock = new MovableClock();
    LoginThrottle throttle = new LoginThrottle(clock, Duration.ofSeconds(60));
    throttle.failed("demo-a", "192.0.2.1");
    assertThat(throttle.blocked("demo-a", "192.0.2.1")).isTrue();
    assertThat(throttle.waitLeft("demo-a", "192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.blocked("demo-a", "192.0.2.2")).isFalse();
    assertThat(throttle.blocked("demo-b", "192.0.2.1")).isFalse();

    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.blocked("demo-a", "192.0.2.1")).isFalse();
    throttle.failed("demo-a", "192.0.2.1");
    assertThat(throttle.waitLeft("demo-a", "192.0.2.1")).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      throttle.failed("demo-a", "192.0.2.1");
    }
    assertThat(throttle.waitLeft("demo-a", "192.0.2.1")).isEqualTo(Duration.ofSeconds(60));

    throttle.succeeded("demo-a", "192.0.2.1");
    assertThat(throttle.blocked("demo-a", "192.0.2.1")).isFalse();
  }
}
