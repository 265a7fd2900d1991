package io.httptriage.headers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a remaining-count / reset pair of fields: the {@code RateLimit-Remaining} / {@code
 * RateLimit-Reset} pair of earlier draft revisions and the unregistered {@code
 * X-RateLimit-Remaining} / {@code X-RateLimit-Reset} pair, into a {@link RateLimit}. Never throws.
 */
final class LegacyPair {
  private LegacyPair() {}

  /**
   * The pair from every field line of each; lines that differ make that field ignored.
   *
   * @param remaining every value of {@code RateLimit-Remaining}
   * @param reset every value of {@code RateLimit-Reset}
   * @return absent when either field is absent
   */
  static RateLimit parse(List<String> remaining, List<String> reset) {
    if (remaining.isEmpty() || reset.isEmpty()) {
      return RateLimit.ABSENT;
    }
    String r = single(remaining);
    String t = single(reset);
    if (r == null || t == null) {
      return new RateLimit(
          List.of(),
          List.of(),
          List.of(
              new RateLimit.Problem(
                  r == null ? RateLimit.LEGACY_REMAINING_FIELD : RateLimit.LEGACY_RESET_FIELD,
                  "field lines with different values: a singleton field must have one value")));
    }
    return parse(RateLimit.LEGACY_REMAINING_FIELD, r, RateLimit.LEGACY_RESET_FIELD, t, null);
  }

  /** The value when every line holds it (compared without surrounding whitespace); else null. */
  private static @Nullable String single(List<String> values) {
    String first = values.get(0).strip();
    for (int i = 1; i < values.size(); i++) {
      if (!values.get(i).strip().equals(first)) {
        return null;
      }
    }
    return first;
  }

  /**
   * One pair of values: a remaining count and a reset, epoch or delta seconds.
   *
   * @param remainingField the remaining field's name, for a problem
   * @param remaining its value
   * @param resetField the reset field's name, for a problem
   * @param reset its value
   * @param now the current instant, or null when an epoch reset cannot be read
   * @return the limit, or a problem saying why the pair was ignored
   */
  static RateLimit parse(
      String remainingField,
      String remaining,
      String resetField,
      String reset,
      @Nullable Instant now) {
    long r = ResetValue.wholePart(remaining);
    if (r < 0) {
      return problem(remainingField, remaining, "not a non-negative number");
    }
    Duration t = ResetValue.waitUntil(reset, now);
    if (t == null) {
      return problem(
          resetField,
          reset,
          ResetValue.isEpoch(reset)
              ? "epoch seconds, which need the current time"
              : "not a non-negative number");
    }
    return new RateLimit(
        List.of(new RateLimit.ServiceLimit("", r, Optional.of(t))), List.of(), List.of());
  }

  private static RateLimit problem(String field, String value, String why) {
    return new RateLimit(
        List.of(),
        List.of(),
        List.of(
            new RateLimit.Problem(field, why + ": '" + FieldValues.printable(value, 80) + "'")));
  }
}
