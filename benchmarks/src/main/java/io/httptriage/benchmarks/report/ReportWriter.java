package io.httptriage.benchmarks.report;

import static io.httptriage.benchmarks.report.Figures.bytes;
import static io.httptriage.benchmarks.report.Figures.err;
import static io.httptriage.benchmarks.report.Figures.ns;
import static io.httptriage.benchmarks.report.Figures.percent;
import static io.httptriage.benchmarks.report.Figures.ratio;
import static io.httptriage.benchmarks.report.Figures.signed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code RESULTS.md} from parsed results: the targets of issue 8 with what was measured,
 * then one table per group with each contender's time and bytes next to the bare client's.
 */
final class ReportWriter {
  static final List<String> OKHTTP =
      List.of(
          "bare",
          "noop",
          "httptriage",
          "httptriage_interceptor",
          "httptriage_interceptor_no_resend",
          "failsafe",
          "resilience4j");
  static final List<String> JDK = List.of("bare", "httptriage", "methanol", "methanol_retry");
  private static final Map<String, String> NAMES =
      Map.of(
          "bare", "bare client",
          "noop", "+ no-op interceptor (OkHttp's price for any interceptor)",
          "httptriage", "+ httptriage (install: interceptor + network hop recorder)",
          "httptriage_interceptor", "+ httptriage (addInterceptor(create()) alone)",
          "httptriage_interceptor_no_resend",
              "+ httptriage (create() alone, client built with retryOnConnectionFailure(false))",
          "failsafe", "+ failsafe-okhttp",
          "resilience4j", "+ resilience4j Retry (hand-wired)",
          "methanol", "Methanol (no interceptor)",
          "methanol_retry", "Methanol + RetryInterceptor");

  static final String YES = "yes";
  static final String NO = "**no**";
  static final String UNRESOLVED = "unresolved (difference within the noise)";

  private final List<JmhResult> jmh;
  private final List<StormRow> storm;
  private final StringBuilder out = new StringBuilder();

  ReportWriter(List<JmhResult> jmh, List<StormRow> storm) {
    this.jmh = jmh;
    this.storm = storm;
  }

