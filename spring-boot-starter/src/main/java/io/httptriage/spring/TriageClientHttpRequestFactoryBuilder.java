package io.httptriage.spring;

import io.httptriage.jdk.TriageHttpClient;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Builds a {@link JdkClientHttpRequestFactory} over a {@link TriageHttpClient}, the JDK client
 * itself built by Boot's {@link JdkHttpClientBuilder} from Boot's {@link HttpClientSettings}:
 *
 * <ul>
 *   <li>connect timeout and SSL bundle: given to the JDK client, as Boot does;
 *   <li>read timeout: set on the request factory, as Boot does, so it bounds each request sent
 *       (each attempt), not the retries' waits;
 *   <li>redirects: in {@link RedirectMode#CLIENT} given to the JDK client, which follows (or not)
 *       and httptriage audits; in {@link RedirectMode#POLICY} httptriage follows and the JDK client
 *       is built not to.
 * </ul>
 *
 * <p>Each {@link #build(HttpClientSettings)} makes a new client with a retry budget of its own.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *     .requestFactory(new TriageClientHttpRequestFactoryBuilder(config).build())
 *     .build();
 * }</pre>
 */
public final class TriageClientHttpRequestFactoryBuilder
    implements ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> {
  private final TriageConfig config;
  private final TriageRuntimes runtimes;

  /**
   * A builder whose factories triage by {@code config}.
   *
   * @param config the configuration every client built here uses
   * @throws IllegalArgumentException when {@code config} is null
   */
  public TriageClientHttpRequestFactoryBuilder(TriageConfig config) {
    this(config, new TriageRuntimes());
  }

  TriageClientHttpRequestFactoryBuilder(TriageConfig config, TriageRuntimes runtimes) {
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    this.config = config;
    this.runtimes = runtimes;
  }

  @Override
  public JdkClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
    HttpClientSettings given = settings != null ? settings : HttpClientSettings.defaults();
    HttpClientSettings forClient = given.withReadTimeout(null);
    if (config.redirectMode() == RedirectMode.POLICY) {
      forClient = forClient.withRedirects(HttpRedirects.DONT_FOLLOW);
    }
    HttpClient delegate = new JdkHttpClientBuilder().build(forClient);
    TriageHttpClient client = TriageHttpClient.wrap(delegate, config);
    runtimes.add(client.triage().clientName(), client.triage());
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    Duration readTimeout = given.readTimeout();
    if (readTimeout != null) {
      factory.setReadTimeout(readTimeout);
    }
    return factory;
  }
}
