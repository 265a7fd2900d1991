package io.httptriage.engine;

import io.github.resilience4j.retry.Retry;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The resilience4j side of a call's retries: each hop that gets a retryable answer opens a {@link
 * Retry.AsyncContext}, is shown every {@link Decision} the step makes, and is closed when the hop
 * is answered or its send fails. So resilience4j's event publisher and its metrics count exactly
 * the attempts made. It decides nothing: the result predicate and interval read only the decision.
 *
 * <p>A call whose {@link CallOptions} change the attempts runs on a Retry of the same name with its
 * limit, made on first use and kept for the client's later calls with that limit: resilience4j
 * judges "failed after retries" by its own limit. Only the client's own is {@link #retry()}.
 *
 * <p>Thread-safe: one instance serves every call of a client; the open context lives in the call's
 * {@link CallState}.
 */
final class RetryContexts {
  private final Retry retry;
  private final RetrySettings settings;
  private final AtomicReferenceArray<Retry> byLimit = new AtomicReferenceArray<>(101);
  private final StepSignals signals;

  RetryContexts(RetrySettings settings, StepSignals signals) {
    this.retry = Decision.retryOf(settings);
    this.settings = settings;
    this.signals = signals;
  }

  /** The Retry whose limit is the call's attempts. */
  private Retry retryOf(CallState<?> state) {
    int limit = state.maxAttempts;
    if (limit == settings.maxAttempts()) {
      return retry;
    }
    Retry made = byLimit.get(limit);
    if (made == null) {
      byLimit.compareAndSet(limit, null, Decision.unregistered(settings, limit));
      made = byLimit.get(limit);
    }
    return made;
  }

  /** The resilience4j retry the contexts are opened on. */
  Retry retry() {
    return retry;
  }

  /**
   * Shows the hop's context a decision, opening the context first when needed, and tells the
   * listener; when the decision does not retry, the context completes. Returns resilience4j's wait.
   */
  long decided(CallState<?> state, Decision decision, int status, @Nullable Throwable error) {
    Retry.AsyncContext<Decision> context = state.retryContext;
    if (context == null) {
      context = retryOf(state).asyncContext();
      state.retryContext = context;
    }
    long wait = context.onResult(decision);
    signals.event(decision, state, status, error);
    if (!decision.retries()) {
      context.onComplete();
      state.retryContext = null;
    }
    return wait;
  }

  /** Ends the hop's context after a retry was answered; false when there was none. */
  boolean answered(CallState<?> state, int status) {
    Retry.AsyncContext<Decision> context = state.retryContext;
    if (context == null) {
      return false;
    }
    context.onResult(Decision.ANSWERED);
    context.onComplete();
    state.retryContext = null;
    signals.event(Decision.ANSWERED, state, status, null);
    return true;
  }

  /**
   * A send failed and is not retried: resilience4j and the listeners hear of it when it ended a
   * retry; false when it did not.
   */
  boolean failed(CallState<?> state, Throwable error) {
    Retry.AsyncContext<Decision> context = state.retryContext;
    if (context != null && state.attempt > 1) {
      state.retryContext = null;
      if (error instanceof Exception e) {
        context.onError(e);
      }
      signals.event(Decision.FAILED_IO, state, 0, error);
      return true;
    }
    return false;
  }
}
