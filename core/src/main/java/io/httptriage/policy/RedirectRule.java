package io.httptriage.policy;

/**
 * Whether a client may follow a response automatically to the URI in its Location header.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyTable.ofDefaults().explain(305, "GET"); // "... redirect=NEVER_FOLLOW (...) ..."
 * }</pre>
 */
public enum RedirectRule {
  /** Not a redirect: 1xx, 2xx, 4xx, 5xx, and 304, which answers a conditional request. */
  NOT_A_REDIRECT,
  /** Follow to Location (301, 302, 303, 307, 308; RFC 9110 §15.4). */
  FOLLOW,
  /**
   * Follow only when a Location is present: 300 names a preferred choice only sometimes (RFC 9110
   * §15.4.1), and an unrecognised 3xx may be followed when it has one (RFC 9110 §15.4).
   */
  FOLLOW_IF_LOCATION,
  /** Never follow: 305 (deprecated for security, RFC 9110 §15.4.6) and 306 (reserved, §15.4.7). */
  NEVER_FOLLOW;

  /** {@return true for {@link #FOLLOW} and {@link #FOLLOW_IF_LOCATION}} */
  public boolean mayFollow() {
    return this == FOLLOW || this == FOLLOW_IF_LOCATION;
  }
}
