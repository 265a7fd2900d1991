package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Cache;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stale-if-error (RFC 5861 §4) on a real {@code okhttp3.Cache}: each path answers its first request
 * with a stored-worthy 200 ({@code max-age=0}, so OkHttp goes back to the origin at once) and every
 * later one with an error. httptriage's clock is moved by hand from the real instant OkHttp stamps
 * the stored response with, so the window is crossed without sleeping. On OkHttp 5.x here and on
 * 4.12 in okhttp4-compat.
 */
class OkHttpStaleIfErrorTest {
  private static final String WINDOW_300 = "max-age=0, stale-if-error=300";

  @TempDir Path dir;
  private TestServer server;
  private Cache cache;
  private final ManualClock clock = new ManualClock(Instant.now());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<String, String> cacheControl = new ConcurrentHashMap<>();
  private volatile int errorStatus = 503;
  private OkHttpClient client;

  @BeforeEach
  void start() {
    server = TestServers.start();
    server.dispatch(
        request -> {
          int n = seen.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
          return n == 1
              ? Reply.status(200)
                  .header("Cache-Control", cacheControl.getOrDefault(request.path(), WINDOW_300))
                  .body("stored " + request.path())
              : request.method().equals("HEAD")
                  ? Reply.status(errorStatus)
                  : Reply.status(errorStatus).body("down");
        });
    cache = new Cache(dir.toFile(), 1024 * 1024);
    client = client(TriageConfig.builder());
  }

  @AfterEach
  void stop() throws IOException {
    cache.close();
    server.close();
  }

  @Test
  void servesTheStoredResponseWithinTheWindowAndNotAfter() throws IOException {
    store("/a");

    clock.advance(Duration.ofSeconds(290));
    try (CapturedLog log = new CapturedLog("io.httptriage.retries", Level.INFO);
        Response within = get("/a", null)) {
      assertThat(within.code()).isEqualTo(200);
      assertThat(within.body().string()).isEqualTo("stored /a");
      ServedStale mark = within.request().tag(ServedStale.class);
      assertThat(mark).isNotNull();
      assertThat(mark.originStatus()).isEqualTo(503);
      assertThat(mark.window()).isEqualTo(Duration.ofSeconds(300));
      assertThat(mark.staleness()).isBetween(Duration.ofSeconds(280), Duration.ofSeconds(290));
      assertThat(within.request().header("Cache-Control")).isNull();
      assertThat(log.leveled())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith(
                          "WARN httptriage served stale code=503 verdict=SERVED_STALE client=okhttp")
                      .contains("served the stored 200 instead of 503: stale for 2")
                      .contains("within the response's stale-if-error=300"));
    }
    assertThat(responses("SERVED_STALE", 503)).isEqualTo(1.0);
    assertThat(seen.get("/a")).hasValue(1 + 3); // the retries came first: 3 attempts, all 503

    clock.advance(Duration.ofSeconds(20));
    try (Response after = get("/a", null)) {
      assertThat(after.code()).isEqualTo(503);
      assertThat(after.body().string()).isEqualTo("down");
      assertThat(after.request().tag(ServedStale.class)).isNull();
    }
    assertThat(responses("SERVED_STALE", 503)).isEqualTo(1.0);
    assertThat(responses("FAIL", 503)).isEqualTo(1.0);
    assertNoConnectionLeft();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void servesTheStoredResponseInsteadOfEveryErrorRfc5861Names(int status) throws IOException {
    errorStatus = status;
    store("/e");
    clock.advance(Duration.ofSeconds(10));
    try (Response r = get("/e", null)) {
      assertThat(r.body().string()).isEqualTo("stored /e");
      assertThat(r.request().tag(ServedStale.class).originStatus()).isEqualTo(status);
    }
    assertThat(responses("SERVED_STALE", status)).isEqualTo(1.0);
    assertNoConnectionLeft();
  }

