package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.cache.StoredResponse;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.contract.ManualClock;
import io.httptriage.engine.FakeClient.Resp;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step's stale-if-error turn with a scripted client and cache, on both drivers: the retries
 * come first, the stored response replaces the error only when core allows it, the error and any
 * refused stored response are discarded, and the verdict reported is SERVED_STALE.
 */
class StaleAnswerTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ManualClock clock = new ManualClock();
  private final List<String> reported = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @ParameterizedTest(name = "[{index}] async={0}")
  @ValueSource(booleans = {false, true})
  void servesTheStoredResponseOnceTheRetriesAreSpent(boolean async) throws Exception {
    FakeClient client = new FakeClient().answer(503).answer(503).answer(503);
    client.cached = stored("max-age=0, stale-if-error=300");
    clock.advance(Duration.ofSeconds(100));

    Resp result = run(client, async, true);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.headers().first("X-Served-Stale")).hasValue("503");
    assertThat(client.sent).hasSize(3);
    assertThat(client.discarded).extracting(Resp::id).containsExactly(0, 1, 2);
    assertThat(reported)
        .singleElement()
        .asString()
        .startsWith("503 SERVED_STALE refused_by=ATTEMPTS")
        .contains("served the stored 200 instead of 503: stale for 100 s");
  }

  @ParameterizedTest(name = "[{index}] async={0}")
  @ValueSource(booleans = {false, true})
  void handsTheErrorBackAndDiscardsAStoredResponseCoreRefuses(boolean async) throws Exception {
    FakeClient client = new FakeClient().answer(500);
    client.cached = stored("max-age=0, stale-if-error=300, must-revalidate");

    Resp result = run(client, async, true);

    assertThat(result.status()).isEqualTo(500);
    assertThat(result.id()).isZero();
    assertThat(client.discarded).extracting(Resp::id).containsExactly(2000);
    assertThat(reported).singleElement().asString().startsWith("500 FAIL");
  }

  @Test
  void handsBackTheAdaptersCopyOfTheErrorWhenNothingIsServed() throws Exception {
    FakeClient client = new FakeClient().answer(502).answer(502).answer(502);
    client.copiesErrors = true;

    Resp result = run(client, false, true);

    assertThat(result.id()).as("the copy").isEqualTo(1002);
    assertThat(client.discarded).extracting(Resp::id).contains(0, 1, 2);
    assertThat(reported).singleElement().asString().startsWith("502 FAIL");
  }

  @Test
  void neverLooksIntoTheCacheWhenTurnedOff() throws Exception {
    FakeClient client = new FakeClient().answer(504).answer(504).answer(504);
    client.cached = stored("max-age=0, stale-if-error=300");

    Resp result = run(client, false, false);

    assertThat(result.status()).isEqualTo(504);
    assertThat(client.servedStale).isEmpty();
  }

  @Test
  void aServedStaleAnswerLeavesTheFastPathOnlyForTheStatusesRfc5861Names() throws Exception {
    FakeClient client = new FakeClient().answer(404);
    client.cached = stored("max-age=0, stale-if-error=300");

    assertThat(run(client, false, true).status()).isEqualTo(404);
    assertThat(client.servedStale).isEmpty();
  }

  private Resp run(FakeClient client, boolean async, boolean staleIfError) throws Exception {
    TriageConfig config =
        TriageConfig.builder()
            .retry(RetrySettings.builder().clock(clock).sleeper(d -> {}).build())
            .listener(
                new ExchangeDetails() {
                  @Override
                  public void exchangeCompleted(
                      TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
                    int status = event.status();
                    String why =
                        verdict.reasons().stream()
                            .filter(r -> r.kind() == Reason.Kind.STALE_IF_ERROR)
                            .map(Reason::detail)
                            .findFirst()
                            .orElse("");
                    reported.add(
                        status
                            + " "
                            + verdict.kind()
                            + verdict.refusedBy().map(g -> " refused_by=" + g).orElse("")
                            + " "
                            + why);
                  }
                })
            .scheduler(scheduler)
            .staleIfError(staleIfError)
            .build();
    Triage triage = Triage.of(config);
    RequestView get = RequestView.of("GET", URI.create("http://a.example.test/item"));
    return async
        ? triage
            .executeAsync(get, client, r -> CompletableFuture.completedFuture(client.send(r)))
            .get(5, TimeUnit.SECONDS)
        : triage.execute(get, client, client::send);
  }

  private StoredResponse stored(String cacheControl) {
    Instant at = clock.instant();
    return new StoredResponse(
        ResponseView.of(200, Headers.of("Cache-Control", cacheControl)), at, at);
  }
}
