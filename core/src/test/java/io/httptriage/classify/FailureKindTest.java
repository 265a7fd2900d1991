package io.httptriage.classify;

import static io.httptriage.classify.FailureKind.NEVER_RETRIED;
import static io.httptriage.classify.FailureKind.NOT_SENT;
import static io.httptriage.classify.FailureKind.SENT_NO_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link FailureKind#of}, on exceptions shaped as the clients throw them (the contract
 * suite's {@code TransportFailureContract} checks the real ones on every client).
 */
class FailureKindTest {

  @Test
  void refusedConnectionWasNotSent() {
    // OkHttp: "Failed to connect to /127.0.0.1:port" caused by "Connection refused"
    ConnectException okhttp = new ConnectException("Failed to connect to /127.0.0.1:1");
    okhttp.initCause(new ConnectException("Connection refused"));
    // the JDK client: a ConnectException without message, caused by a closed channel
    ConnectException jdk = new ConnectException();
    jdk.initCause(new ClosedChannelException());

    assertThat(FailureKind.of(okhttp)).isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(jdk)).isEqualTo(NOT_SENT);
  }

  @Test
  void unresolvedHostWasNotSent() {
    ConnectException jdk = new ConnectException();
    jdk.initCause(new UnresolvedAddressException());

    assertThat(FailureKind.of(new UnknownHostException("no-such-host.invalid")))
        .isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(jdk)).isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(new NoRouteToHostException())).isEqualTo(NOT_SENT);
  }

  @Test
  void jdkConnectTimeoutIsRecognisedByItsTypeNameAndReadTimeoutIsNot() {
    assertThat(FailureKind.of(new HttpConnectTimeoutException("HTTP connect timed out")))
        .isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(new IOException("wrapped", new HttpConnectTimeoutException("x"))))
        .isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(new HttpTimeoutException("request timed out")))
        .isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void socketTimeoutFromSocketConnectWasNotSent() throws IOException {
    // a real connect timeout: a listener whose accept queue is full drops the SYN
    try (ServerSocket full = new ServerSocket()) {
      full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
      Socket[] fillers = {new Socket(), new Socket()};
      try {
        for (Socket f : fillers) {
          f.connect(full.getLocalSocketAddress(), 1_000);
        }
        SocketTimeoutException thrown = null;
        try (Socket s = new Socket()) {
          s.connect(full.getLocalSocketAddress(), 100);
        } catch (SocketTimeoutException e) {
          thrown = e;
        }

        assertThat(thrown).as("connect into a full accept queue times out").isNotNull();
        assertThat(FailureKind.of(thrown)).isEqualTo(NOT_SENT);
      } finally {
        for (Socket f : fillers) {
          f.close();
        }
      }
    }
  }

  @Test
  void socketTimeoutWhileReadingWasSent() {
    // OkHttp's read timeout ("timeout", caused by "Socket closed") and the socket's own one
    SocketTimeoutException okio = new SocketTimeoutException("timeout");
    okio.initCause(new SocketException("Socket closed"));

    assertThat(FailureKind.of(okio)).isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(new SocketTimeoutException("Read timed out")))
        .isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void aTimeoutMessageSayingConnectIsNotEnough() {
    // only the stack tells a connect timeout: a message can say anything
    SocketTimeoutException fake = new SocketTimeoutException("Connect timed out");
    fake.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("okio.SocketAsyncTimeout", "newTimeoutException", null, 1)
        });

    assertThat(FailureKind.of(fake)).isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void resetAndEndOfStreamWereSent() {
    IOException jdk =
        new IOException(
            "HTTP/1.1 header parser received no bytes", new SocketException("Connection reset"));
    IOException okhttp =
        new IOException(
            "unexpected end of stream on http://127.0.0.1/...",
            new EOFException("\\n not found: limit=0"));

    assertThat(FailureKind.of(new SocketException("Connection reset"))).isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(jdk)).isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(okhttp)).isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(new HttpTimeoutException("request timed out")))
        .isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void tlsFailuresAreNeverRetried() {
    SSLHandshakeException certificate = new SSLHandshakeException("PKIX path building failed");
    certificate.initCause(new CertificateException("unable to find valid certification path"));
    SSLHandshakeException terminated =
        new SSLHandshakeException("Remote host terminated the handshake");
    terminated.initCause(new EOFException("SSL peer shut down incorrectly"));

    // OkHttp's, then the JDK client's words for TLS meeting plain TCP
    assertThat(FailureKind.of(new SSLException("Unsupported or unrecognized SSL message")))
        .isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new SSLException("Unrecognized SSL message, plaintext connection?")))
        .isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(certificate)).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(terminated)).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new SSLPeerUnverifiedException("Hostname 127.0.0.1 not verified")))
        .isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new IOException(new CertificateException("expired"))))
        .isEqualTo(NEVER_RETRIED);
  }

  @Test
  void aTlsSessionWhoseSocketBrokeIsABrokenConnection() {
    SSLException reset =
        new SSLException("Connection reset", new SocketException("Connection reset"));

    assertThat(FailureKind.of(reset)).isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void cancellationByTheCallerIsNeverRetried() {
    // OkHttp's Call.cancel() gives a plain IOException("Canceled"): only the flag tells
    assertThat(FailureKind.of(new IOException("Canceled"), true)).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new ConnectException("refused"), true)).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new CancellationException())).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new InterruptedException())).isEqualTo(NEVER_RETRIED);
    // OkHttp's call timeout: the caller's own deadline
    assertThat(FailureKind.of(new InterruptedIOException("timeout"))).isEqualTo(NEVER_RETRIED);
  }

  @Test
  void futureWrappersAreLookedThrough() {
    ConnectException refused = new ConnectException();

    assertThat(FailureKind.of(new ExecutionException(refused))).isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(new CompletionException(new ExecutionException(refused))))
        .isEqualTo(NOT_SENT);
    assertThat(FailureKind.of(new UncheckedIOException(new SocketException("Connection reset"))))
        .isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(new CompletionException(new CancellationException())))
        .isEqualTo(NEVER_RETRIED);
  }

  @Test
  void anUnknownIoExceptionIsTreatedAsSent() {
    assertThat(FailureKind.of(new IOException("something odd"))).isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void whatIsNotATransportFailureIsNeverRetried() {
    assertThat(FailureKind.of(null)).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(NEVER_RETRIED);
    assertThat(FailureKind.of(new CompletionException(null))).isEqualTo(NEVER_RETRIED);
  }

  @Test
  void cyclicOrEndlessCauseChainsEnd() {
    IOException a = new IOException("a");
    IOException b = new IOException("b", a);
    a.initCause(b);
    IOException deep = new IOException("0");
    for (int i = 1; i < 1000; i++) {
      deep = new IOException(Integer.toString(i), deep);
    }

    assertThat(FailureKind.of(a)).isEqualTo(SENT_NO_RESPONSE);
    assertThat(FailureKind.of(deep)).isEqualTo(SENT_NO_RESPONSE);
  }

  @Test
  void tagsAreFixedAndDistinct() {
    assertThat(Arrays.stream(FailureKind.values()).map(FailureKind::tag))
        .containsExactly("not_sent", "sent_no_response", "never_retried");
  }
}
