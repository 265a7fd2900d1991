package io.httptriage.retry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One retry decision of a client's triage runtime about one response: retried after a wait, or handed back
 * to the caller and why.
 *
 * <p>Events carry the request method, the status and counts, never the URL or any header value:
 * they go to metrics and logs, where a URL can carry credentials or personal data. When a header was
 * ignored because its value was malformed, {@link #ignoredHeaders()} names the field only.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryListener listener = e -> {
 *   if (e.outcome() == RetryEvent.Outcome.RETRY_SCHEDULED) {
 *     log.debug("retrying {} after {} ({})", e.method(), e.delay().orElseThrow(), e.delaySource().orElseThrow());
 *   }
 * };
 * }</pre>
 *
 * @param outcome what was decided
 * @param method the request method
 * @param status the status of the response decided upon; 0 when no response was involved
 * @param attempt the number of the attempt that produced the response, 1 for the first
 * @param delay for {@link Outcome#RETRY_SCHEDULED}, the wait before the next attempt; for the
 *     outcomes refused because of a wait ({@link Outcome#GAVE_UP_DEADLINE}, {@link
 *     Outcome#GAVE_UP_RETRY_AFTER_TOO_LONG}, {@link Outcome#GAVE_UP_BUDGET}), the wait that would
 *     have applied; empty otherwise
 * @param delaySource where {@link #delay()} came from; present exactly when it is
 * @param elapsed the time since the call started, by the settings' clock
 * @param ignoredHeaders the names of fields ignored because they were malformed, e.g. {@code
 *     Retry-After}; never their values
 */
public record RetryEvent(
    Outcome outcome,
    String method,
    int status,
    int attempt,
    Optional<Duration> delay,
    Optional<DelaySource> delaySource,
    Duration elapsed,
    List<String> ignoredHeaders) {

  /** What was decided. */
  public enum Outcome {
    /** The request is sent again after {@link RetryEvent#delay()}; the response was discarded. */
    RETRY_SCHEDULED,
    /** A retry got a response that needs no further retry; it goes back to the caller. */
    ANSWERED_AFTER_RETRY,
    /** The last allowed attempt also failed; its response goes back to the caller. */
    GAVE_UP_ATTEMPTS,
    /** The wait would end at or past the deadline; the response goes back at once. */
    GAVE_UP_DEADLINE,
    /**
     * The server asked (Retry-After, or a RateLimit reset) for a longer wait than the configured
     * cap; the response goes back at once instead of sleeping.
     */
    GAVE_UP_RETRY_AFTER_TOO_LONG,
    /** The client's retry budget is spent; the response goes back, the refusal is counted. */
    GAVE_UP_BUDGET,
    /**
     * The status allows a retry of idempotent requests only, and this one is not: a POST or PATCH
     * without an {@code Idempotency-Key}, and no explicit opt-in.
     */
    NOT_IDEMPOTENT,
    /** The request body cannot be sent a second time (one-shot or a consumed stream). */
    BODY_NOT_REPLAYABLE,
    /**
     * The policy table does not allow retrying this response for this request, e.g. a 413 without
     * Retry-After (RFC 9110 §15.5.14) or an override rule.
     */
    NOT_RETRYABLE,
    /** A retry attempt failed with an I/O error, which propagates to the caller unchanged. */
    RETRY_FAILED_IO,
    /**
     * The caller cancelled the asynchronous call, or interrupted the synchronous one while it
     * waited: no further attempt is made.
     */
    CANCELLED
  }

  /** Where a delay came from. */
  public enum DelaySource {
    /** The response's Retry-After field (RFC 9110 §10.2.3). */
    RETRY_AFTER,
    /** The reset of an exhausted quota in the RateLimit fields (draft-ietf-httpapi-ratelimit-headers). */
    RATE_LIMIT,
    /** Exponential backoff with full jitter, when the server gave no wait. */
    BACKOFF
  }

  /**
   * Validates the fields and freezes the list.
   *
   * @param outcome what was decided
   * @param method the request method
   * @param status the status of the response decided upon; 0 when no response was involved
   * @param attempt the number of the attempt that produced the response, 1 for the first
   * @param delay for {@link Outcome#RETRY_SCHEDULED}, the wait before the next attempt; for the outcomes refused because of a wait ({@link Outcome#GAVE_UP_DEADLINE}, {@link Outcome#GAVE_UP_RETRY_AFTER_TOO_LONG}, {@link Outcome#GAVE_UP_BUDGET}), the wait that would have applied; empty otherwise
   * @param delaySource where {@link #delay()} came from; present exactly when it is
   * @param elapsed the time since the call started, by the engine's clock
   * @param ignoredHeaders the names of fields ignored because they were malformed, e.g. {@code Retry-After}; never their values
   */
  public RetryEvent {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(delaySource, "delaySource");
    Objects.requireNonNull(elapsed, "elapsed");
    ignoredHeaders = List.copyOf(ignoredHeaders);
  }

  /** {@return true when the request is sent again} */
  public boolean isRetry() {
    return outcome == Outcome.RETRY_SCHEDULED;
  }
}
