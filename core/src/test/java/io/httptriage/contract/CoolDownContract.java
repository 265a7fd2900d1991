package io.httptriage.contract;

import static io.httptriage.contract.SteppedTime.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The origin-wide cool-down with real concurrent callers on a real client against a real server on
 * 127.0.0.1 (issue 16): sixteen threads share one client; a 429 with Retry-After that one call got
 * holds every other call to that origin back, one probe goes first when it ends, and the others
 * follow only once the probe got through. The requests are counted by the server, and every client
 * and way of sending (OkHttp execute/enqueue on 5.x and 4.12, JDK send/sendAsync) must show the
 * same counts. A second origin is never held back; {@code coolDown(false)} gives each call its own
 * behaviour back; a hostile Retry-After holds the origin for the wait cap at most.
 *
 * <p>Time is {@link SteppedTime}: the callers' waits end only when the test steps the clock, so the
 * test looks at the server between steps and no test waits for real time.
 */
public abstract class CoolDownContract {
  /** The concurrent callers. */
  protected static final int CALLERS = 16;

  private static final Duration CAP = Duration.ofSeconds(20);
  private static final Duration PAST_JITTER = Duration.ofMillis(300);

  /**
   * What one caller got.
   *
   * @param status the status of the response the caller got; 0 when the send threw
   * @param heldBack true when the answer was made without the network: OkHttp's 429 marked with
   *     {@code X-Httptriage-Cool-Down}, the JDK's {@code CoolDownException}
   * @param retryAfter for an answer made without the network, how long it says the origin stays
   *     closed
   */
  public record Got(int status, boolean heldBack, Optional<Duration> retryAfter) {
    /** A response from the server. */
    public static Got served(int status) {
      return new Got(status, false, Optional.empty());
    }
  }

  /** One client with httptriage installed, shared by every caller of a test. */
  public interface SharedClient extends AutoCloseable {
    /** Sends one call with an empty body for POST; what the caller got. */
    Got send(String method, URI uri) throws IOException;

    @Override
    void close();
  }

  /**
   * A real client of this adapter with httptriage installed by {@code config}, able to run {@value
   * #CALLERS} calls to one host at once.
   */
  protected abstract SharedClient newClient(TriageConfig config);

  private final SteppedTime time = new SteppedTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
  private final AtomicInteger done = new AtomicInteger();
  private volatile Reply reply = Reply.status(200);
  private TestServer limited;
  private TestServer other;

  @BeforeEach
  void start() {
    limited = TestServers.start();
    other = TestServers.start();
    limited.dispatch(recorded -> reply);
    other.dispatch(recorded -> Reply.status(200).body("other"));
  }

  @AfterEach
  void stop() {
    callers.shutdownNow();
    time.close();
    limited.close();
    other.close();
  }

  private TriageConfig config(boolean coolDown, Duration deadline) {
    return TriageConfig.builder()
        .retry(
            RetrySettings.builder()
                .clock(time.clock())
                .sleeper(time.sleeper())
                .maxRetryAfter(CAP)
                .deadline(deadline)
                .random(new Random(16))
                .build())
        .scheduler(time.scheduler())
        .meterRegistry(registry)
        .coolDown(coolDown)
        .build();
  }

  /** A POST (never retried on a 429) gets {@code Retry-After}: the origin cools down. */
  private void limit(SharedClient client, String retryAfter) throws IOException {
    reply = Reply.status(429).header("Retry-After", retryAfter);
    assertThat(client.send("POST", limited.url("/orders")).status()).isEqualTo(429);
    assertThat(limited.requestCount()).isEqualTo(1);
  }

