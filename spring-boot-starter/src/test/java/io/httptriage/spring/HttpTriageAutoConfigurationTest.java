package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.JdkClientHttpRequestFactory;

class HttpTriageAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HttpTriageAutoConfiguration.class));

  @Test
  void unsetPropertiesKeepTheBuildersDefaults() {
    runner.run(
        context -> {
          TriageConfig config = context.getBean(TriageConfig.class);
          TriageConfig defaults = TriageConfig.ofDefaults();
          assertThat(config.retry().toString()).isEqualTo(defaults.retry().toString());
          assertThat(config.policyTable().rules()).isEqualTo(defaults.policyTable().rules());
          assertThat(config.maxHops()).isEqualTo(TriageConfig.ofDefaults().maxHops());
          assertThat(config.allowHttpsDowngrade()).isFalse();
          assertThat(config.redirectMode()).isEqualTo(RedirectMode.CLIENT);
          assertThat(config.clientName()).isEmpty();
          assertThat(config.staleIfError()).isTrue();
          assertThat(config.idempotencyKeys()).isFalse();
          assertThat(config.coolDown()).isTrue();
          assertThat(config.meterRegistry()).isEmpty();
          assertThat(config.observationRegistry()).isSameAs(ObservationRegistry.NOOP);
          assertThat(context).hasSingleBean(TriageClientHttpRequestFactoryBuilder.class);
        });
  }

  @Test
  void everyPropertyReachesTheConfig() {
    runner
        .withPropertyValues(
            "httptriage.retry.max-attempts=4",
            "httptriage.retry.max-retry-after=20s",
            "httptriage.retry.deadline=45s",
            "httptriage.retry.backoff.base=100ms",
            "httptriage.retry.backoff.max=5s",
            "httptriage.retry.budget.ratio=0.25",
            "httptriage.retry.budget.min-retries-per-second=3",
            "httptriage.retry.budget.window=30s",
            "httptriage.retry-on=429,503,502",
            "httptriage.redirect-mode=policy",
            "httptriage.redirects.max-hops=5",
            "httptriage.redirects.allow-https-downgrade=true",
            "httptriage.client-name=payments",
            "httptriage.stale-if-error=false",
            "httptriage.idempotency-keys=true",
            "httptriage.cool-down=false")
        .run(
            context -> {
              TriageConfig config = context.getBean(TriageConfig.class);
              RetrySettings retry = config.retry();
              assertThat(retry.maxAttempts()).isEqualTo(4);
              assertThat(retry.maxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
              assertThat(retry.deadline()).isEqualTo(Duration.ofSeconds(45));
              assertThat(retry.backoffBase()).isEqualTo(Duration.ofMillis(100));
              assertThat(retry.backoffMax()).isEqualTo(Duration.ofSeconds(5));
              assertThat(retry.budgetRatio()).isEqualTo(0.25);
              assertThat(retry.budgetMinRetriesPerSecond()).isEqualTo(3);
              assertThat(retry.budgetWindow()).isEqualTo(Duration.ofSeconds(30));
              assertThat(config.policyTable().rules())
                  .isEqualTo(PolicyTable.builder().retryOn(429, 503, 502).build().rules());
              assertThat(PolicyLookup.policyFor(config.policyTable(), 502).isRetryable()).isTrue();
              assertThat(config.redirectMode()).isEqualTo(RedirectMode.POLICY);
              assertThat(config.maxHops()).isEqualTo(5);
              assertThat(config.allowHttpsDowngrade()).isTrue();
              assertThat(config.clientName()).contains("payments");
              assertThat(config.staleIfError()).isFalse();
              assertThat(config.idempotencyKeys()).isTrue();
              assertThat(config.coolDown()).isFalse();
            });
  }

  @Test
  void eachClientBuiltGetsAListenerOfItsOwnNamedAfterItsAdapter() {
    runner.run(
        context -> {
          TriageClientHttpRequestFactoryBuilder builder =
              context.getBean(TriageClientHttpRequestFactoryBuilder.class);
          // held until the end: the runtimes are held weakly
          JdkClientHttpRequestFactory one = builder.build();
          JdkClientHttpRequestFactory two = builder.build();
          List<TriageRuntimes.Runtime> built = context.getBean(TriageRuntimes.class).alive();
          assertThat(built)
              .extracting(TriageRuntimes.Runtime::client)
              .containsExactly("jdk", "jdk");
          // no shared listener: the engine makes a default one per client, storm guard included
          assertThat(built.get(0).triage().config().listener()).isEmpty();
          assertThat(built.get(0).triage().config().addedListeners())
              .containsExactly(context.getBean(RecentFindings.class));
          Reference.reachabilityFence(one);
          Reference.reachabilityFence(two);
        });
  }

  @Test
  void aClientNameNamesEveryClientBuilt() {
    runner
        .withPropertyValues("httptriage.client-name=payments")
        .run(
            context -> {
              JdkClientHttpRequestFactory held =
                  context.getBean(TriageClientHttpRequestFactoryBuilder.class).build();
              TriageRuntimes.Runtime built = context.getBean(TriageRuntimes.class).alive().get(0);
              assertThat(built.client()).isEqualTo("payments");
              assertThat(built.triage().config().clientName()).contains("payments");
              Reference.reachabilityFence(held);
            });
  }

  @Test
  void disabledByPropertyMakesNoBeans() {
    runner
        .withPropertyValues("httptriage.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(TriageConfig.class);
              assertThat(context).doesNotHaveBean(ClientHttpRequestFactoryBuilder.class);
            });
  }

  @Test
  void backsOffForTheApplicationsOwnConfig() {
    TriageConfig own = TriageConfig.builder().clientName("own").build();
    runner
        .withBean(TriageConfig.class, () -> own)
        .run(context -> assertThat(context.getBean(TriageConfig.class)).isSameAs(own));
  }

  @Test
  void backsOffForTheApplicationsOwnRequestFactoryBuilder() {
    runner
        .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::simple)
        .run(
            context ->
                assertThat(context).doesNotHaveBean(TriageClientHttpRequestFactoryBuilder.class));
  }

  @Test
  void standsAsideWhenBootIsToldToUseAnotherClient() {
    runner
        .withPropertyValues("spring.http.clients.imperative.factory=simple")
        .run(
            context -> {
              assertThat(context).hasSingleBean(TriageConfig.class);
              assertThat(context).doesNotHaveBean(TriageClientHttpRequestFactoryBuilder.class);
            });
  }

  @Test
  void wiresTheApplicationsMeterAndObservationRegistries() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    runner
        .withBean(MeterRegistry.class, () -> meters)
        .withBean(ObservationRegistry.class, () -> observations)
        .run(
            context -> {
              TriageConfig config = context.getBean(TriageConfig.class);
              assertThat(config.meterRegistry()).containsSame(meters);
              assertThat(config.observationRegistry()).isSameAs(observations);
            });
  }

  @Test
  void maxAttemptsOutOfRangeFailsWithTheBuildersMessage() {
    Throwable expected = catchThrowable(() -> RetrySettings.builder().maxAttempts(0));
    assertFailsLike(expected, "httptriage.retry.max-attempts=0");
  }

  @Test
  void negativeWaitCapFailsWithTheBuildersMessage() {
    Throwable expected =
        catchThrowable(() -> RetrySettings.builder().maxRetryAfter(Duration.ofSeconds(-1)));
    assertFailsLike(expected, "httptriage.retry.max-retry-after=-1s");
  }

  @Test
  void retryOnASuccessCodeFailsWithTheBuildersMessage() {
    Throwable expected = catchThrowable(() -> PolicyTable.builder().retryOn(429, 200));
    assertFailsLike(expected, "httptriage.retry-on=429,200");
  }

  @Test
  void backoffMaxBelowBaseFailsWithTheBuildersMessage() {
    Throwable expected =
        catchThrowable(
            () ->
                RetrySettings.builder()
                    .backoffBase(Duration.ofSeconds(2))
                    .backoffMax(Duration.ofSeconds(1))
                    .build());
    assertFailsLike(
        expected, "httptriage.retry.backoff.base=2s", "httptriage.retry.backoff.max=1s");
  }

  @Test
  void tooLongClientNameFailsWithTheBuildersMessage() {
    String name = "c".repeat(65);
    Throwable expected = catchThrowable(() -> TriageConfig.builder().clientName(name));
    assertFailsLike(expected, "httptriage.client-name=" + name);
  }

  /** The starter's listener: the default one, which logs and counts, with the endpoint's tap. */
  private void assertFailsLike(Throwable expected, String... properties) {
    assertThat(expected).isInstanceOf(IllegalArgumentException.class);
    runner
        .withPropertyValues(properties)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected.getMessage()));
  }
}
