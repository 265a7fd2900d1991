package io.httptriage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.contract.WaitRecordingScheduler;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of calls one after another on one client, each retried once and redirected once, so
 * that every call discards two responses with a body: afterwards no connection is held for a
 * response nobody has, and the heap has not grown with the number of calls. Each adapter subclasses
 * this once per way of sending.
 *
 * <p>The client-independent signal is the number of TCP connections the test server accepted. A
 * discarded response that is never closed keeps its connection busy, so the next call must open a
 * new one and the count grows with the calls; released responses let one connection serve them all.
 * Subclasses add what their client can tell ({@link #assertNothingHeldBy}).
 */
public abstract class LeakContract {
  /** Per redirect mode: the quick run makes 1 000 calls per adapter and way of sending. */
  private static final int CALLS = Soak.pick(500, 10_000);

  /** Sequential calls need one connection; the rest allows for a client that opens a spare. */
  private static final int MAX_CONNECTIONS = 4;

  /** Generous: a leaked response costs kilobytes (buffers, socket), thousands of them megabytes. */
  private static final long MAX_HEAP_GROWTH = 16L << 20;

  /** The body of each discarded response: as big as the JDK drains from a redirect it follows. */
  private static final String FILLER = "x".repeat(1000);

  /** One certificate for the class: making one costs more than many calls. */
  private static final TestTls TLS = TestTls.create();

  private final AtomicInteger served = new AtomicInteger();
  private final LongAdder waits = new LongAdder();
  private final WaitRecordingScheduler scheduler =
      new WaitRecordingScheduler(wait -> waits.increment());
  private TestServer server;

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  /**
   * Fails when the client still holds a connection for a response, once every call is over; called
   * before the client is closed. The default has nothing to add to the server's counts.
   */
  protected void assertNothingHeldBy(ClientUnderTest client) {}

  @BeforeEach
  void start() {
    server = TestServers.start();
    server.dispatch(this::answer);
  }

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  /**
   * Every call meets the same story: 503 (retried), then 302 (followed), then 200. The calls are
   * sequential, so the server's order of requests is each call's order.
   */
  private Reply answer(Recorded request) {
    switch (served.getAndIncrement() % 3) {
      case 0:
        // Retry-After 1, not 0: OkHttp itself resends a 503 that asks for no wait at all.
        return Reply.status(503).header("Retry-After", "1").body(FILLER);
      case 1:
        return Reply.status(302).header("Location", "/landed" + request.path()).body(FILLER);
      default:
        return Reply.status(200).body("ok " + request.path());
    }
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void retriedAndRedirectedCallsLeakNoConnectionAndNoHeap(RedirectMode mode) throws IOException {
    TriageConfig config =
        TriageConfig.builder()
            .redirectMode(mode)
            .retry(
                RetrySettings.builder()
                    .sleeper(wait -> waits.increment())
                    // Every call retries once: the budget must not be what stops it.
                    .budgetRatio(1)
                    .budgetMinRetriesPerSecond(1_000)
                    .build())
            .scheduler(scheduler)
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    int warmUp = CALLS / 10;

    long heapBefore;
    long heapAfter;
    try (ClientUnderTest client = newClient(config, TLS)) {
      send(client, 0, warmUp);
      heapBefore = HeapGauge.usedAfterGc();
      send(client, warmUp, CALLS);
      heapAfter = HeapGauge.usedAfterGc();
      assertNothingHeldBy(client);
    }

    System.out.printf(
        "leaks %s %s: %d calls, %d requests, %d retries, %d connections," + " heap %+d KiB%n",
        getClass().getSimpleName(),
        mode,
        CALLS,
        server.requestCount(),
        waits.sum(),
        server.connectionCount(),
        (heapAfter - heapBefore) >> 10);
    assertThat(server.requestCount()).isEqualTo(3 * CALLS);
    assertThat(waits.sum()).isEqualTo(CALLS);
    assertThat(server.connectionCount())
        .as("connections accepted for %d sequential calls", CALLS)
        .isLessThanOrEqualTo(MAX_CONNECTIONS);
    assertThat(heapAfter - heapBefore)
        .as("heap growth over %d calls", CALLS - warmUp)
        .isLessThan(MAX_HEAP_GROWTH);
  }

  private void send(ClientUnderTest client, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      String path = "/leak/" + i;
      Answer answer = client.send(new Call("GET", server.url(path), List.of(), Optional.empty()));
      assertThat(answer).isEqualTo(new Answer(200, "ok /landed" + path));
    }
  }
}