  private List<Future<Got>> startCallers(SharedClient client) {
    List<Future<Got>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      calls.add(
          callers.submit(
              () -> {
                try {
                  return client.send("GET", limited.url("/items"));
                } finally {
                  done.incrementAndGet();
                }
              }));
    }
    return calls;
  }

  private static List<Got> results(List<Future<Got>> calls) throws Exception {
    List<Got> got = new ArrayList<>();
    for (Future<Got> f : calls) {
      got.add(f.get(20, TimeUnit.SECONDS));
    }
    return got;
  }

  @Test
  void sixteenCallersWaitOutTheCoolDownBehindOneProbeAndAnotherOriginIsNotHeldBack()
      throws Exception {
    try (SharedClient client = newClient(config(true, Duration.ofSeconds(60)))) {
      limit(client, "5");
      List<Future<Got>> calls = startCallers(client);

      awaitThat(() -> time.waiting() == CALLERS, "every caller waits for the end");
      assertThat(limited.requestCount()).as("requests during the cool-down").isEqualTo(1);
      assertThat(client.send("GET", other.url("/health"))).isEqualTo(Got.served(200));
      assertThat(other.requestCount()).as("the other origin is not held back").isEqualTo(1);
      assertThat(time.waiting()).isEqualTo(CALLERS);

      // The end: one probe, answered 429 again; the others stay back.
      time.advance(Duration.ofSeconds(5).plus(PAST_JITTER));
      awaitThat(
          () -> limited.requestCount() == 2 && time.waiting() == CALLERS,
          "one probe, then everyone waits again");
      assertThat(limited.requestCount()).as("one probe per end").isEqualTo(2);

      // The next end: the probe gets through, and only then the others are released.
      reply = Reply.status(200).body("ok");
      time.advance(Duration.ofSeconds(5).plus(PAST_JITTER));
      awaitThat(
          () -> done.get() >= 1 && done.get() + time.waiting() == CALLERS,
          "the probe answered, the others waiting or done");
      // Released callers may wait once more, each for its own jitter after the probe's answer:
      // step the test clock in jitter-sized steps (at most 20) until every one has been served.
      for (int step = 0; step < 20 && done.get() < CALLERS; step++) {
        time.advance(PAST_JITTER);
        awaitThat(
            () -> done.get() + time.waiting() == CALLERS, "every caller waiting again or done");
      }
      List<Got> got = results(calls);

      assertThat(got).containsOnly(Got.served(200));
      assertThat(limited.requestCount())
          .as("the POST, two probes, then the fifteen others")
          .isEqualTo(2 + 1 + CALLERS - 1);
      assertThat(count("refused_by", "COOL_DOWN")).isZero();
    }
  }

  @Test
  void callersThatCannotWaitAreAnsweredAtOnceWithoutTheNetwork() throws Exception {
    try (SharedClient client = newClient(config(true, Duration.ofSeconds(2)))) {
      limit(client, "5");
      List<Got> got = results(startCallers(client));

      assertThat(got)
          .hasSize(CALLERS)
          .allSatisfy(
              g -> {
                assertThat(g.heldBack()).isTrue();
                assertThat(g.retryAfter()).contains(Duration.ofSeconds(5));
              });
      assertThat(limited.requestCount()).as("no request reached the server").isEqualTo(1);
      assertThat(time.waits()).isEmpty();
      assertThat(count("refused_by", "COOL_DOWN")).isEqualTo(CALLERS);
      assertThat(count("code", "429", "verdict", "FAIL")).isEqualTo(1 + CALLERS);
      assertThat(client.send("GET", other.url("/health"))).isEqualTo(Got.served(200));
    }
  }

  @Test
  void aSpentXRateLimitQuotaOnA200ClosesTheOriginToo() throws Exception {
    try (SharedClient client = newClient(config(true, Duration.ofSeconds(2)))) {
      reply =
          Reply.status(200)
              .header("X-RateLimit-Remaining", "0")
              .header("X-RateLimit-Reset", "5")
              .body("last one");
      assertThat(client.send("GET", limited.url("/items"))).isEqualTo(Got.served(200));
      reply = Reply.status(200).body("ok");

      assertThat(results(startCallers(client)))
          .allSatisfy(g -> assertThat(g.retryAfter()).contains(Duration.ofSeconds(5)));
      assertThat(limited.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void turnedOffEachCallSendsItsOwnRequest() throws Exception {
    try (SharedClient client = newClient(config(false, Duration.ofSeconds(60)))) {
      limit(client, "5");
      reply = Reply.status(200).body("ok");
      List<Got> got = results(startCallers(client));

      assertThat(got).containsOnly(Got.served(200));
      assertThat(limited.requestCount()).isEqualTo(1 + CALLERS);
      assertThat(time.waits()).isEmpty();
    }
  }

  @Test
  void aHostileRetryAfterHoldsTheOriginForTheWaitCapAtMost() throws Exception {
    try (SharedClient client = newClient(config(true, Duration.ofSeconds(60)))) {
      limit(client, "86400");
      reply = Reply.status(200).body("ok");
      List<Future<Got>> calls = startCallers(client);
      awaitThat(() -> time.waiting() == CALLERS, "every caller waits for the end");

      assertThat(time.waits())
          .hasSize(CALLERS)
          .allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(CAP));
      time.advance(CAP);
      awaitThat(
          () -> done.get() >= 1 && done.get() + time.waiting() == CALLERS,
          "the probe answered, the others waiting or done");
      time.advance(PAST_JITTER);

      assertThat(results(calls)).containsOnly(Got.served(200));
      assertThat(limited.requestCount()).isEqualTo(1 + CALLERS);
    }
  }

  private double count(String... tags) {
    return registry.find("httptriage.responses").tags(tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
