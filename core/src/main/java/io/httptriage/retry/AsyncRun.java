package io.httptriage.retry;

import io.github.resilience4j.retry.Retry;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.retry.RetryEvent.Outcome;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call from its first retryable response on: resilience4j's {@link
 * Retry#executeCompletionStage} runs the attempts and schedules the waits, and each attempt's
 * stage yields the engine's {@link Decision}. The first response, already received, is fed to
 * resilience4j as its first attempt, so its attempt counts are the engine's.
 *
 * <p>The attempt chain is sequential: each step starts after the previous one completed (or after
 * the scheduled wait), so the plain fields below are only ever touched by one thread at a time, with
 * a happens-before edge between steps. Cancellation comes from any thread, hence the volatiles.
 */
final class AsyncRun<R> {
  private final RetryDecider decider;
  private final Retry retry;
  private final RequestView request;
  private final Supplier<? extends CompletionStage<? extends R>> attempt;
  private final Function<? super R, ? extends ResponseView> view;
  private final Consumer<? super R> discard;
  private final ScheduledExecutorService scheduler;
  private final CompletableFuture<R> result;
  private final long start;

  private volatile int attempts = 1;
  private @Nullable R first;
  private @Nullable ResponseView firstView;
  /** The response to hand back once resilience4j ends the chain. */
  private @Nullable R answer;
  private volatile int lastStatus;
  private volatile boolean cancelled;
  private volatile @Nullable CompletableFuture<?> inFlight;

  AsyncRun(
      RetryEngine engine,
      RequestView request,
      Supplier<? extends CompletionStage<? extends R>> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      ScheduledExecutorService scheduler,
      CompletableFuture<R> result,
      long start) {
    this.decider = engine.decider();
    this.retry = engine.retry();
    this.request = request;
    this.attempt = attempt;
    this.view = view;
    this.discard = discard;
    this.scheduler = scheduler;
    this.result = result;
    this.start = start;
  }

  void start(R firstResponse, ResponseView seen) {
    this.first = firstResponse;
    this.firstView = seen;
    this.lastStatus = seen.status();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        cancel();
      }
    });
    Supplier<CompletionStage<Decision>> steps = this::step;
    retry.executeCompletionStage(scheduler, steps).whenComplete(this::finish);
  }

  /** What resilience4j runs for each attempt; never throws, failures travel in the stage. */
  private CompletionStage<Decision> step() {
    R firstResponse = first;
    ResponseView seen = firstView;
    if (firstResponse != null && seen != null) {
      first = null;
      firstView = null;
      return CompletableFuture.completedFuture(decide(firstResponse, seen));
    }
    if (cancelled) {
      return CompletableFuture.completedFuture(Decision.CANCELLED);
    }
    attempts++;
    CompletionStage<? extends R> stage;
    try {
      stage = attempt.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    inFlight = futureOf(stage);
    if (cancelled) {
      cancelInFlight();
    }
    return stage.thenApply(this::onResponse);
  }

  private Decision onResponse(R response) {
    inFlight = null;
    if (cancelled) {
      discard.accept(response);
      return Decision.CANCELLED;
    }
    return decide(response, RetryEngine.viewOrDiscard(view, discard, response));
  }

  private Decision decide(R response, ResponseView seen) {
    lastStatus = seen.status();
    Decision decision = decider.decide(request, seen, attempts, start);
    decider.report(decision, request, seen.status(), attempts, start);
    if (decision.retries()) {
      discard.accept(response);
    } else {
      answer = response;
    }
    return decision;
  }

  private void finish(@Nullable Decision decision, @Nullable Throwable error) {
    R response = answer;
    answer = null;
    if (error != null) {
      Throwable cause = RetryEngine.unwrap(error);
      if (response != null) {
        discard.accept(response);
      }
      if (!cancelled && attempts > 1 && cause instanceof IOException) {
        decider.report(Decision.of(Outcome.RETRY_FAILED_IO), request, 0, attempts, start);
      }
      result.completeExceptionally(cause);
      return;
    }
    if (response != null && !result.complete(response)) {
      discard.accept(response);
    }
  }

  private void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    decider.report(Decision.CANCELLED, request, lastStatus, attempts, start);
    cancelInFlight();
  }

  private void cancelInFlight() {
    CompletableFuture<?> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }

  private static @Nullable CompletableFuture<?> futureOf(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }
}
