package io.httptriage.listener;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds back log lines of one key (an origin and a kind of finding) only past a rate nobody can
 * read: more than {@code maxPerSecond} lines of that key within one second. Every line below that
 * rate gets through, the first one of each key always.
 *
 * <p>What it holds back is counted and said: the next line of the key that gets through carries the
 * count ({@link #admit}), and once the second is over without such a line, or when the key is
 * forgotten, the count is handed out for a summary line ({@link #takeHeldBack}).
 *
 * <p>Thread-safe. Remembers at most {@code maxKeys} keys, forgetting the least recently seen, so
 * its memory is bounded whatever the traffic.
 *
 * @param <K> the key; equal keys share one rate
 */
final class LogStormGuard<K> {
  /** What {@link #admit} returns for a line that is held back. */
  static final int HELD = -1;

  private static final long WINDOW_MILLIS = 1000;

  /** Lines of one key that were held back and not yet reported. */
  record HeldBack<K>(K key, int count) {}

  private final Clock clock;
  private final int maxPerSecond;
  private final Map<K, Window> windows;

  /** The keys with lines held back and not yet reported, in the order they started holding. */
  private final Map<K, Window> holding = new LinkedHashMap<>();

  private final List<HeldBack<K>> forgotten = new ArrayList<>(2);

  LogStormGuard(Clock clock, int maxPerSecond, int maxKeys) {
    this.clock = clock;
    this.maxPerSecond = maxPerSecond;
    this.windows =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Window> eldest) {
            if (size() <= maxKeys) {
              return false;
            }
            // A forgotten key must not take its count with it.
            if (eldest.getValue().held > 0) {
              holding.remove(eldest.getKey());
              forgotten.add(new HeldBack<>(eldest.getKey(), eldest.getValue().held));
            }
            return true;
          }
        };
  }

  /**
   * Decides about one line of {@code key}.
   *
   * @return {@link #HELD} to hold it back, otherwise how many lines of this key were held back
   *     since the last one that got through (and were not reported by {@link #takeHeldBack})
   */
  synchronized int admit(K key) {
    long now = clock.millis();
    Window w = windows.get(key);
    if (w == null) {
      windows.put(key, new Window(now));
      return 0;
    }
    if (now - w.start >= WINDOW_MILLIS || now < w.start) {
      w.start = now;
      w.lines = 0;
    }
    if (w.lines >= maxPerSecond) {
      if (w.held++ == 0) {
        holding.put(key, w);
      }
      return HELD;
    }
    w.lines++;
    int held = w.held;
    if (held > 0) {
      w.held = 0;
      holding.remove(key);
    }
    return held;
  }

  /**
   * The counts to report in summary lines: of keys whose second is over with lines held back and no
   * line let through since, and of keys forgotten while holding lines. Each count is handed out
   * once.
   */
  synchronized List<HeldBack<K>> takeHeldBack() {
    if (holding.isEmpty() && forgotten.isEmpty()) {
      return List.of();
    }
    long now = clock.millis();
    List<HeldBack<K>> out = new ArrayList<>(forgotten);
    forgotten.clear();
    for (Iterator<Map.Entry<K, Window>> it = holding.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<K, Window> e = it.next();
      Window w = e.getValue();
      if (now - w.start >= WINDOW_MILLIS || now < w.start) {
        out.add(new HeldBack<>(e.getKey(), w.held));
        w.held = 0;
        it.remove();
      }
    }
    return out;
  }

  /** How many keys are remembered; for tests of the bound. */
  synchronized int size() {
    return windows.size();
  }

  /** The state of one key: the start of its current second, lines let through, lines held. */
  private static final class Window {
    long start;
    int lines = 1;
    int held;

    Window(long start) {
      this.start = start;
    }
  }
}
