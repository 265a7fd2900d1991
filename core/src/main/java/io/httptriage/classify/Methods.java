package io.httptriage.classify;

/**
 * Facts about request methods that policies depend on.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Methods.isIdempotent("PUT"); // true
 * }</pre>
 */
public final class Methods {
  /** The request header that makes a POST or PATCH safe to repeat. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Methods() {}

  /**
   * {@return true for the idempotent methods of RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT,
   * DELETE} Method names are case-sensitive (RFC 9110 §9.1).
   *
   * @param method the request method, case-sensitive
   */
  public static boolean isIdempotent(String method) {
    switch (method) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
      case "TRACE":
      case "PUT":
      case "DELETE":
        return true;
      default:
        return false;
    }
  }
}
