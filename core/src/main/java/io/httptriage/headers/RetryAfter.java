package io.httptriage.headers;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed value of a Retry-After header field (RFC 9110 §10.2.3): either a number of seconds
 * (delta-seconds) or an HTTP-date in any of the three formats a recipient must accept (RFC 9110
 * §5.6.7: IMF-fixdate, the obsolete RFC 850 form and asctime).
 *
 * <p>{@link #parse(String, Instant)} never throws. A date in the past means "now" (a zero wait).
 * Negative, malformed and overflowing values give no delay and a {@link #problem()} that says why,
 * so that callers can log it and carry on.
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
  /** Delta-seconds beyond this (about 68 years) are treated as overflow and ignored. */
  static final long MAX_SECONDS = Integer.MAX_VALUE;

  private static final int MAX_LENGTH = 64;

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter ASCTIME =
      new DateTimeFormatterBuilder()
          .appendPattern("EEE MMM")
          .appendLiteral(' ')
          .padNext(2)
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendPattern(" HH:mm:ss uuuu")
          .toFormatter(Locale.US)
          .withZone(ZoneOffset.UTC);

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
   * Parses a Retry-After field value.
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
    if (v.length() > MAX_LENGTH) {
      return invalid("value longer than " + MAX_LENGTH + " characters");
    }
    char first = v.charAt(0);
    if (first == '-' || first == '+') {
      return isDigits(v, 1) ? invalid("negative or signed delay '" + v + "'") : invalid(quoted(v));
    }
    if (isDigits(v, 0)) {
      return fromSeconds(v);
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
    if (significant.length() > 10) {
      return invalid("delay of " + abbreviate(significant) + " seconds overflows");
    }
    long seconds = Long.parseLong(significant);
    if (seconds > MAX_SECONDS) {
      return invalid("delay of " + seconds + " seconds overflows");
    }
    return seconds == 0 ? ZERO : new RetryAfter(Duration.ofSeconds(seconds), null);
  }

  private static RetryAfter fromDate(String v, Instant now) {
    Instant when = parseDate(v, now);
    if (when == null) {
      return invalid(quoted(v));
    }
    if (!when.isAfter(now)) {
      return ZERO;
    }
    return new RetryAfter(Duration.between(now, when), null);
  }

  private static Instant parseDate(String v, Instant now) {
    try {
      return ZonedDateTime.parse(v, IMF_FIXDATE).toInstant();
    } catch (DateTimeException e) {
      // not IMF-fixdate; try the obsolete forms
    }
    try {
      return ZonedDateTime.parse(v, rfc850(now)).toInstant();
    } catch (DateTimeException e) {
      // not RFC 850
    }
    try {
      return ZonedDateTime.parse(v, ASCTIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * RFC 850 dates have a two-digit year; RFC 9110 §5.6.7 says one that appears more than 50 years
   * in the future is in the past century, so the base year is 49 years before now.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    int year = now.atZone(ZoneOffset.UTC).getYear();
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, year - 49)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US)
        .withZone(ZoneOffset.UTC);
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

  private static String abbreviate(String digits) {
    return digits.length() <= 20 ? digits : digits.substring(0, 20) + "...";
  }
}
