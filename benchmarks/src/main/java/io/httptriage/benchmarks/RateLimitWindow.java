package io.httptriage.benchmarks;

import io.httptriage.benchmarks.WindowContenders.Caller;
import io.httptriage.benchmarks.WindowContenders.Contender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;

/**
 * What each retry layer does to a rate-limited server, and to the other origins of the same client.
 *
 * <p><b>The window.</b> 64 callers share one client. A {@link LoopbackServer} on 127.0.0.1 answers
 * 429 with {@code Retry-After: 1} for 3 s from its first request, then 200. The callers start one
 * logical GET each, evenly spread over the window and the second after it (one every 62.5 ms), so
 * that 48 start while the server is limiting and 16 after it recovered, each with a deadline of 2
 * s. Measured per contender: the requests the server received during the window (the 429s it sent),
 * per second of window; how many calls succeeded among those started in the window and among those
 * started after it; calls that took longer than their deadline; the wall time until the last call
 * ended. A contender gets at most 12 s; callers still running then count as past their deadline.
 *
 * <p><b>Four origins.</b> Four servers on four ports; 16 of the 64 callers use each, one GET every
 * 50 ms for 3 s. Run twice per contender: with the first origin limited as above, and with none
 * limited. What matters is whether the three healthy origins see the same calls, latency and
 * success in both runs: a retry layer must not hold them back while one origin is limiting.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.httptriage.benchmarks.RateLimitWindow WINDOW.tsv
 * ORIGINS.tsv}. Only 127.0.0.1 is contacted; every loop is bounded in count and time.
 */
public final class RateLimitWindow {
  static final int CALLERS = 64;
  static final Duration WINDOW = Duration.ofSeconds(3);
  static final Duration DEADLINE = Duration.ofSeconds(2);

  /** The callers start over the window and one second after it. */
  private static final long SPREAD_NANOS = WINDOW.plusSeconds(1).toNanos();

  private static final long CAP_NANOS = Duration.ofSeconds(12).toNanos();
  private static final int ORIGIN_COUNT = 4;
  private static final long PACE_NANOS = Duration.ofMillis(50).toNanos();

