package io.httptriage.benchmarks.report;

import java.util.Locale;

/**
 * How the report prints a figure: nanoseconds, bytes, signed differences, intervals, ratios and
 * percentages, always in {@link Locale#ROOT} and "n/a" where JMH gave no number.
 */
final class Figures {

  private Figures() {}

  static String ns(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v < 10
        ? String.format(Locale.ROOT, "%.2f", v)
        : v < 1000 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String bytes(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String signed(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    String s =
        Math.abs(v) < 10
            ? String.format(Locale.ROOT, "%.1f", Math.abs(v))
            : String.format(Locale.ROOT, "%,.0f", Math.abs(v));
    return (v < 0 ? "−" : "+") + s;
  }

  /** " ± e", or nothing when JMH could not compute an interval. */
  static String err(double e) {
    if (Double.isNaN(e) || Double.isInfinite(e)) {
      return "";
    }
    return " ± "
        + (e < 10 ? String.format(Locale.ROOT, "%.2f", e) : String.format(Locale.ROOT, "%,.0f", e));
  }

  static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f×", v);
  }

  static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
