package io.httptriage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.finding.Finding;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What httptriage promises about credentials and secrets, on a real client against two test servers
 * (two origins): in POLICY mode no credential header reaches another origin, whatever the shape of
 * the chain; https→http and 305 are refused before any request reaches the target; POST and PATCH
 * are never retried without an Idempotency-Key or the explicit opt-in; and no log line, meter or
 * finding ever carries a credential or a query value. Each adapter subclasses this once.
 */
public abstract class SecurityContract {
  private static final String SECRET = "SECRET";
  private static final List<String> CREDENTIALS =
      List.of("Authorization", "Cookie", "Proxy-Authorization");

  /** One certificate for the class: making one costs more than a scenario. */
  private static final TestTls TLS = TestTls.create();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final List<CapturedLog> logs = new ArrayList<>();

  /** The origin the calls start at. */
  protected TestServer home;

  /** Another origin: same host, another port. */
  protected TestServer away;

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  @BeforeEach
  void start() {
    home = TestServers.start();
    away = TestServers.start();
    // The default levels keep these loggers quiet; here every line is written, and read.
    logs.add(new CapturedLog("io.httptriage.findings", Level.TRACE));
    logs.add(new CapturedLog("io.httptriage.retries", Level.TRACE));
    logs.add(new CapturedLog("io.httptriage", Level.TRACE));
  }

  @AfterEach
  void stop() {
    logs.forEach(CapturedLog::close);
    home.close();
    away.close();
  }

  private TriageConfig config(
      RedirectMode mode, UnaryOperator<RetrySettings.Builder> retry, RedirectSettings redirects) {
    return TriageConfig.builder()
        .redirectMode(mode)
        .maxHops(redirects.maxHops())
        .allowHttpsDowngrade(redirects.allowHttpsDowngrade())
        .credentialHeaders(redirects.credentialHeaders().toArray(String[]::new))
        .retry(retry.apply(RetrySettings.builder().sleeper(waits::add)).build())
        .listener(
            ExchangeTap.with(
                DefaultTriageListener.builder()
                    .meterRegistry(registry)
                    .maxLinesPerSecond(Integer.MAX_VALUE)
                    .build(),
                (exchange, verdict, found) -> findings.addAll(found)))
        .build();
  }

  private Answer send(TriageConfig config, Call call) throws IOException {
    try (ClientUnderTest client = newClient(config, TLS)) {
      return client.send(call);
    }
  }

  private Answer send(RedirectMode mode, Call call) throws IOException {
    return send(config(mode, UnaryOperator.identity(), RedirectSettings.ofDefaults()), call);
  }

