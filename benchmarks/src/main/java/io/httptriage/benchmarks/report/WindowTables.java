package io.httptriage.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 429-window tables of {@code RESULTS.md}, from the two TSV files {@code RateLimitWindow}
 * writes: one row per contender for the window, two per contender (one origin limited, none) for
 * the four origins.
 */
final class WindowTables {
  private WindowTables() {}

  /** One contender in the 429 window. */
  record WindowRow(
      String client,
      String contender,
      int callers,
      long windowMillis,
      long inWindow,
      long serverRequests,
      int startedInWindow,
      int okInWindow,
      int startedAfter,
      int okAfter,
      int pastDeadline,
      long longestMillis,
      long wallMillis) {

    double perSecond() {
      return inWindow * 1000.0 / windowMillis;
    }
  }

  /** One contender with four origins, one of them limited or none. */
  record OriginsRow(
      String client,
      String contender,
      boolean oneLimited,
      int healthyCalls,
      int healthyOk,
      long p50Micros,
      long p99Micros,
      long maxMicros,
      int limitedCalls,
      int limitedOk) {}

  static List<WindowRow> parseWindow(List<String> lines) {
    List<WindowRow> rows = new ArrayList<>();
    for (String[] f : fields(lines)) {
      rows.add(
          new WindowRow(
              f[0],
              f[1],
              Integer.parseInt(f[2]),
              Long.parseLong(f[3]),
              Long.parseLong(f[4]),
              Long.parseLong(f[5]),
              Integer.parseInt(f[6]),
              Integer.parseInt(f[7]),
              Integer.parseInt(f[8]),
              Integer.parseInt(f[9]),
              Integer.parseInt(f[10]),
              Long.parseLong(f[11]),
              Long.parseLong(f[12])));
    }
    return rows;
  }

  static List<OriginsRow> parseOrigins(List<String> lines) {
    List<OriginsRow> rows = new ArrayList<>();
    for (String[] f : fields(lines)) {
      rows.add(
          new OriginsRow(
              f[0],
              f[1],
              f[2].equals("yes"),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Long.parseLong(f[5]),
              Long.parseLong(f[6]),
              Long.parseLong(f[7]),
              Integer.parseInt(f[8]),
              Integer.parseInt(f[9])));
    }
    return rows;
  }

  private static List<String[]> fields(List<String> lines) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  /** Both sections, or nothing when the run wrote no window files. */
  static String markdown(Path dir) throws IOException {
    Path window = dir.resolve("window.tsv");
    Path origins = dir.resolve("origins.tsv");
    if (!Files.exists(window)) {
      return "";
    }
    List<OriginsRow> o =
        Files.exists(origins) ? parseOrigins(Files.readAllLines(origins)) : List.of();
    return render(parseWindow(Files.readAllLines(window)), o);
  }

  static String render(List<WindowRow> window, List<OriginsRow> origins) {
    StringBuilder md = new StringBuilder("## 429 window (issue 16)\n\n");
    md.append(
        "| client | contender | requests in window | per second of window | ok, started in window "
            + "| ok, started after | past deadline | longest call | wall time |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (WindowRow r : window) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.1f | %d/%d | %d/%d | %d | %.2f s | %.1f s |%n",
              r.client(),
              r.contender(),
              r.inWindow(),
              r.perSecond(),
              r.okInWindow(),
              r.startedInWindow(),
              r.okAfter(),
              r.startedAfter(),
              r.pastDeadline(),
              r.longestMillis() / 1000.0,
              r.wallMillis() / 1000.0));
    }
    md.append('\n');
    int callers = window.isEmpty() ? 64 : window.get(0).callers();
    long seconds = window.isEmpty() ? 3 : window.get(0).windowMillis() / 1000;
    md.append(
        String.format(
            Locale.ROOT,
            "%d callers share one client. The loopback server answers 429 "
                + "with `Retry-After: 1` for %d s from its first request, then 200. Each caller starts one "
                + "GET, one every 62.5 ms over the window and the second after it, with a deadline of 2 s "
                + "(set on the library where it has a setting: OkHttp's `callTimeout`, Methanol's `timeout`, "
                + "httptriage's `deadline`). \"Requests in window\" is what the server received while "
                + "limiting; \"past deadline\" counts calls that returned later than 2 s after they started. "
                + "Each peer runs on its defaults told to retry 429 and 503 and, where it can, to wait for "
                + "Retry-After (resilience4j through an interval function, Failsafe through a delay "
                + "function, Methanol with `retryAfterOr`). The issue's target for httptriage with its "
                + "cool-down: at most 2 requests per second of window, every call started after the window "
                + "ok, none past its deadline.%n%n",
            callers,
            seconds));
    if (!origins.isEmpty()) {
      md.append("## Four origins, one limited (issue 16)\n\n");
      md.append(
          "| client | contender | limited origin | healthy-origin calls | ok | p50 | p99 | max "
              + "| limited-origin calls ok |\n");
      md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (OriginsRow r : origins) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %d | %d | %s | %s | %s | %d/%d |%n",
                r.client(),
                r.contender(),
                r.oneLimited() ? "one" : "none",
                r.healthyCalls(),
                r.healthyOk(),
                millis(r.p50Micros()),
                millis(r.p99Micros()),
                millis(r.maxMicros()),
                r.limitedOk(),
                r.limitedCalls()));
      }
      md.append('\n');
      md.append(
          "Four loopback servers; 16 of the 64 callers use each, one GET every 50 ms for 3 s, "
              + "on one shared client. Each contender runs twice: with the first origin answering 429 "
              + "as above, and with none limited. A caller held back past the 3 s makes no more calls, "
              + "so a retry layer that delayed the healthy origins would show fewer healthy-origin "
              + "calls; their latencies carry this shared machine's noise.\n\n");
      for (OriginsRow limited : origins) {
        if (!limited.oneLimited()) {
          continue;
        }
        Optional<OriginsRow> none =
            origins.stream()
                .filter(
                    r ->
                        !r.oneLimited()
                            && r.client().equals(limited.client())
                            && r.contender().equals(limited.contender()))
                .findFirst();
        none.ifPresent(
            n ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "- %s, %s: healthy origins %s (%d calls, %d ok, against %d and %d with none limited).%n",
                        limited.client(),
                        limited.contender(),
                        limited.healthyCalls() >= n.healthyCalls()
                                && limited.healthyOk() == limited.healthyCalls()
                            ? "not held back"
                            : "**held back**",
                        limited.healthyCalls(),
                        limited.healthyOk(),
                        n.healthyCalls(),
                        n.healthyOk())));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
