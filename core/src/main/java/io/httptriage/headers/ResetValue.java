package io.httptriage.headers;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of the legacy rate-limit pairs ({@code X-RateLimit-Remaining} / {@code
 * X-RateLimit-Reset} and the un-prefixed {@code RateLimit-*} pair of early drafts), which no
 * specification defines. Servers disagree on the reset: GitHub, GitLab, Twitch and Discord send the
 * instant of the reset in epoch seconds (Discord with a fraction, {@code 1470173023.123}); Reddit,
 * Zendesk and the early ratelimit drafts send the seconds left ({@code 545}). The two are told
 * apart by magnitude: a value of {@value #EPOCH_THRESHOLD} or more (2001-09-09T01:46:40Z as an
 * instant, 31 years as a delay) is an instant, anything smaller a delay. No rate limit window lasts
 * 31 years, and no server's clock reads 2001.
 *
 * <p>Stateless and thread-safe; never throws.
 */
final class ResetValue {
  /** Reset values from here up are epoch seconds, below it delta seconds. */
  static final long EPOCH_THRESHOLD = 1_000_000_000L;

  /** Digits before the decimal point: up to 15 keep every value inside Duration and Instant. */
  private static final int MAX_INTEGER_DIGITS = 15;

  private static final int MAX_FRACTION_DIGITS = 9;

  private ResetValue() {}

  /**
   * The whole part of a non-negative decimal number ({@code "598.0"} is 598, as Reddit sends its
   * remaining quota), or -1 when the value is not 1 to 15 digits with an optional fraction of 1 to
   * 9 digits; surrounding whitespace is allowed.
   */
  static long wholePart(String value) {
    String v = value.strip();
    int dot = v.indexOf('.');
    String whole = dot < 0 ? v : v.substring(0, dot);
    if (!digits(whole, MAX_INTEGER_DIGITS)
        || (dot >= 0 && !digits(v.substring(dot + 1), MAX_FRACTION_DIGITS))) {
      return -1;
    }
    return Long.parseLong(whole);
  }

  /**
   * The wait a reset value asks for, or null when it is malformed or, with no {@code now} to
   * measure from, an epoch instant. An instant already past is a zero wait.
   *
   * @param value the field value as received
   * @param now the current instant; null when the caller has none, which makes epoch values
   *     unreadable
   */
  static @Nullable Duration waitUntil(String value, @Nullable Instant now) {
    long seconds = wholePart(value);
    if (seconds < 0) {
      return null;
    }
    String v = value.strip();
    int dot = v.indexOf('.');
    int nanos = dot < 0 ? 0 : nanos(v.substring(dot + 1));
    if (seconds < EPOCH_THRESHOLD) {
      return Duration.ofSeconds(seconds, nanos);
    }
    if (now == null) {
      return null;
    }
    Duration wait = Duration.between(now, Instant.ofEpochSecond(seconds, nanos));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** True for an epoch-seconds reset value, whatever its validity otherwise. */
  static boolean isEpoch(String value) {
    return wholePart(value) >= EPOCH_THRESHOLD;
  }

  private static boolean digits(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A fraction of 1 to 9 digits as nanoseconds: "123" is 123,000,000. */
  private static int nanos(String fraction) {
    int n = Integer.parseInt(fraction);
    for (int i = fraction.length(); i < MAX_FRACTION_DIGITS; i++) {
      n *= 10;
    }
    return n;
  }
}
