package io.httptriage.jdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Thrown by {@link TriageHttpClient#send} (and completing the future of {@code sendAsync}) when
 * httptriage did not send the request: its origin asked every caller of the client to stay away (a
 * 429 or 503 with Retry-After, or a spent rate-limit quota) for longer than this call could wait
 * within its wait cap and deadline. No request reached the network.
 *
 * <p>An {@link IOException}, like the JDK's own {@link java.net.http.HttpTimeoutException}: the JDK
 * client has no way to build an {@link java.net.http.HttpResponse} without a server (its body comes
 * from the caller's {@code BodyHandler}), and code that already handles a failed send handles this
 * one. Catch it to tell it apart, and read {@link #retryAfter()} to know when to come back.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * try {
 *   client.send(request, BodyHandlers.ofString());
 * } catch (CoolDownException e) {
 *   scheduleLater(e.retryAfter());
 * }
 * }</pre>
 */
public final class CoolDownException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The URI of the request that was not sent. */
  private final URI uri;

  /** How long the origin is expected to stay closed. */
  private final Duration retryAfter;

  CoolDownException(URI uri, Duration retryAfter) {
    super(
        "httptriage did not send "
            + uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
            + ": the origin asked to be left alone for another "
            + retryAfter.toMillis()
            + " ms, longer than the call can wait");
    this.uri = uri;
    this.retryAfter = retryAfter;
  }

  /**
   * The request's URI, which was not sent.
   *
   * @return the URI of the request that was held back
   */
  public URI uri() {
    return uri;
  }

  /**
   * How long the origin is expected to stay closed, from when the call was answered.
   *
   * @return how long the origin is expected to stay closed
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
