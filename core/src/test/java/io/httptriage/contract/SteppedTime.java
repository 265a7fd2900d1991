package io.httptriage.contract;

import io.httptriage.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Time that moves only when a test steps it, for concurrent callers: a {@link ManualClock}, a
 * {@link Sleeper} and a scheduler whose waits end only once the test has moved the clock past them.
 * So a test can hold sixteen callers in a cool-down, look at what the server received, then let
 * them go, without waiting for real time. Every wait gives up after 20 real seconds, so that a test
 * that forgets to step fails instead of hanging.
 *
 * <p>Thread-safe.
 */
public final class SteppedTime implements AutoCloseable {
  private static final long REAL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final ManualClock clock = new ManualClock();
  private final Object lock = new Object();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledThreadPoolExecutor scheduler;
  private int waiting;

  /** Time at {@link ManualClock#START}, with no one waiting. */
  public SteppedTime() {
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            64,
            task -> {
              Thread t = new Thread(task, "stepped-time-scheduler");
              t.setDaemon(true);
              return t;
            }) {
          @Override
          public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            Duration d = Duration.ofNanos(unit.toNanos(delay));
            return super.schedule(
                () -> {
                  try {
                    await(d, () -> false);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  command.run();
                },
                0,
                TimeUnit.NANOSECONDS);
          }

          @Override
          public void execute(Runnable command) {
            super.schedule(command, 0, TimeUnit.NANOSECONDS);
          }
        };
  }

  /** The clock the test steps. */
  public Clock clock() {
    return clock;
  }

  /** A sleeper whose sleep ends once the clock has been stepped past it, or the call cancelled. */
  public Sleeper sleeper() {
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) throws InterruptedException {
        await(duration, () -> false);
      }

      @Override
      public void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException {
        await(duration, cancelled);
      }
    };
  }

  /** A scheduler whose delayed tasks run once the clock has been stepped past their delay. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Every wait asked for so far, sleeps and scheduled tasks alike, in order. */
  public List<Duration> waits() {
    synchronized (waits) {
      return List.copyOf(waits);
    }
  }

  /** The sleeps and scheduled tasks waiting for the clock now. */
  public int waiting() {
    synchronized (lock) {
      return waiting;
    }
  }

  /** Moves the clock on and wakes every wait that is now over. */
  public void advance(Duration d) {
    synchronized (lock) {
      clock.advance(d);
      lock.notifyAll();
    }
  }

  /**
   * Waits, in real time but at most 20 s, until {@code condition} holds: for the callers to reach
   * their waits or the server to count a request, never for time to pass.
   */
  public static void awaitThat(BooleanSupplier condition, String what) {
    long giveUp = System.nanoTime() + REAL_LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("never happened within 20 s: " + what);
      }
      LockSupport.parkNanos(1_000_000L); // a poll for the condition, not a wait for time
    }
  }

  private void await(Duration d, BooleanSupplier cancelled) throws InterruptedException {
    waits.add(d);
    long giveUp = System.nanoTime() + REAL_LIMIT_NANOS;
    synchronized (lock) {
      long due = clock.millis() + d.toMillis();
      waiting++;
      try {
        while (clock.millis() < due && !cancelled.getAsBoolean()) {
          if (System.nanoTime() > giveUp) {
            throw new IllegalStateException("the test never stepped the clock to " + due);
          }
          lock.wait(20);
        }
      } finally {
        waiting--;
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
