package io.httptriage.headers;

import java.time.DateTimeException;
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
 * An HTTP-date (RFC 9110 §5.6.7) in any of the three formats a recipient must accept: IMF-fixdate
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form ({@code Sunday, 06-Nov-94
 * 08:49:37 GMT}) and asctime ({@code Sun Nov 6 08:49:37 1994}); and, as real servers still send it,
 * RFC 1123's own form with a one-digit day or a numeric zone ({@code Sun, 6 Nov 1994 08:49:37
 * +0000}). The fields Date, Expires and Last-Modified carry one.
 *
 * <p>Stateless and thread-safe. {@link #parse(String, Instant)} never throws.
 *
 * <pre>{@code
 * Optional<Instant> expires = HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT", clock.instant());
 * }</pre>
 */
public final class HttpDate {
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

  private HttpDate() {}

  /**
   * {@return the instant the date names; empty when the value is no HTTP-date}
   *
   * @param value the field value as received, surrounding whitespace allowed; any garbage
   * @param now the current instant: an RFC 850 date's two-digit year is read as the year at most 50
   *     years after it (RFC 9110 §5.6.7)
   */
  public static Optional<Instant> parse(String value, Instant now) {
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, IMF_FIXDATE).toInstant());
    } catch (DateTimeException e) {
      // not IMF-fixdate; try the obsolete forms
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, rfc850(now)).toInstant());
    } catch (DateTimeException e) {
      // not RFC 850
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, ASCTIME).toInstant());
    } catch (DateTimeException e) {
      // not asctime
    }
    try {
      // RFC 1123 as servers still send it: a one-digit day, or a numeric zone ("+0000")
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
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
}
