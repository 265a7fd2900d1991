package io.httptriage.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A total outage, simulated on the fake clock: every request gets a 503 and the engine runs with
 * its default settings. What counts is the load the outage puts on the server: server requests per
 * logical request.
 */
class OutageSimulationTest {
  private static final int REQUESTS = 10_000;

  /** Runs {@code REQUESTS} calls, one every {@code gap} of fake time; returns the amplification. */
  private static double amplification(Duration gap) throws IOException {
    Harness h = new Harness();
    h.server.respond(503, Headers.empty());
    Engine engine = Engine.of(h.settings().build());
    for (int i = 0; i < REQUESTS; i++) {
      h.clock.advance(gap);
      assertThat(h.execute(engine, Harness.get()).status()).isEqualTo(503);
    }
    double amplification = (double) h.server.sent() / REQUESTS;
    System.out.printf(
        Locale.ROOT,
        "100%% 503 outage, %d requests, one every %d ms: %d server requests, %.4f per request,"
            + " %d retries refused by the budget%n",
        REQUESTS,
        gap.toMillis(),
        h.server.sent(),
        amplification,
        engine.budgetRefusals());
    return amplification;
  }

  @Test
  void costsAtMostOnePointOneServerRequestsPerRequestInATotalOutage() throws IOException {
    assertThat(amplification(Duration.ofMillis(10))).isLessThanOrEqualTo(1.10);
  }

  @Test
  void costsAtMostOnePointOneAtAThousandRequestsPerSecond() throws IOException {
    assertThat(amplification(Duration.ofMillis(1))).isLessThanOrEqualTo(1.10);
  }

  @Test
  void letsAQuietClientRetryWithinTheFloor() throws IOException {
    // One request every 2 s is below the floor of 1 retry a second: retries are limited by
    // attempts, not by the ratio.
    assertThat(amplification(Duration.ofSeconds(2))).isGreaterThan(1.10).isLessThanOrEqualTo(3.0);
  }
}
