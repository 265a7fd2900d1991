package io.httptriage.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test tells it to, shared by every module's tests so that no test
 * sleeps for time. Thread-safe: a driver thread may read it while the test advances it.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * RetrySettings settings = RetrySettings.builder().clock(clock).build();
 * clock.advance(Duration.ofSeconds(30));
 * }</pre>
 */
public final class ManualClock extends Clock {
  /** Where a clock made with {@link #ManualClock()} starts. */
  public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private final AtomicReference<Instant> now;

  /** A clock at {@link #START}. */
  public ManualClock() {
    this(START);
  }

  /**
   * A clock at {@code start}.
   *
   * @param start the first instant the clock reads
   */
  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * Moves the clock on.
   *
   * @param d how far
   */
  public void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
