package io.httptriage.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogRateLimiterTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void letsOneLinePerIntervalThroughAndCountsTheRest() {
    LogRateLimiter limiter = new LogRateLimiter(clock, Duration.ofSeconds(10), 10);

    assertThat(limiter.admit("k")).isZero();
    assertThat(limiter.admit("k")).isEqualTo(LogRateLimiter.SUPPRESSED);
    clock.advance(Duration.ofSeconds(9));
    assertThat(limiter.admit("k")).isEqualTo(LogRateLimiter.SUPPRESSED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.admit("k")).isEqualTo(2);
    assertThat(limiter.admit("other")).isZero();
  }

  @Test
  void forgetsTheLeastRecentlySeenKeyWhenFull() {
    LogRateLimiter limiter = new LogRateLimiter(clock, Duration.ofHours(1), 2);
    limiter.admit("a");
    limiter.admit("b");
    limiter.admit("a");
    limiter.admit("c");

    assertThat(limiter.admit("b")).as("b was forgotten").isZero();
    assertThat(limiter.admit("c")).isEqualTo(LogRateLimiter.SUPPRESSED);
  }
}
