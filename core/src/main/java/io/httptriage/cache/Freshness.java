package io.httptriage.cache;

import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.FieldValues;
import io.httptriage.headers.HttpDate;
import io.httptriage.policy.Cacheability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The age and the freshness lifetime of a stored response, as a private cache computes them (RFC
 * 9111 §4.2). Every result lies in 0 .. 2<sup>31</sup> seconds: a calculation that would go past
 * counts as 2<sup>31</sup> (§1.2.2), and no clock skew makes an age negative (§4.2.3).
 *
 * <p>Stateless and thread-safe.
 */
final class Freshness {
  static final Duration MAX = Duration.ofSeconds(CacheControl.MAX_SECONDS);

  /** §4.2.2: "a typical setting of this fraction might be 10%". */
  private static final int HEURISTIC_FRACTION = 10;

  private Freshness() {}

  /**
   * The current age (§4.2.3): {@code corrected_initial_age + resident_time}, where the initial age
   * is the larger of the apparent age ({@code response_time - date_value}) and the Age field
   * corrected by the response delay ({@code response_time - request_time}).
   *
   * @param problems collects why a field was ignored (an invalid Age counts as absent)
   */
  static Duration currentAge(
      ResponseView stored,
      Instant requestTime,
      Instant responseTime,
      Instant now,
      List<String> problems) {
    Instant date = date(stored, "Date", responseTime, problems).orElse(responseTime);
    Duration apparentAge = nonNegative(between(date, responseTime));
    Duration responseDelay = nonNegative(between(requestTime, responseTime));
    Duration correctedAgeValue = plus(ageValue(stored, problems), responseDelay);
    Duration correctedInitialAge = max(apparentAge, correctedAgeValue);
    Duration residentTime = nonNegative(between(responseTime, now));
    return plus(correctedInitialAge, residentTime);
  }

  /**
   * The freshness lifetime (§4.2.1) for a private cache, which ignores s-maxage: max-age; else
   * Expires minus Date (the receipt time when Date is absent; an invalid Expires, such as "0", is
   * in the past, §5.3); else, where the policy allows heuristic freshness for the status or the
   * response is marked public, 10% of the time since Last-Modified (§4.2.2; unlike OkHttp, a query
   * in the URI does not prevent it, as RFC 9111 no longer says so); else zero.
   */
  static Duration lifetime(
      ResponseView stored,
      CacheControl cc,
      Instant responseTime,
      Cacheability cacheability,
      List<String> problems) {
    if (cc.isInvalid("max-age")) {
      return Duration.ZERO; // §4.2.1: invalid freshness information is best taken as stale
    }
    if (cc.has("max-age")) {
      return Duration.ofSeconds(cc.seconds("max-age").orElse(0));
    }
    List<String> expiresLines = stored.headers("Expires");
    if (!expiresLines.isEmpty()) {
      Optional<Instant> expires = HttpDate.parse(expiresLines.get(0), responseTime);
      if (expires.isEmpty()) {
        problems.add(
            "Expires '"
                + FieldValues.printable(expiresLines.get(0), 40)
                + "' is no HTTP-date: the response counts as expired (RFC 9111 §5.3)");
        return Duration.ZERO;
      }
      Instant date = date(stored, "Date", responseTime, problems).orElse(responseTime);
      return nonNegative(between(date, expires.get()));
    }
    if (cacheability != Cacheability.HEURISTIC && !cc.has("public")) {
      return Duration.ZERO;
    }
    Optional<Instant> lastModified = date(stored, "Last-Modified", responseTime, problems);
    if (lastModified.isEmpty()) {
      return Duration.ZERO;
    }
    Instant date = date(stored, "Date", responseTime, problems).orElse(responseTime);
    return nonNegative(between(lastModified.get(), date)).dividedBy(HEURISTIC_FRACTION);
  }

  /** The Age field's delta-seconds (§5.1); zero when absent, ignored when invalid. */
  private static Duration ageValue(ResponseView stored, List<String> problems) {
    List<String> lines = stored.headers("Age");
    if (lines.isEmpty()) {
      return Duration.ZERO;
    }
    String v = lines.get(0).strip();
    if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      problems.add("Age '" + FieldValues.printable(v, 40) + "' is not delta-seconds; ignored");
      return Duration.ZERO;
    }
    return v.length() > 10 ? MAX : min(Duration.ofSeconds(Long.parseLong(v)), MAX);
  }

  private static Optional<Instant> date(
      ResponseView stored, String field, Instant now, List<String> problems) {
    List<String> lines = stored.headers(field);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> date = HttpDate.parse(lines.get(0), now);
    if (date.isEmpty()) {
      String problem =
          field
              + " '"
              + FieldValues.printable(lines.get(0), 40)
              + "' is no HTTP-date;"
              + " ignored";
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return date;
  }

  /** {@code to - from}, within ±2^31 seconds. */
  static Duration between(Instant from, Instant to) {
    long seconds;
    try {
      seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
    } catch (ArithmeticException e) {
      return to.isAfter(from) ? MAX : MAX.negated();
    }
    if (seconds >= CacheControl.MAX_SECONDS) {
      return MAX;
    }
    if (seconds <= -CacheControl.MAX_SECONDS) {
      return MAX.negated();
    }
    return Duration.ofSeconds(seconds, (long) to.getNano() - from.getNano());
  }

  /** Both in 0..2^31 s, so the sum cannot overflow; it saturates at 2^31 s. */
  static Duration plus(Duration a, Duration b) {
    return min(a.plus(b), MAX);
  }

  static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : min(d, MAX);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
