package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.triage.TriageConfig;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OkHttpClientBeanTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HttpTriageAutoConfiguration.class));
  private final TestServer server = TestServers.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void okHttpClientBeanRetriesA503ByTheProperties() {
    server.enqueue(Reply.status(503).header("Retry-After", "0"));
    server.enqueue(Reply.status(503).header("Retry-After", "0"));
    server.enqueue(Reply.status(200).body("served"));
    runner
        .withPropertyValues("httptriage.retry.max-attempts=3")
        .withBean(OkHttpClient.class, () -> new OkHttpClient.Builder().build())
        .run(
            context -> {
              OkHttpClient client = context.getBean(OkHttpClient.class);
              assertThat(client.interceptors()).hasAtLeastOneElementOfType(TriageInterceptor.class);
              try (Response response =
                  client
                      .newCall(new Request.Builder().url(server.url("/items").toString()).build())
                      .execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).isEqualTo("served");
              }
              assertThat(server.requestCount()).isEqualTo(3);
            });
  }

  @Test
  void okHttpClientBeanReportsAsOkhttpAndShowsAtTheEndpoint() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=httptriage")
        .withConfiguration(AutoConfigurations.of(HttpTriageEndpointAutoConfiguration.class))
        .withBean(OkHttpClient.class, () -> new OkHttpClient.Builder().build())
        .run(
            context -> {
              OkHttpClient client = context.getBean(OkHttpClient.class);
              TriageInterceptor installed =
                  (TriageInterceptor)
                      client.interceptors().stream()
                          .filter(TriageInterceptor.class::isInstance)
                          .findFirst()
                          .orElseThrow();
              assertThat(installed.triage().clientName()).isEqualTo("okhttp");
              assertThat(context.getBean(HttpTriageEndpoint.class).httptriage().budget().clients())
                  .extracting(HttpTriageEndpoint.ClientBudget::client)
                  .containsExactly("okhttp");
            });
  }

  @Test
  void clientThatAlreadyHasTheInterceptorIsLeftAlone() {
    OkHttpClient own =
        TriageInterceptor.install(new OkHttpClient.Builder(), TriageConfig.ofDefaults()).build();
    runner
        .withBean(OkHttpClient.class, () -> own)
        .run(context -> assertThat(context.getBean(OkHttpClient.class)).isSameAs(own));
  }

  @Test
  void disabledStarterLeavesOkHttpClientsAlone() {
    OkHttpClient own = new OkHttpClient.Builder().build();
    runner
        .withPropertyValues("httptriage.enabled=false")
        .withBean(OkHttpClient.class, () -> own)
        .run(context -> assertThat(context.getBean(OkHttpClient.class)).isSameAs(own));
  }
}
