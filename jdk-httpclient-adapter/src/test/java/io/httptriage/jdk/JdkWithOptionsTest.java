package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.triage.CallOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request {@link TriageHttpClient#withOptions} returns, and where its options go. */
class JdkWithOptionsTest {
  private static final URI ORDERS = URI.create("http://127.0.0.1:8080/orders");

  private final TestServer server = TestServers.start();
  private final HttpRequest post =
      HttpRequest.newBuilder(ORDERS)
          .POST(BodyPublishers.ofString("{}"))
          .header("X-Trace", "abc")
          .timeout(Duration.ofSeconds(3))
          .version(HttpClient.Version.HTTP_1_1)
          .expectContinue(true)
          .build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersEveryAccessorAsTheRequestItDecorates() {
    HttpRequest decorated = TriageHttpClient.withOptions(post, CallOptions.none().noRetry());

    assertThat(decorated.method()).isEqualTo("POST");
    assertThat(decorated.uri()).isEqualTo(ORDERS);
    assertThat(decorated.headers()).isEqualTo(post.headers());
    assertThat(decorated.bodyPublisher()).isEqualTo(post.bodyPublisher());
    assertThat(decorated.timeout()).contains(Duration.ofSeconds(3));
    assertThat(decorated.version()).contains(HttpClient.Version.HTTP_1_1);
    assertThat(decorated.expectContinue()).isTrue();
    assertThat(decorated).isEqualTo(post);
  }

  @Test
  void attachingAgainReplacesTheOptions() {
    CallOptions two = CallOptions.none().withMaxAttempts(2);

    HttpRequest twice =
        TriageHttpClient.withOptions(TriageHttpClient.withOptions(post, CallOptions.none()), two);

    assertThat(((OptionsRequest) twice).options()).isEqualTo(two);
    assertThat(((OptionsRequest) twice).request()).isSameAs(post);
  }

  @Test
  void nullArgumentsFailNamingTheParameter() {
    assertThatThrownBy(() -> TriageHttpClient.withOptions(null, CallOptions.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request: must not be null");
    assertThatThrownBy(() -> TriageHttpClient.withOptions(post, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("options: must not be null");
  }

  @Test
  void aBareClientSendsTheDecoratedRequestAsItIs() throws IOException, InterruptedException {
    server.enqueue(Reply.status(200).body("ok"));
    HttpRequest get =
        TriageHttpClient.withOptions(
            HttpRequest.newBuilder(server.url("/items")).header("X-Trace", "abc").build(),
            CallOptions.none().noRetry());

    String body = HttpClient.newHttpClient().send(get, BodyHandlers.ofString()).body();

    assertThat(body).isEqualTo("ok");
    assertThat(server.take().headers().first("X-Trace")).contains("abc");
  }
}
