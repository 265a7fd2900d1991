package io.httptriage.examples.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Asks the quote service for today's quote with the {@link RestClient.Builder} Spring Boot injects,
 * as any application does.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * String quote = quoteClient.todaysQuote();
 * }</pre>
 */
@Service
public class QuoteClient {
  private final RestClient restClient;

  /**
   * A client of the service at {@code quotes.base-url}.
   *
   * @param builder Spring Boot's builder
   * @param baseUrl the service's base URL
   */
  public QuoteClient(RestClient.Builder builder, @Value("${quotes.base-url}") String baseUrl) {
    this.restClient = builder.baseUrl(baseUrl).build();
  }

  /** {@return today's quote} */
  public String todaysQuote() {
    return restClient.get().uri("/quote").retrieve().body(String.class);
  }
}
