package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The JDK client's own resends, as httptriage counts them (JdkResends' rules). */
class JdkResendsTest {
  private static HttpRequest request(String method) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x"))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
  }

  @Test
  void theConnectRetryIsOffInThisJvmSoARefusedConnectIsNotCounted() {
    TriageHttpClient.wrap(java.net.http.HttpClient.newHttpClient()); // loads the class
    assertThat(System.getProperty(JdkResends.DISABLE_RETRY_CONNECT)).isEqualTo("true");
    assertThat(JdkResends.resentBy(request("GET"), new ConnectException())).isZero();
  }

  @Test
  void countsTheResendOfAGetOrHeadWhoseConnectionClosedBeforeAnyByte() {
    IOException noBytes = new IOException("HTTP/1.1 header parser received no bytes");
    assertThat(JdkResends.resentBy(request("GET"), noBytes)).isEqualTo(1);
    assertThat(JdkResends.resentBy(request("HEAD"), noBytes)).isEqualTo(1);
    assertThat(JdkResends.resentBy(request("POST"), noBytes)).isZero();
    assertThat(JdkResends.resentBy(request("PUT"), noBytes)).isZero();
  }

  @Test
  void neverCountsATimeoutOrATlsFailure() {
    assertThat(JdkResends.resentBy(request("GET"), new HttpTimeoutException("request timed out")))
        .isZero();
    assertThat(
            JdkResends.resentBy(
                request("GET"), new HttpConnectTimeoutException("HTTP connect timed out")))
        .isZero();
    assertThat(JdkResends.resentBy(request("GET"), new SSLHandshakeException("PKIX"))).isZero();
  }
}
