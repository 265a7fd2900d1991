package io.httptriage.policy;

/**
 * Whether a response may be stored and reused by a cache when it carries no explicit freshness.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyTable.ofDefaults().explain(404, "GET"); // "... cacheability=HEURISTIC (...) ..."
 * }</pre>
 */
public enum Cacheability {
  /**
   * Heuristically cacheable ("cacheable by default"): RFC 9110 §15.1's list — 200, 203, 204, 206,
   * 300, 301, 308, 404, 405, 410, 414, 501 — and 451 (RFC 7725 §3).
   */
  HEURISTIC,
  /** Cacheable only with explicit freshness (max-age, Expires, public...; RFC 9111 §3). */
  EXPLICIT_ONLY,
  /**
   * Never stored: interim responses (RFC 9111 §3) and codes whose definition forbids it (428, 429,
   * 431, 511; RFC 6585).
   */
  NEVER_STORE
}
