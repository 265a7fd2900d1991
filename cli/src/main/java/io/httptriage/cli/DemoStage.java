package io.httptriage.cli;

import io.httptriage.retry.RetrySettings;
import io.httptriage.retry.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What a demo scenario plays on: the client under demonstration, two local servers of different
 * origins, the registry the client counts into, and the output. Retry waits are shortened so the
 * demo takes seconds; the reports still show the wait each response asked for.
 *
 * @param client the client under demonstration
 * @param home the server each scenario starts on
 * @param away a server of another origin
 * @param meters the registry the client counts into
 * @param out where the scenario prints
 * @param style colour or plain
 */
record DemoStage(
    ClientChoice client,
    DemoServer home,
    DemoServer away,
    MeterRegistry meters,
    PrintStream out,
    Style style) {
  /** Retry waits are slept for a tenth of their length, at most this long. */
  static final Duration LONGEST_SLEEP = Duration.ofMillis(150);

  private static final Sleeper SHORTENED =
      d -> Thread.sleep(Math.min(d.toMillis() / 10, LONGEST_SLEEP.toMillis()));

  /**
   * A client of the stage's kind, counting into its registry, with these changes to the retry
   * defaults.
   */
  Probe probe(UnaryOperator<RetrySettings.Builder> retry) {
    return Probe.open(client, retry.apply(RetrySettings.builder().sleeper(SHORTENED)), meters);
  }

  /** A client with the default retry settings. */
  Probe probe() {
    return probe(UnaryOperator.identity());
  }

  void print(ProbeReport report) {
    new ReportPrinter(out, style).print(report, "   ");
  }

  /** A line of commentary under the scenario. */
  void note(String text) {
    for (String line : Columns.wrap(text, 96)) {
      out.println("   " + style.cyan(line));
    }
  }
}
