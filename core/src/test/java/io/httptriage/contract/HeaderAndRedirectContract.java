package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, on every adapter: headers read and redirects followed as RFC 3986 and RFC 9110 say and
 * as browsers do. Each test is named after what broke in release 7e31299 and asserts what the
 * server received, the same on OkHttp and on the JDK client.
 *
 * <p>Where the target matters, the oracle is OkHttp's own {@code HttpUrl.resolve}: what bare OkHttp
 * follows to, in the java.net.URI form its {@code uri()} gives (the JDK client can send no other).
 */
public abstract class HeaderAndRedirectContract {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract ClientUnderTest newClient(TriageConfig config, TestTls tls);

  /**
   * The same, with a cookie store that keeps what servers set (RFC 6265) and starts with one
   * host-only cookie per entry of {@code hostOnlyCookies}: host → {@code name=value}, any port.
   */
  protected abstract ClientUnderTest newClientWithCookies(
      TriageConfig config, TestTls tls, Map<String, String> hostOnlyCookies);

  protected TestServer server;
  protected TestServer other;
  protected final TestTls tls = TestTls.create();
  protected final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  protected final List<AttemptDecided> retryEvents =
      Collections.synchronizedList(new ArrayList<>());
  protected final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  protected final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startServers() {
    server = TestServers.start();
    other = TestServers.start();
  }

  @AfterEach
  void stopServers() {
    server.close();
    other.close();
  }

