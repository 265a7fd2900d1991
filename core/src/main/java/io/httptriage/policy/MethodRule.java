package io.httptriage.policy;

/**
 * What happens to the request method and body when a redirect is followed.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyTable.ofDefaults().explain(307, "GET"); // "... method=PRESERVE (...) ..."
 * }</pre>
 */
public enum MethodRule {
  /** The status is not a redirect. */
  NOT_APPLICABLE,
  /**
   * Keep method and body: 307 MUST NOT change the method (RFC 9110 §15.4.8), 308 is 301 without the
   * method change (RFC 7538 §3, RFC 9110 §15.4.9); 300 and unknown 3xx define no change.
   */
  PRESERVE,
  /**
   * A POST becomes a GET without body, every other method is kept: "for historical reasons" RFC
   * 9110 allows the change for POST only (§15.4.2, §15.4.3), and prevailing practice makes it.
   */
  POST_BECOMES_GET,
  /** Any method but HEAD becomes GET without body; HEAD stays HEAD (303, RFC 9110 §15.4.4). */
  BECOMES_GET;

  /**
   * The method of the follow-up request.
   *
   * @param method the method of the request that was redirected
   * @return the method to follow with
   */
  public String followMethod(String method) {
    switch (this) {
      case POST_BECOMES_GET:
        return "POST".equals(method) ? "GET" : method;
      case BECOMES_GET:
        return "HEAD".equals(method) ? "HEAD" : "GET";
      default:
        return method;
    }
  }

  /**
   * {@return true when the follow-up request keeps the body of a request with this method}
   *
   * @param method the method of the request that was redirected
   */
  public boolean keepsBody(String method) {
    return followMethod(method).equals(method) && this != BECOMES_GET;
  }
}
