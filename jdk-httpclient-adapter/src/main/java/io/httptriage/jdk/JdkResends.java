package io.httptriage.jdk;

import io.httptriage.classify.FailureKind;
import java.io.InterruptedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;

/**
 * What the JDK's {@code HttpClient} sends again by itself after a transport failure, below
 * httptriage, and what httptriage does about it so that retries never stack. Read in {@code
 * jdk.internal.net.http.MultiExchange} and {@code PlainHttpConnection}, JDK 17 to 25:
 *
 * <ul>
 *   <li><b>A refused connect</b> ({@code ConnectException}): unless {@value #DISABLE_RETRY_CONNECT}
 *       is true, the connection connects a second time and the exchange runs a second time, four
 *       connects where one was asked. The JDK reads the property once, into a static final field,
 *       when its first exchange in the JVM starts. So the first time {@link TriageHttpClient} is
 *       loaded, httptriage sets it to {@code true} unless it is set already, and retries a request
 *       that never left itself, under its gates (RFC 9110 §9.2.2: safe for any method). The
 *       property is JVM-wide: other {@code HttpClient}s of the JVM lose that connect retry too. A
 *       value the user set is kept; when it keeps the JDK's retry (false), the second run of the
 *       exchange is counted as an attempt.
 *   <li><b>No response byte on HTTP/1.1</b> (the JDK's {@code ConnectionExpiredException}: the
 *       connection was reset or closed before the status line): the JDK sends a GET or HEAD once
 *       more, any method when {@value #ALL_METHOD_RETRY} is true. No setting turns this off, so
 *       httptriage counts it as an attempt, charged to the retry budget. A timeout is never resent.
 * </ul>
 *
 * <p>Stateless after its class is loaded; thread-safe.
 */
final class JdkResends {
  /** The JDK's switch for its connect retry. */
  static final String DISABLE_RETRY_CONNECT = "jdk.httpclient.disableRetryConnect";

  /** The JDK's switch that resends every method, not just GET and HEAD, after no response byte. */
  static final String ALL_METHOD_RETRY = "jdk.httpclient.enableAllMethodRetry";

  /** True when httptriage set {@value #DISABLE_RETRY_CONNECT}; false when it was set already. */
  static final boolean SET_HERE = switchOffConnectRetry();

  private JdkResends() {}

  /** Forces the class to load, and so the property to be set, before the first exchange. */
  static void load() {
    // the static initializer did the work
  }

  private static boolean switchOffConnectRetry() {
    try {
      if (System.getProperty(DISABLE_RETRY_CONNECT) == null) {
        System.setProperty(DISABLE_RETRY_CONNECT, "true");
        return true;
      }
    } catch (SecurityException denied) {
      // a security manager keeps the JDK's retry; it is counted then
    }
    return false;
  }

  /**
   * The resends the JDK made by itself before {@code failure} reached httptriage: 1 or 0, by the
   * rules above. A failure that cannot be told apart (an HTTP/2 stream reset with no response byte
   * looks like an HTTP/1.1 one) counts as resent: the budget is charged rather than spared.
   */
  static int resentBy(HttpRequest request, Throwable failure) {
    if (failure instanceof HttpTimeoutException || failure instanceof InterruptedIOException) {
      return 0;
    }
    FailureKind kind = FailureKind.of(failure);
    if (kind == FailureKind.NOT_SENT) {
      return isTrue(DISABLE_RETRY_CONNECT) ? 0 : 1;
    }
    if (kind != FailureKind.SENT_NO_RESPONSE) {
      return 0;
    }
    String method = request.method();
    return method.equals("GET") || method.equals("HEAD") || isTrue(ALL_METHOD_RETRY) ? 1 : 0;
  }

  /** The JDK's reading of a boolean property: set and empty, or "true" in any case. */
  private static boolean isTrue(String name) {
    String value = System.getProperty(name);
    return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
  }
}
