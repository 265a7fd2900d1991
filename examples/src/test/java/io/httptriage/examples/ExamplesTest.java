package io.httptriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.policy.PolicyTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs every example's main and checks what it printed, so that none can rot. */
class ExamplesTest {
  private static final List<Class<?>> TESTED =
      List.of(
          OkHttpQuickstart.class,
          JdkQuickstart.class,
          RetryExample.class,
          CustomPolicyExample.class,
          RedirectAuditExample.class,
          MetricsExample.class);

  /** A main method. */
  @FunctionalInterface
  private interface Main {
    void run(String[] args) throws Exception;
  }

  @Test
  void okHttpQuickstartRetriesTheServiceUnavailable() throws Exception {
    assertThat(run(OkHttpQuickstart::main))
        .isEqualTo("200 hello (the server answered 2 requests: the 503 was retried)\n");
  }

  @Test
  void jdkQuickstartRetriesThe503() throws Exception {
    assertThat(run(JdkQuickstart::main))
        .isEqualTo("200 hello (the server answered 2 requests: the 503 was retried)\n");
  }

  @Test
  void retryExampleWaitsBacksOffAndRespectsIdempotency() throws Exception {
    assertThat(run(RetryExample::main))
        .contains("attempt 1: GET 429 -> RETRY_SCHEDULED, wait 1000 ms (RETRY_AFTER)")
        .containsPattern("attempt 2: GET 503 -> RETRY_SCHEDULED, wait \\d+ ms \\(BACKOFF\\)")
        .contains("attempt 3: GET 200 -> ANSWERED_AFTER_RETRY")
        .contains("attempt 1: POST 503 -> NOT_IDEMPOTENT\n  -> the caller gets 503")
        .contains("attempt 2: POST 201 -> ANSWERED_AFTER_RETRY\n  -> the caller gets 201");
  }

  @Test
  void customPolicyExampleDescribesTheDefaultsItOverrides() {
    // its javadoc says the defaults retry 520-524 and 529, and not 525-527
    for (int code : new int[] {520, 521, 522, 523, 524, 529}) {
      assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), code).isRetryable())
          .as("%d", code)
          .isTrue();
    }
    for (int code : new int[] {525, 526, 527}) {
      assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), code).isRetryable())
          .as("%d", code)
          .isFalse();
    }
  }

  @Test
  void retryExampleReliesOnTheDefaultsFor429And503() {
    assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), 429).isRetryable()).isTrue();
    assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), 503).isRetryable()).isTrue();
  }

  @Test
  void customPolicyExampleStopsRetryingCloudflareCodes() throws Exception {
    assertThat(run(CustomPolicyExample::main))
        .contains(
            "by default: 522 GET: retryability=IDEMPOTENT",
            "in the custom table: 522 GET: retryability=NEVER (override (520..524")
        .contains("  the caller gets 522\ndefault table: the server saw 3 requests")
        .contains("  the caller gets 522\ncustom table: the server saw 1 request");
  }

  @Test
  void redirectAuditExampleReportsWhatOkHttpDid() throws Exception {
    assertThat(run(RedirectAuditExample::main))
        .contains("WARNING METHOD_REWRITTEN: POST was followed as GET after 302")
        .contains(
            "SECURITY CREDENTIALS_CROSS_ORIGIN: Cookie sent to or set by the first origin reached another origin")
        .doesNotContain("Authorization sent to");
  }

  @Test
  void metricsExamplePrintsTheMeters() throws Exception {
    assertThat(run(MetricsExample::main))
        .contains(
            "httptriage.responses {class=2xx,client=okhttp,code=200,refused_by=none,verdict=ACCEPT} 2")
        .contains(
            "httptriage.responses {class=4xx,client=okhttp,code=404,refused_by=none,verdict=FAIL} 1")
        .contains(
            "httptriage.conformance.findings {client=okhttp,kind=REQUIRED_HEADER_MISSING,severity=VIOLATION} 1");
  }

  @Test
  void everyExampleIsTestedHere() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/httptriage/examples"))) {
      List<String> examples =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
              .map(n -> n.substring(0, n.length() - ".java".length()))
              .toList();
      assertThat(examples)
          .containsExactlyInAnyOrderElementsOf(TESTED.stream().map(Class::getSimpleName).toList());
    }
  }

  private static String run(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.run(new String[0]);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
