package io.httptriage.engine;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The step's decision about one response that a retry was possible for: what resilience4j's {@link
 * Retry} context is shown as the result of an attempt. Its result predicate and interval function
 * read only this record, so resilience4j retries exactly when the step does and schedules exactly
 * the wait computed here.
 *
 * @param outcome what was decided
 * @param waitMillis the wait scheduled or refused, in milliseconds; -1 when none applies
 * @param source where the wait came from; null exactly when {@code waitMillis} is -1
 * @param ignoredHeaders names of malformed fields that were ignored
 * @param gate the gate that refused; null when the retry is made, or no gate was involved
 */
record Decision(
    Outcome outcome,
    long waitMillis,
    @Nullable WaitSource source,
    List<String> ignoredHeaders,
    Verdict.@Nullable Gate gate) {

  static final Decision ANSWERED = of(Outcome.ANSWERED_AFTER_RETRY);
  static final Decision CANCELLED = of(Outcome.CANCELLED);
  static final Decision FAILED_IO = of(Outcome.RETRY_FAILED_IO);
  static final Decision NOT_IDEMPOTENT = of(Outcome.NOT_IDEMPOTENT);
  static final Decision NOT_RETRYABLE = of(Outcome.NOT_RETRYABLE);

  static Decision of(Outcome outcome) {
    return new Decision(outcome, -1, null, List.of(), null);
  }

  /** A refusal by a gate, with the wait that would have applied when one was computed. */
  static Decision refused(
      Verdict.Gate gate, long waitMillis, @Nullable WaitSource source, List<String> ignored) {
    return new Decision(outcomeOf(gate), source == null ? -1 : waitMillis, source, ignored, gate);
  }

  /** The event outcome that names a gate's refusal. */
  static Outcome outcomeOf(Verdict.Gate gate) {
    switch (gate) {
      case BODY_NOT_REPLAYABLE:
        return Outcome.BODY_NOT_REPLAYABLE;
      case ATTEMPTS:
        return Outcome.GAVE_UP_ATTEMPTS;
      case WAIT_CAP:
        return Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG;
      case DEADLINE:
        return Outcome.GAVE_UP_DEADLINE;
      case COOL_DOWN:
        return Outcome.GAVE_UP_COOL_DOWN;
      default:
        return Outcome.GAVE_UP_BUDGET;
    }
  }

  /** The final verdict of a RETRY this decision refused, naming the gate that refused it. */
  Verdict refusing(Verdict verdict) {
    return verdict.asFinal(
        Optional.ofNullable(gate),
        new Reason(
            Reason.Kind.RETRY_REFUSED,
            "a retry was possible; the " + gate + " gate refused it",
            "RetrySettings"));
  }

  /** True when the request is sent again. */
  boolean retries() {
    return outcome == Outcome.RETRY_SCHEDULED;
  }

  /**
   * What resilience4j's result predicate answers: true also when the attempts are spent, so that
   * resilience4j itself ends the call and counts it as failed after retries; every other refusal is
   * a result it does not retry.
   */
  boolean wantsRetry() {
    return outcome == Outcome.RETRY_SCHEDULED || outcome == Outcome.GAVE_UP_ATTEMPTS;
  }

  /** The wait as reported in events. */
  Optional<Duration> waitDuration() {
    return waitMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
  }

  /**
   * The resilience4j Retry that carries out a client's retries: its result predicate and interval
   * read only the decision, so it retries exactly when the step does, after the step's wait.
   *
   * @throws IllegalArgumentException when the settings' registry already holds another Retry of the
   *     name
   */
  static Retry retryOf(RetrySettings settings) {
    RetryConfig config = configOf(settings.maxAttempts());
    if (settings.retryRegistry().isEmpty()) {
      return Retry.of(settings.name(), config);
    }
    RetryRegistry registry = settings.retryRegistry().get();
    Retry created = registry.retry(settings.name(), config);
    if (created.getRetryConfig() != config) {
      throw new IllegalArgumentException(
          "name: the registry already holds a Retry named '"
              + settings.name()
              + "'; give each client its own name");
    }
    return created;
  }

  /**
   * A Retry of the same name for calls whose {@link CallOptions} set other attempts than the
   * client's: resilience4j counts a call as failed after retries by its own attempt limit, so that
   * limit must be the call's. It is not put in the registry, which holds the client's.
   */
  static Retry unregistered(RetrySettings settings, int maxAttempts) {
    return Retry.of(settings.name(), configOf(maxAttempts));
  }

  private static RetryConfig configOf(int maxAttempts) {
    return RetryConfig.<Decision>custom()
        .maxAttempts(maxAttempts)
        .retryOnResult(Decision::wantsRetry)
        // Only called for results the predicate retries, whose wait is never negative.
        .intervalBiFunction(
            (attempt, result) -> result.isRight() ? Math.max(0L, result.get().waitMillis()) : 0L)
        .retryOnException(e -> false)
        .failAfterMaxAttempts(false)
        .build();
  }
}
