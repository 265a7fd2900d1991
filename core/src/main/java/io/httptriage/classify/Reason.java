package io.httptriage.classify;

import java.util.Objects;

/**
 * One reason behind a verdict: what was decided or noticed, in words and with the rule behind it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * for (Reason r : verdict.reasons()) {
 *   log.debug("{}: {} ({})", r.kind(), r.detail(), r.spec());
 * }
 * }</pre>
 *
 * @param kind what kind of reason it is
 * @param detail a one-line explanation
 * @param spec the rule it rests on, e.g. {@code "RFC 9110 §15.4.8"}
 */
public record Reason(Kind kind, String detail, String spec) {

  /** The closed set of reasons a verdict can give. */
  public enum Kind {
    /** A 2xx, or 304 answering a conditional request. */
    SUCCESS,
    /** The status is neither retryable nor followable. */
    NOT_RETRYABLE,
    /** The status allows a retry for this request. */
    RETRYABLE,
    /** The status would allow a retry, but the request is not idempotent and has no key. */
    NOT_IDEMPOTENT,
    /** The status allows a retry only with a Retry-After, and none usable was given. */
    RETRY_AFTER_MISSING,
    /** The response carried a usable Retry-After; the delay is in the verdict. */
    RETRY_AFTER,
    /** The response carried a Retry-After that was ignored; the detail says why. */
    RETRY_AFTER_IGNORED,
    /** The status is a redirect that may be followed. */
    REDIRECT,
    /** The status is a redirect whose Location is missing. */
    LOCATION_MISSING,
    /** The status is a redirect whose Location cannot be resolved. */
    LOCATION_INVALID,
    /** The status is a redirect the policy never follows (305, 306). */
    REDIRECT_REFUSED,
    /** The status is interim (1xx) but arrived as final. */
    INTERIM_AS_FINAL,
    /** The status is not registered; handled as the x00 code of its class. */
    UNKNOWN_STATUS,
    /** The status is outside 100..599; handled as 500. */
    INVALID_STATUS,
    /**
     * The status and request allowed a retry, and a gate refused it; the verdict names the gate.
     */
    RETRY_REFUSED,
    /** The redirect could be followed, and was not; the detail says why. */
    NOT_FOLLOWED,
    /**
     * The origin's error was answered with a stored response its stale-if-error window allowed (RFC
     * 5861 §4); the detail gives the staleness and the window.
     */
    STALE_IF_ERROR,
    /**
     * The call was answered without being sent: its origin cools down for longer than the call can
     * wait (a 429 or 503 with Retry-After, or an exhausted quota, seen by another call of the
     * client); the detail says for how long.
     */
    COOL_DOWN,

    /**
     * No response came: the attempt ended in a transport failure; the detail names its {@link
     * FailureKind} and the exception's type (RFC 9110 §9.2.2).
     */
    TRANSPORT_FAILURE
  }

  /**
   * Validates the fields.
   *
   * @param kind what kind of reason it is
   * @param detail a one-line explanation
   * @param spec the rule it rests on, e.g. {@code "RFC 9110 §15.4.8"}
   */
  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public String toString() {
    return kind + ": " + detail + " (" + spec + ")";
  }
}
