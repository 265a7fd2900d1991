package io.httptriage.retry;

import java.time.Duration;

/**
 * How the synchronous retry path waits between attempts. The default blocks the calling thread;
 * tests inject one that records the wait and returns at once.
 *
 * <p>Implementations must be thread-safe when the engine is shared.
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

  /** The sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}

/** The blocking sleeper; an enum so that it is a singleton with a readable name. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
