package io.httptriage.status;

/**
 * The class of a status code, given by its first digit (RFC 9110 §15).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * StatusClass c = StatusClass.of(503); // SERVER_ERROR
 * }</pre>
 */
public enum StatusClass {
  /** 1xx: an interim response; the final response is still to come (RFC 9110 §15.2). */
  INFORMATIONAL(1, "1xx"),
  /** 2xx: the request was received, understood and accepted (RFC 9110 §15.3). */
  SUCCESSFUL(2, "2xx"),
  /** 3xx: further action by the user agent is needed (RFC 9110 §15.4). */
  REDIRECTION(3, "3xx"),
  /** 4xx: the client seems to have erred (RFC 9110 §15.5). */
  CLIENT_ERROR(4, "4xx"),
  /** 5xx: the server failed to fulfil an apparently valid request (RFC 9110 §15.6). */
  SERVER_ERROR(5, "5xx"),
  /**
   * A value outside 100..599. RFC 9110 §15 calls these invalid and says a client SHOULD process
   * such a response as if it were a 5xx.
   */
  INVALID(0, "invalid");

  private final int digit;
  private final String label;

  StatusClass(int digit, String label) {
    this.digit = digit;
    this.label = label;
  }

  /**
   * The class of any int; never throws.
   *
   * @param code a status code, any value
   * @return the class by first digit, or {@link #INVALID} outside 100..599
   */
  public static StatusClass of(int code) {
    if (code < 100 || code > 599) {
      return INVALID;
    }
    return values()[code / 100 - 1];
  }

  /** {@return the first digit, or 0 for {@link #INVALID}} */
  public int digit() {
    return digit;
  }

  /**
   * {@return {@code "1xx"} .. {@code "5xx"}, or {@code "invalid"}; stable, used as a metric tag
   * value}
   */
  public String label() {
    return label;
  }

  /**
   * {@return the class a client must treat a response of this class as: itself, except that an
   * {@link #INVALID} code is handled as {@link #SERVER_ERROR} (RFC 9110 §15)}
   */
  public StatusClass effective() {
    return this == INVALID ? SERVER_ERROR : this;
  }
}
