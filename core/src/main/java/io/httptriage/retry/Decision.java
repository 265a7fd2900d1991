package io.httptriage.retry;

import io.httptriage.retry.RetryEvent.Outcome;
import io.httptriage.retry.RetryEvent.DelaySource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's decision about one response: what resilience4j is shown as the result of an
 * attempt. Its predicate and interval function only read this record, so that the wait
 * resilience4j schedules is exactly the one computed here.
 *
 * @param outcome what was decided
 * @param waitMillis the wait scheduled or refused, in milliseconds; -1 when none applies
 * @param source where the wait came from; null exactly when {@code waitMillis} is -1
 * @param ignoredHeaders names of malformed fields that were ignored
 */
record Decision(
    Outcome outcome, long waitMillis, @Nullable DelaySource source, List<String> ignoredHeaders) {

  static final Decision ANSWERED = of(Outcome.ANSWERED_AFTER_RETRY);
  static final Decision CANCELLED = of(Outcome.CANCELLED);

  static Decision of(Outcome outcome) {
    return new Decision(outcome, -1, null, List.of());
  }

  /** True when the request is sent again. */
  boolean retries() {
    return outcome == Outcome.RETRY_SCHEDULED;
  }

  /**
   * What resilience4j's result predicate answers: true also when the attempts are spent, so that
   * resilience4j itself ends the call and counts it as failed after retries; every other refusal
   * is a result it does not retry.
   */
  boolean wantsRetry() {
    return outcome == Outcome.RETRY_SCHEDULED || outcome == Outcome.GAVE_UP_ATTEMPTS;
  }

  /** The wait as reported in events. */
  Optional<Duration> waitDuration() {
    return waitMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
  }
}
