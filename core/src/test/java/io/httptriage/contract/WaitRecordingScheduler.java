package io.httptriage.contract;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The asynchronous path's counterpart of the contract's recording sleeper: each delayed task (a
 * retry wait) is recorded and run at once, so that an adapter whose async path schedules its waits
 * instead of sleeping passes the same scenarios without waiting for time.
 */
public final class WaitRecordingScheduler extends ScheduledThreadPoolExecutor {
  private final Consumer<Duration> waits;

  /** Hands each wait asked for to {@code waits}, which must be thread-safe. */
  public WaitRecordingScheduler(Consumer<Duration> waits) {
    super(
        1,
        task -> {
          Thread thread = new Thread(task, "contract-retry-scheduler");
          thread.setDaemon(true);
          return thread;
        });
    this.waits = waits;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    waits.accept(Duration.ofNanos(unit.toNanos(delay)));
    return super.schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  /** Plain execution is no wait: it must not be recorded as one. */
  @Override
  public void execute(Runnable command) {
    super.schedule(command, 0, TimeUnit.NANOSECONDS);
  }
}
