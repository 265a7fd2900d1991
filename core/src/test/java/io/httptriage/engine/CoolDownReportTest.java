package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.exchange.RequestView;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What is reported for a call answered without being sent, its origin cooling down: the meters, the
 * log line (the first at once, a flood held back) and the asynchronous path's failure.
 */
class CoolDownReportTest {
  private static final URI ITEMS = URI.create("https://api.example.test/items");

  private final ManualClock clock = new ManualClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FakeClient client = new FakeClient().answer(429, "Retry-After", "20");
  private final Triage triage = triage(3);

  /** A runtime on the test clock, waits skipped, a deadline of 5 s, counted in the registry. */
  private Triage triage(int maxAttempts) {
    return Triage.of(
        TriageConfig.builder()
            .retry(
                RetrySettings.builder()
                    .clock(clock)
                    .sleeper(d -> {})
                    .maxAttempts(maxAttempts)
                    .deadline(Duration.ofSeconds(5))
                    .build())
            .meterRegistry(registry)
            .build());
  }

  @Test
  void heldBackCallsAreCountedAndTheFirstIsLogged() throws IOException {
    try (CapturedLog log = new CapturedLog("io.httptriage.retries", Level.WARN)) {
      // A POST is never retried on a 429: its answer closes the origin for 20 s.
      assertThat(triage.execute(RequestView.of("POST", ITEMS), client, client::send).status())
          .isEqualTo(429);
      for (int i = 0; i < 12; i++) {
        assertThatThrownBy(() -> triage.execute(RequestView.of("GET", ITEMS), client, client::send))
            .isInstanceOf(IOException.class);
      }

      assertThat(client.sent).hasSize(1);
      assertThat(count("refused_by", "COOL_DOWN", "code", "429", "verdict", "FAIL")).isEqualTo(12);
      assertThat(log.lines())
          .first()
          .asString()
          .contains("answered without sending code=429 refused_by=COOL_DOWN")
          .contains("origin=https://api.example.test:443")
          .contains("suppressed=0");
      assertThat(log.lines()).hasSizeLessThan(12);
    }
  }

  @Test
  void aHeldBackAsynchronousCallFailsItsFuture() throws Exception {
    triage.execute(RequestView.of("POST", ITEMS), client, client::send);

    CompletableFuture<FakeClient.Resp> future =
        triage.executeAsync(
            RequestView.of("GET", ITEMS),
            client,
            r -> CompletableFuture.completedFuture(client.send(r)));

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(client.sent).hasSize(1);
    assertThat(count("refused_by", "COOL_DOWN")).isEqualTo(1);
  }

  @Test
  void aDroppedGetInFlightIsResentAtOnceWhileItsOriginCoolsDownButNotRetriedAfter() {
    Triage fourAttempts = triage(4);
    AtomicInteger sends = new AtomicInteger();

    assertThatThrownBy(
            () ->
                fourAttempts.execute(
                    RequestView.of("GET", ITEMS),
                    client,
                    r -> {
                      if (sends.incrementAndGet() == 1) {
                        // while the GET is in flight, a POST's 429 closes the origin for 20 s
                        fourAttempts.execute(RequestView.of("POST", ITEMS), client, client::send);
                      }
                      throw new SocketException("Connection reset");
                    }))
        .isInstanceOf(SocketException.class);

    assertThat(sends).as("the pair, as the JDK resends whatever the cool-down").hasValue(2);
    assertThat(client.sent).as("the POST that closed the origin").hasSize(1);
    assertThat(
            registry
                .get("httptriage.retries")
                .tags("outcome", "GAVE_UP_COOL_DOWN", "error", "sent_no_response")
                .counter()
                .count())
        .as("the backoff retry after the pair is held back")
        .isEqualTo(1);
  }

  private double count(String... tags) {
    return registry.find("httptriage.responses").tags(tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
