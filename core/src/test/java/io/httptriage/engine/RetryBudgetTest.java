package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  private final ManualClock clock = new ManualClock();

  /** 10% of healthy requests, at least 1 retry a second, over 10 s (the default ratio is 0.5). */
  private RetryBudget budget() {
    return new RetryBudget(clock, 0.1, 1, 10_000);
  }

  private static int grants(RetryBudget budget, int tries) {
    int granted = 0;
    for (int i = 0; i < tries; i++) {
      if (budget.tryRetry()) {
        granted++;
      }
    }
    return granted;
  }

  private static void requests(RetryBudget budget, int n) {
    for (int i = 0; i < n; i++) {
      budget.onRequest();
    }
  }

  private static void failedRequests(RetryBudget budget, int n) {
    for (int i = 0; i < n; i++) {
      budget.onRequest();
      budget.onFailedFirstAttempt();
    }
  }

  @Test
  void anOutageEarnsNothingButTheFloor() {
    RetryBudget budget = budget();
    failedRequests(budget, 1000);

    assertThat(grants(budget, 500)).isEqualTo(10);
  }

  @Test
  void healthyAnswersEarnTheRetriesThatMendRandomFailures() {
    RetryBudget budget = new RetryBudget(clock, 0.5, 1, 10_000);
    requests(budget, 800);
    failedRequests(budget, 200);

    // 800 healthy answers earn 400 retries: more than the 200 failures need.
    assertThat(grants(budget, 500)).isEqualTo(400);
  }

  @Test
  void allowsTheFloorToAQuietClient() {
    RetryBudget budget = budget();
    requests(budget, 3);

    assertThat(grants(budget, 50)).isEqualTo(10);
    assertThat(budget.refusals()).isEqualTo(40);
  }

  @Test
  void allowsTheRatioOfRecentRequestsAboveTheFloor() {
    RetryBudget budget = budget();
    requests(budget, 1000);

    assertThat(grants(budget, 500)).isEqualTo(100);
  }

  @Test
  void earnsMoreRetriesAsRequestsArrive() {
    RetryBudget budget = budget();
    requests(budget, 200);
    assertThat(grants(budget, 100)).isEqualTo(20);

    requests(budget, 10);

    assertThat(grants(budget, 100)).isEqualTo(1);
  }

  @Test
  void recoversOnceTheSpentRetriesLeaveTheWindow() {
    RetryBudget budget = budget();
    assertThat(grants(budget, 20)).isEqualTo(10);

    clock.advance(Duration.ofMillis(9_999));
    assertThat(budget.tryRetry()).isFalse();
    clock.advance(Duration.ofMillis(1));

    assertThat(grants(budget, 20)).isEqualTo(10);
  }

  @Test
  void forgetsRequestsOlderThanTheWindow() {
    RetryBudget budget = budget();
    requests(budget, 1000);

    clock.advance(Duration.ofSeconds(10));

    assertThat(grants(budget, 500)).isEqualTo(10);
  }

  @Test
  void slidesSlotBySlot() {
    RetryBudget budget = budget();
    requests(budget, 500);
    clock.advance(Duration.ofSeconds(5));
    requests(budget, 500);
    clock.advance(Duration.ofSeconds(5));

    // The first 500 requests left the window; the last 500 earn 50 retries.
    assertThat(grants(budget, 500)).isEqualTo(50);
  }

  @Test
  void treatsAClockSteppingBackAsStandingStill() {
    RetryBudget budget = budget();
    requests(budget, 1000);

    clock.advance(Duration.ofSeconds(-30));

    assertThat(grants(budget, 500)).isEqualTo(100);
  }

  @Test
  void grantsNoMoreThanTheBudgetUnderContention() throws Exception {
    RetryBudget budget = new RetryBudget(clock, 0.0, 5, 10_000);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    budget.onRequest();
                    if (budget.tryRetry()) {
                      granted.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(granted.get()).isEqualTo(50);
    assertThat(budget.refusals()).isEqualTo(4000 - 50);
  }
}
