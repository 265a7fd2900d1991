package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.retry.Retry;
import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same configuration, same requests on the wire: for every status a retry policy must get right,
 * every kind of request and three configurations, the number of requests the server received is the
 * one in {@link #TABLE}, on every adapter and way of sending (OkHttp execute/enqueue on 5.x and
 * 4.12, JDK send/sendAsync on 17 and 25). The server answers the status every time, so the count is
 * the attempts made. A resend the client would make by itself (OkHttp on a 408, or on a 503 with
 * {@code Retry-After: 0}) shows here as one request too many.
 *
 * <p>Each case also checks that what is reported is what was done: the retry meter counts exactly
 * the resends, resilience4j's Retry (whose metrics Micrometer's {@code TaggedRetryMetrics} reads)
 * published the same number of retries, and the final verdict is never RETRY.
 */
public abstract class WireCountContract {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** The statuses of the table; 503 twice, with and without {@code Retry-After: 0}. */
  enum Status {
    S408(408),
    S425(425),
    S429(429),
    S500(500),
    S502(502),
    S503(503),
    S503_RETRY_AFTER_0(503),
    S504(504);

    final int code;

    Status(int code) {
      this.code = code;
    }
  }

  /** The requests of the table. */
  enum Request {
    GET,
    POST,
    POST_WITH_IDEMPOTENCY_KEY
  }

  /** The configurations of the table. */
  enum Config {
    DEFAULT,
    README,
    RETRY_ON_SHORTCUT
  }

  /**
   * Requests the server receives, per configuration, request and status (in {@link Status} order:
   * 408, 425, 429, 500, 502, 503, 503 with Retry-After 0, 504). Written from the documented
   * behaviour, not from the code: DEFAULT retries 408, 425, 429, 502, 503, 504 (3 attempts) for
   * idempotent requests, 425 for any (RFC 8470 §5.2); README retries 429 and 503 (4 attempts), and
   * 500 for GET only; RETRY_ON_SHORTCUT ({@code retryOn(500, 503)}) retries those two only.
   */
  static final int[][][] TABLE = {
    { // DEFAULT
      {3, 3, 3, 1, 3, 3, 3, 3}, // GET
      {1, 3, 1, 1, 1, 1, 1, 1}, // POST
      {3, 3, 3, 1, 3, 3, 3, 3}
    }, // POST with Idempotency-Key
    { // README
      {1, 1, 4, 4, 1, 4, 4, 1},
      {1, 1, 1, 1, 1, 1, 1, 1},
      {1, 1, 4, 1, 1, 4, 4, 1}
    },
    { // RETRY_ON_SHORTCUT
      {1, 1, 1, 3, 1, 3, 3, 1},
      {1, 1, 1, 1, 1, 1, 1, 1},
      {1, 1, 1, 3, 1, 3, 3, 1}
    }
  };

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  private final TestTls tls = TestTls.create();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService scheduler = new WaitRecordingScheduler(waits::add);
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  static Stream<Arguments> table() {
    List<Arguments> cases = new ArrayList<>();
    for (Config c : Config.values()) {
      for (Request r : Request.values()) {
        for (Status s : Status.values()) {
          cases.add(Arguments.of(c, r, s, TABLE[c.ordinal()][r.ordinal()][s.ordinal()]));
        }
      }
    }
    return cases.stream();
  }

  /**
   * The README's "Configuration in one object", as printed there, plus the test's clock, sleeper
   * and scheduler so that no test waits.
   */
  static TriageConfig readmeConfig(SimpleMeterRegistry registry, RetrySettings.Builder testTiming) {
    return TriageConfig.builder()
        .policyTable(
            PolicyTable.builder()
                .retryOn(429, 503)
                .rule(
                    PolicyRule.forCode(500)
                        .onlyForMethods("GET")
                        .withRetryability(Retryability.IDEMPOTENT))
                .build())
        .retry(
            testTiming
                .maxAttempts(4)
                .maxRetryAfter(Duration.ofSeconds(20))
                .deadline(Duration.ofSeconds(30))
                .build())
        .redirectMode(RedirectMode.POLICY)
        .meterRegistry(registry)
        .build();
  }

  private TriageConfig config(Config which) {
    RetrySettings.Builder timing =
        RetrySettings.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).sleeper(waits::add);
    TriageConfig config;
    switch (which) {
      case README:
        config = readmeConfig(registry, timing);
        break;
      case RETRY_ON_SHORTCUT:
        config =
            TriageConfig.builder()
                .policyTable(PolicyTable.builder().retryOn(500, 503).build())
                .retry(timing.build())
                .meterRegistry(registry)
                .build();
        break;
      default:
        config = TriageConfig.builder().retry(timing.build()).meterRegistry(registry).build();
    }
    return config.toBuilder().scheduler(scheduler).build();
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3} requests")
  @MethodSource("table")
  void sendsTheSameNumberOfRequestsOnEveryClient(
      Config which, Request request, Status status, int expected) throws IOException {
    server.dispatch(
        recorded -> {
          Reply reply = Reply.status(status.code).body("status " + status.code);
          return status == Status.S503_RETRY_AFTER_0 ? reply.header("Retry-After", "0") : reply;
        });
    AtomicInteger r4jRetries = new AtomicInteger();
    Answer answer;
    try (ClientUnderTest client = newClient(config(which), tls)) {
      Retry retry = client.triage().retry();
      retry.getEventPublisher().onRetry(e -> r4jRetries.incrementAndGet());
      answer = client.send(call(request));
      Retry.Metrics metrics = retry.getMetrics();
      long r4jCalls =
          metrics.getNumberOfSuccessfulCallsWithRetryAttempt()
              + metrics.getNumberOfFailedCallsWithRetryAttempt();
      assertThat(r4jCalls).as("resilience4j calls with retry").isEqualTo(expected > 1 ? 1 : 0);
    }

    assertThat(answer.status()).isEqualTo(status.code);
    assertThat(server.requestCount()).as("requests on the wire").isEqualTo(expected);
    assertThat(count("httptriage.retries", "outcome", "RETRY_SCHEDULED")).isEqualTo(expected - 1);
    assertThat(r4jRetries.get()).as("resilience4j retry events").isEqualTo(expected - 1);
    assertThat(count("httptriage.responses", "verdict", "RETRY")).isZero();
    assertThat(count("httptriage.responses", "code", Integer.toString(status.code))).isEqualTo(1);
    if (expected > 1) {
      assertThat(count("httptriage.responses", "refused_by", "ATTEMPTS")).isEqualTo(1);
    }
  }

  private Call call(Request request) {
    switch (request) {
      case GET:
        return new Call("GET", server.url("/items"), List.of(), Optional.empty());
      case POST:
        return new Call("POST", server.url("/orders"), List.of(), Optional.of("{\"n\":1}"));
      default:
        return new Call(
            "POST",
            server.url("/orders"),
            List.<String[]>of(new String[] {"Idempotency-Key", "order-1"}),
            Optional.of("{\"n\":1}"));
    }
  }

  private double count(String meter, String... tags) {
    Counter c = registry.find(meter).tags(tags).counter();
    return c == null
        ? 0
        : registry.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }
}
