package io.httptriage.spring;

import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Spring Boot auto-configuration of httptriage, on unless {@code httptriage.enabled=false}.
 *
 * <ul>
 *   <li>A {@link TriageConfig} built from {@link HttpTriageProperties}, with the application's
 *       {@link MeterRegistry} and {@link ObservationRegistry} when it has them; its listener is the
 *       default one, which also tells {@link RecentFindings} each finding for {@link
 *       HttpTriageEndpoint}.
 *   <li>With {@code spring-boot-restclient} on the class path, a {@link
 *       TriageClientHttpRequestFactoryBuilder} in place of Boot's {@link
 *       ClientHttpRequestFactoryBuilder}, so that {@code RestClient.Builder} (and {@code
 *       RestTemplateBuilder}) send through a {@code TriageHttpClient} with Boot's {@code
 *       spring.http.clients.*} settings. It stands aside when {@code
 *       spring.http.clients.imperative.factory} names another client than {@code jdk}.
 *   <li>With {@code httptriage-okhttp} on the class path, a {@link TriageOkHttpClientPostProcessor}
 *       that installs the interceptor on the application's {@code OkHttpClient} beans.
 * </ul>
 *
 * <p>Every bean backs off when the application defines its own of the same type.
 *
 * <pre>{@code
 * // application.properties: httptriage.retry.max-attempts=4
 * String body = restClientBuilder.build().get().uri(url).retrieve().body(String.class);
 * }</pre>
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.http.client.autoconfigure.imperative"
            + ".ImperativeHttpClientAutoConfiguration")
@ConditionalOnClass(TriageConfig.class)
@ConditionalOnProperty(
    prefix = "httptriage",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(HttpTriageProperties.class)
public final class HttpTriageAutoConfiguration {

  HttpTriageAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  TriageConfig triageConfig(
      HttpTriageProperties properties,
      ObjectProvider<MeterRegistry> meterRegistry,
      ObjectProvider<ObservationRegistry> observationRegistry,
      RecentFindings recentFindings) {
    TriageConfig.Builder config = TriageConfig.builder();
    HttpTriageProperties.Retry retry = properties.retry();
    RetrySettings.Builder retrySettings = RetrySettings.builder();
    set(retry.maxAttempts(), retrySettings::maxAttempts);
    set(retry.maxRetryAfter(), retrySettings::maxRetryAfter);
    set(retry.deadline(), retrySettings::deadline);
    set(retry.backoff().base(), retrySettings::backoffBase);
    set(retry.backoff().max(), retrySettings::backoffMax);
    set(retry.budget().ratio(), retrySettings::budgetRatio);
    set(retry.budget().minRetriesPerSecond(), retrySettings::budgetMinRetriesPerSecond);
    set(retry.budget().window(), retrySettings::budgetWindow);
    RetrySettings settings = retrySettings.build();
    config.retry(settings);
    List<Integer> retryOn = properties.retryOn();
    if (retryOn != null) {
      config.policyTable(
          PolicyTable.builder()
              .retryOn(retryOn.stream().mapToInt(Integer::intValue).toArray())
              .build());
    }
    set(properties.redirects().maxHops(), config::maxHops);
    set(properties.redirects().allowHttpsDowngrade(), config::allowHttpsDowngrade);
    set(properties.redirectMode(), config::redirectMode);
    set(properties.staleIfError(), config::staleIfError);
    set(properties.coolDown(), config::coolDown);
    set(properties.idempotencyKeys(), config::idempotencyKeys);
    observationRegistry.ifUnique(config::observationRegistry);
    // each client built gets a default listener of its own (log lines, meters, the budget's
    // gauge), named after its adapter unless a client name is set; the endpoint's findings too
    set(properties.clientName(), config::clientName);
    meterRegistry.ifUnique(config::meterRegistry);
    config.addListener(recentFindings);
    return config.build();
  }

  @Bean
  @ConditionalOnMissingBean
  RecentFindings httpTriageRecentFindings() {
    return new RecentFindings();
  }

  @Bean
  static TriageRuntimes httpTriageRuntimes() {
    return new TriageRuntimes();
  }

  private static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"okhttp3.OkHttpClient", "io.httptriage.okhttp.TriageInterceptor"})
  static class OkHttpConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static TriageOkHttpClientPostProcessor triageOkHttpClientPostProcessor(
        ObjectProvider<TriageConfig> config, ObjectProvider<TriageRuntimes> runtimes) {
      return new TriageOkHttpClientPostProcessor(config, runtimes::getObject);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ClientHttpRequestFactoryBuilder.class, JdkClientHttpRequestFactory.class})
  static class RestClientConfiguration {

    @Bean
    @ConditionalOnMissingBean(ClientHttpRequestFactoryBuilder.class)
    @ConditionalOnProperty(
        name = "spring.http.clients.imperative.factory",
        havingValue = "jdk",
        matchIfMissing = true)
    TriageClientHttpRequestFactoryBuilder triageClientHttpRequestFactoryBuilder(
        TriageConfig config, TriageRuntimes runtimes) {
      return new TriageClientHttpRequestFactoryBuilder(config, runtimes);
    }
  }
}
