package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The observations reach the application's tracer with no code: Boot's tracing auto-configuration
 * hands its {@code ObservationRegistry} to a {@code Tracer} bean (micrometer's in-memory {@link
 * SimpleTracer} here, where an application has Brave or OpenTelemetry), and a call retried once is
 * one span, under {@code RestClient}'s own, with a child span per request sent.
 */
@SpringBootTest(
    classes = TracingTest.App.class,
    properties = {"httptriage.retry.max-attempts=4", "management.tracing.sampling.probability=1.0"})
class TracingTest {
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    SimpleTracer tracer() {
      return new SimpleTracer();
    }
  }

  @Autowired RestClient.Builder restClientBuilder;
  @Autowired SimpleTracer tracer;

  private final TestServer server = TestServers.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void retriedCallIsOneSpanWithAChildSpanPerRequestSent() {
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("served"));

    String body =
        restClientBuilder
            .build()
            .get()
            .uri(server.url("/items?token=s3cret"))
            .retrieve()
            .body(String.class);

    assertThat(body).isEqualTo("served");
    List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
    String tree = spans.stream().map(s -> s.getName() + " " + s.context()).toList().toString();
    // RestClient's own observation is the caller's span; httptriage's call is its child, and each
    // request sent a child of the call (the first too, though it starts under RestClient's scope)
    SimpleSpan restClient = named(spans, "http get");
    SimpleSpan call = named(spans, "httptriage GET");
    assertThat(call.getParentId()).as(tree).isEqualTo(restClient.getSpanId());
    assertThat(spans)
        .as(tree)
        .filteredOn(s -> s.getName().startsWith("GET attempt"))
        .allSatisfy(s -> assertThat(s.getParentId()).isEqualTo(call.getSpanId()))
        .extracting(s -> s.getName() + " " + s.getTags().get("http.response.status_code"))
        .containsExactly("GET attempt 1 429", "GET attempt 2 200");
    assertThat(call.getTags().toString()).doesNotContain("s3cret");
  }

  private static SimpleSpan named(List<SimpleSpan> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }
}
