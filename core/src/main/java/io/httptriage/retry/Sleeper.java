package io.httptriage.retry;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the synchronous retry path waits between attempts. The default blocks the calling thread;
 * tests inject one that records the wait and returns at once.
 *
 * <p>Implementations must be thread-safe when a client is shared.
 *
 * <pre>{@code
 * List<Duration> waits = new CopyOnWriteArrayList<>();
 * RetrySettings settings = RetrySettings.builder().sleeper(waits::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long, never negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits for the given time or until {@code cancelled} turns true, whichever comes first. The
   * default waits the whole time (the runtime checks {@code cancelled} again afterwards); the
   * {@link #system()} sleeper wakes within about 50 ms of a cancellation, so that a cancelled call
   * does not sit out a long Retry-After.
   *
   * @param duration how long, never negative
   * @param cancelled polled while waiting; true stops the wait early
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  default void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException {
    sleep(duration);
  }

  /** {@return the sleeper that blocks the calling thread with {@link Thread#sleep(long)}} */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}

/** The blocking sleeper; an enum so that it is a singleton with a readable name. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  private static final long SLICE_NANOS = 50_000_000L;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @Override
  public void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    long left;
    while (!cancelled.getAsBoolean() && (left = end - System.nanoTime()) > 0) {
      long slice = Math.min(left, SLICE_NANOS);
      Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
    }
  }
}
