package io.httptriage.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.httptriage.classify.WaitSource;
import io.httptriage.exchange.Headers;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the wait before a retry comes from, and its bounds. */
class RetryWaitTest {
  private final Harness h = new Harness();

  @Test
  void keepsEachBackoffWaitWithinItsJitterCeiling() throws IOException {
    long[] ceilings = {200, 400, 800, 1600, 3200};
    long[] largest = new long[ceilings.length];
    for (int seed = 0; seed < 200; seed++) {
      Harness run = new Harness();
      run.server.respond(503);
      Engine engine =
          Engine.of(
              run.settings()
                  .random(new Random(seed))
                  .maxAttempts(6)
                  .deadline(Duration.ofHours(1))
                  .build());

      run.execute(engine, Harness.get());

      List<Long> waits = run.sleptMillis();
      assertThat(waits).hasSize(ceilings.length);
      for (int i = 0; i < ceilings.length; i++) {
        assertThat(waits.get(i)).isBetween(0L, ceilings[i]);
        largest[i] = Math.max(largest[i], waits.get(i));
      }
    }
    // Full jitter spreads over the whole range, not just its low end.
    for (int i = 0; i < ceilings.length; i++) {
      assertThat(largest[i]).isGreaterThan(ceilings[i] * 9 / 10);
    }
  }

  static Stream<Arguments> serverWaits() {
    return Stream.of(
        arguments(
            "RateLimit reset of an exhausted quota",
            Headers.of("RateLimit", "\"default\";r=0;t=12"),
            12_000L,
            WaitSource.RATE_LIMIT,
            ""),
        arguments(
            "policy window when the exhausted limit gives no reset",
            Headers.of("RateLimit", "\"daily\";r=0", "RateLimit-Policy", "\"daily\";q=100;w=20"),
            20_000L,
            WaitSource.RATE_LIMIT,
            ""),
        arguments(
            "legacy RateLimit-Remaining and RateLimit-Reset pair",
            Headers.of("RateLimit-Remaining", "0", "RateLimit-Reset", "4"),
            4000L,
            WaitSource.RATE_LIMIT,
            ""),
        arguments(
            "X-RateLimit pair with the seconds left (Reddit)",
            Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "7"),
            7000L,
            WaitSource.RATE_LIMIT,
            ""),
        arguments(
            "X-RateLimit pair with the reset's epoch second (GitHub), 25 s after the test clock",
            Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1772366425"),
            25_000L,
            WaitSource.RATE_LIMIT,
            ""),
        arguments(
            "Retry-After wins over RateLimit",
            Headers.of("Retry-After", "2", "RateLimit", "\"default\";r=0;t=12"),
            2000L,
            WaitSource.RETRY_AFTER,
            ""),
        arguments(
            "RateLimit when Retry-After is malformed",
            Headers.of("Retry-After", "-5", "RateLimit", "\"default\";r=0;t=12"),
            12_000L,
            WaitSource.RATE_LIMIT,
            "Retry-After"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serverWaits")
  void waitsAsLongAsTheServerAsks(
      String why, Headers headers, long millis, WaitSource source, String ignored)
      throws IOException {
    h.server.respond(429, headers).respond(200);

    h.execute(h.engine(), Harness.get());

    assertThat(h.sleptMillis()).containsExactly(millis);
    assertThat(h.events.get(0).waitSource()).contains(source.name());
    assertThat(String.join(",", h.events.get(0).ignoredHeaders())).isEqualTo(ignored);
  }

  @Test
  void backsOffWhenQuotaRemains() throws IOException {
    h.server.respond(503, Headers.of("RateLimit", "\"default\";r=5;t=12")).respond(200);

    h.execute(h.engine(), Harness.get());

    assertThat(h.events.get(0).waitSource()).contains(WaitSource.BACKOFF.name());
    assertThat(h.sleptMillis().get(0)).isBetween(0L, 200L);
  }

  @Test
  void givesUpWhenTheRateLimitResetExceedsTheCap() throws IOException {
    h.server.respond(429, Headers.of("RateLimit", "\"daily\";r=0;t=86400"));

    h.execute(h.engine(), Harness.get());

    assertThat(h.outcomes()).containsExactly(AttemptDecided.Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG);
    assertThat(h.events.get(0).waitSource()).contains(WaitSource.RATE_LIMIT.name());
    assertThat(h.sleeper.waits()).isEmpty();
  }

  /** A random source that always draws the largest value allowed. */
  private static final class MaxRandom extends Random {
    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }
}
