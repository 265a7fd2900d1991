package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.triage.TriageConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the audit makes of the JDK client's own redirect following. */
class JdkRedirectClientTest {
  private final TestServer server = TestServers.start();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Finding.Kind> findings = new CopyOnWriteArrayList<>();
  private final TriageConfig config =
      TriageConfig.builder()
          .listener(
              ExchangeTap.withDefaults(
                  (exchange, verdict, found) -> {
                    exchanges.add(exchange);
                    found.forEach(f -> findings.add(f.kind()));
                  }))
          .build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void redirectHandedBackAfterTheClientsLimitIsReportedAsTruncated() throws Exception {
    for (int i = 1; i <= 6; i++) {
      server.enqueue(Reply.status(302).header("Location", "/hop" + i));
    }
    TriageHttpClient client = JdkClients.client(config, TestTls.create());

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(server.url("/hop0")).build(), BodyHandlers.ofString());

    // The JDK follows 4 redirects (jdk.httpclient.redirects.retrylimit=5) and returns the 5th 3xx.
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(server.requestCount()).isEqualTo(5);
    assertThat(exchanges)
        .singleElement()
        .satisfies(exchange -> assertThat(exchange.hops()).hasSize(4));
    assertThat(findings).contains(Finding.Kind.CHAIN_TRUNCATED);
  }

  @Test
  void defaultClientReturnsTheRedirectAndItIsReportedAsNotFollowed() throws Exception {
    server.enqueue(Reply.status(302).header("Location", "/elsewhere"));
    // HttpClient.newHttpClient() never follows redirects.
    TriageHttpClient client = TriageHttpClient.wrap(HttpClient.newHttpClient(), config);

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(server.url("/start")).build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(findings)
        .contains(Finding.Kind.REDIRECT_NOT_FOLLOWED)
        .doesNotContain(Finding.Kind.CHAIN_TRUNCATED);
  }
}
