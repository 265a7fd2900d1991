package io.httptriage.observe;

import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns what adapters report into metric tag values from a bounded set, so that no input — a
 * made-up status, a retry outcome name built from user data — can grow the number of time series.
 *
 * <ul>
 *   <li>code: the number of a registered or unofficial code; {@code "unknown"} for other codes in
 *       100..599 and {@code "invalid"} outside it (at most about a hundred values);
 *   <li>class: {@code "1xx"} .. {@code "5xx"} or {@code "invalid"};
 *   <li>outcome: an upper-case name of at most 32 letters, digits and underscores; the first
 *       {@value #MAX_OUTCOMES} such names are kept and any other becomes {@code "OTHER"}.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class TagValues {
  static final int MAX_OUTCOMES = 32;
  static final String OTHER = "OTHER";
  private static final int MAX_OUTCOME_LENGTH = 32;

  private final Set<String> outcomes = ConcurrentHashMap.newKeySet();

  static String code(int status) {
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

  static String statusClass(int status) {
    return StatusRegistry.lookup(status).statusClass().label();
  }

  String outcome(String raw) {
    String name = raw.strip().toUpperCase(Locale.ROOT);
    if (!isName(name)) {
      return OTHER;
    }
    if (outcomes.contains(name)) {
      return name;
    }
    synchronized (outcomes) {
      if (outcomes.size() >= MAX_OUTCOMES && !outcomes.contains(name)) {
        return OTHER;
      }
      outcomes.add(name);
      return name;
    }
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || s.length() > MAX_OUTCOME_LENGTH || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
