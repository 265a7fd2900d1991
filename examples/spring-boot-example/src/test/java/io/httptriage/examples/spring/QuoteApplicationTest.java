package io.httptriage.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it ships, its {@code application.properties} included, against a local quote
 * service that answers 429 with {@code Retry-After: 1}, then the quote.
 */
@SpringBootTest
class QuoteApplicationTest {
  private static final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @DynamicPropertySource
  static void quoteService(DynamicPropertyRegistry registry) {
    registry.add("quotes.base-url", () -> server.url("/").toString());
  }

  @Autowired QuoteClient quoteClient;

  @Test
  void retriesA429AfterItsRetryAfterWithNoHttptriageCode() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(200).body("Simplicity is prerequisite").build());
    long start = System.nanoTime();

    String quote = quoteClient.todaysQuote();

    assertThat(quote).isEqualTo("Simplicity is prerequisite");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/quote");
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/quote");
    // the one wait was the server's Retry-After: a whole second
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(1000);
  }
}
