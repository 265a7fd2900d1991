package io.httptriage.listener;

import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;

/**
 * Turns what adapters report into metric tag values from a bounded set, so that no input — a
 * made-up status — can grow the number of time series.
 *
 * <ul>
 *   <li>code: the number of a registered or unofficial code; {@code "unknown"} for other codes in
 *       100..599 and {@code "invalid"} outside it (at most about a hundred values);
 *   <li>class: {@code "1xx"} .. {@code "5xx"} or {@code "invalid"}.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class TagValues {
  private TagValues() {}

  /**
   * {@return the code tag of a status}
   *
   * @param status any int
   */
  public static String code(int status) {
    StatusCode sc = StatusRegistry.lookup(status);
    switch (sc.standing()) {
      case UNKNOWN:
        return "unknown";
      case INVALID:
        return "invalid";
      default:
        return Integer.toString(status);
    }
  }

  /**
   * {@return the class tag of a status}
   *
   * @param status any int
   */
  public static String statusClass(int status) {
    return StatusRegistry.lookup(status).statusClass().label();
  }
}
