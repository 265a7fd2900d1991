package io.httptriage.cli;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Prints the meters of a registry as an aligned table: name, tags, value; sorted by name and tags.
 */
final class MeterTable {
  private MeterTable() {}

  static void print(MeterRegistry registry, PrintStream out, Style style, String indent) {
    List<String[]> rows = new ArrayList<>();
    for (Meter m : registry.getMeters()) {
      StringJoiner tags = new StringJoiner(" ");
      for (Tag t : m.getId().getTags()) {
        tags.add(t.getKey() + "=" + t.getValue());
      }
      rows.add(new String[] {m.getId().getName(), tags.toString(), value(m)});
    }
    if (rows.isEmpty()) {
      out.println(indent + style.dim("none"));
      return;
    }
    rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
    int name = rows.stream().mapToInt(r -> Columns.width(r[0])).max().orElse(0);
    int tags = rows.stream().mapToInt(r -> Columns.width(r[1])).max().orElse(0);
    int value = rows.stream().mapToInt(r -> r[2].length()).max().orElse(0);
    for (String[] r : rows) {
      out.println(
          indent
              + Columns.pad(r[0], name + 2)
              + style.dim(Columns.pad(r[1], tags + 2))
              + " ".repeat(value - r[2].length())
              + style.bold(r[2]));
    }
  }

  /**
   * The first measurement (a counter's count), without ".0" when whole. A gauge reads NaN once the
   * object it samples is collected (Micrometer holds it weakly): the demo's clients are by then.
   */
  private static String value(Meter m) {
    for (Measurement measurement : m.measure()) {
      double v = measurement.getValue();
      if (Double.isNaN(v)) {
        return "- (its client is gone)";
      }
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
    return "-";
  }
}
