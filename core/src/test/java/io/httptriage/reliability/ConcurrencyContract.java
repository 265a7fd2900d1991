package io.httptriage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.contract.WaitRecordingScheduler;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads send through ONE client while the server answers at random with retryable statuses,
 * errors, redirects and successes: every call is accounted for exactly once — in the response
 * meters, the observer, the retry events and meters, the retry budget's refusals and the server's
 * request count — nothing lost, nothing counted twice. Each adapter subclasses this once per way of
 * sending.
 *
 * <p>The answers come from {@link RandomFaults} with a fixed seed (the system property {@code
 * httptriage.faults.seed} replays another). Retry waits are recorded, never slept. The budget is
 * the default one on the real clock, so that it refuses retries while many threads ask at once. All
 * traffic goes to the test server on 127.0.0.1, and the run is bounded in time.
 */
public abstract class ConcurrencyContract {
  private static final int THREADS = Soak.pick(16, 64);
  private static final int CALLS_PER_THREAD = Soak.pick(100, 1_000);
  private static final long SEED = Long.getLong("httptriage.faults.seed", 20_261_122L);
  private static final long TIME_LIMIT_SECONDS = Soak.pick(120, 1_800);

  /** One certificate for the class: making one costs more than many calls. */
  private static final TestTls TLS = TestTls.create();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<Outcome, LongAdder> events = new EnumMap<>(Outcome.class);
  private final LongAdder observed = new LongAdder();
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();

  /** Calls the client failed with an IOException: "METHOD path: exception". */
  private final Queue<String> transportFailures = new ConcurrentLinkedQueue<>();

  /** Calls that ended in anything else, which is never right. */
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  private final WaitRecordingScheduler scheduler = new WaitRecordingScheduler(wait -> {});
  private final RandomFaults faults = new RandomFaults(SEED);
  private TestServer server;

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  /**
   * Whether the client itself sends an idempotent request again, once, when the pooled connection
   * it chose turns out to be closed. Such resends are below httptriage and invisible to it, so the
   * server may count a few requests more than httptriage made. The default is no: the count must
   * then match exactly whenever no call failed in transport.
   */
  protected boolean resendsOnStaleConnections() {
    return false;
  }

