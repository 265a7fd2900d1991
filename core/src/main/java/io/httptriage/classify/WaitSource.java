package io.httptriage.classify;

/**
 * Where the wait before a retry came from. Its name is the {@code waitSource} of {@code
 * TriageEvent.AttemptDecided}, the {@code source} tag of {@code httptriage.retry.waits} and the
 * field of the log line.
 *
 * <pre>{@code
 * WaitSource.valueOf(event.waitSource().orElseThrow()); // e.g. RETRY_AFTER
 * }</pre>
 */
public enum WaitSource {
  /** The response's Retry-After field (RFC 9110 §10.2.3). */
  RETRY_AFTER,
  /**
   * The reset of an exhausted quota in the RateLimit fields (draft-ietf-httpapi-ratelimit-headers).
   */
  RATE_LIMIT,
  /** Exponential backoff with full jitter, when the server gave no wait. */
  BACKOFF
}
