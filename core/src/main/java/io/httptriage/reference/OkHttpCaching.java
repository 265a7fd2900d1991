package io.httptriage.reference;

import io.httptriage.policy.Cacheability;

/**
 * What OkHttp's own cache ({@code okhttp3.Cache}) does with each status code, in the words of the
 * policy table, so that the reference and {@code explain} can show it next to what RFC 9110 and RFC
 * 9111 allow. A fact about a client, not a decision: httptriage never changes what OkHttp stores.
 *
 * <p>OkHttp 5.x and 4.12 decide alike ({@code CacheStrategy.isCacheable}), and a test runs a real
 * {@code Cache} against every code on both to prove this table:
 *
 * <ul>
 *   <li>{@link Cacheability#HEURISTIC}: 200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501 are
 *       stored unless a directive forbids it, and reused without explicit freshness when a
 *       Last-Modified gives a heuristic lifetime (OkHttp takes 10% of the time since, and never for
 *       a URI with a query);
 *   <li>{@link Cacheability#EXPLICIT_ONLY}: 302 and 307, only with Expires, max-age, public or
 *       private;
 *   <li>{@link Cacheability#NEVER_STORE}: every other code, whatever its directives, including 206
 *       ("doesn't support caching partial content") and 451, which RFC 9110 §15.3.7 and RFC 7725 §3
 *       make heuristically cacheable, and every code RFC 9111 §3 lets a cache store with explicit
 *       freshness.
 * </ul>
 *
 * <p>OkHttp also stores only responses to GET. Stateless and thread-safe.
 *
 * <pre>{@code
 * OkHttpCaching.of(206);  // NEVER_STORE, where the default policy table says HEURISTIC
 * }</pre>
 */
public final class OkHttpCaching {
  /** Where the table comes from, for a reader who wants to check it. */
  public static final String BASIS = "OkHttp CacheStrategy.isCacheable (5.x, 4.12)";

  private OkHttpCaching() {}

  /**
   * {@return what OkHttp's cache does with a response of this status}
   *
   * @param code any int; codes OkHttp does not list are never stored
   */
  public static Cacheability of(int code) {
    switch (code) {
      case 200:
      case 203:
      case 204:
      case 300:
      case 301:
      case 308:
      case 404:
      case 405:
      case 410:
      case 414:
      case 501:
        return Cacheability.HEURISTIC;
      case 302:
      case 307:
        return Cacheability.EXPLICIT_ONLY;
      default:
        return Cacheability.NEVER_STORE;
    }
  }
}
