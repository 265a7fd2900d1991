package io.httptriage.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** One row of the storm simulation's TSV output. */
record StormRow(
    String scenario,
    String client,
    String contender,
    long logical,
    long serverRequests,
    long successes,
    long millis) {

  double amplification() {
    return serverRequests / (double) logical;
  }

  double successRate() {
    return successes / (double) logical;
  }

  /** The rows of a TSV whose first line is the header. */
  static List<StormRow> parse(List<String> lines) {
    List<StormRow> rows = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(
          new StormRow(
              f[0],
              f[1],
              f[2],
              Long.parseLong(f[3]),
              Long.parseLong(f[4]),
              Long.parseLong(f[5]),
              Long.parseLong(f[6])));
    }
    return rows;
  }
}
