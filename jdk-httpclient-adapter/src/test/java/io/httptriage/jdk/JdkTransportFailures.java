package io.httptriage.jdk;

import io.httptriage.contract.TransportFailureContract.Failure;

/**
 * CHARACTERIZATION, before #15: the JDK client's connection attempts per transport failure today,
 * on JDK 17 and 25 with {@code jdk.httpclient.disableRetryConnect} and {@code
 * jdk.httpclient.enableAllMethodRetry} unset. Counts no server can see (refused, connect timeout,
 * unknown host) come from the client's source ({@code jdk.internal.net.http.MultiExchange} and
 * {@code PlainHttpConnection}), confirmed with its debug log ({@code
 * -Djdk.internal.httpclient.debug=true}) on 17.0.15 and 25.0.3; see the README's "What the client
 * does by itself on a transport failure". The integration replaces these counts by the target ones.
 */
final class JdkTransportFailures {
  private JdkTransportFailures() {}

  /**
   * A TLS client meeting plain TCP: the JDK's handshake failure sometimes surfaces as a read error
   * before any response byte instead (Http1AsyncReceiver.onReadError names "SSLHandshakeException
   * resulting from the server having closed the SSL session"), which it resends once for a GET, as
   * after a reset. A race inside the client: seen once, with sendAsync on JDK 17.
   */
  static int raceMayAdd(Failure failure, String method) {
    return failure == Failure.TLS_HANDSHAKE && method.equals("GET") ? 1 : 0;
  }

  static int today(Failure failure, String method) {
    switch (failure) {
      case REFUSED:
        // whatever the method: PlainHttpConnection connects twice, and MultiExchange runs the
        // exchange twice (both because of RETRY_CONNECT); once with jdk.httpclient.
        // disableRetryConnect, which httptriage sets and this module's test JVM runs with
        return Boolean.getBoolean(JdkResends.DISABLE_RETRY_CONNECT) ? 1 : 4;
      case UNKNOWN_HOST:
        return 0; // also retried once as a ConnectException, but with no address there is no
      // connect
      case RESET:
      case EOF_ON_REUSE:
        // no response byte: ConnectionExpiredException, retried once for GET and HEAD only
        return method.equals("GET") ? 2 : 1;
      default:
        return 1; // connect timeout cancels the exchange; a read timeout or TLS failure is final
    }
  }
}
