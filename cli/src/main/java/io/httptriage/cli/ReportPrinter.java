package io.httptriage.cli;

import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.status.StatusRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Prints a {@link ProbeReport} for a reader: the hop chain (method, URL, status, Location), the
 * retry decisions with their waits, the findings with severity and the rule they rest on, and the
 * final verdict with its reasons. Columns are aligned; colour comes from the {@link Style}.
 */
final class ReportPrinter {
  private static final int WIDTH = 100;

  private final PrintStream out;
  private final Style style;

  ReportPrinter(PrintStream out, Style style) {
    this.out = out;
    this.style = style;
  }

  /** Prints the report, each line after {@code indent}. */
  void print(ProbeReport report, String indent) {
    hops(report.hops(), indent);
    retries(report.retries(), indent);
    findings(report, indent);
    verdict(report, indent);
  }

  private void hops(List<Hop> hops, String indent) {
    heading(indent, "hops");
    int method = 0;
    int url = 0;
    for (Hop h : hops) {
      method = Math.max(method, Columns.width(h.method()));
      url = Math.max(url, Columns.width(h.uri().toString()));
    }
    for (int i = 0; i < hops.size(); i++) {
      Hop h = hops.get(i);
      String status = Integer.toString(h.status());
      out.println(
          indent
              + "  "
              + Columns.pad(Integer.toString(i), 3)
              + Columns.pad(h.method(), method + 2)
              + Columns.pad(h.uri().toString(), url + 2)
              + style.status(StatusRegistry.lookup(h.status()).statusClass(), status)
              + h.location().map(l -> "  Location: " + l).orElse(""));
    }
  }

  private void retries(List<AttemptDecided> retries, String indent) {
    heading(indent, "retries");
    if (retries.isEmpty()) {
      out.println(indent + "  " + style.dim("none"));
    }
    for (AttemptDecided e : retries) {
      String outcome = Columns.pad(e.outcome().name(), 29);
      String wait =
          e.waitTime()
              .map(
                  d ->
                      "wait "
                          + duration(d)
                          + e.waitSource().map(s -> " (" + source(s) + ")").orElse(""))
              .orElse("");
      String gate = e.gate().map(g -> "  refused by " + g).orElse("");
      String line =
          indent
              + "  "
              + Columns.pad("attempt " + e.attempt() + "/" + e.maxAttempts(), 13)
              + Columns.pad(e.method() + " " + e.status(), 10)
              + (e.retries() ? style.yellow(outcome) : outcome)
              + wait
              + gate;
      out.println(line.stripTrailing());
      e.target()
          .ifPresent(t -> out.println(indent + "    " + style.dim("hop " + e.hop() + "  " + t)));
    }
  }

  private void findings(ProbeReport report, String indent) {
    heading(indent, "findings");
    if (report.findings().isEmpty()) {
      out.println(indent + "  " + style.dim("none"));
    }
    String hang = indent + " ".repeat(13);
    for (Finding f : report.findings()) {
      String severity = Columns.pad(f.severity().name(), 11);
      out.println(
          indent
              + "  "
              + severity(f.severity(), severity)
              + style.bold(f.kind().name())
              + " at hop "
              + report.hopNumber(f)
              + "  "
              + style.dim(f.spec()));
      for (String line : Columns.wrap(f.explanation(), WIDTH - hang.length())) {
        out.println(hang + line);
      }
    }
  }

  private void verdict(ProbeReport report, String indent) {
    heading(indent, "final");
    Verdict v = report.verdict();
    String kind = v.kind().name();
    out.println(
        indent
            + "  "
            + style.status(v.status().statusClass(), v.status().toString())
            + "  "
            + (v.kind() == Verdict.Kind.ACCEPT
                ? style.green(kind)
                : v.kind() == Verdict.Kind.FAIL ? style.red(kind) : style.yellow(kind))
            + v.refusedBy().map(gate -> "  refused by " + gate).orElse(""));
    report
        .unfinished()
        .ifPresent(
            why -> {
              for (String line :
                  Columns.wrap("no final answer: " + why, WIDTH - indent.length() - 4)) {
                out.println(indent + "    " + style.red(line));
              }
            });
    for (Reason r : v.reasons()) {
      String cited =
          r.spec().isBlank() || r.spec().equals("-")
              ? r.detail()
              : r.detail() + " (" + r.spec() + ")";
      for (String line : Columns.wrap(cited, WIDTH - indent.length() - 4)) {
        out.println(indent + "    " + style.dim(line));
      }
    }
  }

  private void heading(String indent, String name) {
    out.println(indent + style.bold(name));
  }

  private String severity(Finding.Severity s, String text) {
    switch (s) {
      case VIOLATION:
        return style.red(text);
      case SECURITY:
        return style.magenta(text);
      case WARNING:
        return style.yellow(text);
      default:
        return style.dim(text);
    }
  }

  /** {@code 1s}, {@code 1.5s}, {@code 250ms}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return ms % 1000 == 0
        ? ms / 1000 + "s"
        : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
  }

  private static String source(String s) {
    switch (WaitSource.valueOf(s)) {
      case RETRY_AFTER:
        return "Retry-After";
      case RATE_LIMIT:
        return "RateLimit";
      default:
        return "backoff";
    }
  }
}
