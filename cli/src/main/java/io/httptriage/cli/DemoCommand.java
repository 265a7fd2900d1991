package io.httptriage.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code demo}: starts two mockwebserver3 instances on 127.0.0.1 (two origins), plays every {@link
 * DemoScenarios scenario} through each client whose adapter this build has, and ends with the
 * Micrometer meters each client recorded. Offline, and done in seconds: retry waits are shortened.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "The headline features against a local mockwebserver3: offline, in seconds.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand private HttpTriageCli cli;

  @Override
  public Integer call() {
    PrintStream out = cli.out();
    Style style = cli.style();
    Map<ClientChoice, SimpleMeterRegistry> meters = new EnumMap<>(ClientChoice.class);
    try (DemoServer home = DemoServer.start();
        DemoServer away = DemoServer.start()) {
      out.println(
          style.bold("httptriage demo")
              + " — mockwebserver3 on "
              + home.origin()
              + " and "
              + away.origin()
              + " (two origins), no network");
      out.println(
          style.dim(
              "redirects followed by policy; retry waits slept for a tenth of their length,"
                  + " at most "
                  + ReportPrinter.duration(DemoStage.LONGEST_SLEEP)
                  + " (reports show the wait asked for)"));
      for (ClientChoice client : ClientChoice.values()) {
        out.println();
        if (!client.isAvailable()) {
          out.println(
              style.bold("── " + client.label() + " ")
                  + style.dim("skipped: this build does not include" + " its adapter yet"));
          continue;
        }
        out.println(style.bold("── " + client.label() + " " + "─".repeat(60)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.put(client, registry);
        DemoStage stage = new DemoStage(client, home, away, registry, out, style);
        int n = 1;
        for (DemoScenarios.Scenario scenario : DemoScenarios.all()) {
          out.println();
          out.println(style.bold(n++ + ". " + scenario.title()));
          scenario.play().play(stage);
        }
      }
    } catch (IOException e) {
      throw new CommandFailure("demo: " + e.getMessage());
    }
    for (Map.Entry<ClientChoice, SimpleMeterRegistry> e : meters.entrySet()) {
      out.println();
      out.println(
          style.bold("Micrometer meters recorded by " + e.getKey().label())
              + style.dim(" (SimpleMeterRegistry)"));
      MeterTable.print(e.getValue(), out, style, "  ");
    }
    return HttpTriageCli.CLEAN;
  }
}
