package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void walksThroughEveryScenarioAndEndsWithTheMeters() {
    long start = System.nanoTime();
    CliRun run = CliRun.of("demo");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    // notes wrap: compare their words, not their line breaks
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("1. 429 with Retry-After, then success", "RETRY_SCHEDULED wait 1s (Retry-After)")
        .contains(
            "2. a 503 storm cut short by the retry budget",
            "The server saw 30 requests, not the 60",
            "10 retries scheduled, 15 refused by the budget")
        .contains(
            "3. POST + 302: followed as GET, and reported",
            "WARNING METHOD_REWRITTEN at hop 0",
            "then GET /orders/42 without a body")
        .contains(
            "4. POST + 307: method and body preserved", "then POST /v2/uploads with a 23-byte body")
        .contains(
            "5. a cross-origin redirect carrying Authorization",
            "received Authorization: yes;",
            "received it: no.")
        .contains("6. a response missing a required header", "VIOLATION REQUIRED_HEADER_MISSING")
        .doesNotContain("jdk skipped");
    assertThat(run.out())
        .containsPattern("attempt 1/3 +GET 429 +RETRY_SCHEDULED +wait 1s \\(Retry-After\\)\n");
    String okhttp =
        run.out()
            .substring(
                run.out().indexOf("Micrometer meters recorded by okhttp"),
                run.out().indexOf("Micrometer meters recorded by jdk"));
    String jdk = run.out().substring(run.out().indexOf("Micrometer meters recorded by jdk"));
    // the same scenarios give the same meters on both clients, each under its own client tag
    assertThat(jdk).contains("client=jdk").doesNotContain("client=okhttp");
    assertThat(sameButClient(jdk.substring(jdk.indexOf('\n'))))
        .isEqualTo(sameButClient(okhttp.substring(okhttp.indexOf('\n')).stripTrailing() + "\n"));
    assertThat(okhttp)
        // what was done: the 20 answers were not retried, and each names the gate that refused
        .containsPattern(
            "httptriage.responses +class=5xx client=okhttp code=503 refused_by=ATTEMPTS verdict=FAIL +5\n")
        .containsPattern(
            "httptriage.responses +class=5xx client=okhttp code=503 refused_by=BUDGET verdict=FAIL +15\n")
        .containsPattern(
            "httptriage.retries +client=okhttp code=503 error=none outcome=GAVE_UP_BUDGET +15\n")
        .containsPattern(
            "httptriage.redirect.findings +client=okhttp kind=METHOD_REWRITTEN severity=WARNING +1\n")
        .containsPattern(
            "httptriage.conformance.findings +client=okhttp kind=REQUIRED_HEADER_MISSING severity=VIOLATION +1\n");
  }

  /**
   * The meters without the client tag, and without the budget gauge: it samples a client the demo
   * has finished with, so it reads a number or "gone" depending on the garbage collector.
   */
  private static String sameButClient(String meters) {
    return meters
        .replaceAll("(?m)^.*httptriage\\.retry\\.budget\\.remaining.*\n", "")
        .replaceAll("client=[a-z]+ ", "")
        .replaceAll(" +", " ");
  }
}