  private static Call call(String method, URI uri, String... headers) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      pairs.add(new String[] {headers[i], headers[i + 1]});
    }
    Optional<String> body = method.equals("GET") ? Optional.empty() : Optional.of("{\"pay\":100}");
    return new Call(method, uri, pairs, body);
  }

  /** The credential fields, spelled as callers write them: the names match in any case. */
  private static String[] credentials() {
    return new String[] {
      "Authorization",
      "Bearer " + SECRET,
      "cookie",
      "sid=" + SECRET,
      "PROXY-AUTHORIZATION",
      "Basic " + SECRET
    };
  }

  private static List<Recorded> drain(TestServer server) {
    List<Recorded> all = new ArrayList<>();
    for (int i = server.requestCount(); i > 0; i--) {
      all.add(server.take());
    }
    return all;
  }

  private static void assertNoCredentials(List<Recorded> requests) {
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(CREDENTIALS)
                    .as("credential fields of %s %s", r.method(), r.path())
                    .noneMatch(name -> r.headers().contains(name)));
  }

  // ---- credentials stay with their origin ---------------------------------------------------

  /**
   * The shapes of chains that leave the origin. Each step is "server status [Location]", {home} and
   * {away} standing for the servers' authorities; a 429 or 503 asks for a retry after 1 s.
   */
  enum Chain {
    MOVED_PERMANENTLY_AWAY("GET", "home 301 http://{away}/landing", "away 200"),
    SAME_ORIGIN_HOP_THEN_AWAY("GET", "home 302 /hop", "home 302 http://{away}/landing", "away 200"),
    SEE_OTHER_FROM_POST("POST", "home 303 http://{away}/receipt", "away 200"),
    TEMPORARY_REDIRECT_KEEPS_THE_BODY("POST", "home 307 http://{away}/orders", "away 201"),
    PERMANENT_REDIRECT_OF_A_PUT("PUT", "home 308 http://{away}/item", "away 204"),
    BACK_AND_FORTH(
        "GET",
        "home 302 http://{away}/1",
        "away 302 http://{home}/2",
        "home 302 http://{away}/3",
        "away 200"),
    NETWORK_PATH_REFERENCE("GET", "home 302 //{away}/landing", "away 200"),
    RETRIED_AWAY("GET", "home 302 http://{away}/busy", "away 503", "away 200"),
    RETRIED_AT_HOME_THEN_AWAY("GET", "home 429", "home 302 http://{away}/landing", "away 200");

    final String method;
    private final List<String> steps;

    Chain(String method, String... steps) {
      this.method = method;
      this.steps = List.of(steps);
    }

    int finalStatus() {
      return Integer.parseInt(steps.get(steps.size() - 1).split(" ")[1]);
    }

    void script(TestServer home, TestServer away) {
      for (String step : steps) {
        String[] parts = step.split(" ");
        int status = Integer.parseInt(parts[1]);
        Reply reply = Reply.status(status);
        if (parts.length > 2) {
          reply =
              reply.header(
                  "Location",
                  parts[2]
                      .replace("{home}", home.url("/").getAuthority())
                      .replace("{away}", away.url("/").getAuthority()));
        }
        if (status == 429 || status == 503) {
          reply = reply.header("Retry-After", "1");
        }
        (parts[0].equals("home") ? home : away).enqueue(reply);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Chain.class)
  void policyModeSendsNoCredentialToAnotherOrigin(Chain chain) throws IOException {
    chain.script(home, away);

    Answer answer =
        send(RedirectMode.POLICY, call(chain.method, home.url("/start"), credentials()));

    assertThat(answer.status()).isEqualTo(chain.finalStatus());
    Recorded first = home.take();
    // The JDK client never sends a Proxy-Authorization of the caller's to a server; both send
    // these.
    assertThat(List.of("Authorization", "Cookie")).allMatch(name -> first.headers().contains(name));
    assertNoCredentials(drain(away));
  }

  @Test
  void policyModeDropsTheCredentialFieldsTheSettingsName() throws IOException {
    home.enqueue(Reply.status(302).header("Location", away.url("/landing").toString()));
    away.enqueue(Reply.status(200));
    RedirectSettings redirects =
        RedirectSettings.builder()
            .credentialHeaders("Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key")
            .build();

    send(
        config(RedirectMode.POLICY, UnaryOperator.identity(), redirects),
        call("GET", home.url("/start"), "X-Api-Key", SECRET));

    assertThat(home.take().headers().first("X-Api-Key")).contains(SECRET);
    assertThat(away.take().headers().contains("X-Api-Key")).isFalse();
  }

  // ---- refused redirects --------------------------------------------------------------------

  @ParameterizedTest(name = "{1} answered {0}, after a same-origin hop: {2}")
  @CsvSource({
    "301, GET, false",
    "302, GET, true",
    "303, POST, false",
    "307, POST, false",
    "307, POST, true",
    "308, PUT, false"
  })
  void policyModeRefusesHttpsToHttpBeforeAnyRequestLeaves(int status, String method, boolean hop)
      throws IOException {
    home.useHttps(TLS.serverSockets());
    if (hop) {
      home.enqueue(Reply.status(307).header("Location", "/hop"));
    }
    home.enqueue(
        Reply.status(status).header("Location", away.url("/plain?token=" + SECRET).toString()));

    Answer answer = send(RedirectMode.POLICY, call(method, home.url("/secure"), credentials()));

    assertThat(answer.status()).isEqualTo(status);
    assertThat(home.requestCount()).isEqualTo(hop ? 2 : 1);
    assertThat(away.requestCount()).isZero();
    assertThat(findings).extracting(Finding::kind).contains(Finding.Kind.REDIRECT_NOT_FOLLOWED);
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void useProxyIsNeverFollowed(RedirectMode mode) throws IOException {
    home.enqueue(Reply.status(305).header("Location", away.url("/proxy").toString()));
    away.enqueue(Reply.status(200));

    Answer answer = send(mode, call("GET", home.url("/start"), credentials()));

    assertThat(answer.status()).isEqualTo(305);
    assertThat(away.requestCount()).isZero();
  }

  // ---- POST is not retried ------------------------------------------------------------------

  /**
   * Every status the default settings retry, except 421 and 425: those say the request was not
   * processed at all, and RFC 9110 §15.5.20 and RFC 8470 §5.2 let any method be retried on them.
   * "Retry-After: 0" asks for the retry at once, which is when a client is most tempted. One client
   * sends them all, one after another.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"POST, CLIENT", "POST, POLICY", "PATCH, CLIENT", "PATCH, POLICY"})
  void nonIdempotentRequestIsSentOnceWhateverTheStatus(String method, RedirectMode mode)
      throws IOException {
    List<Integer> statuses =
        IntStream.rangeClosed(400, 599)
            .filter(
                status -> PolicyLookup.policyFor(PolicyTable.ofDefaults(), status).isRetryable())
            .filter(status -> status != 421 && status != 425)
            .boxed()
            .collect(Collectors.toList());
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    home.dispatch(
        request -> {
          int status = Integer.parseInt(request.path().substring("/payments/".length()));
          return requests
                      .computeIfAbsent(request.path(), path -> new AtomicInteger())
                      .getAndIncrement()
                  == 0
              ? Reply.status(status).header("Retry-After", "0").body("try again")
              : Reply.status(200).body("charged twice");
        });
    try (ClientUnderTest client =
        newClient(config(mode, UnaryOperator.identity(), RedirectSettings.ofDefaults()), TLS)) {
      for (int status : statuses) {
        Answer answer = client.send(call(method, home.url("/payments/" + status)));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(requests.get("/payments/" + status))
            .as("requests for a %s answered %d", method, status)
            .hasValue(1);
      }
    }
    assertThat(statuses).contains(408, 429, 503);
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void postIsRetriedWithAnIdempotencyKey(RedirectMode mode) throws IOException {
    home.enqueue(Reply.status(503).header("Retry-After", "1"));
    home.enqueue(Reply.status(201).body("created"));

    Answer answer = send(mode, call("POST", home.url("/payments"), "Idempotency-Key", "pay-1"));

    assertThat(answer).isEqualTo(new Answer(201, "created"));
    assertThat(home.requestCount()).isEqualTo(2);
  }

  @Test
  void postIsRetriedWhenAPolicyRuleOptsIn() throws IOException {
    home.enqueue(Reply.status(503).header("Retry-After", "1"));
    home.enqueue(Reply.status(201).body("created"));
    TriageConfig optIn =
        config(RedirectMode.CLIENT, UnaryOperator.identity(), RedirectSettings.ofDefaults())
            .toBuilder()
            .policyTable(
                PolicyTable.builder()
                    .rule(
                        PolicyRule.forCode(503)
                            .onlyForMethods("POST")
                            .withRetryability(Retryability.ANY_REQUEST))
                    .build())
            .build();

    Answer answer = send(optIn, call("POST", home.url("/payments")));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(home.requestCount()).isEqualTo(2);
  }

  // ---- no secret in logs, meters or findings ------------------------------------------------

  /** Scenarios that make findings and retry lines, every one carrying secrets in URL and fields. */
  static Stream<Arguments> noisyScenarios() {
    return Stream.of(
        Arguments.of("credentials followed across origins", RedirectMode.CLIENT),
        Arguments.of("POST rewritten to GET", RedirectMode.CLIENT),
        Arguments.of("401 without a challenge", RedirectMode.CLIENT),
        Arguments.of("retried 503", RedirectMode.CLIENT),
        Arguments.of("https to http refused", RedirectMode.POLICY),
        Arguments.of("305 refused", RedirectMode.POLICY),
        Arguments.of("redirect loop", RedirectMode.POLICY),
        Arguments.of("invalid Location", RedirectMode.POLICY),
        Arguments.of("Location with userinfo", RedirectMode.POLICY),
        Arguments.of("retried 503", RedirectMode.POLICY));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("noisyScenarios")
  void noSecretReachesALogLineAMeterOrAFinding(String scenario, RedirectMode mode)
      throws IOException {
    String query = "?token=" + SECRET + "&user=me";
    String method = "GET";
    switch (scenario) {
      case "credentials followed across origins":
        home.enqueue(Reply.status(302).header("Location", away.url("/landing" + query).toString()));
        away.enqueue(Reply.status(200));
        break;
      case "POST rewritten to GET":
        method = "POST";
        home.enqueue(Reply.status(302).header("Location", "/next" + query));
        home.enqueue(Reply.status(200));
        break;
      case "401 without a challenge":
        home.enqueue(Reply.status(401));
        break;
      case "retried 503":
        home.enqueue(Reply.status(503).header("Retry-After", "1"));
        home.enqueue(Reply.status(401));
        break;
      case "https to http refused":
        home.useHttps(TLS.serverSockets());
        home.enqueue(Reply.status(302).header("Location", away.url("/plain" + query).toString()));
        break;
      case "305 refused":
        home.enqueue(Reply.status(305).header("Location", away.url("/proxy" + query).toString()));
        break;
      case "redirect loop":
        for (int i = 0; i < 6; i++) {
          home.enqueue(Reply.status(302).header("Location", (i % 2 == 0 ? "/b" : "/a") + query));
        }
        break;
      case "invalid Location":
        home.enqueue(Reply.status(302).header("Location", "http://[bad" + query));
        break;
      default: // Location with userinfo
        URI target = away.url("/landing");
        home.enqueue(
            Reply.status(302)
                .header(
                    "Location",
                    "http://user:"
                        + SECRET
                        + "@"
                        + target.getAuthority()
                        + target.getPath()
                        + query
                        + "#"
                        + SECRET));
        away.enqueue(Reply.status(401));
        break;
    }

    send(mode, call(method, home.url("/start" + query), credentials()));

    List<String> lines = logLines();
    assertThat(lines)
        .as("log lines of %s", scenario)
        .isNotEmpty()
        .noneMatch(line -> line.contains(SECRET));
    assertThat(registry.getMeters()).isNotEmpty().noneMatch(SecurityContract::mentionsTheSecret);
    assertThat(findings)
        .as("findings of %s", scenario)
        .noneMatch(f -> f.toString().contains(SECRET) || f.explanation().contains(SECRET));
  }

  private List<String> logLines() {
    List<String> lines = new ArrayList<>();
    for (CapturedLog log : logs) {
      for (ILoggingEvent e : log.events()) {
        lines.add(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
          lines.add(t.getClassName() + ": " + t.getMessage());
        }
      }
    }
    return lines;
  }

  private static boolean mentionsTheSecret(Meter meter) {
    Meter.Id id = meter.getId();
    return id.getName().contains(SECRET)
        || id.getTags().stream().map(Tag::getValue).anyMatch(v -> v.contains(SECRET));
  }
}
