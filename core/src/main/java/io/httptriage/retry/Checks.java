package io.httptriage.retry;

import java.time.Duration;

/** The validations the settings builders share; each names the parameter and the bad value. */
final class Checks {
  private static final Duration MAX_DURATION = Duration.ofDays(1);

  private Checks() {}

  static Duration duration(String parameter, Duration value, Duration min) {
    nonNull(parameter, value);
    if (value.compareTo(min) < 0 || value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          parameter + ": must be in " + min + ".." + MAX_DURATION + ", was " + value);
    }
    return value;
  }

  static <T> T nonNull(String parameter, T value) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + ": must not be null");
    }
    return value;
  }

  static int inRange(String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          parameter + ": must be in " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  static double finiteNotNegative(String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          parameter + ": must be a finite number >= 0, was " + value);
    }
    return value;
  }

  static String notBlank(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(parameter + ": must not be blank");
    }
    return value;
  }
}
