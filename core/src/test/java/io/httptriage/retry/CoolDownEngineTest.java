package io.httptriage.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.exchange.Headers;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The origin-wide cool-down through the engine, one call after another on one client: which
 * responses start it, how the next call waits or is answered without being sent. The concurrent
 * callers on real clients are in the contract suite ({@code CoolDownContract}).
 */
class CoolDownEngineTest {
  private final Harness h = new Harness();

  /** The waits slept by a second call, after a first answered 200 with these fields. */
  private List<Long> secondCallWaitsAfter(String... fields) throws IOException {
    h.server.respond(200, Headers.of(fields)).respond(200);
    Engine engine = h.engine();
    h.execute(engine, Harness.get());
    h.execute(engine, Harness.get());
    assertThat(h.server.sent()).isEqualTo(2);
    return h.sleptMillis();
  }

  /** One wait: the reset, plus at most the 250 ms jitter. */
  private static void assertWaitedOnce(List<Long> waits, long resetMillis) {
    assertThat(waits)
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(resetMillis, resetMillis + 250));
  }

  @Test
  void exhaustedXRateLimitWithEpochResetOnA200HoldsTheNextCallUntilTheReset() throws IOException {
    String reset = Long.toString(h.clock.instant().getEpochSecond() + 10);
    assertWaitedOnce(
        secondCallWaitsAfter("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset), 10_000);
  }

  @Test
  void exhaustedXRateLimitWithDeltaResetHoldsTheNextCall() throws IOException {
    assertWaitedOnce(
        secondCallWaitsAfter("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "7"), 7_000);
  }

  @Test
  void anExhaustedRateLimitFieldHoldsTheNextCall() throws IOException {
    assertThat(secondCallWaitsAfter("RateLimit", "\"default\";r=0;t=4"))
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(4_000L, 4_250L));
  }

  @Test
  void anExhaustedLegacyRateLimitPairHoldsTheNextCall() throws IOException {
    assertWaitedOnce(
        secondCallWaitsAfter("RateLimit-Remaining", "0", "RateLimit-Reset", "3"), 3_000);
  }

  @Test
  void quotaLeftHoldsNoOne() throws IOException {
    assertThat(secondCallWaitsAfter("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "7"))
        .isEmpty();
  }

  @Test
  void aCallThatCannotWaitIsAnsweredWithoutBeingSent() throws IOException {
    h.server.respond(429, Headers.of("Retry-After", "20")).respond(200);
    Engine engine = Engine.of(h.settings().deadline(Duration.ofSeconds(5)).build());

    // 20 s is past the deadline: the first call gets the server's 429.
    assertThat(h.execute(engine, Harness.get()).status()).isEqualTo(429);
    assertThat(h.outcomes()).containsExactly(Outcome.GAVE_UP_DEADLINE);
    // The second is answered at once: the engine's test call has no answer of its own to make.
    assertThatThrownBy(() -> h.execute(engine, Harness.get()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("20000 ms");

    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.sleptMillis()).isEmpty();
  }

  @Test
  void aRetryWhoseQuotaStaysSpentPastTheDeadlineIsRefusedByTheDeadline() throws IOException {
    // No Retry-After: the retry waits for the quota's reset, 25 s, as the cool-down reads it too.
    h.server.respond(429, Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "25"));
    Engine engine = Engine.of(h.settings().deadline(Duration.ofSeconds(10)).build());

    assertThat(h.execute(engine, Harness.get()).status()).isEqualTo(429);

    assertThat(h.outcomes()).containsExactly(Outcome.GAVE_UP_DEADLINE);
    assertThat(h.events.get(0).waitTime()).contains(Duration.ofSeconds(25));
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.sleptMillis()).isEmpty();
  }
}
