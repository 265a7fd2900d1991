package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.finding.Finding;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a user of either adapter sees without configuring anything: a log line for every
 * misinterpreted redirect, at the level of its severity, with its fields as key-value pairs; log
 * state of its own per client; and meters tagged with the client, whose names and tags are the
 * README's. Each adapter subclasses it once and supplies {@link #newClient} and {@link
 * #adapterName}.
 */
public abstract class ObservabilityContract {
  private static final String FINDINGS = "io.httptriage.findings";

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  /** The name this adapter gives its clients: {@code okhttp} or {@code jdk}. */
  protected abstract String adapterName();

  private final TestTls tls = TestTls.create();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private TestServer server;
  private TestServer other;
  private CapturedLog log;

  @BeforeEach
  void start() {
    server = TestServers.start();
    other = TestServers.start();
    // INFO, as most applications run: every finding line is at INFO or WARN.
    log = new CapturedLog(FINDINGS, Level.INFO);
  }

  @AfterEach
  void stop() {
    log.close();
    server.close();
    other.close();
  }

  private static Call get(java.net.URI uri, String... headers) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      pairs.add(new String[] {headers[i], headers[i + 1]});
    }
    return new Call("GET", uri, pairs, Optional.empty());
  }

  private static Call post(java.net.URI uri, String body) {
    return new Call("POST", uri, List.of(), Optional.of(body));
  }

  private static Map<String, Object> fields(ILoggingEvent e) {
    return e.getKeyValuePairs() == null
        ? Map.of()
        : e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
  }

  private static Level levelOf(Object severity) {
    return Finding.Severity.valueOf(severity.toString()) == Finding.Severity.INFO
        ? Level.INFO
        : Level.WARN;
  }

  // ---- one line per misinterpreted redirect ---------------------------------------------------

  /**
   * Five redirects, four of them misinterpreted by OkHttp and by the JDK 17 client, each logged on
   * a line of its own. Both turn POST into GET on 302 and on 301 and forward a caller's Cookie to
   * another origin (the JDK 25 client keeps it home, and then no line is due). OkHttp follows https
   * to http; the JDK rightly does not (an INFO line says so) but hands back the 5th redirect of a
   * longer chain as final (CHAIN_TRUNCATED), which OkHttp follows to its end.
   */
  @Test
  void defaultConfigLogsEachOfFourMisinterpretedRedirects() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/orders/7"));
    server.enqueue(Reply.status(200).body("order 7"));
    server.enqueue(Reply.status(301).header("Location", "/orders/8"));
    server.enqueue(Reply.status(200).body("order 8"));
    server.enqueue(Reply.status(302).header("Location", other.url("/landing").toString()));
    other.enqueue(Reply.status(200).body("elsewhere"));
    TestServer secure = TestServers.start();
    secure.useHttps(tls.serverSockets());
    secure.enqueue(Reply.status(302).header("Location", other.url("/plain").toString()));
    other.enqueue(Reply.status(200).body("plain"));
    TestServer chain = TestServers.start();
    int hops = 6;
    for (int i = 0; i < hops; i++) {
      chain.enqueue(Reply.status(302).header("Location", "/step/" + (i + 1)));
    }
    chain.enqueue(Reply.status(200).body("end"));

    try (ClientUnderTest client = newClient(TriageConfig.ofDefaults(), tls)) {
      assertThat(client.send(post(server.url("/orders"), "{\"n\":7}")).status()).isEqualTo(200);
      assertThat(client.send(post(server.url("/orders"), "{\"n\":8}")).status()).isEqualTo(200);
      assertThat(client.send(get(server.url("/me"), "Cookie", "sid=s3cret")).status())
          .isEqualTo(200);
      client.send(get(secure.url("/secure")));
      client.send(get(chain.url("/step/0")));
    } finally {
      secure.close();
    }
    // OkHttp and JDK 17 forward the caller's Cookie to the other origin; JDK 25 drops it, and then
    // there is nothing to report: the finding appears exactly when the cookie crossed.
    boolean cookieCrossed = other.take().headers().contains("Cookie");
    boolean downgradeFollowed = other.requestCount() == 2;
    boolean chainCut = chain.requestCount() <= hops;
    chain.close();

    List<ILoggingEvent> events = log.events();
    assertThat(events).as(log.all()).hasSize((chainCut ? 5 : 4) - (cookieCrossed ? 0 : 1));
    assertThat(events)
        .allSatisfy(
            e -> {
              Map<String, Object> f = fields(e);
              assertThat(f)
                  .containsKeys(
                      "client",
                      "kind",
                      "severity",
                      "hop",
                      "finalStatus",
                      "from",
                      "spec",
                      "explanation");
              assertThat(f.get("client")).isEqualTo(adapterName());
              assertThat(e.getLevel()).isEqualTo(levelOf(f.get("severity")));
              assertThat(e.getFormattedMessage())
                  .contains(
                      "kind=" + f.get("kind"),
                      "severity=" + f.get("severity"),
                      "client=" + adapterName());
              assertThat(e.getFormattedMessage() + f).doesNotContain("s3cret");
            });
    assertThat(events.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(fields(events.get(0)))
        .containsEntry("kind", "METHOD_REWRITTEN")
        .containsEntry("from", server.url("/orders").toString())
        .containsEntry("spec", "RFC 9110 §15.4.3");
    // The same origin and kind again: the old one-line-a-minute limit swallowed this one.
    assertThat(events.get(1).getLevel()).isEqualTo(Level.WARN);
    assertThat(fields(events.get(1)))
        .containsEntry("kind", "METHOD_REWRITTEN")
        .containsEntry("from", server.url("/orders").toString())
        .containsEntry("spec", "RFC 9110 §15.4.2");
    int next = 2;
    if (cookieCrossed) {
      assertThat(events.get(next).getLevel()).isEqualTo(Level.WARN);
      assertThat(fields(events.get(next)))
          .containsEntry("kind", "CREDENTIALS_CROSS_ORIGIN")
          .containsEntry("to", other.url("/landing").toString());
      next++;
    }
    assertThat(fields(events.get(next)))
        .containsEntry("kind", downgradeFollowed ? "HTTPS_DOWNGRADE" : "REDIRECT_NOT_FOLLOWED");
    assertThat(events.get(next).getLevel()).isEqualTo(downgradeFollowed ? Level.WARN : Level.INFO);
    next++;
    if (chainCut) {
      assertThat(events.get(next).getLevel()).isEqualTo(Level.WARN);
      assertThat(fields(events.get(next))).containsEntry("kind", "CHAIN_TRUNCATED");
    }
    long misinterpreted =
        events.stream().filter(e -> !"REDIRECT_NOT_FOLLOWED".equals(fields(e).get("kind"))).count();
    assertThat(misinterpreted)
        .as("one line per misinterpreted redirect")
        .isEqualTo(2 + (cookieCrossed ? 1 : 0) + (downgradeFollowed ? 1 : 0) + (chainCut ? 1 : 0));
    if (Boolean.getBoolean("httptriage.printLines")) {
      events.forEach(
          e ->
              System.out.println(
                  e.getLevel()
                      + " "
                      + e.getLoggerName()
                      + " - "
                      + e.getFormattedMessage()
                      + "\n    key-value pairs: "
                      + e.getKeyValuePairs()));
    }
  }

  // ---- no listener state shared between clients ------------------------------------------------

  @Test
  void twoClientsOfTheDefaultConfigEachLogTheirOwnFirstFinding() throws IOException {
    for (int i = 0; i < 2; i++) {
      server.enqueue(Reply.status(302).header("Location", "/orders/" + i));
      server.enqueue(Reply.status(200));
    }

    try (ClientUnderTest first = newClient(TriageConfig.ofDefaults(), tls);
        ClientUnderTest second = newClient(TriageConfig.ofDefaults(), tls)) {
      first.send(post(server.url("/orders"), "1"));
      second.send(post(server.url("/orders"), "2"));
    }

    assertThat(log.lines()).hasSize(2).allMatch(l -> l.contains("kind=METHOD_REWRITTEN"));
  }

  @Test
  void aStormOnOneClientHoldsBackNoLineOfAnotherClientOfTheSameConfig() throws IOException {
    // A clock that stands still: every line of this test falls in one second of the storm guard.
    TriageConfig config =
        TriageConfig.builder()
            .retry(
                RetrySettings.builder()
                    .clock(Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC))
                    .build())
            .build();
    int storm = 12;
    for (int i = 0; i <= storm; i++) {
      server.enqueue(Reply.status(302).header("Location", "/orders/" + i));
      server.enqueue(Reply.status(200));
    }

    try (ClientUnderTest stormy = newClient(config, tls);
        ClientUnderTest quiet = newClient(config, tls)) {
      for (int i = 0; i < storm; i++) {
        stormy.send(post(server.url("/orders"), "n=" + i));
      }
      quiet.send(post(server.url("/orders"), "quiet"));
    }

    assertThat(log.lines())
        .as(log.all())
        .hasSize(11)
        .allMatch(l -> l.contains("kind=METHOD_REWRITTEN") && !l.contains("suppressed"));
  }

  // ---- meters -------------------------------------------------------------------------------

  /**
   * Real calls that write every meter: an accepted GET, a retried 429, a POST turned into GET on
   * 302, a 401 without a challenge.
   */
  private String scrapeAfterRealCalls(TriageConfig.Builder config) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    server.enqueue(Reply.status(200).body("ok"));
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("ok"));
    server.enqueue(Reply.status(302).header("Location", "/orders/7"));
    server.enqueue(Reply.status(200).body("order 7"));
    server.enqueue(Reply.status(401).body("who?"));
    TriageConfig built =
        config
            .retry(RetrySettings.builder().sleeper(waits::add).build())
            .meterRegistry(registry)
            .build();

    try (ClientUnderTest client = newClient(built, tls)) {
      assertThat(client.send(get(server.url("/items")))).isEqualTo(new Answer(200, "ok"));
      assertThat(client.send(get(server.url("/items")))).isEqualTo(new Answer(200, "ok"));
      assertThat(client.send(post(server.url("/orders"), "{}")).status()).isEqualTo(200);
      assertThat(client.send(get(server.url("/private"))).status()).isEqualTo(401);
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    return registry.scrape();
  }

  @Test
  void prometheusScrapeMatchesTheReadmeMeterTable() throws IOException {
    String scrape = scrapeAfterRealCalls(TriageConfig.builder());

    MeterTable.fromReadme().assertMatches(scrape, adapterName());
    if (Boolean.getBoolean("httptriage.printLines")) {
      System.out.println(scrape);
    }
    assertThat(scrape)
        .contains(
            "httptriage_responses_total{class=\"2xx\",client=\""
                + adapterName()
                + "\",code=\"200\",refused_by=\"none\",verdict=\"ACCEPT\"} 3.0",
            "httptriage_retries_total{client=\""
                + adapterName()
                + "\",code=\"429\",error=\"none\",outcome=\"RETRY_SCHEDULED\"} 1.0",
            "httptriage_redirect_findings_total{client=\""
                + adapterName()
                + "\",kind=\"METHOD_REWRITTEN\",severity=\"WARNING\"} 1.0",
            "httptriage_conformance_findings_total{client=\""
                + adapterName()
                + "\",kind=\"REQUIRED_HEADER_MISSING\",severity=\"VIOLATION\"} 1.0");
  }

  @Test
  void scrapeHasTheCallTimerAttemptsWaitsAndBudget() throws IOException {
    String scrape = scrapeAfterRealCalls(TriageConfig.builder());
    String client = "client=\"" + adapterName() + "\"";

    assertThat(scrape)
        .contains(
            "httptriage_calls_seconds_count{"
                + client
                + ",error=\"none\",outcome=\"SUCCESS\",verdict=\"ACCEPT\"} 3",
            "httptriage_calls_seconds_count{"
                + client
                + ",error=\"none\",outcome=\"CLIENT_ERROR\",verdict=\"FAIL\"} 1",
            "httptriage_call_attempts_count{" + client + "} 4",
            "httptriage_retry_waits_seconds_count{" + client + ",source=\"RETRY_AFTER\"} 1",
            "httptriage_retry_waits_seconds_sum{" + client + ",source=\"RETRY_AFTER\"} 1.0",
            "httptriage_retry_budget_remaining{" + client + "} ");
  }

  // ---- retry lines ---------------------------------------------------------------------------

  @Test
  void retryLineSaysTheTargetAttemptOfMaxAndTheWaitWithItsSource() throws IOException {
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("ok"));

    try (CapturedLog retries = new CapturedLog("io.httptriage.retries", Level.INFO);
        ClientUnderTest client =
            newClient(
                TriageConfig.builder()
                    .retry(RetrySettings.builder().sleeper(waits::add).build())
                    .build(),
                tls)) {
      assertThat(client.send(get(server.url("/items?token=s3cret"))))
          .isEqualTo(new Answer(200, "ok"));

      List<ILoggingEvent> lines = retries.events();
      assertThat(lines).as(retries.all()).hasSize(2);
      Map<String, Object> retried = fields(lines.get(0));
      assertThat(retried)
          .containsEntry("outcome", "RETRY_SCHEDULED")
          .containsEntry("client", adapterName())
          .containsEntry("target", server.url("/items?token=*").toString())
          .containsEntry("attempt", 1)
          .containsEntry("maxAttempts", 3)
          .containsEntry("status", 429)
          .containsEntry("waitMillis", 1000L)
          .containsEntry("waitSource", "RETRY_AFTER");
      assertThat(lines.get(0).getFormattedMessage())
          .contains("attempt=1/3", "wait=1000ms", "waitSource=RETRY_AFTER")
          .doesNotContain("s3cret");
      assertThat(fields(lines.get(1)))
          .containsEntry("outcome", "ANSWERED_AFTER_RETRY")
          .containsEntry("attempt", 2)
          .containsEntry("status", 200);
      if (Boolean.getBoolean("httptriage.printLines")) {
        lines.forEach(
            e ->
                System.out.println(
                    e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()));
      }
    }
  }

  // ---- one hop-numbering scheme ---------------------------------------------------------------

  /**
   * One redirected, retried call (POST, 302 to GET, 503 with {@code Retry-After: 0}, then a 401
   * without WWW-Authenticate), httptriage following: the finding log lines, the finding events, the
   * retry events and the retry log lines all number hops from 0 for the caller's request, so the
   * redirect is hop 0 and the final response hop 1 (never -1). The CLI's text and JSON give the
   * same numbers for the same chain ({@code ProbeCommandTest} in cli).
   */
  @Test
  void logLinesAndEventsNameTheSameHopOfARedirectedRetriedCall() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/orders/7"));
    server.enqueue(Reply.status(503).header("Retry-After", "0"));
    server.enqueue(Reply.status(401).body("who are you?"));
    List<TriageEvent> events = Collections.synchronizedList(new ArrayList<>());
    TriageListener recorder =
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided e) {
            events.add(e);
          }

          @Override
          public void findingReported(TriageEvent.FindingReported e) {
            events.add(e);
          }
        };
    TriageConfig config =
        TriageConfig.builder()
            .redirectMode(RedirectMode.POLICY)
            .retry(RetrySettings.builder().sleeper(waits::add).build())
            .listener(
                TriageListener.composite(
                    DefaultTriageListener.builder().clientName(adapterName()).build(), recorder))
            .build();

    try (CapturedLog retries = new CapturedLog("io.httptriage.retries", Level.INFO);
        ClientUnderTest client = newClient(config, tls)) {
      assertThat(client.send(post(server.url("/orders"), "{\"n\":7}")).status()).isEqualTo(401);
      assertThat(server.requestCount()).isEqualTo(3);

      Map<String, Object> logged = new java.util.TreeMap<>();
      for (ILoggingEvent e : log.events()) {
        Map<String, Object> f = fields(e);
        logged.put((String) f.get("kind"), f.get("hop"));
        assertThat(e.getFormattedMessage()).contains(" hop=" + f.get("hop") + " ");
      }
      Map<String, Object> reported = new java.util.TreeMap<>();
      List<Integer> retryHops = new ArrayList<>();
      for (TriageEvent e : List.copyOf(events)) {
        if (e instanceof TriageEvent.FindingReported f) {
          reported.put(f.finding().kind().name(), f.finding().hopIndex());
        } else if (e instanceof TriageEvent.AttemptDecided a) {
          retryHops.add(a.hop());
        }
      }
      assertThat(logged)
          .as(log.all())
          .containsEntry("METHOD_REWRITTEN", 0)
          .containsEntry("REQUIRED_HEADER_MISSING", 1)
          .isEqualTo(reported)
          .doesNotContainValue(Finding.FINAL);
      assertThat(retryHops).as("the retry of the 503 and its answer").containsExactly(1, 1);
      assertThat(retries.events())
          .as(retries.all())
          .extracting(e -> fields(e).get("hop"))
          .containsExactly(1, 1);
    }
  }

  // ---- traces --------------------------------------------------------------------------------

  /** One parent span per call and a child span per request sent, through OpenTelemetry. */
  @Test
  void traceOfA429Then200IsOneCallSpanWithTwoAttemptSpans() throws IOException {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    OtelTracer tracer =
        new OtelTracer(
            provider.get("httptriage-test"),
            current,
            event -> {},
            new OtelBaggageManager(current, List.of(), List.of()));
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(new DefaultTracingObservationHandler(tracer));
    server.enqueue(Reply.status(429).header("Retry-After", "1"));
    server.enqueue(Reply.status(200).body("ok"));

    try (ClientUnderTest client =
        newClient(
            TriageConfig.builder()
                .retry(RetrySettings.builder().sleeper(waits::add).build())
                .observationRegistry(observations)
                .build(),
            tls)) {
      assertThat(client.send(get(server.url("/items?token=s3cret"))))
          .isEqualTo(new Answer(200, "ok"));
    }
    // read before closing: closing the provider shuts the exporter down, which empties it
    List<SpanData> finished = spans.getFinishedSpanItems();
    provider.close();
    assertThat(finished).as(tree(finished)).hasSize(3);
    SpanData call =
        finished.stream()
            .filter(sp -> sp.getName().equals("httptriage GET"))
            .findFirst()
            .orElseThrow();
    assertThat(call.getParentSpanContext().isValid()).isFalse();
    assertThat(finished)
        .filteredOn(sp -> sp != call)
        .allSatisfy(sp -> assertThat(sp.getParentSpanId()).isEqualTo(call.getSpanId()))
        .extracting(
            sp ->
                sp.getName()
                    + " "
                    + sp.getAttributes().asMap().entrySet().stream()
                        .filter(
                            e ->
                                List.of(
                                        "http.response.status_code",
                                        "http.request.resend_count",
                                        "httptriage.verdict")
                                    .contains(e.getKey().getKey()))
                        .map(e -> e.getKey().getKey() + "=" + e.getValue())
                        .sorted()
                        .collect(Collectors.joining(",")))
        .containsExactly(
            "GET attempt 1 http.request.resend_count=0,http.response.status_code=429,httptriage.verdict=RETRY",
            "GET attempt 2 http.request.resend_count=1,http.response.status_code=200,httptriage.verdict=ACCEPT");
    assertThat(call.getAttributes().asMap().toString())
        .contains("client=" + adapterName(), "url.full=" + server.url("/items?token=*"))
        .doesNotContain("s3cret");
    if (Boolean.getBoolean("httptriage.printLines")) {
      System.out.println(tree(finished));
    }
  }

  /** The spans as an indented tree, parents first, for the report and for failure messages. */
  static String tree(List<SpanData> spans) {
    StringBuilder out = new StringBuilder();
    for (SpanData root : spans) {
      if (!root.getParentSpanContext().isValid()) {
        print(root, spans, "", out);
      }
    }
    return out.toString();
  }

  private static void print(SpanData span, List<SpanData> all, String indent, StringBuilder out) {
    out.append(indent)
        .append(span.getName())
        .append(' ')
        .append(
            new java.util.TreeMap<>(
                span.getAttributes().asMap().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            e -> e.getKey().getKey(), e -> String.valueOf(e.getValue())))));
    span.getEvents()
        .forEach(e -> out.append("\n").append(indent).append("  event ").append(e.getName()));
    out.append('\n');
    for (SpanData child : all) {
      if (child.getParentSpanId().equals(span.getSpanId())) {
        print(child, all, indent + "  ", out);
      }
    }
  }

  @Test
  void clientNameOfTheConfigTagsEveryMeter() throws IOException {
    String scrape = scrapeAfterRealCalls(TriageConfig.builder().clientName("payments"));

    List<String> samples = scrape.lines().filter(l -> l.startsWith("httptriage_")).toList();
    assertThat(samples)
        .hasSizeGreaterThanOrEqualTo(5)
        .allMatch(l -> l.contains("client=\"payments\""));
  }
}