  private TriageConfig config(
      RedirectMode mode, UnaryOperator<RetrySettings.Builder> retry, RedirectSettings redirects) {
    RetrySettings.Builder settings =
        RetrySettings.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).sleeper(waits::add);
    return TriageConfig.builder()
        .redirectMode(mode)
        .maxHops(redirects.maxHops())
        .allowHttpsDowngrade(redirects.allowHttpsDowngrade())
        .credentialHeaders(redirects.credentialHeaders().toArray(String[]::new))
        .retry(retry.apply(settings).build())
        .listener(
            ExchangeTap.with(
                DefaultTriageListener.builder().build(),
                (exchange, verdict, found) -> {
                  exchanges.add(exchange);
                  findings.addAll(found);
                },
                retryEvents::add))
        .build();
  }

  private TriageConfig config(RedirectMode mode) {
    return config(mode, UnaryOperator.identity(), RedirectSettings.ofDefaults());
  }

  private Answer send(TriageConfig config, Call call) throws IOException {
    try (ClientUnderTest client = newClient(config, tls)) {
      return client.send(call);
    }
  }

  private static Call get(URI uri) {
    return new Call("GET", uri, List.of(), Optional.empty());
  }

  private List<Finding.Kind> kinds() {
    synchronized (findings) {
      return findings.stream().map(Finding::kind).toList();
    }
  }

  /** Where bare OkHttp goes from {@code base} for {@code location}: path and query. */
  private static String okHttpTarget(URI base, String location) {
    URI resolved = HttpUrl.get(base.toString()).resolve(location).uri();
    return resolved.getRawPath()
        + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
  }

  private String followedTo(String from, String location) throws IOException {
    server.enqueue(Reply.status(302).header("Location", location));
    server.enqueue(Reply.status(200).body("landed"));

    Answer answer = send(config(RedirectMode.POLICY), get(server.url(from)));

    assertThat(answer).isEqualTo(new Answer(200, "landed"));
    server.take();
    return server.take().path();
  }

  // ---- RFC 3986 resolution ------------------------------------------------------------------

  @Test
  void queryOnlyLocationKeepsThePathInsteadOfDroppingTheLastSegment() throws IOException {
    assertThat(followedTo("/b/c/d;p?q", "?y"))
        .isEqualTo("/b/c/d;p?y")
        .isEqualTo(okHttpTarget(server.url("/b/c/d;p?q"), "?y"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../g", "/./g", "/../g", "./../../g/."})
  void dotSegmentsAreRemovedInsteadOfSentAsIs(String location) throws IOException {
    assertThat(followedTo("/b/c/d;p?q", location))
        .isEqualTo(okHttpTarget(server.url("/b/c/d;p?q"), location))
        .doesNotContain("/./", "/../");
  }

  // ---- lenient Location ---------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/a b", "/x?q=a b", "/x|y", "/x{y}", "/p%zz", "\\back\\slash"})
  void locationBrowsersFollowIsFollowedInsteadOfRefusedAsInvalid(String location)
      throws IOException {
    assertThat(followedTo("/start", location))
        .isEqualTo(okHttpTarget(server.url("/start"), location));
    assertThat(kinds()).doesNotContain(Finding.Kind.LOCATION_INVALID);
  }

  @Test
  void emptyLocationResolvesToTheRequestUriInsteadOfCountingAsMissing() throws IOException {
    assertThat(followedTo("/same?x=1", "")).isEqualTo("/same?x=1");
    assertThat(kinds()).doesNotContain(Finding.Kind.LOCATION_MISSING);
  }

  @Test
  void fragmentOfTheRequestIsInheritedInsteadOfDropped() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/next"));
    server.enqueue(Reply.status(200).body("ok"));

    send(config(RedirectMode.POLICY), get(URI.create(server.url("/start") + "#section-2")));

    assertThat(exchanges).hasSize(1);
    assertThat(exchanges.get(0).finalHop().uri().getPath()).isEqualTo("/next");
    assertThat(exchanges.get(0).finalHop().uri().getFragment()).isEqualTo("section-2");
  }

  // ---- repeated singleton fields ------------------------------------------------------------

  @Test
  void locationRepeatedWithDifferentValuesIsRefusedOnEveryClientInsteadOfFirstOrLast()
      throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/first").header("Location", "/second"));
    server.enqueue(Reply.status(200));

    Answer answer = send(config(RedirectMode.POLICY), get(server.url("/start")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(kinds()).contains(Finding.Kind.LOCATION_INVALID);
  }

  @Test
  void locationRepeatedWithTheSameValueIsFollowedOnce() throws IOException {
    server.enqueue(Reply.status(302).header("Location", "/next").header("Location", "/next"));
    server.enqueue(Reply.status(200).body("ok"));

    Answer answer = send(config(RedirectMode.POLICY), get(server.url("/start")));

    assertThat(answer).isEqualTo(new Answer(200, "ok"));
    server.take();
    assertThat(server.take().path()).isEqualTo("/next");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2,600", "600,2"})
  void retryAfterRepeatedWithDifferentValuesIsIgnoredOnEveryClientInsteadOfFirstOrLast(String lines)
      throws IOException {
    String[] values = lines.split(",");
    server.enqueue(
        Reply.status(429).header("Retry-After", values[0]).header("Retry-After", values[1]));
    server.enqueue(Reply.status(200).body("ok"));

    Answer answer = send(config(RedirectMode.CLIENT), get(server.url("/items")));

    assertThat(answer).isEqualTo(new Answer(200, "ok"));
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(retryEvents.get(0).outcome()).isEqualTo(AttemptDecided.Outcome.RETRY_SCHEDULED);
    assertThat(retryEvents.get(0).waitSource()).contains("BACKOFF");
    assertThat(retryEvents.get(0).ignoredHeaders()).contains("Retry-After");
  }

  // ---- Retry-After overflow -----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "2147483648"})
  void retryAfterPastTwoToTheThirtyFirstIsTooLongInsteadOfInvalidAndRetriedSoon(String value)
      throws IOException {
    server.enqueue(Reply.status(429).header("Retry-After", value).body("later"));
    server.enqueue(Reply.status(200));

    Answer answer = send(config(RedirectMode.CLIENT), get(server.url("/items")));

    assertThat(answer).isEqualTo(new Answer(429, "later"));
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
    assertThat(retryEvents)
        .extracting(AttemptDecided::outcome)
        .containsExactly(AttemptDecided.Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG);
  }

  // ---- credentials by value -----------------------------------------------------------------

  /**
   * 127.0.0.1 and localhost are two hosts, so a host-only cookie of one never goes to the other
   * (RFC 6265 §5.4): each origin gets its own cookie, and neither crossed.
   */
  @Test
  void perOriginHostOnlyCookiesAreNoCredentialFindingInsteadOfAFalseAlarm() throws IOException {
    // The test servers name themselves "localhost"; the first origin is addressed by its IP.
    URI start = URI.create("http://127.0.0.1:" + server.url("/").getPort() + "/start");
    URI landing = URI.create("http://localhost:" + other.url("/").getPort() + "/landing");
    server.enqueue(Reply.status(302).header("Location", landing.toString()));
    other.enqueue(Reply.status(200).body("elsewhere"));

    try (ClientUnderTest client =
        newClientWithCookies(
            config(RedirectMode.CLIENT),
            tls,
            Map.of("127.0.0.1", "sid=for-127", "localhost", "sid=for-localhost"))) {
      assertThat(client.send(get(start)).status()).isEqualTo(200);
    }

    assertThat(server.take().headers().first("Cookie")).contains("sid=for-127");
    assertThat(other.take().headers().first("Cookie")).contains("sid=for-localhost");
    assertThat(kinds()).doesNotContain(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  /**
   * Cookies ignore ports (RFC 6265 §8.5): a cookie the server on one port sets reaches the server
   * on another port of the same host, another origin (RFC 6454). That one did cross.
   */
  @Test
  void cookieTheFirstOriginSetReachingAnotherPortIsACredentialFinding() throws IOException {
    server.enqueue(
        Reply.status(302)
            .header("Location", other.url("/landing").toString())
            .header("Set-Cookie", "sid=set-by-first; Path=/"));
    other.enqueue(Reply.status(200).body("elsewhere"));

    try (ClientUnderTest client =
        newClientWithCookies(config(RedirectMode.CLIENT), tls, Map.of())) {
      assertThat(client.send(get(server.url("/start"))).status()).isEqualTo(200);
    }

    server.take();
    assertThat(other.take().headers().first("Cookie")).contains("sid=set-by-first");
    assertThat(kinds()).contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  // ---- redaction ----------------------------------------------------------------------------

  @Test
  void pathParametersAndValuelessQueryTokensAreRedactedInFindingsInsteadOfLoggedInClear()
      throws IOException {
    server.enqueue(
        Reply.status(302)
            .header("Location", "/login;jsessionid=S3CRETSESSION?S3CRETTOKEN&next=S3CRETVALUE"));
    server.enqueue(Reply.status(200));

    send(
        config(RedirectMode.POLICY),
        new Call(
            "POST", server.url("/form;jsessionid=S3CRETSESSION"), List.of(), Optional.of("x")));

    assertThat(kinds()).contains(Finding.Kind.METHOD_REWRITTEN);
    synchronized (findings) {
      for (Finding f : findings) {
        assertThat(f.from().orElse("") + f.to().orElse("") + f.explanation())
            .doesNotContain("S3CRET");
      }
    }
  }

  // ---- who stopped --------------------------------------------------------------------------

  @Test
  void loopIsOneRedirectLoopFindingInsteadOfAlsoChainTruncated() throws IOException {
    for (int i = 0; i < 10; i++) {
      server.enqueue(Reply.status(302).header("Location", i % 2 == 0 ? "/b" : "/a"));
    }

    Answer answer = send(config(RedirectMode.POLICY), get(server.url("/a")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(kinds())
        .containsOnlyOnce(Finding.Kind.REDIRECT_LOOP)
        .doesNotContain(Finding.Kind.CHAIN_TRUNCATED);
  }

  @Test
  void httptriagesOwnHopLimitIsTooManyHopsInsteadOfChainTruncated() throws IOException {
    for (int i = 0; i < 5; i++) {
      server.enqueue(Reply.status(302).header("Location", "/" + (i + 1)));
    }

    Answer answer =
        send(
            config(
                RedirectMode.POLICY,
                UnaryOperator.identity(),
                RedirectSettings.builder().maxHops(3).build()),
            get(server.url("/0")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(server.requestCount()).isEqualTo(4);
    assertThat(kinds())
        .contains(Finding.Kind.TOO_MANY_HOPS)
        .doesNotContain(Finding.Kind.CHAIN_TRUNCATED);
  }
}
