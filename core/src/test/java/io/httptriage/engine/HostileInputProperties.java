package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.WaitRecordingScheduler;
import io.httptriage.engine.FakeClient.Resp;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.Origin;
import io.httptriage.exchange.RequestView;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile servers through the whole runtime: whatever statuses, Retry-After, RateLimit and Location
 * values the responses carry, and whatever Idempotency-Key the request has, in both redirect modes,
 * sync and async — nothing escapes as an exception, no wait exceeds the cap, every response but the
 * final one is discarded exactly once, the exchange is counted once, credentials stay with their
 * origin, and no secret of the request reaches a log line or a meter.
 *
 * <p>The number of tries is jqwik's default ({@code jqwik.tries.default}): a few thousand in a
 * normal build, 10 000 or more in a soak run.
 */
class HostileInputProperties {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String SECRET = "SECRET";
  private static final URI START = URI.create("https://a.example.test/start?token=" + SECRET);
  private static final List<String> CREDENTIALS =
      List.of("Authorization", "Cookie", "Proxy-Authorization");

  private static CapturedLog findingsLog;
  private static CapturedLog retriesLog;
  private static CapturedLog runtimeLog;

  /** The log lines are part of the runtime under test: every logger writes, and is read. */
  @BeforeContainer
  static void captureLogs() {
    findingsLog = new CapturedLog("io.httptriage.findings", Level.TRACE);
    retriesLog = new CapturedLog("io.httptriage.retries", Level.TRACE);
    runtimeLog = new CapturedLog("io.httptriage", Level.TRACE);
  }

  @AfterContainer
  static void releaseLogs() {
    findingsLog.close();
    retriesLog.close();
    runtimeLog.close();
  }

  /** One response the hostile server sends. */
  record Answer(int status, Headers headers) {}

