package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code probe} against a local mockwebserver3, through the real entry point. Exit status 0 when
 * the worst finding is a WARNING (a POST turned into GET on 302 is allowed), 1 on a VIOLATION.
 */
class ProbeCommandTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postOnFoundIsFollowedAsGetWithAWarningAndExitsZero() throws InterruptedException {
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/orders/42").build());
    server.enqueue(new MockResponse.Builder().code(200).body("order 42").build());
    String url = url("/orders");

    CliRun run =
        CliRun.of(
            "probe", url, "-d", "{\"item\":\"book\"}", "-H", "Content-Type: application/json");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("POST " + url + "  via okhttp, redirects followed by policy\n")
        .containsPattern("0  POST  " + url + " +302  Location: /orders/42")
        .containsPattern("1  GET   " + url + "/42 +200")
        .contains("WARNING    METHOD_REWRITTEN at hop 0  RFC 9110 §15.4.3")
        .contains("POST was followed as GET after 302")
        .containsPattern("final\n  200 OK  ACCEPT");
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getBody().utf8()).isEqualTo("{\"item\":\"book\"}");
    assertThat(first.getHeaders().get("Content-Type")).isEqualTo("application/json");
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(second.getMethod()).isEqualTo("GET");
    assertThat(second.getBodySize()).isZero();
  }

  @Test
  void jsonReportHasHopsRetriesFindingsAndFinal() {
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/orders/42").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    CliRun run = CliRun.of("probe", url("/orders"), "-X", "POST", "-d", "x=1", "--json");

    assertThat(run.status()).isZero();
    Map<String, Object> report = JsonReader.object(run.out());
    assertThat(report)
        .containsKeys("hops", "retries", "findings", "final")
        .containsEntry("client", "okhttp");
    List<Map<String, Object>> hops = list(report, "hops");
    assertThat(hops).hasSize(2);
    assertThat(hops.get(0))
        .containsEntry("method", "POST")
        .containsEntry("url", url("/orders"))
        .containsEntry("status", 302L)
        .containsEntry("location", "/orders/42");
    assertThat(hops.get(1))
        .containsEntry("method", "GET")
        .containsEntry("status", 200L)
        .containsEntry("location", null);
    assertThat(list(report, "retries")).isEmpty();
    assertThat(list(report, "findings"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("kind", "METHOD_REWRITTEN")
                    .containsEntry("severity", "WARNING")
                    .containsEntry("hop", 0L)
                    .containsEntry("spec", "RFC 9110 §15.4.3"));
    @SuppressWarnings("unchecked")
    Map<String, Object> fin = (Map<String, Object>) report.get("final");
    assertThat(fin).containsEntry("status", 200L).containsEntry("verdict", "ACCEPT");
  }

  @Test
  void aViolationExitsOne() {
    server.enqueue(new MockResponse.Builder().code(401).body("who are you?").build());

    CliRun run = CliRun.of("probe", url("/private"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains(
            "VIOLATION  REQUIRED_HEADER_MISSING at hop 0  RFC 9110 §15.5.2",
            "401 Unauthorized lacks WWW-Authenticate",
            "401 Unauthorized  FAIL");
  }

  @Test
  void retriesAreListedWithTheirWaits() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    CliRun run = CliRun.of("probe", url("/quota"));

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .containsPattern("attempt 1/3 +GET 429 +RETRY_SCHEDULED +wait 0ms \\(Retry-After\\)")
        .containsPattern("attempt 2/3 +GET 200 +ANSWERED_AFTER_RETRY\n");
    List<Map<String, Object>> retries = list(JsonReader.object(probeJsonAfter429()), "retries");
    assertThat(retries.get(0))
        .containsEntry("outcome", "RETRY_SCHEDULED")
        .containsEntry("waitMillis", 0L)
        .containsEntry("waitSource", "RETRY_AFTER")
        .containsEntry("status", 429L)
        // the fields of the retry log line
        .containsEntry("attempt", 1L)
        .containsEntry("maxAttempts", 3L)
        .containsEntry("hop", 0L)
        .containsEntry("target", url("/quota").toString())
        .containsEntry("gate", null);
  }

  /**
   * The chain of {@code
   * ObservabilityContract#logLinesAndEventsNameTheSameHopOfARedirectedRetriedCall} (POST, 302 to
   * GET, 503 with Retry-After 0, then a 401 without WWW-Authenticate): the text and the JSON give
   * the hop numbers that test pins for the log lines and events, from 0 for the caller's request,
   * the final response at hop 1.
   */
  @Test
  void hopsAreNumberedAsInTheLogLinesAndEvents() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/orders/7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(401).body("who are you?").build());
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/orders/7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(401).body("who are you?").build());

    CliRun text = CliRun.of("probe", url("/orders"), "-d", "n=7");
    CliRun json = CliRun.of("probe", url("/orders"), "-d", "n=7", "--json");

    assertThat(text.out())
        .containsPattern("0  POST  " + url("/orders") + " +302")
        .containsPattern("1  GET   " + url("/orders/7") + " +401")
        .contains("METHOD_REWRITTEN at hop 0", "REQUIRED_HEADER_MISSING at hop 1")
        .containsPattern("hop 1  " + url("/orders/7"));
    Map<String, Object> report = JsonReader.object(json.out());
    Map<Object, Object> findingHops = new java.util.TreeMap<>();
    for (Map<String, Object> f : list(report, "findings")) {
      findingHops.put(f.get("kind"), f.get("hop"));
    }
    assertThat(findingHops)
        .containsEntry("METHOD_REWRITTEN", 0L)
        .containsEntry("REQUIRED_HEADER_MISSING", 1L)
        .doesNotContainValue(-1L);
    assertThat(list(report, "retries")).extracting(r -> r.get("hop")).containsExactly(1L, 1L);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void headersAndDataAreSentAsGiven() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(204).build());

    CliRun run =
        CliRun.of(
            "probe",
            url("/items"),
            "-X",
            "PUT",
            "--data",
            "a=1&b=2",
            "-H",
            "X-Trace: abc",
            "--header",
            "Accept:text/plain");

    assertThat(run.status()).isZero();
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getBody().utf8()).isEqualTo("a=1&b=2");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo(ProbeRequest.FORM);
    assertThat(r.getHeaders().get("X-Trace")).isEqualTo("abc");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("text/plain");
  }

  @Test
  void aRequestTheClientRefusesIsAUsageError() {
    CliRun run = CliRun.of("probe", url("/"), "-X", "GET", "-d", "body");

    assertThat(run.status()).isEqualTo(2);
    HttpTriageCliTest.assertOneErrorLine(run, "okhttp cannot send this request");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void jdkClientProbesTheSameChainWithTheSameFindings() throws InterruptedException {
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/orders/42").build());
    server.enqueue(new MockResponse.Builder().code(200).body("order 42").build());
    String url = url("/orders");

    CliRun run = CliRun.of("probe", url, "-d", "{\"item\":\"book\"}", "--client", "jdk");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("POST " + url + "  via jdk, redirects followed by policy\n")
        .containsPattern("1  GET   " + url + "/42 +200")
        .contains("WARNING    METHOD_REWRITTEN at hop 0  RFC 9110 §15.4.3");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("GET");
  }

  @Test
  void aRedirectToItselfHasNoFinalAnswerAndExitsThree() {
    for (int i = 0; i < 30; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
    }

    CliRun run = CliRun.of("probe", url("/loop"));

    assertThat(run.status()).isEqualTo(HttpTriageCli.UNFINISHED).isEqualTo(3);
    assertThat(run.out()).contains("no final answer: ");
    HttpTriageCliTest.assertOneErrorLine(run, "no final answer: ");
  }

  @Test
  void anUnfinishedChainSaysWhyInJson() {
    for (int i = 0; i < 30; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
    }

    CliRun run = CliRun.of("probe", url("/loop"), "--json");

    assertThat(run.status()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> fin = (Map<String, Object>) JsonReader.object(run.out()).get("final");
    assertThat(fin.get("unfinished")).asString().isNotBlank();
  }

  @Test
  void aFinishedChainHasNoUnfinishedReason() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    @SuppressWarnings("unchecked")
    Map<String, Object> fin =
        (Map<String, Object>)
            JsonReader.object(CliRun.of("probe", url("/"), "--json").out()).get("final");
    assertThat(fin).containsEntry("unfinished", null);
  }

  private String probeJsonAfter429() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    return CliRun.of("probe", url("/quota"), "--json").out();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> o, String key) {
    return (List<Map<String, Object>>) o.get(key);
  }
}
