package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.engine.Triage;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.retry.RetrySettings;
import io.httptriage.retry.Sleeper;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both adapters must share: the same scenario gives the same status, the same server
 * traffic, the same retries, findings and metrics, whether OkHttp or the JDK client sends it, sync
 * or async. Each adapter subclasses this once per way of sending and supplies {@link #newClient}.
 *
 * <p>Every scenario runs a real client against a real test server on 127.0.0.1. Retry waits go
 * through a recording {@link Sleeper} (synchronous paths) or a recording scheduler that runs each
 * wait at once (asynchronous paths), and a fixed clock, so no test waits for time.
 */
public abstract class AdapterContract {
  /** The instant every contract clock stands at. */
  protected static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** One request as the contract sends it. */
  public record Call(String method, URI uri, List<String[]> headers, Optional<String> body) {}

  /** What the caller received. */
  public record Answer(int status, String body) {}

  /** A real client with httptriage installed, as an adapter builds it. */
  public interface ClientUnderTest extends AutoCloseable {
    /** Sends one call through the client and reads the whole response. */
    Answer send(Call call) throws IOException;

    /** The runtime the adapter installed, which keeps the client's retry budget. */
    Triage triage();

    @Override
    void close();
  }

  /**
   * A real client of this adapter with httptriage installed by {@code config}, trusting {@code tls}
   * for https, following redirects itself when the config's mode is CLIENT.
   */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  protected TestServer server;
  protected TestServer other;
  protected final TestTls tls = TestTls.create();
  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService scheduler = new WaitRecordingScheduler(waits::add);
  protected final List<AttemptDecided> retryEvents =
      Collections.synchronizedList(new ArrayList<>());
  protected final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  protected final List<Verdict> verdicts = Collections.synchronizedList(new ArrayList<>());
  protected final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startServers() {
    server = TestServers.start();
    other = TestServers.start();
  }

  @AfterEach
  void stopServers() {
    server.close();
    other.close();
    scheduler.shutdownNow();
  }

  /**
   * The configuration the scenarios share: recording sleeper and scheduler, fixed clock, meters,
   * observer.
   */
  protected TriageConfig config(RedirectMode mode, UnaryOperator<RetrySettings.Builder> retry) {
    RetrySettings.Builder settings =
        RetrySettings.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).sleeper(waits::add);
    return TriageConfig.builder()
        .redirectMode(mode)
        .retry(retry.apply(settings).build())
        .scheduler(scheduler)
        .listener(
            ExchangeTap.with(
                DefaultTriageListener.builder().meterRegistry(registry).build(),
                (exchange, verdict, found) -> {
                  exchanges.add(exchange);
                  verdicts.add(verdict);
                  findings.addAll(found);
                },
                retryEvents::add))
        .build();
  }

  private Answer send(TriageConfig config, Call call) throws IOException {
    try (ClientUnderTest client = newClient(config, tls)) {
      return client.send(call);
    }
  }

  private Answer send(RedirectMode mode, Call call) throws IOException {
    return send(config(mode, UnaryOperator.identity()), call);
  }

  private static Call get(URI uri, String... headers) {
    return new Call("GET", uri, pairs(headers), Optional.empty());
  }

  private static Call post(URI uri, String body, String... headers) {
    return new Call("POST", uri, pairs(headers), Optional.of(body));
  }

  private static List<String[]> pairs(String... namesAndValues) {
    List<String[]> list = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
    }
    return list;
  }

  private double count(String meter, String... tags) {
    Counter c = registry.find(meter).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private List<Finding.Kind> findingKinds() {
    synchronized (findings) {
      return findings.stream().map(Finding::kind).toList();
    }
  }

  private List<AttemptDecided.Outcome> outcomes() {
    synchronized (retryEvents) {
      return retryEvents.stream().map(AttemptDecided::outcome).toList();
    }
  }

  // ---- retries ------------------------------------------------------------------------------

  @Test
  void tooManyRequestsWithRetryAfterSecondsIsRetriedAfterThatWait() throws IOException {
    server.enqueue(Reply.status(429).header("Retry-After", "2").body("slow down"));
    server.enqueue(Reply.status(200).body("ok"));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(answer).isEqualTo(new Answer(200, "ok"));
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterHttpDateIsHonoured() throws IOException {
    server.enqueue(Reply.status(503).header("Retry-After", "Sun, 22 Nov 2026 12:00:05 GMT"));
    server.enqueue(Reply.status(200).body("back"));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void serviceUnavailableThenOkIsRetriedWithJitteredBackoff() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200).body("ok"));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isBetween(Duration.ZERO, RetrySettings.ofDefaults().backoffBase());
    assertThat(count("httptriage.responses", "code", "200")).isEqualTo(1);
    assertThat(count("httptriage.responses", "code", "503")).isZero();
  }

  @Test
  void internalServerErrorIsNotRetriedByDefault() throws IOException {
    server.enqueue(Reply.status(500).body("boom"));
    server.enqueue(Reply.status(200));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(answer).isEqualTo(new Answer(500, "boom"));
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void postIsNotRetried() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200));

    Answer answer = send(RedirectMode.CLIENT, post(server.url("/orders"), "{\"n\":1}"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(outcomes()).containsExactly(AttemptDecided.Outcome.NOT_IDEMPOTENT);
  }

  @Test
  void retriesPostOnlyWithIdempotencyKey() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(201).body("created"));

    Answer answer =
        send(
            RedirectMode.CLIENT,
            post(server.url("/orders"), "{\"n\":1}", "Idempotency-Key", "order-1"));

    assertThat(answer).isEqualTo(new Answer(201, "created"));
    Recorded first = server.take();
    Recorded second = server.take();
    assertThat(second.method()).isEqualTo("POST");
    assertThat(second.body()).isEqualTo(first.body()).isEqualTo("{\"n\":1}");
    assertThat(second.headers().first("Idempotency-Key")).contains("order-1");
  }

  @Test
  void serverAskingLongerThanTheCapGetsNoRetry() throws IOException {
    server.enqueue(Reply.status(503).header("Retry-After", "3600").body("maintenance"));
    server.enqueue(Reply.status(200));

    Answer answer =
        send(
            config(RedirectMode.CLIENT, b -> b.maxRetryAfter(Duration.ofSeconds(30))),
            get(server.url("/items")));

    assertThat(answer).isEqualTo(new Answer(503, "maintenance"));
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
    assertThat(outcomes()).containsExactly(AttemptDecided.Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG);
  }

  @Test
  void exhaustedBudgetHandsTheResponseBackWithoutRetry() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200));

    Answer answer =
        send(
            config(RedirectMode.CLIENT, b -> b.budgetRatio(0).budgetMinRetriesPerSecond(0)),
            get(server.url("/items")));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(outcomes()).containsExactly(AttemptDecided.Outcome.GAVE_UP_BUDGET);
    assertThat(count("httptriage.retries", "outcome", "GAVE_UP_BUDGET")).isEqualTo(1);
  }

  @Test
  void finalStatusIsCountedOnceAfterARetry() throws IOException {
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200));

    send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(count("httptriage.responses", "code", "200", "verdict", "ACCEPT")).isEqualTo(1);
    assertThat(count("httptriage.responses", "code", "429")).isZero();
    assertThat(count("httptriage.retries", "outcome", "RETRY_SCHEDULED", "code", "429"))
        .isEqualTo(1);
  }

  // ---- redirects the client follows ---------------------------------------------------------

  @Test
  void postFoundTurnedIntoGetIsReportedAndCounted() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/orders/7"));
    server.enqueue(Reply.status(200).body("order 7"));

    Answer answer = send(RedirectMode.CLIENT, post(server.url("/orders"), "{\"n\":7}"));

    assertThat(answer).isEqualTo(new Answer(200, "order 7"));
    assertThat(server.take().method()).isEqualTo("POST");
    assertThat(server.take().method()).isEqualTo("GET");
    assertThat(findingKinds()).contains(Finding.Kind.METHOD_REWRITTEN);
    assertThat(count("httptriage.redirect.findings", "kind", "METHOD_REWRITTEN")).isEqualTo(1);
  }

  @Test
  void postTemporaryRedirectKeepsMethodAndBody() throws IOException {
    server.enqueue(Reply.status(307).header("Location", "/v2/orders"));
    server.enqueue(Reply.status(201).body("created"));

    Answer answer = send(RedirectMode.CLIENT, post(server.url("/orders"), "{\"n\":8}"));

    assertThat(answer).isEqualTo(new Answer(201, "created"));
    server.take();
    Recorded followed = server.take();
    assertThat(followed.method()).isEqualTo("POST");
    assertThat(followed.path()).isEqualTo("/v2/orders");
    assertThat(followed.body()).isEqualTo("{\"n\":8}");
    assertThat(findingKinds())
        .doesNotContain(Finding.Kind.METHOD_NOT_PRESERVED, Finding.Kind.BODY_NOT_PRESERVED);
  }

  @Test
  void finalStatusIsCountedOnceAfterARedirect() throws IOException {
    server.enqueue(Reply.status(301).header("Location", "/new"));
    server.enqueue(Reply.status(200).body("moved here"));

    send(RedirectMode.CLIENT, get(server.url("/old")));

    assertThat(count("httptriage.responses", "code", "200")).isEqualTo(1);
    assertThat(count("httptriage.responses", "code", "301")).isZero();
  }

  @Test
  void credentialsReachingAnotherOriginAreReportedWheneverTheyLeak() throws IOException {
    server.enqueue(Reply.status(302).header("Location", other.url("/landing").toString()));
    other.enqueue(Reply.status(200).body("elsewhere"));

    Answer answer =
        send(
            RedirectMode.CLIENT, get(server.url("/start"), "Authorization", "Bearer secret-token"));

    assertThat(answer.status()).isEqualTo(200);
    boolean leaked = other.take().headers().contains("Authorization");
    // Clients differ in whether they forward credentials; the audit must say so exactly when they
    // do.
    if (leaked) {
      assertThat(findingKinds()).contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
    } else {
      assertThat(findingKinds()).doesNotContain(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
    }
  }

  // ---- redirects httptriage follows -----------------------------------------------------------

  @Test
  void policyModeTurnsPostIntoGetOnFoundLikeTheClientsDo() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/orders/7"));
    server.enqueue(Reply.status(200).body("order 7"));

    Answer answer = send(RedirectMode.POLICY, post(server.url("/orders"), "{\"n\":7}"));

    assertThat(answer.status()).isEqualTo(200);
    server.take();
    Recorded followed = server.take();
    assertThat(followed.method()).isEqualTo("GET");
    assertThat(followed.body()).isEmpty();
    assertThat(followed.headers().contains("Content-Type")).isFalse();
    assertThat(findingKinds()).contains(Finding.Kind.METHOD_REWRITTEN);
  }

  @Test
  void policyModeKeepsMethodAndBodyOnTemporaryRedirect() throws IOException {
    server.enqueue(Reply.status(307).header("Location", "/v2/orders"));
    server.enqueue(Reply.status(201).body("created"));

    Answer answer = send(RedirectMode.POLICY, post(server.url("/orders"), "{\"n\":9}"));

    assertThat(answer).isEqualTo(new Answer(201, "created"));
    server.take();
    Recorded followed = server.take();
    assertThat(followed.method()).isEqualTo("POST");
    assertThat(followed.body()).isEqualTo("{\"n\":9}");
  }

  @Test
  void policyModeKeepsPutOnMovedPermanently() throws IOException {
    server.enqueue(Reply.status(301).header("Location", "/v2/item"));
    server.enqueue(Reply.status(204));

    Answer answer =
        send(
            RedirectMode.POLICY,
            new Call("PUT", server.url("/item"), List.of(), Optional.of("v=1")));

    assertThat(answer.status()).isEqualTo(204);
    server.take();
    Recorded followed = server.take();
    assertThat(followed.method()).isEqualTo("PUT");
    assertThat(followed.body()).isEqualTo("v=1");
  }

  @Test
  void policyModeDropsCredentialsOnACrossOriginHop() throws IOException {
    server.enqueue(Reply.status(302).header("Location", other.url("/landing").toString()));
    other.enqueue(Reply.status(200).body("elsewhere"));

    Answer answer =
        send(
            RedirectMode.POLICY,
            get(server.url("/start"), "Authorization", "Bearer secret-token", "Cookie", "sid=1"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(server.take().headers().contains("Authorization")).isTrue();
    Recorded landed = other.take();
    assertThat(landed.headers().contains("Authorization")).isFalse();
    assertThat(landed.headers().contains("Cookie")).isFalse();
    assertThat(findingKinds()).doesNotContain(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  @Test
  void policyModeRefusesHttpsToHttpDowngrade() throws IOException {
    server.useHttps(tls.serverSockets());
    server.enqueue(Reply.status(302).header("Location", other.url("/plain").toString()));
    other.enqueue(Reply.status(200).body("plain text"));

    Answer answer = send(RedirectMode.POLICY, get(server.url("/secure")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(other.requestCount()).isZero();
    assertThat(findingKinds()).contains(Finding.Kind.REDIRECT_NOT_FOLLOWED);
  }

  @Test
  void policyModeStopsARedirectLoop() throws IOException {
    for (int i = 0; i < 10; i++) {
      server.enqueue(Reply.status(302).header("Location", i % 2 == 0 ? "/b" : "/a"));
    }

    Answer answer = send(RedirectMode.POLICY, get(server.url("/a")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(server.requestCount()).isLessThan(10);
    assertThat(findingKinds()).contains(Finding.Kind.REDIRECT_LOOP);
  }

  @Test
  void policyModeRetriesAHopAndCountsOnlyTheFinalStatus() throws IOException {
    server.enqueue(Reply.status(308).header("Location", "/new"));
    server.enqueue(Reply.status(503).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("finally"));

    Answer answer = send(RedirectMode.POLICY, get(server.url("/old")));

    assertThat(answer).isEqualTo(new Answer(200, "finally"));
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(count("httptriage.responses", "code", "200")).isEqualTo(1);
    assertThat(count("httptriage.responses", "code", "308")).isZero();
    assertThat(exchanges).hasSize(1);
    assertThat(exchanges.get(0).hops()).hasSize(1);
  }

  /** Regression: a 3xx's Retry-After (RFC 9110 §10.2.3) was ignored in POLICY mode. */
  @Test
  void policyModeWaitsForTheRetryAfterOfARedirectBeforeFollowing() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/next").header("Retry-After", "2"));
    server.enqueue(Reply.status(200).body("here"));

    Answer answer = send(RedirectMode.POLICY, get(server.url("/start")));

    assertThat(answer).isEqualTo(new Answer(200, "here"));
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aRetryRefusedByAGateIsReportedAsFailNamingTheGate() throws IOException {
    server.enqueue(Reply.status(503).header("Retry-After", "3600").body("maintenance"));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/items")));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(verdicts)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
              assertThat(v.refusedBy()).contains(Verdict.Gate.WAIT_CAP);
            });
    assertThat(
            count(
                "httptriage.responses", "code", "503", "verdict", "FAIL", "refused_by", "WAIT_CAP"))
        .isEqualTo(1);
  }

  // ---- lint ---------------------------------------------------------------------------------

  @Test
  void unauthorizedWithoutChallengeIsReported() throws IOException {
    server.enqueue(Reply.status(401).body("no"));

    Answer answer = send(RedirectMode.CLIENT, get(server.url("/private")));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(findingKinds()).contains(Finding.Kind.REQUIRED_HEADER_MISSING);
    assertThat(count("httptriage.conformance.findings", "kind", "REQUIRED_HEADER_MISSING"))
        .isEqualTo(1);
  }
}