  @Test
  void mustRevalidatePreventsIt() throws IOException {
    cacheControl.put("/m", WINDOW_300 + ", must-revalidate");
    store("/m");
    clock.advance(Duration.ofSeconds(10));
    try (Response r = get("/m", null)) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.request().tag(ServedStale.class)).isNull();
    }
    assertThat(responses("FAIL", 503)).isEqualTo(1.0);
    assertNoConnectionLeft();
  }

  @Test
  void neverServesAStoredResponseToAPost() throws IOException {
    store("/p");
    clock.advance(Duration.ofSeconds(10));
    Request post =
        new Request.Builder()
            .url(server.url("/p").toString())
            .post(RequestBody.create("{}", MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(post).execute()) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("down");
      assertThat(r.request().tag(ServedStale.class)).isNull();
    }
    assertThat(seen.get("/p")).as("a POST is not retried either").hasValue(2);
    assertNoConnectionLeft();
  }

  @Test
  void theCallersOwnWindowReplacesTheResponses() throws IOException {
    store("/r");
    clock.advance(Duration.ofSeconds(100));
    try (Response r = get("/r", "stale-if-error=10")) {
      assertThat(r.code()).isEqualTo(503);
    }
    cacheControl.put("/s", "max-age=0");
    store("/s");
    try (Response r = get("/s", "stale-if-error=600")) {
      assertThat(r.body().string()).isEqualTo("stored /s");
      assertThat(r.request().tag(ServedStale.class).reason()).contains("the request's");
    }
  }

  @Test
  void isOffWhenTheConfigSaysSo() throws IOException {
    client = client(TriageConfig.builder().staleIfError(false));
    store("/off");
    clock.advance(Duration.ofSeconds(10));
    try (Response r = get("/off", null)) {
      assertThat(r.code()).isEqualTo(503);
    }
    assertThat(responses("SERVED_STALE", 503)).isZero();
  }

  @Test
  void handsTheErrorBackWhenNothingIsStored() throws IOException {
    seen.put("/never", new AtomicInteger(1)); // no 200 ever: the first request already fails
    try (Response r = get("/never", null)) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("down");
    }
    assertNoConnectionLeft();
  }

  @Test
  void handsTheErrorBackWholeOnAClientWithoutACache() throws IOException {
    seen.put("/nocache", new AtomicInteger(1));
    RetrySettings retry = RetrySettings.builder().clock(clock).sleeper(d -> {}).build();
    OkHttpClient bare =
        TriageInterceptor.install(
                new OkHttpClient.Builder(),
                TriageConfig.builder().retry(retry).meterRegistry(registry).build())
            .build();
    try (Response r =
        bare.newCall(new Request.Builder().url(server.url("/nocache").toString()).build())
            .execute()) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("down");
    }
    assertThat(seen.get("/nocache"))
        .as("the look into the cache never reaches the network")
        .hasValue(1 + 3);
    assertThat(responses("FAIL", 503)).isEqualTo(1.0);
    assertThat(bare.connectionPool().idleConnectionCount())
        .isEqualTo(bare.connectionPool().connectionCount());
  }

  @Test
  void handsAnErrorTooLargeToCopyBackUntouched() throws IOException {
    String large = "x".repeat((int) OkHttpCall.MAX_COPIED_ERROR + 10);
    server.dispatch(
        request -> {
          int n = seen.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
          return n == 1
              ? Reply.status(200).header("Cache-Control", WINDOW_300).body("stored")
              : Reply.status(503).body(large);
        });
    store("/big", "stored");
    clock.advance(Duration.ofSeconds(10));
    try (Response r = get("/big", null)) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).hasSize(large.length());
    }
    assertNoConnectionLeft();
  }

  /** OkHttp stores GET responses only, and never answers a HEAD with one: core would allow it. */
  @Test
  void aHeadGetsTheErrorBecauseOkHttpNeverAnswersItFromAStoredGet() throws IOException {
    store("/h");
    clock.advance(Duration.ofSeconds(10));
    Request head = new Request.Builder().url(server.url("/h").toString()).head().build();
    try (Response r = client.newCall(head).execute()) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.request().tag(ServedStale.class)).isNull();
    }
    assertNoConnectionLeft();
  }

  private OkHttpClient client(TriageConfig.Builder config) {
    RetrySettings retry = RetrySettings.builder().clock(clock).sleeper(d -> {}).build();
    return TriageInterceptor.install(
            new OkHttpClient.Builder().cache(cache),
            config.retry(retry).meterRegistry(registry).build())
        .build();
  }

  private void store(String path) throws IOException {
    store(path, "stored " + path);
  }

  private void store(String path, String body) throws IOException {
    try (Response r = get(path, null)) {
      assertThat(r.body().string()).isEqualTo(body);
    }
  }

  private Response get(String path, String cacheControl) throws IOException {
    Request.Builder b = new Request.Builder().url(server.url(path).toString());
    if (cacheControl != null) {
      b.header("Cache-Control", cacheControl);
    }
    return client.newCall(b.build()).execute();
  }

  private double responses(String verdict, int code) {
    Counter c =
        registry
            .find("httptriage.responses")
            .tag("verdict", verdict)
            .tag("code", String.valueOf(code))
            .counter();
    return c == null ? 0 : c.count();
  }

  private void assertNoConnectionLeft() {
    assertThat(client.connectionPool().idleConnectionCount())
        .isEqualTo(client.connectionPool().connectionCount());
  }
}
