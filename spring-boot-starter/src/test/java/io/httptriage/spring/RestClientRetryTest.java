package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.RestClient;

/**
 * A Spring Boot application that adds the starter and sets one property: Boot's own {@code
 * RestClient.Builder} (and {@code RestTemplateBuilder}) retries a 429 after its Retry-After, and
 * the meters reach Boot's registry.
 */
@SpringBootTest(
    classes = RestClientRetryTest.App.class,
    properties = "httptriage.retry.max-attempts=4")
class RestClientRetryTest {
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Autowired RestClient.Builder restClientBuilder;
  @Autowired MeterRegistry meterRegistry;
  @Autowired ObservationRegistry observationRegistry;
  @Autowired TriageConfig triageConfig;
  @Autowired RestTemplateBuilder restTemplateBuilder;

  private final TestServer server = TestServers.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void restClientRetriesA429AfterItsRetryAfterWithNoCode() {
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("served"));
    double answered = counted("httptriage.responses", "client", "jdk", "code", "200");
    double scheduled = counted("httptriage.retries", "outcome", "RETRY_SCHEDULED", "code", "429");
    double waitedMillis = waitedMillis();

    String body =
        restClientBuilder.build().get().uri(server.url("/items")).retrieve().body(String.class);

    assertThat(body).isEqualTo("served");
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.take().path()).isEqualTo("/items");
    assertThat(server.take().path()).isEqualTo("/items");
    assertThat(counted("httptriage.responses", "client", "jdk", "code", "200") - answered)
        .isEqualTo(1.0);
    assertThat(
            counted("httptriage.retries", "outcome", "RETRY_SCHEDULED", "code", "429") - scheduled)
        .isEqualTo(1.0);
    // the one wait made was the server's Retry-After, a whole second of it
    assertThat(waitedMillis() - waitedMillis).isGreaterThanOrEqualTo(1000.0);
    // the observations reached Boot's ObservationRegistry, whose meter handler timed them
    assertThat(meterRegistry.find("httptriage.call").timers()).isNotEmpty();
    assertThat(meterRegistry.find("httptriage.attempt").timers()).isNotEmpty();
  }

  @Test
  void restTemplateFromBootsBuilderRetriesA429Too() {
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("served"));

    String body = restTemplateBuilder.build().getForObject(server.url("/items"), String.class);

    assertThat(body).isEqualTo("served");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void postFollowedAsGetAfter302IsLoggedAndCounted() {
    server.enqueue(Reply.status(302).header("Location", "/done"));
    server.enqueue(Reply.status(200).body("done"));
    double found = counted("httptriage.redirect.findings", "kind", "METHOD_REWRITTEN");

    try (CapturedLog log = new CapturedLog("io.httptriage.findings", Level.INFO)) {
      String body =
          restClientBuilder
              .build()
              .post()
              .uri(server.url("/form"))
              .body("name=value")
              .retrieve()
              .body(String.class);

      assertThat(body).isEqualTo("done");
      assertThat(log.all()).contains("POST was followed as GET after 302");
    }
    Recorded first = server.take();
    Recorded second = server.take();
    assertThat(first.method() + " " + first.path()).isEqualTo("POST /form");
    assertThat(second.method() + " " + second.path()).isEqualTo("GET /done");
    assertThat(counted("httptriage.redirect.findings", "kind", "METHOD_REWRITTEN") - found)
        .isEqualTo(1.0);
  }

  @Test
  void theConfigUsesBootsOwnRegistries() {
    assertThat(triageConfig.meterRegistry()).containsSame(meterRegistry);
    assertThat(triageConfig.observationRegistry()).isSameAs(observationRegistry);
  }

  private double counted(String name, String... tags) {
    return meterRegistry.find(name).tags(tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private double waitedMillis() {
    return meterRegistry
        .find("httptriage.retry.waits")
        .tag("source", "RETRY_AFTER")
        .timers()
        .stream()
        .mapToDouble(timer -> timer.totalTime(TimeUnit.MILLISECONDS))
        .sum();
  }
}
