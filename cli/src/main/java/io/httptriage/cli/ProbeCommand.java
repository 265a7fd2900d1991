package io.httptriage.cli;

import io.httptriage.retry.RetrySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code probe URL [-X METHOD] [-d DATA] [-H 'Name: value']... [--client okhttp|jdk] [--json]}:
 * sends one request through a client with httptriage installed and redirects followed by the policy
 * table, then prints the hop chain, the retries and their waits, the findings and the verdict.
 *
 * <p>Exit status: 0 when no finding is serious; 1 when one is of severity VIOLATION or SECURITY (a
 * protocol requirement broken, or credentials or transport security put at risk); 3 when the chain
 * never reached a final answer, which wins over 1; 2 when the request cannot be made (bad
 * arguments, malformed URL, unreachable server).
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Send one request with httptriage installed and redirects followed by policy;",
      "print the hops, retries, findings and the final verdict."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      HttpTriageCli.CLEAN + ":no serious finding",
      HttpTriageCli.FINDING + ":a finding of severity VIOLATION or SECURITY",
      HttpTriageCli.FAILURE + ":usage error, malformed URL, or the server could not be reached",
      HttpTriageCli.UNFINISHED
          + ":the redirect chain never reached a final answer (loop, too many hops, cut short)"
    })
final class ProbeCommand implements Callable<Integer> {
  @ParentCommand private HttpTriageCli cli;

  @Parameters(paramLabel = "URL", description = "an absolute http or https URL")
  private String url = "";

  @Option(
      names = {"-X", "--request"},
      paramLabel = "METHOD",
      description = "the request method (default: GET, or POST with -d)")
  private Optional<String> method = Optional.empty();

  @Option(
      names = {"-d", "--data"},
      paramLabel = "DATA",
      description =
          "send DATA as the body, as application/x-www-form-urlencoded unless -H sets a Content-Type")
  private Optional<String> data = Optional.empty();

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'Name: value'",
      description = "add a header field; repeatable")
  private List<String> headers = new ArrayList<>();

  @Option(
      names = "--client",
      paramLabel = "okhttp|jdk",
      converter = ClientChoice.Converter.class,
      description = "the client to send with (default: okhttp)")
  private ClientChoice client = ClientChoice.OKHTTP;

  @Option(
      names = "--json",
      description = "one JSON object with keys client, hops, retries, findings, final")
  private boolean json;

  @Override
  public Integer call() {
    PrintStream out = cli.out();
    Style style = cli.style();
    ProbeRequest request = ProbeRequest.parse(url, method, data, headers);
    ProbeReport report;
    try (Probe probe = Probe.open(client, RetrySettings.builder(), null)) {
      report = probe.send(request);
    } catch (IOException e) {
      throw new CommandFailure("cannot reach " + request.uri() + ": " + describe(e));
    }
    if (json) {
      out.println(JsonOutput.write(report.toJson()));
    } else {
      out.println(
          style.bold(request.method() + " " + request.uri())
              + style.dim("  via " + client.label() + ", redirects followed by policy"));
      new ReportPrinter(out, style).print(report, "");
    }
    Optional<String> unfinished = report.unfinished();
    if (unfinished.isPresent()) {
      out.flush();
      cli.err().println("httptriage: no final answer: " + unfinished.get());
      return HttpTriageCli.UNFINISHED;
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
    return e instanceof java.net.ConnectException
        ? "connection refused"
        : e.getClass().getSimpleName();
  }
}
