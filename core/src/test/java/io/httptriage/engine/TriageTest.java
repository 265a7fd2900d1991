package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.engine.FakeClient.Resp;
import io.httptriage.exchange.RequestView;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime with a scripted fake client: what reaches the caller, what is discarded, what is
 * told.
 */
class TriageTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static TriageConfig config(RedirectMode mode, TriageListener listener) {
    return TriageConfig.builder()
        .redirectMode(mode)
        .retry(RetrySettings.builder().sleeper(d -> {}).build())
        .listener(listener)
        .build();
  }

  private static RequestView get(String path) {
    return RequestView.of("GET", URI.create("http://a.example.test" + path));
  }

  @Test
  void everyResponseButTheFinalOneIsDiscardedExactlyOnce() throws IOException {
    FakeClient client =
        new FakeClient().answer(503).answer(302, "Location", "/b").answer(503).answer(200);
    Triage triage = Triage.of(config(RedirectMode.POLICY, TriageListener.noop()));

    Resp result = triage.execute(get("/a"), client, client::send);

    assertThat(result.id()).isEqualTo(3);
    assertThat(client.discarded).extracting(Resp::id).containsExactly(0, 1, 2);
    assertThat(client.sent)
        .extracting(r -> r.uri().getPath())
        .containsExactly("/a", "/a", "/b", "/b");
  }

  @Test
  void aThrowingListenerNeverReachesTheCaller() throws IOException {
    FakeClient client = new FakeClient().answer(503).answer(401);
    TriageListener angry =
        new TriageListener() {
          @Override
          public void exchangeCompleted(TriageEvent.ExchangeCompleted event) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void attemptDecided(TriageEvent.AttemptDecided event) {
            throw new IllegalStateException("listener bug");
          }
        };
    Triage triage = Triage.of(config(RedirectMode.CLIENT, angry));

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(401);
  }

  @Test
  void reportsTheSameFactFromAuditAndLintOnce() throws IOException {
    List<TriageEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    TriageListener recorder =
        new TriageListener() {
          @Override
          public void findingReported(TriageEvent.FindingReported event) {
            events.add(event);
          }

          @Override
          public void exchangeCompleted(TriageEvent.ExchangeCompleted event) {
            events.add(event);
          }
        };
    FakeClient client = new FakeClient().answer(302);

    Triage.of(config(RedirectMode.CLIENT, recorder)).execute(get("/a"), client, client::send);

    assertThat(events).hasSize(2);
    TriageEvent.FindingReported finding = (TriageEvent.FindingReported) events.get(0);
    assertThat(finding.finding().kind()).isEqualTo(Finding.Kind.LOCATION_MISSING);
    TriageEvent.ExchangeCompleted completed = (TriageEvent.ExchangeCompleted) events.get(1);
    assertThat(completed.findings()).containsExactly(finding.finding());
    assertThat(completed.attempts()).isEqualTo(1);
    assertThat(completed.target()).contains("http://a.example.test/a");
  }

  @Test
  void clientModeNeverFollowsARedirectItself() throws IOException {
    FakeClient client = new FakeClient().answer(302, "Location", "/b");
    Triage triage = Triage.of(config(RedirectMode.CLIENT, TriageListener.noop()));

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(302);
    assertThat(client.sent).hasSize(1);
    assertThat(client.discarded).isEmpty();
  }

  /** Regression: a port beyond 65535 made the follower throw from inside Origin. */
  @Test
  void policyModeHandsBackARedirectToAnImpossiblePort() throws IOException {
    FakeClient client = new FakeClient().answer(302, "Location", "https://a.example.test:70000/b");
    Triage triage = Triage.of(config(RedirectMode.POLICY, TriageListener.noop()));

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(302);
    assertThat(client.sent).hasSize(1);
    assertThat(client.discarded).isEmpty();
  }

  /**
   * Regression: the adapter's follow-up threw (OkHttp refuses hosts like xn--zz) and so did the
   * call.
   */
  @Test
  void aRedirectTheClientCannotAddressIsHandedBackSyncAndAsync() throws Exception {
    FakeClient client =
        new FakeClient()
            .answer(302, "Location", "http://xn--zz/b")
            .answer(307, "Location", "http://xn--zz/c");
    client.refusesTargets = true;
    Triage triage =
        Triage.of(
            config(RedirectMode.POLICY, TriageListener.noop()).toBuilder()
                .scheduler(scheduler)
                .build());

    Resp sync = triage.execute(get("/a"), client, client::send);
    Resp async =
        triage
            .executeAsync(get("/a"), client, r -> CompletableFuture.completedFuture(client.send(r)))
            .get(5, TimeUnit.SECONDS);

    assertThat(sync.status()).isEqualTo(302);
    assertThat(async.status()).isEqualTo(307);
    assertThat(client.sent).hasSize(2);
    assertThat(client.discarded).isEmpty();
  }

  @Test
  void cancellingBeforeAFollowUpStopsTheChain() {
    FakeClient client = new FakeClient().answer(302, "Location", "/b").answer(200);
    client.cancelled = true;
    Triage triage = Triage.of(config(RedirectMode.POLICY, TriageListener.noop()));

    assertThatThrownBy(() -> triage.execute(get("/a"), client, client::send))
        .isInstanceOf(IOException.class)
        .hasMessage("Canceled");
    assertThat(client.sent).hasSize(1);
    assertThat(client.discarded).extracting(Resp::id).containsExactly(0);
  }

  @Test
  void asyncExchangeFollowsAndRetriesLikeTheSyncOne() throws Exception {
    FakeClient client = new FakeClient().answer(503).answer(307, "Location", "/b").answer(200);
    Triage triage =
        Triage.of(
            config(RedirectMode.POLICY, TriageListener.noop()).toBuilder()
                .retry(RetrySettings.builder().backoffBase(java.time.Duration.ofMillis(1)).build())
                .scheduler(scheduler)
                .build());

    Resp result =
        triage
            .executeAsync(get("/a"), client, r -> CompletableFuture.completedFuture(client.send(r)))
            .get(5, TimeUnit.SECONDS);

    assertThat(result.id()).isEqualTo(2);
    assertThat(client.discarded).extracting(Resp::id).containsExactly(0, 1);
  }

  @Test
  void cancellingTheAsyncResultCancelsTheAttemptInFlight() {
    FakeClient client = new FakeClient();
    CompletableFuture<Resp> never = new CompletableFuture<>();
    Triage triage =
        Triage.of(
            config(RedirectMode.POLICY, TriageListener.noop()).toBuilder()
                .scheduler(scheduler)
                .build());

    CompletableFuture<Resp> result = triage.executeAsync(get("/a"), client, r -> never);
    result.cancel(true);

    assertThat(never).isCancelled();
  }

  @Test
  void retryRulesWithASingleAttemptAreAContradiction() {
    TriageConfig.Builder builder =
        TriageConfig.builder()
            .policyTable(io.httptriage.policy.PolicyTable.builder().retryOn(500).build())
            .retry(RetrySettings.builder().maxAttempts(1).build());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retry: maxAttempts is 1");
  }

  @Test
  void misconfigurationFailsFastNamingTheParameter() {
    assertThatThrownBy(() -> Triage.of(null)).hasMessageStartingWith("config:");
    assertThatThrownBy(() -> TriageConfig.builder().retry(null)).hasMessageStartingWith("retry:");
    assertThatThrownBy(
            () ->
                TriageConfig.builder()
                    .listener(TriageListener.noop())
                    .meterRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
        .hasMessageStartingWith("meterRegistry:");
  }
}
