package io.httptriage.spring;

import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last findings of the application's clients, newest first, for {@code /actuator/httptriage}: a
 * bounded ring buffer fed as a {@link TriageListener}. The starter tells it every finding of the
 * clients it configures, after the default listener has logged and counted it. The URLs arrive
 * redacted and no header value is kept.
 *
 * <p>Thread-safe: one lock, held for O(1) work per finding and O(capacity) per read.
 *
 * <pre>{@code
 * // with a TriageConfig bean of your own, keep the endpoint's findings:
 * TriageConfig.builder()
 *     .addListener(recentFindings)
 *     .build();
 * }</pre>
 */
public final class RecentFindings implements TriageListener {
  /** The findings kept by {@link #RecentFindings()}. */
  public static final int DEFAULT_CAPACITY = 50;

  /**
   * One finding as it was reported.
   *
   * @param time when it was reported
   * @param client the client's name
   * @param method the method of the caller's request
   * @param target the redacted URL of the caller's request, when it could be read
   * @param finalStatus the status of the response the caller received
   * @param finding what was found, its URLs redacted
   */
  public record Entry(
      Instant time,
      String client,
      String method,
      Optional<String> target,
      int finalStatus,
      Finding finding) {}

  private final int capacity;
  private final Clock clock;
  private final ArrayDeque<Entry> entries;
  private long reported;

  /** Keeps the last {@value #DEFAULT_CAPACITY} findings, timed by the system clock. */
  public RecentFindings() {
    this(DEFAULT_CAPACITY, Clock.systemUTC());
  }

  /**
   * Keeps the last {@code capacity} findings.
   *
   * @param capacity how many findings are kept
   * @param clock the clock that times them
   * @throws IllegalArgumentException when {@code capacity} is not in 1..10000 or {@code clock} is
   *     null
   */
  public RecentFindings(int capacity, Clock clock) {
    if (capacity < 1 || capacity > 10_000) {
      throw new IllegalArgumentException("capacity: must be in 1..10000, was " + capacity);
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock: must not be null");
    }
    this.capacity = capacity;
    this.clock = clock;
    this.entries = new ArrayDeque<>(capacity);
  }

  @Override
  public void findingReported(TriageEvent.FindingReported event) {
    Entry entry =
        new Entry(
            clock.instant(),
            event.client(),
            event.method(),
            event.target(),
            event.finalStatus(),
            event.finding());
    synchronized (entries) {
      if (entries.size() == capacity) {
        entries.removeLast();
      }
      entries.addFirst(entry);
      reported++;
    }
  }

  /** {@return the findings kept, newest first} */
  public List<Entry> recent() {
    synchronized (entries) {
      return new ArrayList<>(entries);
    }
  }

  /** {@return how many findings were reported since the start, those no longer kept included} */
  public long reported() {
    synchronized (entries) {
      return reported;
    }
  }

  /** {@return how many findings are kept} */
  public int capacity() {
    return capacity;
  }
}
