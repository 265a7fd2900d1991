package io.httptriage.spring;

import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.triage.TriageConfig;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Installs httptriage on every {@link OkHttpClient} bean of the application (a Retrofit client's,
 * say) with {@link TriageInterceptor#install(OkHttpClient.Builder, TriageConfig)} and the
 * application's {@link TriageConfig}. The bean becomes a client built from it by {@link
 * OkHttpClient#newBuilder()}, which shares its connection pool and dispatcher. A client that
 * already holds a {@link TriageInterceptor} is left as it is.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * // in the application's configuration: this bean reaches the context with httptriage installed
 * OkHttpClient okHttpClient() {
 *   return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
 * }
 * }</pre>
 */
public final class TriageOkHttpClientPostProcessor implements BeanPostProcessor {
  private final ObjectProvider<TriageConfig> config;
  private final Supplier<TriageRuntimes> runtimes;

  /**
   * A post-processor that takes the configuration from {@code config} when the first client needs
   * it.
   *
   * @param config where the application's {@link TriageConfig} comes from
   * @throws IllegalArgumentException when {@code config} is null
   */
  public TriageOkHttpClientPostProcessor(ObjectProvider<TriageConfig> config) {
    this(config, ownRuntimes());
  }

  TriageOkHttpClientPostProcessor(
      ObjectProvider<TriageConfig> config, Supplier<TriageRuntimes> runtimes) {
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    this.config = config;
    this.runtimes = runtimes;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof OkHttpClient client)) {
      return bean;
    }
    for (Interceptor interceptor : client.interceptors()) {
      if (interceptor instanceof TriageInterceptor) {
        return bean;
      }
    }
    TriageConfig forClient = config.getObject();
    OkHttpClient installed = TriageInterceptor.install(client.newBuilder(), forClient).build();
    for (Interceptor interceptor : installed.interceptors()) {
      if (interceptor instanceof TriageInterceptor triage) {
        runtimes.get().add(triage.triage().clientName(), triage.triage());
      }
    }
    return installed;
  }

  private static Supplier<TriageRuntimes> ownRuntimes() {
    TriageRuntimes own = new TriageRuntimes();
    return () -> own;
  }
}
