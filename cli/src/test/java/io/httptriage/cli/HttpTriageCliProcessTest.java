package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * {@code main} itself, in a fresh JVM on this module's classpath: the exit statuses System.exit
 * really returns, stdout in UTF-8 without colour on a pipe, and one stderr line with no stack
 * trace. Few cases, since each starts a JVM; the in-process tests cover the rest.
 */
class HttpTriageCliProcessTest {

  /** What a child process printed and how it exited. */
  private record Exit(int status, String out, String err) {}

  @Test
  void explainExitsZeroWithPlainUtf8() throws Exception {
    Exit exit = run("explain", "429", "--lang", "zh-TW");

    assertThat(exit.status()).as("exit status; stderr: %s", exit.err()).isZero();
    assertThat(exit.out())
        .startsWith("429 Too Many Requests\n標準 · 4xx · RFC 6585 §4")
        .doesNotContain("\u001b[");
    assertThat(exit.err()).isEmpty();
  }

  @Test
  void badInputAndRefusedPortExitTwoWithOneLine() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    for (String[] args :
        List.of(
            new String[] {"explain", "abc"},
            new String[] {"probe", "http://127.0.0.1:" + closed})) {
      Exit exit = run(args);
      assertThat(exit.status()).as("%s", (Object) args).isEqualTo(2);
      assertThat(exit.out()).isEmpty();
      assertThat(exit.err()).startsWith("httptriage: ").doesNotContain("Exception", "\tat ");
      assertThat(exit.err().lines()).hasSize(1);
    }
  }

  @Test
  void probeExitsOneOnAViolation() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(401).build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      Exit exit = run("probe", "http://127.0.0.1:" + server.getPort() + "/private");

      assertThat(exit.status()).isEqualTo(1);
      assertThat(exit.out()).contains("REQUIRED_HEADER_MISSING");
      assertThat(exit.err()).isEmpty();
    }
  }

  private static Exit run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HttpTriageCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("NO_COLOR");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Exit(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
