package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * A web application with Actuator and the starter: a real {@code RestClient} call whose POST the
 * JDK client follows as GET after a 302 appears at {@code /actuator/httptriage}, read over HTTP as
 * JSON, its URLs redacted, no header value in it, the list bounded.
 */
@SpringBootTest(
    classes = ActuatorEndpointTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=httptriage",
      "httptriage.retry.max-attempts=4"
    })
class ActuatorEndpointTest {
  static final int KEPT = 3;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    RecentFindings recentFindings() {
      return new RecentFindings(KEPT, Clock.systemUTC());
    }
  }

  @Autowired RestClient.Builder restClientBuilder;
  @LocalServerPort int port;

  private final TestServer server = TestServers.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postFollowedAsGetShowsAtTheEndpointRedactedAndBounded() {
    RestClient client = restClientBuilder.build();
    for (int i = 0; i < KEPT + 1; i++) {
      server.enqueue(Reply.status(302).header("Location", "/done?session=abc123"));
      server.enqueue(Reply.status(200).body("done"));
      String body =
          client
              .post()
              .uri(server.url("/form?token=s3cret&page=" + i))
              .header("Authorization", "Bearer header-s3cret")
              .body("name=value")
              .retrieve()
              .body(String.class);
      assertThat(body).isEqualTo("done");
    }
    Recorded first = server.take();
    Recorded second = server.take();
    assertThat(first.method() + " " + first.path()).isEqualTo("POST /form?token=s3cret&page=0");
    assertThat(second.method() + " " + second.path()).isEqualTo("GET /done?session=abc123");

    String json = actuator().retrieve().body(String.class);
    Map<String, Object> shown =
        actuator().retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(json).doesNotContain("s3cret", "abc123", "Bearer");
    Map<?, ?> findings = (Map<?, ?>) shown.get("findings");
    assertThat(findings.get("capacity")).isEqualTo(KEPT);
    assertThat(((Number) findings.get("reported")).longValue()).isGreaterThanOrEqualTo(KEPT + 1);
    List<?> recent = (List<?>) findings.get("recent");
    assertThat(recent).hasSize(KEPT);
    Map<?, ?> newest = (Map<?, ?>) recent.get(0);
    assertThat(newest.get("kind")).isEqualTo("METHOD_REWRITTEN");
    assertThat(newest.get("client")).isEqualTo("jdk");
    assertThat(newest.get("method")).isEqualTo("POST");
    assertThat(newest.get("finalStatus")).isEqualTo(200);
    assertThat(newest.get("target")).isEqualTo(server.url("/form").toString() + "?token=*&page=*");
    assertThat(newest.get("to")).isEqualTo(server.url("/done").toString() + "?session=*");

    Map<?, ?> budget = (Map<?, ?>) shown.get("budget");
    assertThat((List<?>) budget.get("clients"))
        .anySatisfy(c -> assertThat(((Map<?, ?>) c).get("client")).isEqualTo("jdk"));
    assertThat(((Map<?, ?>) shown.get("retry")).get("maxAttempts")).isEqualTo(4);
    assertThat((List<?>) shown.get("policy"))
        .anySatisfy(
            range -> {
              Map<?, ?> r = (Map<?, ?>) range;
              assertThat(r.get("from")).isEqualTo(302);
              assertThat(r.get("method")).isEqualTo("POST_BECOMES_GET");
            });
  }

  private RestClient.RequestHeadersSpec<?> actuator() {
    return RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/httptriage");
  }
}
