package io.httptriage.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code httptriage} command line: {@code explain}, {@code table}, {@code probe}, {@code demo},
 * on picocli, which writes every help text from the commands' own declarations.
 *
 * <pre>
 * httptriage --version
 * httptriage probe --help
 * source &lt;(httptriage generate-completion)    # bash or zsh completion
 * </pre>
 *
 * <p>Exit status: {@value #CLEAN} done, and {@code probe} found nothing serious; {@value #FINDING}
 * {@code probe} reported a finding of severity VIOLATION or SECURITY; {@value #FAILURE} usage or
 * connection error, with one line on stderr and never a stack trace; {@value #UNFINISHED} {@code
 * probe}'s redirect chain never reached a final answer (a loop, too many hops, a chain cut short).
 *
 * <p>Output is UTF-8; colour only when stdout is a terminal and {@code NO_COLOR} is unset.
 */
@Command(
    name = "httptriage",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "What an HTTP status code means, how httptriage handles it, and what it did with a real request.",
    subcommands = {
      ExplainCommand.class,
      TableCommand.class,
      ProbeCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      HttpTriageCli.CLEAN + ":done; probe found nothing serious",
      HttpTriageCli.FINDING + ":probe found a VIOLATION or SECURITY finding",
      HttpTriageCli.FAILURE + ":usage or connection error (one line on stderr)",
      HttpTriageCli.UNFINISHED + ":probe's redirect chain never reached a final answer"
    })
public final class HttpTriageCli implements Callable<Integer> {
  /** Exit status: done, nothing serious found. */
  public static final int CLEAN = 0;

  /** Exit status: {@code probe} reported a VIOLATION or SECURITY finding. */
  public static final int FINDING = 1;

  /** Exit status: bad usage, or the request could not be made. */
  public static final int FAILURE = 2;

  /**
   * Exit status: {@code probe}'s chain ended on a redirect that was not followed (a loop, more hops
   * than allowed, a chain cut short), so there is no final answer to judge. Wins over {@link
   * #FINDING}.
   */
  public static final int UNFINISHED = 3;

  private final PrintStream out;
  private final PrintStream err;
  private final Style style;
  @Spec private CommandSpec spec;

  HttpTriageCli(PrintStream out, PrintStream err, Style style) {
    this.out = out;
    this.err = err;
    this.style = style;
  }

  /** Without a command there is nothing to do: a usage error, as for an unknown command. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given");
  }

  /** Where results go. */
  PrintStream out() {
    return out;
  }

  /** Where the one line about an error or an unfinished chain goes. */
  PrintStream err() {
    return err;
  }

  /** Colour or plain. */
  Style style() {
    return style;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    // every finding is printed by the command itself; the default listener's log lines on stderr
    // would repeat them there, where at most one line is promised
    if (System.getProperty("org.slf4j.simpleLogger.log.io.httptriage") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.httptriage", "off");
    }
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Style style = Style.forTerminal(Style.stdoutIsTerminal(), System.getenv("NO_COLOR"));
    int status = run(out, err, style, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs one command.
   *
   * @return the exit status
   */
  static int run(PrintStream out, PrintStream err, Style style, String... args) {
    CommandLine cli = commandLine(out, err, style);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    try {
      return cli.execute(args);
    } finally {
      out.flush();
    }
  }

  /** The command tree, with errors reported as one line and the exit statuses above. */
  static CommandLine commandLine(PrintStream out, PrintStream err, Style style) {
    CommandLine cli = new CommandLine(new HttpTriageCli(out, err, style));
    cli.setColorScheme(Help.defaultColorScheme(style.isAnsi() ? Help.Ansi.ON : Help.Ansi.OFF));
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    cli.setParameterExceptionHandler(HttpTriageCli::usageError);
    cli.setExecutionExceptionHandler(HttpTriageCli::failure);
    cli.setExitCodeExceptionMapper(e -> FAILURE);
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String help =
        cmd.getParent() == null
            ? "httptriage --help"
            : "httptriage " + cmd.getCommandName() + " --help";
    cmd.getErr()
        .println("httptriage: " + CommandFailure.oneLine(e.getMessage()) + "; try '" + help + "'");
    return FAILURE;
  }

  private static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
    String message =
        e instanceof CommandFailure
            ? e.getMessage()
            : "unexpected error: " + CommandFailure.oneLine(String.valueOf(e));
    cmd.getOut().flush();
    cmd.getErr().println("httptriage: " + message);
    return FAILURE;
  }
}