  /** The target table: one line per target, met or missed, with the figures behind it. */
  String targets() {
    out.setLength(0);
    line("| target | measured | met |");
    line("| --- | --- | --- |");
    Optional<JmhResult> known = find("ClassificationBenchmark.knownCodeLookupAndPolicy");
    known.ifPresentOrElse(
        r -> {
          target(
              "Classification: known code ≤ 2 ns",
              ns(r.score()) + " ns" + err(r.scoreError()),
              atMost(r.score(), r.scoreError(), 2.0));
          target(
              "Classification: known code 0 B/op",
              bytes(r.bytes()) + " B",
              r.bytes() < 0.5 ? YES : NO);
        },
        () -> missing("Classification"));

    Map<String, JmhResult> canned =
        group("OkHttpBenchmark.call", "transport", "canned", "contender");
    if (canned.containsKey("bare") && canned.containsKey("httptriage")) {
      JmhResult bare = canned.get("bare");
      JmhResult ours = canned.get("httptriage");
      double dt = ours.score() - bare.score();
      bytesOverBare("OkHttp canned", bare, ours, 128);
      target(
          "OkHttp canned: httptriage ≤ +60 ns over bare",
          signed(dt) + " ns" + err(timeError(ours, bare)),
          atMost(dt, timeError(ours, bare), 60));
      belowPeers("OkHttp canned", canned, List.of("failsafe", "resilience4j"));
      JmhResult lean = canned.get("httptriage_interceptor_no_resend");
      if (lean != null) {
        bytesOverBare("OkHttp canned, interceptor alone, client without resends", bare, lean, 128);
      }
      JmhResult resending = canned.get("httptriage_interceptor");
      if (resending != null && lean != null) {
        target(
            "(reference, no target) interceptor alone on a client that resends by itself",
            signed(resending.bytes() - lean.bytes())
                + " B over the same client without resends: the chain copy that switches them off",
            "—");
      }
      JmhResult noop = canned.get("noop");
      if (noop != null) {
        StringBuilder own =
            new StringBuilder(
                "no-op interceptor "
                    + signed(noop.bytes() - bare.bytes())
                    + " B over bare; over it: httptriage "
                    + signed(ours.bytes() - noop.bytes())
                    + " B");
        JmhResult r4j = canned.get("resilience4j");
        if (r4j != null) {
          own.append(", resilience4j ").append(signed(r4j.bytes() - noop.bytes())).append(" B");
        }
        target("(reference, no target) OkHttp's own price for an interceptor", own.toString(), "—");
      }
    } else {
      missing("OkHttp canned");
    }
    Map<String, JmhResult> loop =
        group("OkHttpBenchmark.call", "transport", "loopback", "contender");
    if (loop.containsKey("bare") && loop.containsKey("httptriage")) {
      bytesOverBare("OkHttp loopback", loop.get("bare"), loop.get("httptriage"), 128);
    } else {
      missing("OkHttp loopback");
    }
    Map<String, JmhResult> jdk = group("JdkHttpClientBenchmark.send", null, null, "client");
    if (jdk.containsKey("bare") && jdk.containsKey("httptriage")) {
      JmhResult ours = jdk.get("httptriage");
      bytesOverBare("JDK", jdk.get("bare"), ours, 256);
      for (String methanol : List.of("methanol", "methanol_retry")) {
        JmhResult m = jdk.get(methanol);
        if (m != null) {
          target(
              "JDK: httptriage below " + NAMES.get(methanol) + " in bytes",
              bytes(ours.bytes()) + " B vs " + bytes(m.bytes()) + " B",
              atMost(ours.bytes() - m.bytes(), bytesError(ours, m), 0));
        }
      }
    } else {
      target(
          "JDK: httptriage ≤ +256 B over bare, below Methanol",
          "not measured: the JDK adapter is not in this build",
          NO);
    }
    for (String answer : List.of("ok", "retried")) {
      Map<String, JmhResult> opts = group("CallOptionsBenchmark.call", "answer", answer, "options");
      JmhResult none = opts.get("none");
      for (String kind : List.of("attempts", "rule")) {
        JmhResult with = opts.get(kind);
        if (none != null && with != null) {
          double db = with.bytes() - none.bytes();
          double e = bytesError(with, none);
          target(
              "Call options (" + kind + "), " + answer + ": ≤ one small object (+32 B) over none",
              signed(db) + " B" + err(e),
              atMost(db, e, 32));
        }
      }
    }
    for (String client : List.of("OkHttp", "JDK HttpClient")) {
      Optional<StormRow> outage = stormRow("outage", client, "httptriage");
      Optional<StormRow> flaky = stormRow("flaky", client, "httptriage");
      if (outage.isEmpty() && flaky.isEmpty()) {
        target(
            "Storm on " + client + ": httptriage",
            "not measured"
                + (client.startsWith("JDK") ? ": the JDK adapter is not in this build" : ""),
            NO);
        continue;
      }
      outage.ifPresent(
          r ->
              target(
                  "Storm on " + client + ", outage: ≤ 1.10 requests per logical request",
                  ratio(r.amplification()),
                  r.amplification() <= 1.10 + 1e-9 ? YES : NO));
      flaky.ifPresent(
          r ->
              target(
                  "Storm on " + client + ", flaky: ≥ 99% success and ≤ 1.3×",
                  percent(r.successRate()) + ", " + ratio(r.amplification()),
                  r.successRate() >= 0.99 && r.amplification() <= 1.3 ? YES : NO));
    }
    return out.toString();
  }

  private void bytesOverBare(String group, JmhResult bare, JmhResult ours, double limit) {
    double db = ours.bytes() - bare.bytes();
    double e = bytesError(ours, bare);
    target(
        group + ": httptriage ≤ +" + (int) limit + " B over bare",
        signed(db) + " B" + err(e),
        atMost(db, e, limit));
  }

  /** httptriage's cost over bare against each peer's, in bytes and in time. */
  private void belowPeers(String group, Map<String, JmhResult> rows, List<String> peers) {
    JmhResult bare = rows.get("bare");
    JmhResult ours = rows.get("httptriage");
    StringBuilder inBytes =
        new StringBuilder("httptriage " + signed(ours.bytes() - bare.bytes()) + " B;");
    StringBuilder inTime =
        new StringBuilder("httptriage " + signed(ours.score() - bare.score()) + " ns;");
    String bytesVerdict = YES;
    String timeVerdict = YES;
    for (String peer : peers) {
      JmhResult p = rows.get(peer);
      if (p == null) {
        continue;
      }
      inBytes
          .append(' ')
          .append(peer)
          .append(' ')
          .append(signed(p.bytes() - bare.bytes()))
          .append(" B");
      inTime
          .append(' ')
          .append(peer)
          .append(' ')
          .append(signed(p.score() - bare.score()))
          .append(" ns");
      bytesVerdict = worse(bytesVerdict, below(ours.bytes() - p.bytes(), bytesError(ours, p)));
      timeVerdict = worse(timeVerdict, atMost(ours.score() - p.score(), timeError(ours, p), 0));
    }
    target(group + ": httptriage below every peer in bytes", inBytes.toString(), bytesVerdict);
    target(group + ": httptriage below every peer in time", inTime.toString(), timeVerdict);
  }