  private RateLimitWindow() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RateLimitWindow WINDOW.tsv ORIGINS.tsv");
      System.exit(2);
    }
    List<String> window = new ArrayList<>();
    window.add(
        "client\tcontender\tcallers\twindow_millis\tin_window\tserver_requests\t"
            + "started_in_window\tok_in_window\tstarted_after\tok_after\tpast_deadline\t"
            + "longest_millis\twall_millis");
    for (Contender c : WindowContenders.WINDOW) {
      window.add(window(c));
    }
    write(Path.of(args[0]), window);
    List<String> origins = new ArrayList<>();
    origins.add(
        "client\tcontender\tlimited_origin\thealthy_calls\thealthy_ok\tp50_micros\t"
            + "p99_micros\tmax_micros\tlimited_calls\tlimited_ok");
    for (Contender c : WindowContenders.ORIGINS) {
      origins.add(origins(c, false));
      origins.add(origins(c, true));
    }
    write(Path.of(args[1]), origins);
  }

  private static void write(Path out, List<String> rows) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      rows.forEach(w::println);
    }
  }

  /**
   * Answers 429 from the first request for {@code window}, then 200, and counts the 429s. Runs on
   * the server's threads.
   */
  static final class LimitedWindow implements LongToIntFunction {
    private static final long UNSET = Long.MIN_VALUE;
    private final long windowNanos;
    private final AtomicLong start = new AtomicLong(UNSET);
    private final AtomicLong limited = new AtomicLong();

    LimitedWindow(Duration window) {
      this.windowNanos = window.toNanos();
    }

    @Override
    public int applyAsInt(long n) {
      long now = System.nanoTime();
      start.compareAndSet(UNSET, now);
      if (now - start.get() < windowNanos) {
        limited.incrementAndGet();
        return 1;
      }
      return 0;
    }

    /** The 429s sent. */
    long limited() {
      return limited.get();
    }

    /** When the window opened (System.nanoTime), or UNSET. */
    long start() {
      return start.get();
    }
  }

  private static LoopbackServer limitedServer(LimitedWindow window) throws IOException {
    return LoopbackServer.start(
        new byte[][] {LoopbackServer.OK, LoopbackServer.TOO_MANY_REQUESTS_RETRY_AFTER_1}, window);
  }

  private static String window(Contender contender) throws Exception {
    LimitedWindow limit = new LimitedWindow(WINDOW);
    try (LoopbackServer server = limitedServer(limit)) {
      Caller caller = contender.factory().apply(DEADLINE);
      String uri = server.uri();
      long[] started = new long[CALLERS];
      long[] ended = new long[CALLERS];
      int[] status = new int[CALLERS];
      Arrays.fill(ended, Long.MIN_VALUE);
      CountDownLatch done = new CountDownLatch(CALLERS);
      long base = System.nanoTime() + Duration.ofMillis(100).toNanos();
      for (int i = 0; i < CALLERS; i++) {
        int id = i;
        long at = base + SPREAD_NANOS * i / CALLERS;
        Thread t =
            new Thread(
                () -> {
                  sleepUntil(at);
                  started[id] = System.nanoTime();
                  try {
                    status[id] = caller.get(uri);
                  } catch (
                      Throwable failed) { // the call failed; the server counted what reached it
                    status[id] = -1;
                  } finally {
                    ended[id] = System.nanoTime();
                    done.countDown();
                  }
                },
                "window-caller-" + i);
        t.setDaemon(true);
        t.start();
      }
      boolean all = done.await(CAP_NANOS, TimeUnit.NANOSECONDS);
      long windowStart = limit.start();
      long windowEnd = windowStart + WINDOW.toNanos();
      int inWindow = 0;
      int okInWindow = 0;
      int after = 0;
      int okAfter = 0;
      int late = 0;
      long longest = 0;
      long last = base;
      for (int i = 0; i < CALLERS; i++) {
        boolean finished = ended[i] != Long.MIN_VALUE;
        long took = finished ? ended[i] - started[i] : CAP_NANOS;
        longest = Math.max(longest, took);
        last = Math.max(last, finished ? ended[i] : base + CAP_NANOS);
        if (!finished || took > DEADLINE.toNanos()) {
          late++;
        }
        boolean ok = finished && status[i] == 200;
        if (started[i] < windowEnd) {
          inWindow++;
          okInWindow += ok ? 1 : 0;
        } else {
          after++;
          okAfter += ok ? 1 : 0;
        }
      }
      String row =
          String.join(
              "\t",
              contender.client(),
              contender.name(),
              Integer.toString(CALLERS),
              Long.toString(WINDOW.toMillis()),
              Long.toString(limit.limited()),
              Long.toString(server.requests()),
              Integer.toString(inWindow),
              Integer.toString(okInWindow),
              Integer.toString(after),
              Integer.toString(okAfter),
              Integer.toString(late),
              Long.toString(longest / 1_000_000),
              Long.toString((last - base) / 1_000_000));
      System.err.printf(
          Locale.ROOT,
          "window: %-14s %-28s %4d requests in window (%.1f/s), ok %d/%d in"
              + " window and %d/%d after, %d past deadline%s%n",
          contender.client(),
          contender.name(),
          limit.limited(),
          limit.limited() / (WINDOW.toMillis() / 1000.0),
          okInWindow,
          inWindow,
          okAfter,
          after,
          late,
          all ? "" : " (cut off at the cap)");
      return row;
    }
  }

  private static String origins(Contender contender, boolean oneLimited) throws Exception {
    LimitedWindow limit = new LimitedWindow(WINDOW);
    LoopbackServer[] servers = new LoopbackServer[ORIGIN_COUNT];
    try {
      servers[0] = oneLimited ? limitedServer(limit) : LoopbackServer.start(LoopbackServer.OK);
      for (int i = 1; i < ORIGIN_COUNT; i++) {
        servers[i] = LoopbackServer.start(LoopbackServer.OK);
      }
      Caller caller = contender.factory().apply(DEADLINE);
      int perCaller = (int) (WINDOW.toNanos() / PACE_NANOS);
      long[][] latency = new long[CALLERS][perCaller];
      int[][] status = new int[CALLERS][perCaller];
      int[] count = new int[CALLERS];
      CountDownLatch done = new CountDownLatch(CALLERS);
      long base = System.nanoTime() + Duration.ofMillis(100).toNanos();
      long stop = base + WINDOW.toNanos();
      for (int i = 0; i < CALLERS; i++) {
        int id = i;
        String uri = servers[i % ORIGIN_COUNT].uri();
        // Callers of one origin are spread over the pace, so that the load is even.
        long offset = PACE_NANOS * (i / ORIGIN_COUNT) / (CALLERS / ORIGIN_COUNT);
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (int n = 0; n < perCaller; n++) {
                      long at = base + offset + n * PACE_NANOS;
                      if (at >= stop || System.nanoTime() >= stop) {
                        break; // a caller held back past the run does not catch up afterwards
                      }
                      sleepUntil(at);
                      long begin = System.nanoTime();
                      try {
                        status[id][n] = caller.get(uri);
                      } catch (
                          Throwable failed) { // the call failed; the server counted what reached it
                        status[id][n] = -1;
                      }
                      latency[id][n] = System.nanoTime() - begin;
                      count[id] = n + 1;
                    }
                  } finally {
                    done.countDown();
                  }
                },
                "origins-caller-" + i);
        t.setDaemon(true);
        t.start();
      }
      done.await(CAP_NANOS, TimeUnit.NANOSECONDS);
      List<Long> healthy = new ArrayList<>();
      int healthyOk = 0;
      int limitedCalls = 0;
      int limitedOk = 0;
      for (int i = 0; i < CALLERS; i++) {
        for (int n = 0; n < count[i]; n++) {
          boolean ok = status[i][n] == 200;
          if (i % ORIGIN_COUNT == 0) {
            limitedCalls++;
            limitedOk += ok ? 1 : 0;
          } else {
            healthy.add(latency[i][n]);
            healthyOk += ok ? 1 : 0;
          }
        }
      }
      healthy.sort(null);
      String row =
          String.join(
              "\t",
              contender.client(),
              contender.name(),
              oneLimited ? "yes" : "no",
              Integer.toString(healthy.size()),
              Integer.toString(healthyOk),
              Long.toString(percentile(healthy, 0.50) / 1000),
              Long.toString(percentile(healthy, 0.99) / 1000),
              Long.toString(healthy.isEmpty() ? 0 : healthy.get(healthy.size() - 1) / 1000),
              Integer.toString(limitedCalls),
              Integer.toString(limitedOk));
      System.err.printf(
          Locale.ROOT,
          "origins: %-14s %-28s limited=%-3s healthy %d calls, %d ok, p99 %d µs;"
              + " limited origin %d calls, %d ok%n",
          contender.client(),
          contender.name(),
          oneLimited ? "yes" : "no",
          healthy.size(),
          healthyOk,
          percentile(healthy, 0.99) / 1000,
          limitedCalls,
          limitedOk);
      return row;
    } finally {
      for (LoopbackServer s : servers) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
