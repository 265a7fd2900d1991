package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * JDK 21 gave HttpClient close, shutdown, shutdownNow, awaitTermination and isTerminated, with
 * defaults that do nothing: a decorator that did not declare them would leave its delegate running.
 */
class JdkLifecycleTest {
  private final HttpClient delegate = HttpClient.newHttpClient();
  private final TriageHttpClient client = TriageHttpClient.wrap(delegate);

  private static boolean hasLifecycle() {
    return Runtime.version().feature() >= 21;
  }

  @Test
  void closeReachesTheDelegate() {
    assumeTrue(hasLifecycle(), "HttpClient has no lifecycle before JDK 21");

    client.close();

    assertThat(Jdk21Lifecycle.isTerminated(delegate)).isTrue();
    assertThat(client.isTerminated()).isTrue();
  }

  @Test
  void closeCalledAsAnyHttpClientReachesTheDelegate() {
    assumeTrue(hasLifecycle(), "HttpClient has no lifecycle before JDK 21");

    // What try-with-resources on an HttpClient variable compiles to on JDK 21+.
    Jdk21Lifecycle.close(client);

    assertThat(Jdk21Lifecycle.isTerminated(delegate)).isTrue();
  }

  @Test
  void shutdownNowTerminatesTheDelegate() throws InterruptedException {
    assumeTrue(hasLifecycle(), "HttpClient has no lifecycle before JDK 21");

    client.shutdownNow();

    assertThat(client.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(Jdk21Lifecycle.isTerminated(delegate)).isTrue();
  }

  @Test
  void lifecycleIsANoOpOnJdk17() throws Exception {
    assumeFalse(hasLifecycle(), "only JDK 17 to 20 lack the lifecycle");

    client.shutdown();
    client.close();

    assertThat(client.isTerminated()).isFalse();
    assertThat(client.awaitTermination(Duration.ofSeconds(1))).isFalse();
    try (TestServer server = TestServers.start()) {
      server.enqueue(Reply.status(200).body("still here"));
      assertThat(
              client
                  .send(HttpRequest.newBuilder(server.url("/")).build(), BodyHandlers.ofString())
                  .body())
          .isEqualTo("still here");
    }
  }
}
