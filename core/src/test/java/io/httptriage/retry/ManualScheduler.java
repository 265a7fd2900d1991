package io.httptriage.retry;

import io.httptriage.contract.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: scheduled tasks wait in a queue until the test runs
 * them, on the test's thread, moving the fake clock by their delay. No thread is ever started.
 */
final class ManualScheduler extends ScheduledThreadPoolExecutor {
  private final ManualClock clock;
  private final Deque<Task> queue = new ArrayDeque<>();
  private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());

  ManualScheduler(ManualClock clock) {
    super(1);
    this.clock = clock;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    long millis = unit.toMillis(delay);
    delays.add(millis);
    Task task = new Task(command, millis);
    queue.add(task);
    return task;
  }

  /** Runs the next scheduled task after moving the clock; false when none is waiting. */
  boolean runNext() {
    Task task;
    synchronized (this) {
      task = queue.poll();
    }
    if (task == null) {
      return false;
    }
    clock.advance(Duration.ofMillis(task.millis));
    task.run();
    return true;
  }

  /** The delays of every task scheduled so far, in milliseconds. */
  List<Long> delays() {
    return delays;
  }

  private static final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
    final long millis;

    Task(Runnable command, long millis) {
      super(command, null);
      this.millis = millis;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }
  }
}
