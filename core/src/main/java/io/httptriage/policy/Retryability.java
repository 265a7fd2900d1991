package io.httptriage.policy;

/**
 * Whether a response with a given status may be answered by sending the same request again.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyTable.ofDefaults().explain(503, "GET"); // "... retryability=IDEMPOTENT (...) ..."
 * }</pre>
 */
public enum Retryability {
  /** Never resend automatically: the answer will not change, or resending is unsafe. */
  NEVER,
  /**
   * Resend only an idempotent request: an idempotent method (RFC 9110 §9.2.2) or a request carrying
   * an {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header).
   */
  IDEMPOTENT,
  /**
   * Resend an idempotent request only when the response carries a usable Retry-After, which is how
   * the server says the condition is temporary (413, RFC 9110 §15.5.14).
   */
  IDEMPOTENT_WITH_RETRY_AFTER,
  /**
   * Resend any request, idempotent or not: the server says it did not process it (421, RFC 9110
   * §15.5.20; 425, RFC 8470 §5.2).
   */
  ANY_REQUEST
}
