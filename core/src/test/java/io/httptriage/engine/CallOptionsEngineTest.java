package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the engine runs a call with options, and what it tells resilience4j and the listener. */
class CallOptionsEngineTest {
  private final List<TriageEvent.AttemptDecided> events =
      Collections.synchronizedList(new ArrayList<>());

  private TriageConfig config(boolean keys) {
    return TriageConfig.builder()
        .retry(RetrySettings.builder().sleeper(d -> {}).build())
        .idempotencyKeys(keys)
        .listener(
            new TriageListener() {
              @Override
              public void attemptDecided(TriageEvent.AttemptDecided event) {
                events.add(event);
              }
            })
        .build();
  }

  private static RequestView request(String method) {
    return RequestView.of(
        method, URI.create("https://a.example.test/orders"), Headers.empty(), true, true);
  }

  @Test
  void eventsNameTheCallsAttemptsAndTheClientsRetrySeesNoneOfThem() throws IOException {
    FakeClient client = new FakeClient().answer(503).answer(503).answer(503);
    client.options = CallOptions.none().withMaxAttempts(2);
    Triage triage = Triage.of(config(false));

    FakeClient.Resp last = triage.execute(request("GET"), client, client::send);

    assertThat(last.status()).isEqualTo(503);
    assertThat(client.sent).hasSize(2);
    assertThat(events).extracting(TriageEvent.AttemptDecided::maxAttempts).containsOnly(2);
    assertThat(events)
        .extracting(TriageEvent.AttemptDecided::outcome)
        .containsExactly(Outcome.RETRY_SCHEDULED, Outcome.GAVE_UP_ATTEMPTS);
    Retry.Metrics clients = triage.retry().getMetrics();
    assertThat(clients.getNumberOfFailedCallsWithRetryAttempt()).isZero();
    assertThat(clients.getNumberOfSuccessfulCallsWithRetryAttempt()).isZero();
  }

  @Test
  void callsWithoutOptionsRunOnTheClientsRetry() throws IOException {
    FakeClient client = new FakeClient().answer(503).answer(503).answer(503);
    Triage triage = Triage.of(config(false));

    triage.execute(request("GET"), client, client::send);

    assertThat(client.sent).hasSize(3);
    assertThat(events).extracting(TriageEvent.AttemptDecided::maxAttempts).containsOnly(3);
    assertThat(triage.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isOne();
  }

  @Test
  void anAdapterThatCannotAddAFieldCannotMintKeys() throws IOException {
    FakeClient client = new FakeClient();
    Triage triage = Triage.of(config(true));

    assertThat(triage.execute(request("GET"), client, client::send).status()).isEqualTo(200);
    assertThatThrownBy(() -> triage.execute(request("POST"), client, client::send))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("idempotencyKeys");
    assertThat(client.sent).hasSize(1);
  }
}
