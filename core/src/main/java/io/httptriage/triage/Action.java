package io.httptriage.triage;

import io.httptriage.classify.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * What the step tells a driver to do with a response: hand it to the caller, send the same request
 * again after a wait, or send the follow-up request after a wait. Drivers only sleep or schedule
 * and send; every decision was made before the action was built.
 *
 * @param <Q> the client's request type
 */
sealed interface Action<Q> permits Action.Answer, Action.Retry, Action.Follow {

  /** The wait before the next request, in milliseconds; 0 for an answer. */
  long waitMillis();

  /**
   * The response goes to the caller.
   *
   * @param verdict the verdict reported for it; null when the fast path reported it
   */
  record Answer<Q>(@Nullable Verdict verdict) implements Action<Q> {
    private static final Answer<?> REPORTED = new Answer<>(null);

    /** The answer the fast path reported: one instance, so that it costs nothing. */
    @SuppressWarnings("unchecked")
    static <Q> Answer<Q> reported() {
      return (Answer<Q>) REPORTED;
    }

    @Override
    public long waitMillis() {
      return 0;
    }
  }

  /** The response is discarded and {@code CallState.current} is sent again after the wait. */
  record Retry<Q>(long waitMillis) implements Action<Q> {}

  /** The response is discarded and {@code next}, now {@code CallState.current}, sent after the wait. */
  record Follow<Q>(Q next, long waitMillis) implements Action<Q> {}
}
