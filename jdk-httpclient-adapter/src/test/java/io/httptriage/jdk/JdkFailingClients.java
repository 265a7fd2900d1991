package io.httptriage.jdk;

import io.httptriage.contract.TransportFailureContract;
import io.httptriage.triage.TriageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * JDK clients for the transport-failure contract. The JDK client has no hook that sees a connect
 * attempt, so they count nothing themselves ({@code connectAttempts()} is -1).
 */
final class JdkFailingClients {
  private JdkFailingClients() {}

  /**
   * A bare JDK client ({@code triage} false) or a {@link TriageHttpClient} around one, with these
   * timeouts ({@code readTimeout} as each request's timeout).
   */
  static TransportFailureContract.FailingClient client(
      Duration connectTimeout, Duration readTimeout, boolean triage, boolean async) {
    return client(
        connectTimeout, readTimeout, triage ? TransportFailureContract.config() : null, async);
  }

  /** A {@link TriageHttpClient} with {@code config}, or a bare JDK client when it is null. */
  static TransportFailureContract.FailingClient client(
      Duration connectTimeout, Duration readTimeout, TriageConfig config, boolean async) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
    HttpClient client = config != null ? TriageHttpClient.build(builder, config) : builder.build();
    return new TransportFailureContract.FailingClient() {
      @Override
      public void send(String method, URI uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout);
        if (method.equals("GET")) {
          request.GET();
        } else {
          boolean keyed = method.equals(TransportFailureContract.KEYED_POST);
          if (keyed) {
            request.header("Idempotency-Key", "\"8e2b7c1a\"");
          }
          request
              .header("Content-Type", "application/json")
              .method(keyed ? "POST" : method, HttpRequest.BodyPublishers.ofString("{\"n\":1}"));
        }
        if (!async) {
          client.send(request.build(), BodyHandlers.ofString());
          return;
        }
        try {
          client.sendAsync(request.build(), BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw (Exception) e.getCause();
        }
      }

      @Override
      public int connectAttempts() {
        return -1;
      }

      @Override
      public void close() {
        Jdk21Lifecycle.shutdownNow(client);
      }
    };
  }
}
