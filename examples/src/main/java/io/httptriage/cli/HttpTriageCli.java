package io.httptriage.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code httptriage} command line.
 *
 * <pre>
 * httptriage explain CODE [--lang en|zh-TW] [--json]
 * httptriage table [--lang en|zh-TW] [--json]
 * httptriage probe URL [-X METHOD] [-d DATA] [-H 'Name: value']... [--client okhttp|jdk] [--json]
 * httptriage demo
 * </pre>
 *
 * <p>Exit status: {@value #CLEAN} done, and {@code probe} found nothing serious; {@value #FINDING}
 * {@code probe} reported a finding of severity VIOLATION or SECURITY; {@value #FAILURE} usage or
 * connection error, with one line on stderr and never a stack trace.
 *
 * <p>Output is UTF-8; colour only when stdout is a terminal and {@code NO_COLOR} is unset.
 */
public final class HttpTriageCli {
  /** Exit status: done, nothing serious found. */
  public static final int CLEAN = 0;
  /** Exit status: {@code probe} reported a VIOLATION or SECURITY finding. */
  public static final int FINDING = 1;
  /** Exit status: bad usage, or the request could not be made. */
  public static final int FAILURE = 2;

  static final String USAGE = String.join("\n",
      "usage: httptriage <command> [options]",
      "",
      "  explain CODE [--lang en|zh-TW] [--json]",
      "      what a status code means, and how httptriage handles it",
      "  table [--lang en|zh-TW] [--json]",
      "      every known status code, one line (or JSON object) each",
      "  probe URL [-X METHOD] [-d DATA] [-H 'Name: value']... [--client okhttp|jdk] [--json]",
      "      send one request with redirects followed by policy; print the hops, retries,",
      "      findings and verdict",
      "  demo",
      "      the headline features against a local mockwebserver3, offline, in seconds",
      "",
      "exit status: 0 done; 1 probe found a VIOLATION or SECURITY finding; 2 usage or connection error");

  private final PrintStream out;
  private final PrintStream err;
  private final Style style;

  /**
   * A command line writing to these streams.
   *
   * @param out where results go
   * @param err where the one-line error goes
   * @param style colour or plain
   */
  HttpTriageCli(PrintStream out, PrintStream err, Style style) {
    this.out = out;
    this.err = err;
    this.style = style;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // every finding is printed by the command itself; the default listener's log lines on stderr
    // would repeat them there, where at most one line is promised
    if (System.getProperty("org.slf4j.simpleLogger.log.io.httptriage") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.httptriage", "off");
    }
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Style style = Style.forTerminal(Style.stdoutIsTerminal(), System.getenv("NO_COLOR"));
    int status = new HttpTriageCli(out, err, style).run(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs one command.
   *
   * @return the exit status
   */
  int run(String... args) {
    try {
      if (args.length == 0) {
        throw new CommandFailure("no command given; try 'httptriage --help'");
      }
      List<String> rest = Arrays.asList(args).subList(1, args.length);
      if (args[0].equals("help") || isHelp(args[0]) || rest.stream().anyMatch(HttpTriageCli::isHelp)) {
        out.println(USAGE);
        return CLEAN;
      }
      switch (args[0]) {
        case "explain":
          return new ExplainCommand(out, style).run(rest);
        case "table":
          return new TableCommand(out, style).run(rest);
        case "probe":
          return new ProbeCommand(out, style).run(rest);
        case "demo":
          return new DemoCommand(out, style).run(rest);
        default:
          throw new CommandFailure("unknown command '" + args[0] + "'; try 'httptriage --help'");
      }
    } catch (CommandFailure e) {
      out.flush();
      err.println("httptriage: " + e.getMessage());
      return FAILURE;
    } catch (RuntimeException | LinkageError e) {
      out.flush();
      err.println("httptriage: unexpected error: " + CommandFailure.oneLine(String.valueOf(e)));
      return FAILURE;
    } finally {
      out.flush();
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }
}
