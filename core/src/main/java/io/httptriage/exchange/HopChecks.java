package io.httptriage.exchange;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The checks a {@link Hop} and its builder share, so both refuse the same values the same way. */
final class HopChecks {

  private HopChecks() {}

  /**
   * Freezes header names into a case-insensitive set (RFC 9110 §5.1).
   *
   * @param names the names as given
   * @return an unmodifiable set that compares names ignoring case
   */
  static Set<String> headerNames(Collection<String> names) {
    if (names == null) {
      throw new IllegalArgumentException("headerNames: must not be null");
    }
    SortedSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("headerNames: blank or null name");
      }
      set.add(name);
    }
    return Collections.unmodifiableSortedSet(set);
  }

  /**
   * Refuses a missing or negative cache age.
   *
   * @param cacheAge the stored response's age, or empty when the network answered
   */
  static void cacheAge(Optional<Duration> cacheAge) {
    if (cacheAge == null || cacheAge.filter(Duration::isNegative).isPresent()) {
      throw new IllegalArgumentException(
          "cacheAge: must be empty or not negative, was " + cacheAge);
    }
  }
}
