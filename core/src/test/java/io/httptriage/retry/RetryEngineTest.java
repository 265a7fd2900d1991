package io.httptriage.retry;

import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.ANSWERED_AFTER_RETRY;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.CANCELLED;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.GAVE_UP_ATTEMPTS;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.GAVE_UP_DEADLINE;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_IDEMPOTENT;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_RETRYABLE;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.RETRY_FAILED_IO;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.RETRY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryRegistry;
import io.httptriage.classify.WaitSource;
import io.httptriage.exchange.Headers;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryEngineTest {
  private final Harness h = new Harness();

  @Test
  void returnsAnAcceptedFirstResponseWithoutAnyRetryMachinery() throws IOException {
    Engine engine = h.engine();
    h.server.respond(200);

    Server.Response response = h.execute(engine, Harness.get());

    assertThat(response.status()).isEqualTo(200);
    assertThat(h.events).isEmpty();
    assertThat(h.sleeper.waits()).isEmpty();
    assertThat(h.server.discarded()).isEmpty();
    assertThat(engine.retry().getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt())
        .isZero();
  }

  @Test
  void waitsTheRetryAfterSecondsBeforeRetrying() throws IOException {
    h.server.respond(503, Headers.of("Retry-After", "7")).respond(200);

    Server.Response response = h.execute(h.engine(), Harness.get());

    assertThat(response.status()).isEqualTo(200);
    assertThat(h.sleptMillis()).containsExactly(7000L);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
    assertThat(h.events.get(0).waitTime()).contains(Duration.ofSeconds(7));
    assertThat(h.events.get(0).waitSource()).contains(WaitSource.RETRY_AFTER.name());
  }

  @Test
  void waitsUntilTheRetryAfterDate() throws IOException {
    h.server.respond(429, Headers.of("Retry-After", "Sun, 01 Mar 2026 12:00:12 GMT")).respond(200);

    h.execute(h.engine(), Harness.get());

    assertThat(h.sleptMillis()).containsExactly(12_000L);
  }

  @Test
  void retriesAtOnceWhenTheRetryAfterDateHasPassed() throws IOException {
    h.server.respond(503, Headers.of("Retry-After", "Sun, 01 Mar 2026 11:59:00 GMT")).respond(200);

    h.execute(h.engine(), Harness.get());

    assertThat(h.sleptMillis()).containsExactly(0L);
  }

  @Test
  void returnsTheResponseAtOnceWhenRetryAfterExceedsTheCap() throws IOException {
    Engine engine = Engine.of(h.settings().maxRetryAfter(Duration.ofSeconds(30)).build());
    h.server.respond(503, Headers.of("Retry-After", "31")).respond(200);

    Server.Response response = h.execute(engine, Harness.get());

    assertThat(response.status()).isEqualTo(503);
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.sleeper.waits()).isEmpty();
    assertThat(h.server.discarded()).isEmpty();
    AttemptDecided event = h.events.get(0);
    assertThat(event.outcome()).isEqualTo(GAVE_UP_RETRY_AFTER_TOO_LONG);
    assertThat(event.waitTime()).contains(Duration.ofSeconds(31));
  }

  @Test
  void honoursARetryAfterExactlyAtTheCap() throws IOException {
    Engine engine = Engine.of(h.settings().maxRetryAfter(Duration.ofSeconds(30)).build());
    h.server.respond(503, Headers.of("Retry-After", "30")).respond(200);

    h.execute(engine, Harness.get());

    assertThat(h.sleptMillis()).containsExactly(30_000L);
  }

  @Test
  void schedulesNoWaitThatWouldEndPastTheDeadline() throws IOException {
    Engine engine = Engine.of(h.settings().deadline(Duration.ofSeconds(5)).build());
    h.server
        .respond(503, Headers.of("Retry-After", "3"))
        .respond(503, Headers.of("Retry-After", "3"));

    Server.Response response = h.execute(engine, Harness.get());

    assertThat(response.id()).isEqualTo(2);
    assertThat(h.sleptMillis()).containsExactly(3000L);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, GAVE_UP_DEADLINE);
    assertThat(h.events.get(1).waitTime()).contains(Duration.ofSeconds(3));
    assertThat(h.events.get(1).elapsed()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void givesUpWhenTheWaitWouldEndExactlyAtTheDeadline() throws IOException {
    Engine engine = Engine.of(h.settings().deadline(Duration.ofSeconds(5)).build());
    h.server.respond(503, Headers.of("Retry-After", "5"));

    h.execute(engine, Harness.get());

    assertThat(h.outcomes()).containsExactly(GAVE_UP_DEADLINE);
    assertThat(h.sleeper.waits()).isEmpty();
  }

  @Test
  void discardsEveryUnreturnedResponseBeforeTheNextAttempt() throws IOException {
    h.server.respond(503, 502, 200);

    Server.Response response = h.execute(h.engine(), Harness.get());

    assertThat(response.id()).isEqualTo(3);
    assertThat(h.server.discarded()).containsExactly(1, 2);
    List<String> order = h.timeline.stream().map(s -> s.replaceAll("sleep \\d+", "sleep")).toList();
    assertThat(order)
        .containsExactly("send 1", "discard 1", "sleep", "send 2", "discard 2", "sleep", "send 3");
  }

  @Test
  void returnsTheLastResponseUndiscardedWhenAttemptsRunOut() throws IOException {
    Engine engine = h.engine();
    h.server.respond(503);

    Server.Response response = h.execute(engine, Harness.get());

    assertThat(response.id()).isEqualTo(3);
    assertThat(h.server.discarded()).containsExactly(1, 2);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_SCHEDULED, GAVE_UP_ATTEMPTS);
    assertThat(h.events).extracting(AttemptDecided::attempt).containsExactly(1, 2, 3);
    assertThat(engine.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
  }

  @Test
  void makesOneAttemptOnlyWhenMaxAttemptsIsOne() throws IOException {
    h.server.respond(503);

    h.execute(Engine.of(h.settings().maxAttempts(1).build()), Harness.get());

    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.outcomes()).containsExactly(GAVE_UP_ATTEMPTS);
  }

  @Test
  void sleepsExactlyTheIntervalsResilience4jPublishes() throws IOException {
    // Without the cool-down, whose extra wait after the second 503 is not a retry interval.
    Engine engine = Engine.withoutCoolDown(h.settings().build());
    List<Duration> published = new ArrayList<>();
    engine.retry().getEventPublisher().onRetry(e -> published.add(e.getWaitInterval()));
    h.server.respond(503, Headers.of("Retry-After", "2")).respond(503).respond(200);

    h.execute(engine, Harness.get());

    assertThat(published).hasSize(2).isEqualTo(h.sleeper.waits());
    assertThat(h.events)
        .filteredOn(AttemptDecided::retries)
        .extracting(e -> e.waitTime().orElseThrow())
        .isEqualTo(published);
    assertThat(engine.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
        .isEqualTo(1);
  }

  @Test
  void holdsTheRetryForTheRenewedCoolDownWhenTheProbeGetsA503WithoutRetryAfter()
      throws IOException {
    h.server.respond(503, Headers.of("Retry-After", "2")).respond(503).respond(200);

    h.execute(h.engine(), Harness.get());

    // 2 s asked for; then a backoff and the rest of the 2 s cool-down the probe's 503 renewed,
    // plus at most the 250 ms jitter.
    List<Long> slept = h.sleptMillis();
    assertThat(slept).hasSize(3);
    assertThat(slept.get(0)).isEqualTo(2000);
    assertThat(slept.get(1) + slept.get(2)).isBetween(2000L, 2250L);
    assertThat(h.server.sent()).isEqualTo(3);
  }

  @Test
  void countsAnImmediateGateRefusalAsSuccessWithoutRetryInResilience4j() throws IOException {
    Engine engine = h.engine();
    h.server.respond(503);

    // A POST without a key never reaches resilience4j now: the table, not a gate, refuses it.
    h.execute(engine, Harness.putWithOneShotBody());

    assertThat(engine.retry().getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt())
        .isEqualTo(1);
    assertThat(engine.retry().getMetrics().getNumberOfTotalCalls()).isEqualTo(1);
  }

  @Test
  void retriesAGetThatGotNoResponseAndThrowsTheLastFailureWithTheEarlierSuppressed() {
    IOException first = new IOException("connection reset");
    IOException last = new java.net.SocketException("Connection reset");
    h.server.fail(first).fail(last);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.get()))
        .isSameAs(last)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
    // a dropped GET is resent at once, a pair; no second pair fits in the 3 attempts
    assertThat(h.server.sent()).isEqualTo(2);
    // the resend at once is an attempt, not a retry decision: only the end is decided
    assertThat(h.outcomes()).containsExactly(GAVE_UP_ATTEMPTS);
    assertThat(h.events.get(0).attempt()).isEqualTo(2);
    assertThat(h.events.get(0).errorType()).contains("java.net.SocketException");
    assertThat(h.sleptMillis()).containsExactly(0L);
  }

  @Test
  void resendsADroppedGetOnceEvenWhenOneAttemptIsAllowed() {
    // the JDK client makes this resend whatever its settings; every client makes it the same way
    IOException first = new IOException("connection reset");
    IOException last = new java.net.SocketException("Connection reset");
    h.server.fail(first).fail(last);
    Engine engine = Engine.of(h.settings().maxAttempts(1).build());

    assertThatThrownBy(() -> h.execute(engine, Harness.get())).isSameAs(last);

    assertThat(h.server.sent()).isEqualTo(2);
    assertThat(h.outcomes()).containsExactly(GAVE_UP_ATTEMPTS);
    assertThat(h.events).extracting(AttemptDecided::attempt).containsExactly(2);
    assertThat(h.sleptMillis()).containsExactly(0L);
  }

  @Test
  void resendsADroppedGetOnceWhenTheBudgetAllowsNoRetry() {
    IOException last = new java.net.SocketException("Connection reset");
    h.server.fail(new IOException("connection reset")).fail(last);
    Engine engine = Engine.of(h.settings().budgetRatio(0).budgetMinRetriesPerSecond(0).build());

    assertThatThrownBy(() -> h.execute(engine, Harness.get())).isSameAs(last);

    assertThat(h.server.sent()).isEqualTo(2);
    assertThat(h.outcomes()).containsExactly(GAVE_UP_ATTEMPTS);
  }

  @Test
  void retriesAGetThatTimedOutOnceAnAttempt() {
    IOException first = new java.net.SocketTimeoutException("Read timed out");
    IOException second = new java.net.SocketTimeoutException("timeout");
    IOException last = new java.net.SocketTimeoutException("Read timed out again");
    h.server.fail(first).fail(second).fail(last);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.get()))
        .isSameAs(last)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first, second));
    assertThat(h.server.sent()).isEqualTo(3);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_SCHEDULED, GAVE_UP_ATTEMPTS);
    assertThat(h.events.get(0).waitSource()).contains("BACKOFF");
  }

  @Test
  void retriesAPostThatGotNoResponseOnlyWithAnIdempotencyKey() {
    IOException reset = new java.net.SocketException("Connection reset");
    h.server.fail(reset);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.post())).isSameAs(reset);
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.outcomes()).containsExactly(NOT_IDEMPOTENT);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.postWithKey("\"k-1\""))).isSameAs(reset);
    assertThat(h.server.sent()).isEqualTo(1 + 3);
  }

  @Test
  void retriesAPostWhoseRequestNeverLeft() throws IOException {
    IOException refused = new java.net.ConnectException("Connection refused");
    h.server.fail(refused).respond(200);

    assertThat(h.execute(h.engine(), Harness.post()).status()).isEqualTo(200);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @Test
  void neverRetriesATlsFailure() {
    IOException tls = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
    h.server.fail(tls);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.get())).isSameAs(tls);
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.outcomes()).containsExactly(NOT_RETRYABLE);
  }

  @Test
  void reportsANeverRetriedFailureOfARetryAsItsEnd() {
    IOException tls = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
    h.server.respond(503).fail(tls);

    assertThatThrownBy(() -> h.execute(h.engine(), Harness.get())).isSameAs(tls);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_FAILED_IO);
    assertThat(h.events.get(1).attempt()).isEqualTo(2);
    assertThat(h.server.discarded()).containsExactly(1);
  }

  @Test
  void throwsInterruptedIoWhenInterruptedWhileWaiting() {
    Engine engine =
        Engine.of(
            h.settings()
                .sleeper(
                    d -> {
                      throw new InterruptedException();
                    })
                .build());
    h.server.respond(503);

    try {
      assertThatThrownBy(() -> h.execute(engine, Harness.get()))
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, CANCELLED);
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.server.discarded()).containsExactly(1);
  }

  @Test
  void keepsRetryingWhenTheListenerThrows() throws IOException {
    Engine.listener =
        new TriageListener() {
          @Override
          public void attemptDecided(AttemptDecided e) {
            throw new IllegalStateException("broken listener");
          }
        };
    Engine engine = Engine.of(h.settings().build());
    h.server.respond(503, 200);

    assertThat(h.execute(engine, Harness.get()).status()).isEqualTo(200);
  }

  @Test
  void reportsTheUrlRedactedAndNoHeaderValue() throws IOException {
    h.server
        .respond(503, Headers.of("Retry-After", "soon-X9q", "RateLimit", "\"quota-Z7\";r=oops"))
        .respond(200);

    h.execute(h.engine(), Harness.get());

    AttemptDecided event = h.events.get(0);
    assertThat(event.ignoredHeaders()).containsExactly("Retry-After", "RateLimit");
    assertThat(event.waitSource()).contains(WaitSource.BACKOFF.name());
    assertThat(event.target()).contains("https://api.example.test/orders/42?token=*");
    assertThat(event.toString()).doesNotContain("s3cret", "soon-X9q", "quota-Z7", "oops");
  }

  @Test
  void createsTheRetryInTheGivenRegistryUnderItsName() {
    RetryRegistry registry = RetryRegistry.ofDefaults();
    RetrySettings settings = h.settings().retryRegistry(registry).name("orders").build();

    Engine engine = Engine.of(settings);

    assertThat(registry.find("orders")).isEqualTo(Optional.of(engine.retry()));
    assertThat(engine.retry().getName()).isEqualTo("orders");
    assertThatThrownBy(() -> Engine.of(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name:");
  }
}
