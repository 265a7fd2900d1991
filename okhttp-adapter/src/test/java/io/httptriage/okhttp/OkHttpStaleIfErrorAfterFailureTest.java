package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stale-if-error (RFC 5861 §4) after a transport failure (#17 on top of #13): the origin stores a
 * 200 with {@code stale-if-error=300} in a real {@code okhttp3.Cache}, then goes away (its port
 * refuses connections). After httptriage's retries of the refused connect are spent, the stored
 * response is served within the window and the failure thrown after it. On OkHttp 5.x here and on
 * 4.12 in okhttp4-compat.
 */
class OkHttpStaleIfErrorAfterFailureTest {
  @TempDir Path dir;
  private TestServer server;
  private Cache cache;
  private final ManualClock clock = new ManualClock(Instant.now());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private OkHttpClient client;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = TestServers.start();
    server.dispatch(
        request ->
            Reply.status(200)
                .header("Cache-Control", "max-age=0, stale-if-error=300")
                .body("stored"));
    cache = new Cache(dir.toFile(), 1024 * 1024);
    RetrySettings retry = RetrySettings.builder().clock(clock).sleeper(d -> {}).build();
    client =
        TriageInterceptor.install(
                new OkHttpClient.Builder().cache(cache),
                TriageConfig.builder().retry(retry).meterRegistry(registry).build())
            .build();
    url = server.url("/down").toString();
    try (Response stored = get()) {
      assertThat(stored.body().string()).isEqualTo("stored");
    }
    server.close(); // from now on the origin's port refuses connections
  }

  @AfterEach
  void stop() throws IOException {
    cache.close();
  }

  @Test
  void servesTheStoredResponseAfterTheRetriesOfARefusedConnectWithinTheWindowAndNotAfter()
      throws IOException {
    clock.advance(Duration.ofSeconds(290));
    try (CapturedLog log = new CapturedLog("io.httptriage.retries", Level.INFO);
        Response within = get()) {
      assertThat(within.code()).isEqualTo(200);
      assertThat(within.body().string()).isEqualTo("stored");
      ServedStale mark = within.request().tag(ServedStale.class);
      assertThat(mark).isNotNull();
      assertThat(mark.originStatus()).isZero();
      assertThat(mark.reason()).contains("within the response's stale-if-error=300");
      assertThat(log.leveled())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("WARN httptriage served stale")
                      .contains("instead of a transport failure (not_sent)"));
    }
    assertThat(calls("SERVED_STALE", "not_sent")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(20));
    try (CapturedLog log = new CapturedLog("io.httptriage.retries", Level.INFO)) {
      assertThatThrownBy(this::get)
          .isInstanceOf(ConnectException.class)
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
      assertThat(log.leveled())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("WARN httptriage call failed error=not_sent client=okhttp")
                      .contains("attempts=3 refused_by=ATTEMPTS"));
    }
    assertThat(calls("FAIL", "not_sent")).isEqualTo(1);
  }

  @Test
  void neverServesItWhenTheCallerCancelled() {
    Request request = new Request.Builder().url(url).build();
    okhttp3.Call call = client.newCall(request);
    call.cancel();
    assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
    assertThat(calls("SERVED_STALE", "not_sent")).isZero();
  }

  private Response get() throws IOException {
    return client.newCall(new Request.Builder().url(url).build()).execute();
  }

  private long calls(String verdict, String error) {
    Timer t = registry.find("httptriage.calls").tag("verdict", verdict).tag("error", error).timer();
    return t == null ? 0 : t.count();
  }
}
