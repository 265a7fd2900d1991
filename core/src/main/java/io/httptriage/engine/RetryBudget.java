package io.httptriage.engine;

import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Storm control shared by all calls of one client: over a sliding window, retries may be at most
 * {@code max(minRetries, floor(ratio * healthy))}, where {@code healthy} counts logical requests
 * whose first attempt was answered with a status that is not retried. Retries are earned by the
 * server's good answers: in a total outage there are none, and only the floor is left (above its
 * rate, about one server request per logical request); when a fifth of the answers fail at random,
 * the four fifths that succeed earn enough retries to mend them.
 *
 * <p>The idea is gRPC's retry throttling (tokens earned by successes) and Finagle's RetryBudget;
 * unlike a token bucket whose floor refills over time, the floor here is a minimum, not an
 * addition, so the ratio holds as an upper bound whenever traffic is above the floor.
 *
 * <p>Thread-safe. Each operation takes this object's monitor for O(1) work: a couple of counter
 * updates, and after idleness the clearing of at most {@value #SLOTS} slots. A clock that steps
 * backwards is treated as standing still.
 */
final class RetryBudget {
  /** The meter name of the retries the budget allows now. */
  static final String REMAINING = "httptriage.retry.budget.remaining";

  static final int SLOTS = 10;

  private final Clock clock;
  private final double ratio;
  private final long minRetries;
  private final long slotMillis;
  private final long[] requests = new long[SLOTS];
  private final long[] failures = new long[SLOTS];
  private final long[] retries = new long[SLOTS];
  private final LongAdder refusals = new LongAdder();
  private long currentSlot;
  private long requestsInWindow;
  private long failuresInWindow;
  private long retriesInWindow;

  /** {@return the budget of a client with these settings} */
  static RetryBudget of(RetrySettings s) {
    return new RetryBudget(
        s.clock(), s.budgetRatio(), s.budgetMinRetriesPerSecond(), s.budgetWindow().toMillis());
  }

  /**
   * Registers the gauge where the client's default listener records its meters, also when added
   * listeners are told after it; nowhere when the user's own listener replaces it.
   */
  void gaugeFor(TriageConfig config, TriageListener listener, String client) {
    Optional<MeterRegistry> registry =
        config.listener().orElse(listener) instanceof DefaultTriageListener d
            ? d.meterRegistry()
            : config.listener().isEmpty() ? config.meterRegistry() : Optional.empty();
    registry.ifPresent(r -> gauge(r, client));
  }

  RetryBudget(Clock clock, double ratio, int minRetriesPerSecond, long windowMillis) {
    this.clock = clock;
    this.ratio = ratio;
    this.minRetries = minRetriesPerSecond * windowMillis / 1000;
    this.slotMillis = Math.max(1, windowMillis / SLOTS);
    this.currentSlot = Math.floorDiv(clock.millis(), slotMillis);
  }

  /**
   * Counts one logical request.
   *
   * @return the clock's reading, so that the caller needs no second one
   */
  long onRequest() {
    long now = clock.millis();
    synchronized (this) {
      int i = roll(now);
      requests[i]++;
      requestsInWindow++;
    }
    return now;
  }

  /**
   * Counts a logical request whose first attempt got a status the engine retries: it earns nothing.
   */
  void onFailedFirstAttempt() {
    long now = clock.millis();
    synchronized (this) {
      int i = roll(now);
      failures[i]++;
      failuresInWindow++;
    }
  }

  /**
   * Takes one retry from the budget when there is one; counts a refusal otherwise.
   *
   * @return true when the retry may be made
   */
  boolean tryRetry() {
    long now = clock.millis();
    synchronized (this) {
      int i = roll(now);
      long healthy = Math.max(0, requestsInWindow - failuresInWindow);
      long allowed = Math.max(minRetries, (long) Math.floor(ratio * healthy));
      if (retriesInWindow < allowed) {
        retries[i]++;
        retriesInWindow++;
        return true;
      }
    }
    refusals.increment();
    return false;
  }

  /**
   * The retries the budget would allow now; what the {@code httptriage.retry.budget.remaining}
   * gauge reads.
   */
  double remaining() {
    long now = clock.millis();
    synchronized (this) {
      roll(now);
      long healthy = Math.max(0, requestsInWindow - failuresInWindow);
      long allowed = Math.max(minRetries, (long) Math.floor(ratio * healthy));
      return Math.max(0, allowed - retriesInWindow);
    }
  }

  /**
   * Counts retries the client made by itself, below httptriage: they are spent whatever is left.
   */
  void charge(int n) {
    long now = clock.millis();
    synchronized (this) {
      int i = roll(now);
      retries[i] += n;
      retriesInWindow += n;
    }
  }

  /** Retries refused since the engine was built. */
  long refusals() {
    return refusals.sum();
  }

  /**
   * Moves the window to {@code now}; returns the index of the current slot. Caller holds the lock.
   */
  private int roll(long now) {
    long slot = Math.floorDiv(now, slotMillis);
    long steps = slot - currentSlot;
    if (steps > 0) {
      for (long k = 1; k <= Math.min(steps, SLOTS); k++) {
        int i = (int) Math.floorMod(currentSlot + k, (long) SLOTS);
        requestsInWindow -= requests[i];
        failuresInWindow -= failures[i];
        retriesInWindow -= retries[i];
        requests[i] = 0;
        failures[i] = 0;
        retries[i] = 0;
      }
      currentSlot = slot;
    }
    return (int) Math.floorMod(currentSlot, (long) SLOTS);
  }

  /**
   * Registers the gauge {@value #REMAINING} of this budget. The gauge holds the budget weakly, so a
   * client's runtime dropped by its owner can be collected.
   */
  void gauge(MeterRegistry registry, String client) {
    Gauge.builder(REMAINING, this, RetryBudget::remaining)
        .description("Retries the client's retry budget allows now")
        .tag("client", client)
        .register(registry);
  }
}
