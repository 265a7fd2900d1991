package io.httptriage.cli;

import io.httptriage.jdk.TriageHttpClient;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link ProbeClient} on {@code java.net.http.HttpClient} with httptriage installed by {@link
 * TriageHttpClient}: the one place of the command line that depends on the JDK client adapter.
 */
final class JdkProbeClient implements ProbeClient {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  JdkProbeClient(HttpClient client) {
    this.client = client;
  }

  /** Whether this build has the JDK client adapter. */
  static boolean isAvailable() {
    return true;
  }

  /** A JDK client with httptriage installed by {@code config}. */
  static ProbeClient open(TriageConfig config) {
    return new JdkProbeClient(
        TriageHttpClient.build(HttpClient.newBuilder().connectTimeout(TIMEOUT), config));
  }

  @Override
  public int send(ProbeRequest request) throws IOException {
    HttpRequest.BodyPublisher body =
        request
            .body()
            .map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
            .orElse(HttpRequest.BodyPublishers.noBody());
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(TIMEOUT);
    try {
      b.method(request.method(), body);
      for (ProbeRequest.Header h : request.headers()) {
        b.header(h.name(), h.value());
      }
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("the JDK client cannot send this request: " + e.getMessage());
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + request.uri());
    }
  }

  @Override
  public void close() {
    if (client instanceof TriageHttpClient) {
      ((TriageHttpClient) client).shutdownNow(); // reaches the delegate on JDK 21+; no-op on 17
    }
  }
}