  @Property
  void hostileResponsesNeverEscapeNorLeakNorWaitPastTheCap(
      @ForAll @Size(max = 8) List<@From("answers") Answer> answers,
      @ForAll("methods") String method,
      @ForAll("idempotencyKeys") Optional<String> idempotencyKey,
      @ForAll RedirectMode mode,
      @ForAll boolean async,
      @ForAll @LongRange(min = 0, max = 120_000) long capMillis)
      throws Exception {
    FakeClient client = new FakeClient();
    answers.forEach(a -> client.answer(a.status(), a.headers()));
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    List<AttemptDecided> events = Collections.synchronizedList(new ArrayList<>());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Integer> exchanges = Collections.synchronizedList(new ArrayList<>());
    WaitRecordingScheduler scheduler = new WaitRecordingScheduler(waits::add);
    Duration cap = Duration.ofMillis(capMillis);
    Triage triage =
        Triage.of(
            TriageConfig.builder()
                .redirectMode(mode)
                .retry(
                    RetrySettings.builder()
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .sleeper(waits::add)
                        .maxRetryAfter(cap)
                        .build())
                .scheduler(scheduler)
                .listener(
                    ExchangeTap.with(
                        DefaultTriageListener.builder()
                            .meterRegistry(registry)
                            .maxLinesPerSecond(Integer.MAX_VALUE)
                            .build(),
                        (exchange, verdict, findings) -> exchanges.add(verdict.status().code()),
                        events::add))
                .build());
    RequestView request = request(method, idempotencyKey);
    int linesBefore = logLines();

    Resp result;
    try {
      result =
          async
              ? triage
                  .executeAsync(
                      request, client, r -> CompletableFuture.completedFuture(client.send(r)))
                  .get(10, TimeUnit.SECONDS)
              : triage.execute(request, client, client::send);
    } finally {
      scheduler.shutdownNow();
    }

    assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, cap));
    assertThat(client.discarded)
        .extracting(Resp::id)
        .as("every response but the final one, once each")
        .containsExactlyElementsOf(allBut(client.answered, result));
    int maxSends =
        (RedirectSettings.DEFAULT_MAX_HOPS + 1) * RetrySettings.ofDefaults().maxAttempts();
    assertThat(client.sent).hasSizeBetween(1, maxSends);
    assertThat(exchanges).as("one exchange observed").hasSize(1);
    assertThat(registry.find("httptriage.responses").counters())
        .as("the final response counted once")
        .singleElement()
        .extracting(Counter::count)
        .isEqualTo(1.0);
    assertThat(client.sent).allSatisfy(HostileInputProperties::carriesCredentialsOnlyHome);
    assertThat(client.sent)
        .extracting(r -> r.uri().getScheme().toLowerCase(Locale.ROOT))
        .as("https→http is never followed")
        .containsOnly("https");
    assertThat(events).allSatisfy(e -> retriedOnlyWhenIdempotent(e, idempotencyKey));
    assertThat(newLogLines(linesBefore)).noneMatch(line -> line.contains(SECRET));
    assertThat(registry.getMeters()).noneMatch(HostileInputProperties::mentionsTheSecret);
  }

  private static RequestView request(String method, Optional<String> idempotencyKey) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "Authorization",
                "Bearer " + SECRET,
                "Cookie",
                "sid=" + SECRET,
                "Proxy-Authorization",
                "Basic " + SECRET));
    idempotencyKey.ifPresent(
        key -> {
          headers.add("Idempotency-Key");
          headers.add(key);
        });
    boolean body = !method.equals("GET") && !method.equals("HEAD");
    return RequestView.of(method, START, Headers.of(headers.toArray(new String[0])), body, true);
  }

  private static List<Integer> allBut(List<Resp> answered, Resp result) {
    assertThat(answered).as("the final response is one the client gave").contains(result);
    return answered.stream()
        .map(Resp::id)
        .filter(id -> id != result.id())
        .collect(Collectors.toList());
  }

  private static void carriesCredentialsOnlyHome(RequestView sent) {
    Optional<Origin> origin = Origin.of(sent.uri());
    if (origin.isEmpty() || !origin.equals(Origin.of(START))) {
      assertThat(CREDENTIALS)
          .as("credentials sent to %s", sent.uri())
          .noneMatch(name -> sent.header(name).isPresent());
    }
  }

  /** POST and PATCH are retried only with a key, or on 421/425, which say nothing was processed. */
  private static void retriedOnlyWhenIdempotent(AttemptDecided event, Optional<String> key) {
    if (event.outcome() != AttemptDecided.Outcome.RETRY_SCHEDULED) {
      return;
    }
    boolean idempotentMethod =
        Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE").contains(event.method());
    boolean keyed = key.isPresent() && !key.get().isBlank();
    assertThat(idempotentMethod || keyed || event.status() == 421 || event.status() == 425)
        .as("%s retried after %d", event.method(), event.status())
        .isTrue();
  }

  private static boolean mentionsTheSecret(Meter meter) {
    if (meter.getId().getName().contains(SECRET)) {
      return true;
    }
    for (Tag tag : meter.getId().getTags()) {
      if (tag.getKey().contains(SECRET) || tag.getValue().contains(SECRET)) {
        return true;
      }
    }
    return false;
  }

  private static int logLines() {
    return findingsLog.events().size() + retriesLog.events().size() + runtimeLog.events().size();
  }

  /** Lines written since {@code before}; the loggers are only ever appended to. */
  private static List<String> newLogLines(int before) {
    List<String> all = new ArrayList<>();
    for (CapturedLog log : List.of(findingsLog, retriesLog, runtimeLog)) {
      log.events()
          .forEach(
              e -> {
                all.add(e.getFormattedMessage());
                if (e.getThrowableProxy() != null) {
                  all.add(e.getThrowableProxy().getMessage());
                }
              });
    }
    return all.subList(Math.min(before, all.size()), all.size());
  }

  // ---- generators ---------------------------------------------------------------------------

  /**
   * Retryable statuses with wait fields, redirects with a Location (and wait fields now and then),
   * and any other int as a status, the last with any of the fields.
   */
  @Provide
  Arbitrary<Answer> answers() {
    Arbitrary<List<String>> waitFields =
        Arbitraries.<List<String>>frequencyOf(
                weighted(3, header("Retry-After", retryAfters())),
                weighted(2, header("RateLimit", rateLimits())),
                weighted(1, header("RateLimit-Policy", rateLimitPolicies())),
                weighted(
                    1,
                    Combinators.combine(numbers(), numbers())
                        .as(
                            (remaining, reset) ->
                                List.of(
                                    "RateLimit-Remaining", remaining, "RateLimit-Reset", reset))))
            .list()
            .ofMaxSize(3)
            .map(lists -> lists.stream().flatMap(List::stream).collect(Collectors.toList()));
    Arbitrary<Answer> retryable =
        Combinators.combine(
                Arbitraries.of(429, 503, 502, 504, 408, 413, 421, 425, 520, 529), waitFields)
            .as(HostileInputProperties::answer);
    Arbitrary<Answer> redirect =
        Combinators.combine(
                Arbitraries.of(300, 301, 302, 303, 304, 305, 306, 307, 308),
                locations(),
                waitFields.injectNull(0.7))
            .as((code, location, more) -> answer(code, withField("Location", location, more)));
    Arbitrary<Answer> other =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.integers(),
                    Arbitraries.of(
                        Integer.MIN_VALUE,
                        Integer.MAX_VALUE,
                        -1,
                        0,
                        99,
                        100,
                        199,
                        200,
                        204,
                        401,
                        500,
                        599,
                        600,
                        999)),
                waitFields,
                locations().injectNull(0.5))
            .as(
                (code, more, location) ->
                    answer(code, location == null ? more : withField("Location", location, more)));
    return Arbitraries.frequencyOf(
        weighted(5, retryable), weighted(5, redirect), weighted(2, other));
  }

  private static Answer answer(int status, List<String> namesAndValues) {
    return new Answer(status, Headers.of(namesAndValues.toArray(new String[0])));
  }

  private static List<String> withField(String name, String value, List<String> more) {
    List<String> all = new ArrayList<>(List.of(name, value));
    if (more != null) {
      all.addAll(more);
    }
    return all;
  }

  private static Arbitrary<List<String>> header(String name, Arbitrary<String> values) {
    return values.map(value -> List.of(name, value));
  }

  private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(
      int weight, Arbitrary<T> values) {
    return Tuple.of(weight, values);
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(n -> Long.toString(n)),
        Arbitraries.of(
            "0",
            "-0",
            "-1",
            "1.5",
            "1e9",
            "0x10",
            "+5",
            " 7 ",
            "",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999999"));
  }

  private static Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
        Arbitraries.strings().withCharRange('\u00a0', '\u2fff').ofMinLength(1).ofMaxLength(20),
        Arbitraries.of("", " ", "\t", "\r\n", "\u2028", "ä", "\uD83D\uDE00", "\uD800"));
  }

  private static Arbitrary<String> retryAfters() {
    return Arbitraries.oneOf(
        numbers(),
        hostile(),
        Arbitraries.longs()
            .between(-10_000_000_000L, 300_000_000_000L)
            .map(
                s ->
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochSecond(
                                Math.max(-62_135_596_800L, Math.min(s, 253_402_300_799L)))
                            .atOffset(ZoneOffset.UTC))),
        Arbitraries.of(
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0001 00:00:00 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 22 Nov 2026 12:00:05 GMT",
            "Sun, 22 Nov 2026 12:00:05 PST",
            "Sun, 32 Nov 2026 25:61:61 GMT"));
  }

  private static Arbitrary<String> rateLimits() {
    Arbitrary<String> item =
        Combinators.combine(
                Arbitraries.of("\"default\"", "\"a\"", "default", "\"ä\"", "\"\""),
                numbers(),
                numbers())
            .as((name, r, t) -> name + ";r=" + r.strip() + ";t=" + t.strip());
    return Arbitraries.oneOf(
        item, item.list().ofMaxSize(3).map(l -> String.join(", ", l)), hostile());
  }

  private static Arbitrary<String> rateLimitPolicies() {
    Arbitrary<String> item =
        Combinators.combine(Arbitraries.of("\"default\"", "\"a\"", "x"), numbers(), numbers())
            .as((name, q, w) -> name + ";q=" + q.strip() + ";w=" + w.strip());
    return Arbitraries.oneOf(item, hostile());
  }

  private static Arbitrary<String> locations() {
    Arbitrary<String> hosts =
        Arbitraries.of(
            "a.example.test",
            "b.example.test",
            "A.EXAMPLE.TEST",
            "127.0.0.1",
            "[::1]",
            "[::1",
            "ü.example",
            "xn--tda.example",
            "a_b.example",
            "-a.example",
            "");
    Arbitrary<String> ports =
        Arbitraries.of(
            "",
            ":443",
            ":80",
            ":0",
            ":65535",
            ":65536",
            ":70000",
            ":99999999999",
            ":-1",
            ":",
            ":https");
    Arbitrary<String> schemes =
        Arbitraries.of("https://", "http://", "HTTPS://", "//", "ftp://", "javascript:", "");
    Arbitrary<String> paths =
        Arbitraries.of(
            "/",
            "/next",
            "/start?token=" + SECRET,
            "/x#" + SECRET,
            "/a/../b",
            "/%zz",
            "/ä",
            "/" + "p".repeat(10_000),
            "?token=" + SECRET,
            "");
    Arbitrary<String> absolute =
        Combinators.combine(schemes, Arbitraries.of("", "u:" + SECRET + "@"), hosts, ports, paths)
            .as((scheme, userinfo, host, port, path) -> scheme + userinfo + host + port + path);
    return Arbitraries.frequencyOf(
        weighted(6, absolute),
        weighted(2, paths),
        weighted(1, hostile()),
        weighted(
            1,
            Arbitraries.of(
                "http://[bad?token=" + SECRET, "https://a.example.test/start?token=" + SECRET)));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
  }

  @Provide
  Arbitrary<Optional<String>> idempotencyKeys() {
    return Arbitraries.oneOf(
        Arbitraries.just(Optional.<String>empty()),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).map(Optional::of),
        hostile().map(Optional::of),
        Arbitraries.of("", " ", "\"k-1\"").map(Optional::of));
  }
}