  @BeforeEach
  void start() {
    for (Outcome outcome : Outcome.values()) {
      events.put(outcome, new LongAdder());
    }
    server = TestServers.start();
    server.dispatch(faults);
  }

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  private TriageConfig config(RedirectMode mode) {
    return TriageConfig.builder()
        .redirectMode(mode)
        // Each call is counted against the requests it made itself. The origin-wide cool-down,
        // which answers some calls without a request, has its own contract (CoolDownContract);
        // with waits recorded, never slept, on the real clock it would hold calls back at random.
        .coolDown(false)
        .retry(RetrySettings.builder().sleeper(wait -> {}).build())
        .scheduler(scheduler)
        .listener(
            ExchangeTap.with(
                DefaultTriageListener.builder().meterRegistry(registry).build(),
                (exchange, verdict, findings) -> observed.increment(),
                event -> events.get(event.outcome()).increment()))
        .build();
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void everyCallIsAccountedForExactlyOnce(RedirectMode mode) throws Exception {
    int calls = THREADS * CALLS_PER_THREAD;
    long budgetRefusals;
    try (ClientUnderTest client = newClient(config(mode), TLS)) {
      runConcurrently(client);
      budgetRefusals = client.triage().budgetRefusals();
    }

    long returned = answers.values().stream().mapToLong(LongAdder::sum).sum();
    long failed = transportFailures.size();
    long made = calls + count(Outcome.RETRY_SCHEDULED) + faults.served(RandomFaults.Kind.FOUND);
    System.out.printf(
        "concurrency %s %s: %d threads x %d calls, %d requests, %d faults injected,"
            + " %d retries, %d refused by the budget, %d transport failures, seed %d%n",
        getClass().getSimpleName(),
        mode,
        THREADS,
        CALLS_PER_THREAD,
        faults.served(),
        faults.faults(),
        count(Outcome.RETRY_SCHEDULED),
        budgetRefusals,
        failed,
        SEED);
    assertThat(failures)
        .as("calls that ended in anything but an answer or an IOException")
        .isEmpty();
    assertThat(returned + failed).as("answers + transport failures").isEqualTo(calls);
    assertThat(transportFailures).as("transport failures").hasSizeLessThanOrEqualTo(calls / 1000);
    assertThat(observed.sum()).as("exchanges observed").isEqualTo(returned);
    assertThat(responsesByCode()).as("httptriage.responses by code").isEqualTo(answersByCode());
    assertThat(count("httptriage.conformance.findings", "kind", "REQUIRED_HEADER_MISSING"))
        .as("a 401 without challenge is one finding per call that ended in it")
        .isEqualTo(answersByCode().getOrDefault("401", 0L));
    assertThat(retriesByOutcome()).as("httptriage.retries by outcome").isEqualTo(eventsByOutcome());
    if (failed == 0 && !resendsOnStaleConnections()) {
      assertThat(faults.served())
          .as("server requests = calls + retries scheduled + redirects followed")
          .isEqualTo(made);
    } else {
      // A failed attempt may or may not have reached the server; a stale-connection resend did.
      long resends = resendsOnStaleConnections() ? Math.max(1, calls / 1000) : 0;
      assertThat(faults.served())
          .as(
              "server requests = calls + retries scheduled + redirects followed, give or take"
                  + " %d transport failures and %d resends on stale connections",
              failed, resends)
          .isBetween(made - failed, made + failed + resends);
    }
    assertThat(budgetRefusals)
        .as("the budget's own count of refusals")
        .isEqualTo(count(Outcome.GAVE_UP_BUDGET))
        .isPositive();
  }

  private void runConcurrently(ClientUnderTest client) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      pool.execute(
          () -> {
            try {
              go.await();
              for (int m = 0; m < CALLS_PER_THREAD; m++) {
                sendOne(client, thread * CALLS_PER_THREAD + m);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              failures.add("interrupted: " + e);
            }
          });
    }
    go.countDown();
    pool.shutdown();
    boolean done = pool.awaitTermination(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
    pool.shutdownNow();
    assertThat(done).as("all calls done within %d s", TIME_LIMIT_SECONDS).isTrue();
  }

  /** Mostly GET; a POST without a key (never retried) and one with a key (retried) now and then. */
  private void sendOne(ClientUnderTest client, int n) {
    String path = "/calls/" + n;
    Call call;
    switch (n % 10) {
      case 3:
        call = new Call("POST", server.url(path), List.of(), Optional.of("{\"n\":" + n + "}"));
        break;
      case 6:
        call =
            new Call(
                "POST",
                server.url(path),
                List.<String[]>of(new String[] {"Idempotency-Key", "k" + n}),
                Optional.of("{\"n\":" + n + "}"));
        break;
      default:
        call = new Call("GET", server.url(path), List.of(), Optional.empty());
        break;
    }
    try {
      Answer answer = client.send(call);
      answers.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
    } catch (IOException e) {
      transportFailures.add(call.method() + " " + path + ": " + e);
    } catch (RuntimeException | AssertionError e) {
      failures.add(call.method() + " " + path + ": " + e);
    }
  }

  private long count(Outcome outcome) {
    return events.get(outcome).sum();
  }

  private long count(String meter, String... tags) {
    Counter c = registry.find(meter).tags(tags).counter();
    return c == null ? 0 : (long) c.count();
  }

  private Map<String, Long> answersByCode() {
    Map<String, Long> byCode = new TreeMap<>();
    answers.forEach((status, n) -> byCode.put(Integer.toString(status), n.sum()));
    return byCode;
  }

  private Map<String, Long> responsesByCode() {
    return sumByTag("httptriage.responses", "code");
  }

  private Map<String, Long> retriesByOutcome() {
    return sumByTag("httptriage.retries", "outcome");
  }

  private Map<String, Long> eventsByOutcome() {
    Map<String, Long> byOutcome = new TreeMap<>();
    events.forEach(
        (outcome, n) -> {
          if (n.sum() > 0) {
            byOutcome.put(outcome.name(), n.sum());
          }
        });
    return byOutcome;
  }

  private Map<String, Long> sumByTag(String meter, String tag) {
    Map<String, Long> sums = new TreeMap<>();
    for (Counter c : registry.find(meter).counters()) {
      sums.merge(c.getId().getTag(tag), (long) c.count(), Long::sum);
    }
    return sums;
  }
}
