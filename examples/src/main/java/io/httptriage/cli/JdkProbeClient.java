package io.httptriage.cli;

import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link ProbeClient} on {@code java.net.http.HttpClient}: the one place of the command line that
 * depends on the JDK client adapter.
 *
 * <p>The adapter ({@code io.httptriage.jdk.TriageHttpClient}) is not in this build yet. Until it
 * is, {@link #isAvailable()} is false, {@code --client jdk} fails with one line, and the demo skips
 * the JDK client. Once it is merged, {@link #open} becomes {@code new
 * JdkProbeClient(TriageHttpClient.build(HttpClient.newBuilder().connectTimeout(TIMEOUT), config))}
 * and {@link #isAvailable()} returns true; the request translation below already works on any
 * {@code HttpClient} and is tested on a plain one.
 */
final class JdkProbeClient implements ProbeClient {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  JdkProbeClient(HttpClient client) {
    this.client = client;
  }

  /** Whether this build has the JDK client adapter. */
  static boolean isAvailable() {
    return false;
  }

  /**
   * A JDK client with httptriage installed by {@code config}.
   *
   * @throws CommandFailure while the adapter is not in this build
   */
  static ProbeClient open(TriageConfig config) {
    throw new CommandFailure("--client jdk needs the java.net.http adapter, which this build does not"
        + " include yet; use --client okhttp");
  }

  @Override
  public int send(ProbeRequest request) throws IOException {
    HttpRequest.BodyPublisher body = request.body()
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
    // HttpClient has no close() before JDK 21; its threads end when it is collected
  }
}
