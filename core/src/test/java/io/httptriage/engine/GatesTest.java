package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.contract.ManualClock;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gates' order and the waits they compute, without a client. */
class GatesTest {
  private final ManualClock clock = new ManualClock();

  private Gates gates(RetrySettings.Builder settings) {
    RetrySettings s = settings.clock(clock).random(new MaxRandom()).build();
    CoolDownGate off =
        new CoolDownGate(
            TriageConfig.builder().retry(s).coolDown(false).build(), null, null, null, null);
    return new Gates(s, new RetryBudget(clock, 0.5, 1, 10_000), off);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 200",
    "2, 400",
    "6, 6400",
    "7, 10000",
    "30, 10000",
    "63, 10000",
    "64, 10000",
    "100, 10000",
    "2147483647, 10000"
  })
  void capsTheBackoffCeilingAtBackoffMax(int attempt, long ceiling) {
    assertThat(gates(RetrySettings.builder()).backoff(attempt)).isEqualTo(ceiling);
  }

  @Test
  void boundsTheBackoffByMaxRetryAfterToo() {
    Gates gates = gates(RetrySettings.builder().maxRetryAfter(Duration.ofMillis(300)));

    assertThat(gates.backoff(1)).isEqualTo(200);
    assertThat(gates.backoff(5)).isEqualTo(300);
  }

  @Test
  void roundsSubMillisecondWaitsUp() {
    assertThat(Gates.ceilMillis(Duration.ofNanos(1))).isEqualTo(1);
    assertThat(Gates.ceilMillis(Duration.ofMillis(1500))).isEqualTo(1500);
    assertThat(Gates.ceilMillis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void appliesTheGatesInTheOrderVerdictGateNamesThem() {
    assertThat(Gates.ORDER).hasSize(Verdict.Gate.values().length);
  }

  /** A random source that always draws the largest value allowed. */
  private static final class MaxRandom extends Random {
    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }
}
