package io.httptriage.triage;

import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;

/**
 * The resilience4j side of a call's retries: each hop that gets a retryable answer opens a {@link
 * Retry.AsyncContext}, is shown every {@link Decision} the step makes, and is closed when the hop
 * is answered or its send fails. So resilience4j's event publisher and its metrics count exactly
 * the attempts made. It decides nothing: the result predicate and interval read only the decision.
 *
 * <p>Thread-safe: one instance serves every call of a client; the open context lives in the call's
 * {@link CallState}.
 */
final class RetryContexts {
  private final Retry retry;
  private final StepSignals signals;

  RetryContexts(Retry retry, StepSignals signals) {
    this.retry = retry;
    this.signals = signals;
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
      context = retry.asyncContext();
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
