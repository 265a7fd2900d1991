package io.httptriage.engine;

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
   * The response goes to the caller, or, when {@code served} is set, that stored response instead
   * (stale-if-error): the driver discards the origin's response and returns {@code served}.
   *
   * @param verdict the verdict reported for it; null when the fast path reported it
   * @param served the client's stored response to return instead; null for the response itself
   */
  record Answer<Q>(@Nullable Verdict verdict, @Nullable Object served) implements Action<Q> {
    private static final Answer<?> REPORTED = new Answer<>(null, null);

    Answer(@Nullable Verdict verdict) {
      this(verdict, null);
    }

    /**
     * {@return what the caller receives: {@code response}, or the stored one served instead, in
     * which case {@code response} was discarded}
     */
    @SuppressWarnings("unchecked")
    <R> R deliver(R response, ClientCall<Q, R> call) {
      if (served == null) {
        return response;
      }
      call.discard(response);
      return (R) served;
    }

    /** {@return the stored response served instead of a transport failure: there is no response} */
    @SuppressWarnings("unchecked")
    <R> R served(ClientCall<Q, R> call) {
      return (R) served;
    }

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

  /**
   * The response is discarded and {@code next}, now {@code CallState.current}, sent after the wait.
   */
  record Follow<Q>(Q next, long waitMillis) implements Action<Q> {}
}
