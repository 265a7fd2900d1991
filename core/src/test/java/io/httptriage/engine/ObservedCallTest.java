package io.httptriage.engine;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.RequestView;
import io.httptriage.observe.TriageObservationContext;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observation tree of real runs of the runtime, sync and async, with a scripted client. */
class ObservedCallTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Triage triage() {
    return Triage.of(
        TriageConfig.builder()
            .retry(RetrySettings.builder().sleeper(d -> {}).build())
            .scheduler(scheduler)
            .observationRegistry(registry)
            .build(),
        "fake");
  }

  private static RequestView get(String path) {
    return RequestView.of("GET", URI.create("http://a.example.test" + path + "?key=s3cret"));
  }

  private void assertOneCallWithTwoAttempts() {
    assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.CALL_NAME, 1)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.ATTEMPT_NAME, 2)
        .hasHandledContextsThatSatisfy(
            contexts -> {
              Observation.Context call =
                  contexts.stream()
                      .filter(c -> c.getName().equals(TriageObservationContext.CALL_NAME))
                      .findFirst()
                      .orElseThrow();
              List<Observation.Context> attempts =
                  contexts.stream()
                      .filter(c -> c.getName().equals(TriageObservationContext.ATTEMPT_NAME))
                      .toList();
              assertThat(attempts)
                  .allSatisfy(
                      a -> assertThat(a.getParentObservation().getContextView()).isSameAs(call));
              assertThat(attempts)
                  .extracting(
                      a -> a.getLowCardinalityKeyValue("http.response.status_code").getValue())
                  .containsExactly("429", "200");
              assertThat(call.getLowCardinalityKeyValue("client").getValue()).isEqualTo("fake");
              assertThat(call.getLowCardinalityKeyValue("http.request.resend_count").getValue())
                  .isEqualTo("1");
              assertThat(call.getHighCardinalityKeyValue("url.full").getValue())
                  .isEqualTo("http://a.example.test/a?key=*");
            });
    assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
  }

  @Test
  void aSyncCallIsObservedWithAnAttemptPerRequest() throws Exception {
    FakeClient client = new FakeClient().answer(429, "Retry-After", "0").answer(200);

    assertThat(triage().execute(get("/a"), client, client::send).status()).isEqualTo(200);

    assertOneCallWithTwoAttempts();
  }

  @Test
  void anAsyncCallIsObservedWithAnAttemptPerRequest() throws Exception {
    FakeClient client = new FakeClient().answer(429, "Retry-After", "0").answer(200);

    FakeClient.Resp response =
        triage()
            .executeAsync(get("/a"), client, r -> CompletableFuture.completedFuture(client.send(r)))
            .get(5, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(200);
    assertOneCallWithTwoAttempts();
  }
}
