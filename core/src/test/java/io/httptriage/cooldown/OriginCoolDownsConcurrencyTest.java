package io.httptriage.cooldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.cooldown.Admission.Kind;
import io.httptriage.exchange.Origin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads against one {@link OriginCoolDowns}; time is an injected counter, never slept. */
@Timeout(30)
class OriginCoolDownsConcurrencyTest {
  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  private static final Origin API = OriginCoolDownsTest.origin("https://api.example/");
  private static final int THREADS = 32;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code task} on every thread at once and returns each thread's result. */
  private <T> List<T> together(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(20, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void grantsOneProbeAmongThreadsArrivingTogetherAndReleasesThemAllWhenItSucceeds()
      throws Exception {
    OriginCoolDowns c = OriginCoolDowns.of(CoolDownSettings.ofDefaults());
    c.record(API, 429, Optional.of(Duration.ofSeconds(1)), T0);
    Instant end = T0.plusSeconds(1);
    AtomicInteger probes = new AtomicInteger();

    List<Integer> waits =
        together(
            () -> {
              int waited = 0;
              for (int i = 0; i < 200; i++) {
                Admission a = c.admit(API, end.plusMillis(i), Duration.ofSeconds(5));
                if (a.kind() == Kind.PROBE) {
                  probes.incrementAndGet();
                } else if (a.kind() == Kind.WAIT) {
                  waited++;
                }
              }
              return waited;
            });

    assertThat(probes).hasValue(1);
    assertThat(waits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(THREADS * 200 - 1);

    c.record(API, 200, Optional.empty(), end.plusMillis(300));

    List<Admission> after =
        together(() -> c.admit(API, end.plusMillis(301), Duration.ofSeconds(5)));
    assertThat(after).containsOnly(Admission.PROCEED);
  }

  @Test
  void staysBoundedAndConsistentUnderConcurrentCallsToManyOrigins() throws Exception {
    int maxOrigins = 64;
    OriginCoolDowns c =
        OriginCoolDowns.of(CoolDownSettings.builder().maxOrigins(maxOrigins).build());
    List<Origin> origins = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      origins.add(
          Origin.of(URI.create("http://h" + i + ".example:" + (8000 + i % 7) + "/")).orElseThrow());
    }
    AtomicLong clock = new AtomicLong();
    AtomicInteger seeds = new AtomicInteger();
    AtomicInteger tooBig = new AtomicInteger();

    List<Integer> wrongWaits =
        together(
            () -> {
              SplittableRandom random = new SplittableRandom(seeds.incrementAndGet());
              int wrong = 0;
              for (int i = 0; i < 5_000; i++) {
                Instant now = T0.plusMillis(clock.addAndGet(random.nextInt(3)));
                Origin origin = origins.get(random.nextInt(origins.size()));
                switch (random.nextInt(4)) {
                  case 0 ->
                      c.record(
                          origin,
                          429,
                          Optional.of(Duration.ofMillis(random.nextLong(1, 90_000))),
                          now);
                  case 1 ->
                      c.record(origin, random.nextBoolean() ? 200 : 503, Optional.empty(), now);
                  case 2 -> c.abandon(origin, now);
                  default -> {
                    Admission a = c.admit(origin, now, Duration.ofSeconds(10));
                    if (a.kind() == Kind.WAIT
                        && a.duration().compareTo(Duration.ofSeconds(10)) > 0) {
                      wrong++;
                    }
                  }
                }
                if (c.size() > maxOrigins) {
                  tooBig.incrementAndGet();
                }
              }
              return wrong;
            });

    assertThat(wrongWaits).containsOnly(0);
    assertThat(tooBig).hasValue(0);
    assertThat(c.size()).isBetween(1, maxOrigins);
  }
}
