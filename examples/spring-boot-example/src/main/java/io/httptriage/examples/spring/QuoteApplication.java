package io.httptriage.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that calls a quote service through {@link QuoteClient}. It holds no
 * httptriage code: the starter on the class path and {@code httptriage.retry.max-attempts=4} in
 * {@code application.properties} make its {@code RestClient} wait out a 429's Retry-After and send
 * again.
 *
 * <pre>{@code
 * java -jar app.jar --quotes.base-url=https://quotes.example
 * }</pre>
 */
@SpringBootApplication
public class QuoteApplication {

  /**
   * Starts the application and prints one quote.
   *
   * @param args Spring Boot's arguments, e.g. {@code --quotes.base-url=...}
   */
  public static void main(String[] args) {
    try (var context = SpringApplication.run(QuoteApplication.class, args)) {
      System.out.println(context.getBean(QuoteClient.class).todaysQuote());
    }
  }
}
