package io.httptriage.cli;

import io.httptriage.retry.RetrySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code probe URL [-X METHOD] [-d DATA] [-H 'Name: value']... [--client okhttp|jdk] [--json]}:
 * sends one request through a client with httptriage installed and redirects followed by the
 * policy table, then prints the hop chain, the retries and their waits, the findings and the
 * verdict.
 *
 * <p>Exit status: 0 when no finding is serious, 1 when one is of severity VIOLATION or SECURITY
 * (a protocol requirement broken, or credentials or transport security put at risk), 2 when the
 * request cannot be made (bad arguments, malformed URL, unreachable server).
 */
record ProbeCommand(PrintStream out, Style style) {
  static final Arguments.Spec SPEC = new Arguments.Spec("probe")
      .value("-X", "--request").value("-d", "--data").repeatable("-H", "--header")
      .value("--client").flag("--json")
      .positionals(1, 1, "a URL, e.g. 'httptriage probe https://example.com/'");

  int run(List<String> args) {
    Arguments a = SPEC.parse(args);
    ProbeRequest request = ProbeRequest.parse(a.positionals().get(0), a.value("-X"), a.value("-d"), a.values("-H"));
    ClientChoice client = a.value("--client").map(ClientChoice::parse).orElse(ClientChoice.OKHTTP);
    ProbeReport report;
    try (Probe probe = Probe.open(client, RetrySettings.builder(), null)) {
      report = probe.send(request);
    } catch (IOException e) {
      throw new CommandFailure("cannot reach " + request.uri() + ": " + describe(e));
    }
    if (a.flag("--json")) {
      out.println(Json.write(report.toJson()));
    } else {
      out.println(style.bold(request.method() + " " + request.uri()) + style.dim("  via " + client.label()
          + ", redirects followed by policy"));
      new ReportPrinter(out, style).print(report, "");
    }
    return report.hasSeriousFinding() ? HttpTriageCli.FINDING : HttpTriageCli.CLEAN;
  }

  private static String describe(IOException e) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    // The JDK client's ConnectException carries no message; its cause usually does.
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message;
      }
    }
    return e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }
}
