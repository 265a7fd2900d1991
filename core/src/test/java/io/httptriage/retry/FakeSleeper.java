package io.httptriage.retry;

import io.httptriage.contract.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records each wait and moves the fake clock by it; takes no wall time. */
final class FakeSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final List<String> timeline;

  FakeSleeper(ManualClock clock, List<String> timeline) {
    this.clock = clock;
    this.timeline = timeline;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    timeline.add("sleep " + duration.toMillis());
    clock.advance(duration);
  }

  List<Duration> waits() {
    return waits;
  }
}