  /**
   * Whether {@code value ≤ limit}, given the half-width {@code error} of its interval: met when the
   * whole interval is at or under the limit, missed when it is all above, otherwise unresolved.
   */
  static String atMost(double value, double error, double limit) {
    double e = Double.isNaN(error) ? 0 : error;
    if (value + e <= limit) {
      return YES;
    }
    return value - e > limit ? NO : UNRESOLVED;
  }

  /**
   * Whether a difference in bytes is below zero. Allocation per call is exact to a fraction of a
   * byte on the canned chain, so there a tie is a tie and not "below"; a wider interval (loopback)
   * is judged like a time.
   */
  static String below(double difference, double error) {
    if (Double.isNaN(error) || error < 1) {
      return difference <= -1 ? YES : NO;
    }
    return atMost(difference, error, 0);
  }

  private static String worse(String a, String b) {
    if (a.equals(NO) || b.equals(NO)) {
      return NO;
    }
    return a.equals(UNRESOLVED) || b.equals(UNRESOLVED) ? UNRESOLVED : YES;
  }

  /** The classification table. */
  String classification() {
    out.setLength(0);
    line("| benchmark | ns/op | B/op |");
    line("| --- | ---: | ---: |");
    for (JmhResult r : jmh) {
      if (r.shortName().startsWith("ClassificationBenchmark.")) {
        line(
            "| "
                + r.shortName().substring("ClassificationBenchmark.".length())
                + " | "
                + ns(r.score())
                + err(r.scoreError())
                + " | "
                + bytes(r.bytes())
                + " |");
      }
    }
    return out.toString();
  }

  /** A contender table for one group, with deltas and ratios to the bare client. */
  String contenders(
      String benchmark,
      String fixedParam,
      String fixedValue,
      String contenderParam,
      List<String> order) {
    out.setLength(0);
    Map<String, JmhResult> rows = group(benchmark, fixedParam, fixedValue, contenderParam);
    JmhResult bare = rows.get("bare");
    line("| contender | ns/op | Δ ns vs bare | × bare (time) | B/op | Δ B vs bare |");
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (String name : order) {
      JmhResult r = rows.get(name);
      if (r == null) {
        line("| " + NAMES.get(name) + " | not measured | | | | |");
        continue;
      }
      boolean isBare = name.equals("bare");
      line(
          "| "
              + NAMES.get(name)
              + " | "
              + ns(r.score())
              + err(r.scoreError())
              + " | "
              + (isBare || bare == null
                  ? ""
                  : signed(r.score() - bare.score()) + err(timeError(r, bare)))
              + " | "
              + (bare == null ? "" : ratio(r.score() / bare.score()))
              + " | "
              + bytes(r.bytes())
              + err(r.bytesError())
              + " | "
              + (isBare || bare == null ? "" : signed(r.bytes() - bare.bytes()))
              + " |");
    }
    return out.toString();
  }

  /** The storm table. */
  String storm() {
    out.setLength(0);
    line(
        "| scenario | client | contender | logical requests | server requests | per logical request | success | wall time |");
    line("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (StormRow r : storm) {
      line(
          "| "
              + r.scenario()
              + " | "
              + r.client()
              + " | "
              + r.contender()
              + " | "
              + r.logical()
              + " | "
              + r.serverRequests()
              + " | "
              + ratio(r.amplification())
              + " | "
              + percent(r.successRate())
              + " | "
              + String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0)
              + " |");
    }
    return out.toString();
  }

  private Optional<StormRow> stormRow(String scenario, String client, String contender) {
    return storm.stream()
        .filter(
            r ->
                r.scenario().equals(scenario)
                    && r.client().equals(client)
                    && r.contender().equals(contender))
        .findFirst();
  }

  private Optional<JmhResult> find(String shortName) {
    return jmh.stream().filter(r -> r.shortName().equals(shortName)).findFirst();
  }

  /** The results of one benchmark, by the value of {@code contenderParam}. */
  private Map<String, JmhResult> group(
      String shortName, String fixedParam, String fixedValue, String contenderParam) {
    Map<String, JmhResult> rows = new LinkedHashMap<>();
    for (JmhResult r : jmh) {
      if (r.shortName().equals(shortName)
          && (fixedParam == null || r.param(fixedParam).equals(fixedValue))) {
        rows.put(r.param(contenderParam), r);
      }
    }
    return rows;
  }

  private void target(String what, String measured, String verdict) {
    line("| " + what + " | " + measured + " | " + verdict + " |");
  }

  private void missing(String group) {
    line("| " + group + " | not measured | **no** |");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  /** The half-width of the interval of a difference in time: the two half-widths combined. */
  private static double timeError(JmhResult a, JmhResult b) {
    return Math.hypot(a.scoreError(), b.scoreError());
  }

  private static double bytesError(JmhResult a, JmhResult b) {
    return Math.hypot(a.bytesError(), b.bytesError());
  }
}
