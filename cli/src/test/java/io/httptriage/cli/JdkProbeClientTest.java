package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The JDK half of {@code probe}: the request translation, on a plain {@link HttpClient} and with
 * the adapter installed.
 */
class JdkProbeClientTest {

  @Test
  void sendsMethodBodyAndHeadersAsGiven() throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(201).build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      ProbeRequest request =
          ProbeRequest.parse(
              "http://127.0.0.1:" + server.getPort() + "/orders",
              Optional.empty(),
              Optional.of("{\"n\":1}"),
              List.of("Content-Type: application/json", "X-Trace: abc"));

      int status =
          new JdkProbeClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
              .send(request);

      assertThat(status).isEqualTo(201);
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getBody().utf8()).isEqualTo("{\"n\":1}");
      assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
      assertThat(r.getHeaders().get("X-Trace")).isEqualTo("abc");
    }
  }

  @Test
  void aHeaderTheJdkForbidsIsAUsageError() {
    ProbeRequest request =
        ProbeRequest.get(URI.create("http://127.0.0.1:9/"), new ProbeRequest.Header("Host", "x"));

    assertThatThrownBy(() -> new JdkProbeClient(HttpClient.newHttpClient()).send(request))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("the JDK client cannot send this request");
  }

  @Test
  void openInstallsTheAdapterWithRedirectsFollowedByPolicy()
      throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/v2").build());
      server.enqueue(new MockResponse.Builder().code(201).build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      ProbeRequest request =
          ProbeRequest.parse(
              "http://127.0.0.1:" + server.getPort() + "/v1",
              Optional.empty(),
              Optional.of("x=1"),
              List.of());
      TriageConfig policy = TriageConfig.builder().redirectMode(RedirectMode.POLICY).build();

      int status;
      try (ProbeClient client = ClientChoice.JDK.open(policy)) {
        status = client.send(request);
      }

      assertThat(ClientChoice.JDK.isAvailable()).isTrue();
      assertThat(status).isEqualTo(201);
      server.takeRequest(5, TimeUnit.SECONDS);
      RecordedRequest followed = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(followed.getMethod()).isEqualTo("POST");
      assertThat(followed.getBody().utf8()).isEqualTo("x=1");
    }
  }
}
