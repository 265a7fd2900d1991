package io.httptriage.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets one line per key through per interval and counts the rest, so that a hot endpoint repeating
 * the same finding cannot flood the log. The count of lines held back is handed to the next line
 * that gets through.
 *
 * <p>Thread-safe. Remembers at most {@code maxKeys} keys, forgetting the least recently seen.
 */
final class LogRateLimiter {
  /** What {@link #admit} returns for a line that is held back. */
  static final int SUPPRESSED = -1;

  private final Clock clock;
  private final long intervalMillis;
  private final Map<String, Window> windows;

  LogRateLimiter(Clock clock, Duration interval, int maxKeys) {
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
    this.windows = new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /**
   * Decides about one line.
   *
   * @return {@link #SUPPRESSED} to hold it back, otherwise how many lines of this key were held
   *     back since the last one that got through
   */
  synchronized int admit(String key) {
    long now = clock.millis();
    Window w = windows.get(key);
    if (w == null) {
      windows.put(key, new Window(now));
      return 0;
    }
    if (now - w.lastLogged < intervalMillis) {
      w.suppressed++;
      return SUPPRESSED;
    }
    int held = w.suppressed;
    w.lastLogged = now;
    w.suppressed = 0;
    return held;
  }

  /** The state of one key. */
  private static final class Window {
    long lastLogged;
    int suppressed;

    Window(long lastLogged) {
      this.lastLogged = lastLogged;
    }
  }
}
