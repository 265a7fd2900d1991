package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.contract.ManualClock;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.RequestView;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The measured bugs of issue 12, one test each, named after what broke; run on the runtime with a
 * scripted client. The same scenarios run against real clients in the contract suites.
 */
class StepRegressionTest {
  private final ManualClock clock = new ManualClock();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final List<Verdict> reported = Collections.synchronizedList(new ArrayList<>());
  private final TriageListener listener =
      new ExchangeDetails() {
        @Override
        public void exchangeCompleted(
            TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
          reported.add(verdict);
        }
      };

  private RetrySettings.Builder timing() {
    return RetrySettings.builder().clock(clock).sleeper(waits::add);
  }

  private TriageConfig.Builder config() {
    return TriageConfig.builder().retry(timing().build()).listener(listener);
  }

  private static RequestView get(String path) {
    return RequestView.of("GET", URI.create("http://a.example.test" + path));
  }

  private Verdict lastVerdict() {
    return reported.get(reported.size() - 1);
  }

  @Test
  void readmeConfigRetriesTheGet500ItsRuleMakesRetryable() throws IOException {
    FakeClient client = new FakeClient().answer(500).answer(500).answer(500).answer(500);
    Triage triage =
        Triage.of(
            config()
                .policyTable(
                    PolicyTable.builder()
                        .retryOn(429, 503)
                        .rule(
                            PolicyRule.forCode(500)
                                .onlyForMethods("GET")
                                .withRetryability(Retryability.IDEMPOTENT))
                        .build())
                .retry(timing().maxAttempts(4).build())
                .build());

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(500);
    assertThat(client.sent).hasSize(4);
    assertThat(lastVerdict().kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(lastVerdict().refusedBy()).contains(Verdict.Gate.ATTEMPTS);
  }

  @Test
  void retryOn429LeavesA503AloneAndNeverReportsItAsRetry() throws IOException {
    FakeClient client = new FakeClient().answer(503).answer(200);
    Triage triage =
        Triage.of(config().policyTable(PolicyTable.builder().retryOn(429).build()).build());

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(503);
    assertThat(client.sent).hasSize(1);
    assertThat(lastVerdict().kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(lastVerdict().refusedBy()).isEmpty();
  }

  @Test
  void retryOn500ReportsTheGateThatGaveUpInsteadOfAPlainFail() throws IOException {
    FakeClient client = new FakeClient().answer(500).answer(500).answer(500);
    Triage triage =
        Triage.of(config().policyTable(PolicyTable.builder().retryOn(500).build()).build());

    triage.execute(get("/a"), client, client::send);

    assertThat(client.sent).hasSize(3);
    assertThat(lastVerdict().refusedBy()).contains(Verdict.Gate.ATTEMPTS);
  }

  @Test
  void maxRetryAfterZeroRetriesOnlyWhenTheServerNamesAZeroWait() throws IOException {
    Triage triage =
        Triage.of(config().retry(timing().maxRetryAfter(Duration.ZERO).build()).build());
    FakeClient noWaitNamed = new FakeClient().answer(503).answer(200);
    FakeClient zeroNamed = new FakeClient().answer(503, "Retry-After", "0").answer(200);

    assertThat(triage.execute(get("/a"), noWaitNamed, noWaitNamed::send).status()).isEqualTo(503);
    assertThat(lastVerdict().refusedBy()).contains(Verdict.Gate.WAIT_CAP);
    assertThat(triage.execute(get("/a"), zeroNamed, zeroNamed::send).status()).isEqualTo(200);
    assertThat(noWaitNamed.sent).hasSize(1);
    assertThat(zeroNamed.sent).hasSize(2);
    assertThat(waits).containsExactly(Duration.ZERO);
  }

  /**
   * Regression: every redirect hop counted as a healthy first answer, so 100 calls to an outage
   * behind one 302 cost 154 requests to the failing origin against 110 without the redirect.
   */
  @Test
  void aRedirectEarnsNoRetryFromTheBudget() throws IOException {
    int direct = failingRequests(false);
    int behindRedirect = failingRequests(true);

    assertThat(direct).isEqualTo(110); // 100 calls and the floor of 1 retry a second over 10 s
    assertThat(behindRedirect).isEqualTo(direct);
  }

  private int failingRequests(boolean behindRedirect) throws IOException {
    Triage triage = Triage.of(config().redirectMode(RedirectMode.POLICY).build());
    FakeClient client = new FakeClient();
    for (int i = 0; i < 100; i++) {
      if (behindRedirect) {
        client.answer(302, "Location", "/down");
      }
      client.answer(503).answer(503).answer(503);
      FakeClient.Resp last =
          triage.execute(get(behindRedirect ? "/up" : "/down"), client, client::send);
      assertThat(last.status()).isEqualTo(503);
      client.script.clear();
    }
    return (int) client.sent.stream().filter(r -> r.uri().getPath().equals("/down")).count();
  }

  @Test
  void retryAfterOnARedirectDelaysTheFollowUp() throws Exception {
    FakeClient client =
        new FakeClient()
            .answer(302, "Location", "/b", "Retry-After", "2")
            .answer(200)
            .answer(307, "Location", "/c", "Retry-After", "3")
            .answer(200);
    List<Long> scheduled = Collections.synchronizedList(new ArrayList<>());
    Triage triage =
        Triage.of(
            config()
                .redirectMode(RedirectMode.POLICY)
                .scheduler(
                    new io.httptriage.contract.WaitRecordingScheduler(
                        d -> scheduled.add(d.toMillis())))
                .build());

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(200);
    FakeClient.Resp async =
        triage
            .executeAsync(get("/a"), client, r -> CompletableFuture.completedFuture(client.send(r)))
            .get(5, TimeUnit.SECONDS);

    assertThat(async.status()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(scheduled).containsExactly(3000L);
  }

  @Test
  void aRedirectAskingLongerThanTheCapIsHandedBackNamingTheGate() throws IOException {
    FakeClient client = new FakeClient().answer(302, "Location", "/b", "Retry-After", "3600");
    Triage triage = Triage.of(config().redirectMode(RedirectMode.POLICY).build());

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(302);
    assertThat(client.sent).hasSize(1);
    assertThat(lastVerdict().kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(lastVerdict().refusedBy()).contains(Verdict.Gate.WAIT_CAP);
    assertThat(waits).isEmpty();
  }

  @Test
  void anUnfollowedRedirectIsNeverReportedAsFollow() throws IOException {
    FakeClient client = new FakeClient().answer(302, "Location", "/b");
    Triage triage = Triage.of(config().build());

    triage.execute(get("/a"), client, client::send);

    assertThat(lastVerdict().kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(lastVerdict().refusedBy()).isEqualTo(Optional.empty());
  }

  @Test
  void aRedirectLoopEndsOnAVerdictThatIsNotFollow() throws IOException {
    FakeClient client = new FakeClient();
    for (int i = 0; i < 10; i++) {
      client.answer(302, "Location", i % 2 == 0 ? "/b" : "/a");
    }
    Triage triage = Triage.of(config().redirectMode(RedirectMode.POLICY).build());

    assertThat(triage.execute(get("/a"), client, client::send).status()).isEqualTo(302);
    assertThat(reported).extracting(Verdict::kind).containsOnly(Verdict.Kind.FAIL);
  }
}
