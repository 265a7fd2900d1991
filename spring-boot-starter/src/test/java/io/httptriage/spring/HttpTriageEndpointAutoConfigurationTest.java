package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.policy.PolicyTable;
import io.httptriage.triage.TriageConfig;
import java.lang.ref.Reference;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.JdkClientHttpRequestFactory;

class HttpTriageEndpointAutoConfigurationTest {
  private static final String EXPOSED = "management.endpoints.web.exposure.include=httptriage";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  HttpTriageAutoConfiguration.class, HttpTriageEndpointAutoConfiguration.class));

  @Test
  void endpointIsThereWhenExposed() {
    runner
        .withPropertyValues(EXPOSED)
        .run(context -> assertThat(context).hasSingleBean(HttpTriageEndpoint.class));
  }

  @Test
  void endpointIsNotThereWhenNotExposed() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(TriageConfig.class);
          assertThat(context).doesNotHaveBean(HttpTriageEndpoint.class);
        });
  }

  @Test
  void endpointIsNotThereWhenItsAccessIsNone() {
    runner
        .withPropertyValues(EXPOSED, "management.endpoint.httptriage.access=NONE")
        .run(context -> assertThat(context).doesNotHaveBean(HttpTriageEndpoint.class));
  }

  @Test
  void endpointIsNotThereWithoutActuator() {
    runner
        .withPropertyValues(EXPOSED)
        .withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(TriageConfig.class);
              assertThat(context).doesNotHaveBean(HttpTriageEndpoint.class);
            });
  }

  @Test
  void endpointIsNotThereWhenTheStarterIsDisabled() {
    runner
        .withPropertyValues(EXPOSED, "httptriage.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(HttpTriageEndpoint.class));
  }

  @Test
  void backsOffForTheApplicationsOwnEndpoint() {
    HttpTriageEndpoint own =
        new HttpTriageEndpoint(
            TriageConfig.ofDefaults(), new RecentFindings(), new TriageRuntimes());
    runner
        .withPropertyValues(EXPOSED)
        .withBean("ownEndpoint", HttpTriageEndpoint.class, () -> own)
        .run(context -> assertThat(context.getBean(HttpTriageEndpoint.class)).isSameAs(own));
  }

  @Test
  void backsOffForTheApplicationsOwnRecentFindings() {
    RecentFindings own = new RecentFindings();
    runner
        .withPropertyValues(EXPOSED)
        .withBean(RecentFindings.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(RecentFindings.class)).isSameAs(own);
              assertThat(
                      context.getBean(HttpTriageEndpoint.class).httptriage().findings().capacity())
                  .isEqualTo(RecentFindings.DEFAULT_CAPACITY);
            });
  }

  @Test
  void policyShowsTheEffectiveTableInRangesAndWhatTheOverridesChanged() {
    runner
        .withPropertyValues(EXPOSED, "httptriage.retry-on=429,503")
        .run(
            context -> {
              HttpTriageEndpoint.HttpTriageDescriptor shown =
                  context.getBean(HttpTriageEndpoint.class).httptriage();
              PolicyTable table = context.getBean(TriageConfig.class).policyTable();
              // the ranges cover 100..599 once each, in order, and agree with the table
              int next = 100;
              for (HttpTriageEndpoint.CodesDescriptor range : shown.policy()) {
                assertThat(range.from()).isEqualTo(next);
                for (int code = range.from(); code <= range.to(); code++) {
                  assertThat(range.retryability())
                      .isEqualTo(PolicyLookup.policyFor(table, code).retryability().name());
                  assertThat(range.cacheability())
                      .isEqualTo(PolicyLookup.policyFor(table, code).cacheability().name());
                }
                next = range.to() + 1;
              }
              assertThat(next).isEqualTo(600);
              // retry-on leaves 502 out: no longer retried, and the default it replaced is shown
              String retriedByDefault = PolicyLookup.defaultPolicyFor(502).retryability().name();
              assertThat(retriedByDefault).isNotEqualTo("NEVER");
              assertThat(range(shown, 502).retryability()).isEqualTo("NEVER");
              assertThat(range(shown, 502).defaults())
                  .isEqualTo(Map.of("retryability", retriedByDefault));
              assertThat(range(shown, 429).defaults()).isEmpty();
              assertThat(range(shown, 302).redirect()).isEqualTo("FOLLOW");
              assertThat(range(shown, 302).method()).isEqualTo("POST_BECOMES_GET");
              assertThat(shown.overrides()).hasSize(table.rules().size()).isNotEmpty();
              assertThat(shown.redirectMode()).isEqualTo("CLIENT");
            });
  }

  @Test
  void retryAndBudgetShowTheProperties() {
    runner
        .withPropertyValues(
            EXPOSED,
            "httptriage.retry.max-attempts=4",
            "httptriage.retry.budget.ratio=0.25",
            "httptriage.retry.budget.min-retries-per-second=3",
            "httptriage.retry.budget.window=30s")
        .run(
            context -> {
              HttpTriageEndpoint.HttpTriageDescriptor shown =
                  context.getBean(HttpTriageEndpoint.class).httptriage();
              assertThat(shown.retry().maxAttempts()).isEqualTo(4);
              assertThat(shown.retry().maxRetryAfter()).isEqualTo("PT30S");
              assertThat(shown.budget().ratio()).isEqualTo(0.25);
              assertThat(shown.budget().minRetriesPerSecond()).isEqualTo(3);
              assertThat(shown.budget().window()).isEqualTo("PT30S");
              // no client built yet
              assertThat(shown.budget().clients()).isEmpty();
              // held until the end: the runtimes are held weakly
              JdkClientHttpRequestFactory held =
                  context.getBean(TriageClientHttpRequestFactoryBuilder.class).build();
              assertThat(context.getBean(HttpTriageEndpoint.class).httptriage().budget().clients())
                  .containsExactly(new HttpTriageEndpoint.ClientBudget("jdk", 90, 0));
              Reference.reachabilityFence(held);
            });
  }

  private static HttpTriageEndpoint.CodesDescriptor range(
      HttpTriageEndpoint.HttpTriageDescriptor shown, int code) {
    return shown.policy().stream()
        .filter(r -> r.from() <= code && code <= r.to())
        .findFirst()
        .orElseThrow();
  }
}
