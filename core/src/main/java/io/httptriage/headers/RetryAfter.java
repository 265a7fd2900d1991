package io.httptriage.headers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parsed value of a Retry-After header field (RFC 9110 §10.2.3): either a number of seconds
 * (delta-seconds) or an HTTP-date ({@link HttpDate}: the three formats a recipient must accept, RFC
 * 9110 §5.6.7, and RFC 1123's own form as servers still send it).
 *
 * <p>{@link #parse(List, Instant)} and {@link #parse(String, Instant)} never throw. A date in the
 * past means "now" (a zero wait). Delta-seconds past 2<sup>31</sup>, however many digits, count as
 * 2<sup>31</sup> seconds (RFC 9111 §1.2.2, which a recipient of this field applies as a cache
 * does): a wait past any cap, so no retry, never "invalid, retry soon". Negative and malformed
 * values give no delay and a {@link #problem()} that says why, so that callers can log it and carry
 * on.
 *
 * <p>Retry-After is a singleton field (RFC 9110 §5.3, §10.2.3). {@link #parse(List, Instant)} reads
 * every field line of a response: identical lines count as one, as RFC 9110 §8.6 lets a recipient
 * do for identical Content-Length values; lines that differ make the field invalid, the
 * conservative reading of §5.3, since nothing says which wait the server meant. An invalid field is
 * ignored as a malformed one is. Both adapters hand core every line, so OkHttp (whose own lookup
 * takes the last line) and the JDK client (the first) decide the same way.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryAfter ra = RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", clock.instant());
 * ra.delay().ifPresent(d -> scheduleRetryIn(d));
 * ra.problem().ifPresent(p -> log.info("ignored Retry-After: {}", p));
 * }</pre>
 */
public final class RetryAfter {
  /** Delta-seconds beyond 2^31 (about 68 years) count as 2^31 (RFC 9111 §1.2.2). */
  static final long MAX_SECONDS = 1L << 31;

  private static final int MAX_LENGTH = 64;

  private static final RetryAfter ABSENT = new RetryAfter(null, null);
  private static final RetryAfter ZERO = new RetryAfter(Duration.ZERO, null);

  private final Duration delay;
  private final String problem;

  private RetryAfter(Duration delay, String problem) {
    this.delay = delay;
    this.problem = problem;
  }

  /** {@return a value for an absent header: no delay, no problem} */
  public static RetryAfter absent() {
    return ABSENT;
  }

  /**
   * Parses the Retry-After field from every one of its field lines.
   *
   * @param values every value of the field, in order, as the response view gives them
   * @param now the current instant, for HTTP-dates
   * @return absent when there is no line; the parse of the value when there is one line or several
   *     identical ones (compared without surrounding whitespace); otherwise a problem
   */
  public static RetryAfter parse(List<String> values, Instant now) {
    if (values.isEmpty()) {
      return ABSENT;
    }
    String first = values.get(0).strip();
    for (int i = 1; i < values.size(); i++) {
      if (!values.get(i).strip().equals(first)) {
        return invalid(
            values.size()
                + " field lines with different values: a singleton field"
                + " must have one value");
      }
    }
    return parse(first, now);
  }

  /**
   * Parses one Retry-After field value.
   *
   * @param value the field value as received; may be empty or any garbage
   * @param now the current instant, for HTTP-dates
   * @return the delay, or a problem explaining why the value was ignored
   */
  public static RetryAfter parse(String value, Instant now) {
    if (value == null) {
      return ABSENT;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return invalid("empty value");
    }
    if (isDigits(v, 0)) {
      return fromSeconds(v);
    }
    if (v.length() > MAX_LENGTH) {
      return invalid("value longer than " + MAX_LENGTH + " characters");
    }
    char first = v.charAt(0);
    if (first == '-' || first == '+') {
      return isDigits(v, 1) ? invalid("negative or signed delay '" + v + "'") : invalid(quoted(v));
    }
    return fromDate(v, now);
  }

  /** {@return the wait the server asked for; empty when absent or ignored} */
  public Optional<Duration> delay() {
    return Optional.ofNullable(delay);
  }

  /** {@return why the value was ignored; empty when it was absent or valid} */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** {@return true when a usable delay was given} */
  public boolean isPresent() {
    return delay != null;
  }

  @Override
  public String toString() {
    if (delay != null) {
      return "RetryAfter[" + delay + "]";
    }
    return problem != null ? "RetryAfter[ignored: " + problem + "]" : "RetryAfter[absent]";
  }

  private static RetryAfter fromSeconds(String digits) {
    // Strip leading zeros so that "000...0001" is not mistaken for an overflow.
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    String significant = digits.substring(i);
    long seconds =
        significant.length() > 10
            ? MAX_SECONDS
            : Math.min(Long.parseLong(significant), MAX_SECONDS);
    return seconds == 0 ? ZERO : new RetryAfter(Duration.ofSeconds(seconds), null);
  }

  private static RetryAfter fromDate(String v, Instant now) {
    Instant when = HttpDate.parse(v, now).orElse(null);
    if (when == null) {
      return invalid(quoted(v));
    }
    if (!when.isAfter(now)) {
      return ZERO;
    }
    return new RetryAfter(Duration.between(now, when), null);
  }

  private static boolean isDigits(String s, int from) {
    if (s.length() <= from) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static RetryAfter invalid(String why) {
    return new RetryAfter(null, why);
  }

  private static String quoted(String v) {
    return "neither delta-seconds nor an HTTP-date: '" + FieldValues.printable(v) + "'";
  }
}
