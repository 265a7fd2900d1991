package io.httptriage.retry;

import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.ANSWERED_AFTER_RETRY;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.CANCELLED;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.GAVE_UP_ATTEMPTS;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_IDEMPOTENT;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_RETRYABLE;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.RETRY_FAILED_IO;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.RETRY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryEngineAsyncTest {
  private final Harness h = new Harness();
  private final ManualScheduler scheduler = new ManualScheduler(h.clock);
  private final Supplier<CompletionStage<Server.Response>> fromServer =
      () -> {
        try {
          return CompletableFuture.completedFuture(h.server.send());
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      };

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private CompletableFuture<Server.Response> executeAsync(
      Engine engine, Supplier<CompletionStage<Server.Response>> attempt) {
    return engine
        .executeAsync(Harness.get(), attempt, Server.Response::view, h.server::discard, scheduler)
        .toCompletableFuture();
  }

  /**
   * The first attempt asks the server; every later one stays pending, its future added to {@code
   * inFlight} for the test to complete or inspect.
   */
  private Supplier<CompletionStage<Server.Response>> retriesLeftPending(
      List<CompletableFuture<Server.Response>> inFlight, boolean minimalStage) {
    return () -> {
      if (h.server.sent() == 0) {
        return fromServer.get();
      }
      CompletableFuture<Server.Response> pending = new CompletableFuture<>();
      inFlight.add(pending);
      return minimalStage ? pending.minimalCompletionStage() : pending;
    };
  }

  @Test
  void completesWithAnAcceptedFirstResponseWithoutScheduling() {
    h.server.respond(200);

    CompletableFuture<Server.Response> result = executeAsync(h.engine(), fromServer);

    assertThat(result).isCompletedWithValueMatching(r -> r.status() == 200);
    assertThat(scheduler.delays()).isEmpty();
    assertThat(h.events).isEmpty();
  }

  @Test
  void schedulesTheEngineWaitsInsteadOfSleeping() {
    Engine engine = h.engine();
    List<Duration> published = new ArrayList<>();
    engine.retry().getEventPublisher().onRetry(e -> published.add(e.getWaitInterval()));
    h.server
        .respond(503, Headers.of("Retry-After", "2"))
        .respond(429, Headers.of("RateLimit", "\"default\";r=0;t=3"))
        .respond(200);

    CompletableFuture<Server.Response> result = executeAsync(engine, fromServer);
    assertThat(result).isNotDone();
    assertThat(scheduler.runNext()).isTrue();
    assertThat(result).isNotDone();
    assertThat(scheduler.runNext()).isTrue();

    assertThat(result).isCompletedWithValueMatching(r -> r.id() == 3);
    assertThat(scheduler.delays()).containsExactly(2000L, 3000L);
    assertThat(published).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(h.sleeper.waits()).isEmpty();
    assertThat(h.server.discarded()).containsExactly(1, 2);
    assertThat(h.outcomes())
        .containsExactly(RETRY_SCHEDULED, RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @Test
  void discardsEachResponseBeforeItsRetryIsScheduled() {
    h.server.respond(503, 200);

    executeAsync(h.engine(), fromServer);

    assertThat(h.timeline).containsExactly("send 1", "discard 1");
    scheduler.runNext();
    assertThat(h.timeline).containsExactly("send 1", "discard 1", "send 2");
  }

  @Test
  void completesWithTheLastResponseWhenAttemptsRunOut() {
    Engine engine = h.engine();
    h.server.respond(503);

    CompletableFuture<Server.Response> result = executeAsync(engine, fromServer);
    while (scheduler.runNext()) {
      // run every scheduled attempt
    }

    assertThat(result).isCompletedWithValueMatching(r -> r.id() == 3 && r.status() == 503);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_SCHEDULED, GAVE_UP_ATTEMPTS);
    assertThat(h.server.discarded()).containsExactly(1, 2);
    assertThat(engine.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
  }

  @Test
  void completesAtOnceWhenTheRequestMayNotBeRetried() {
    h.server.respond(503);

    CompletableFuture<Server.Response> result =
        h.engine()
            .executeAsync(
                Harness.post(), fromServer, Server.Response::view, h.server::discard, scheduler)
            .toCompletableFuture();

    assertThat(result).isCompletedWithValueMatching(r -> r.status() == 503);
    assertThat(h.outcomes()).containsExactly(NOT_IDEMPOTENT);
    assertThat(scheduler.delays()).isEmpty();
  }

  @Test
  void cancellingDuringAWaitStopsFurtherAttempts() {
    h.server.respond(503, Headers.of("Retry-After", "5")).respond(200);

    CompletableFuture<Server.Response> result = executeAsync(h.engine(), fromServer);
    result.cancel(true);
    scheduler.runNext();

    assertThat(result).isCancelled();
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.server.discarded()).containsExactly(1);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, CANCELLED);
  }

  @Test
  void cancellingDuringAnAttemptCancelsItAndDiscardsALateResponse() {
    List<CompletableFuture<Server.Response>> inFlight = new ArrayList<>();
    h.server.respond(503);

    // A minimal stage cannot be cancelled from outside, like a client that answers anyway.
    CompletableFuture<Server.Response> result =
        executeAsync(h.engine(), retriesLeftPending(inFlight, true));
    scheduler.runNext();
    result.cancel(true);
    inFlight.get(0).complete(new Server.Response(2, 200, Headers.empty()));

    assertThat(result).isCancelled();
    assertThat(h.server.discarded()).containsExactly(1, 2);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, CANCELLED);
    assertThat(scheduler.runNext()).isFalse();
  }

  @Test
  void passesCancellationOnToTheAttemptInFlight() {
    List<CompletableFuture<Server.Response>> inFlight = new ArrayList<>();
    h.server.respond(503);

    CompletableFuture<Server.Response> result =
        executeAsync(h.engine(), retriesLeftPending(inFlight, false));
    scheduler.runNext();
    result.cancel(true);

    assertThat(inFlight.get(0)).isCancelled();
  }

  @Test
  void discardsAFirstResponseThatArrivesAfterCancellation() {
    // A stage that ignores cancel(), as some clients' futures do: its late response must still go.
    CompletableFuture<Server.Response> first =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
          }
        };

    CompletableFuture<Server.Response> result = executeAsync(h.engine(), () -> first);
    result.cancel(true);
    first.complete(new Server.Response(1, 200, Headers.empty()));

    assertThat(h.server.discarded()).containsExactly(1);
  }

  @Test
  void cancellingTheResultCancelsTheFirstAttempt() {
    CompletableFuture<Server.Response> first = new CompletableFuture<>();

    executeAsync(h.engine(), () -> first).cancel(true);

    assertThat(first).isCancelled();
  }

  @Test
  void failsWithTheIoErrorOfARetry() {
    IOException failure = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
    h.server.respond(503).fail(failure);

    CompletableFuture<Server.Response> result = executeAsync(h.engine(), fromServer);
    scheduler.runNext();

    assertThat(result).isCompletedExceptionally();
    assertThat(result.handle((r, e) -> e).join()).isSameAs(failure);
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_FAILED_IO);
  }

  @Test
  void failsWithTheIoErrorOfTheFirstAttemptWhenItIsNeverRetried() {
    IOException failure = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");

    CompletableFuture<Server.Response> result =
        executeAsync(h.engine(), () -> CompletableFuture.failedFuture(failure));

    assertThat(result.handle((r, e) -> e).join()).isSameAs(failure);
    assertThat(h.outcomes()).containsExactly(NOT_RETRYABLE);
  }

  @Test
  void retriesARefusedConnectOnTheSchedulerAndThrowsTheLastWithTheEarlierSuppressed() {
    java.util.concurrent.atomic.AtomicInteger sends =
        new java.util.concurrent.atomic.AtomicInteger();

    CompletableFuture<Server.Response> result =
        executeAsync(
            h.engine(),
            () ->
                CompletableFuture.failedFuture(
                    new java.util.concurrent.CompletionException(
                        new java.net.ConnectException("refused " + sends.incrementAndGet()))));
    scheduler.runNext();
    scheduler.runNext();

    assertThat(sends).hasValue(3);
    Throwable thrown = result.handle((r, e) -> e).join();
    assertThat(thrown).isInstanceOf(java.net.ConnectException.class).hasMessage("refused 3");
    assertThat(thrown.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("refused 1", "refused 2");
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, RETRY_SCHEDULED, GAVE_UP_ATTEMPTS);
  }

  @Test
  void failsWhenTheAttemptFunctionThrows() {
    IllegalStateException bug = new IllegalStateException("bug");
    h.server.respond(503);
    Supplier<CompletionStage<Server.Response>> attempt =
        () -> {
          if (h.server.sent() == 0) {
            return fromServer.get();
          }
          throw bug;
        };

    CompletableFuture<Server.Response> result = executeAsync(h.engine(), attempt);
    scheduler.runNext();

    assertThat(result.handle((r, e) -> e).join()).isSameAs(bug);
  }
}
