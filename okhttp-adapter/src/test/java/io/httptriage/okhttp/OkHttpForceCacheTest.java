package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Cache;
import okhttp3.CacheControl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stale-if-error lookup relies on, shown on bare OkHttp with a real {@code Cache}: an
 * origin's 503 to a GET leaves the stored response in place, and a FORCE_CACHE request then returns
 * it, however stale, without touching the network; with nothing stored it answers a synthetic 504
 * that came from neither cache nor network.
 */
class OkHttpForceCacheTest {
  @TempDir Path dir;
  private TestServer server;
  private Cache cache;
  private OkHttpClient client;
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void start() {
    server = TestServers.start();
    server.dispatch(
        request ->
            calls.incrementAndGet() == 1
                ? Reply.status(200)
                    .header("Cache-Control", "max-age=0, stale-if-error=60")
                    .body("stored")
                : Reply.status(503).body("down"));
    cache = new Cache(dir.toFile(), 1024 * 1024);
    client = new OkHttpClient.Builder().cache(cache).build();
  }

  @AfterEach
  void stop() throws IOException {
    cache.close();
    server.close();
  }

  @Test
  void aForceCacheRequestReturnsTheStoredResponseAfterTheOriginFailed() throws IOException {
    String url = server.url("/item").toString();
    try (Response first = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(first.body().string()).isEqualTo("stored");
    }
    try (Response error = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(error.code()).isEqualTo(503);
      assertThat(error.body().string()).isEqualTo("down");
    }
    Request forced = new Request.Builder().url(url).cacheControl(CacheControl.FORCE_CACHE).build();
    try (Response stored = client.newCall(forced).execute()) {
      assertThat(stored.code()).isEqualTo(200);
      assertThat(stored.cacheResponse()).isNotNull();
      assertThat(stored.networkResponse()).isNull();
      assertThat(stored.header("Cache-Control")).isEqualTo("max-age=0, stale-if-error=60");
      assertThat(stored.receivedResponseAtMillis()).isPositive();
      assertThat(stored.body().string()).isEqualTo("stored");
    }
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aForceCacheRequestWithNothingStoredAnswersASynthetic504() throws IOException {
    Request forced =
        new Request.Builder()
            .url(server.url("/never").toString())
            .cacheControl(CacheControl.FORCE_CACHE)
            .build();
    try (Response none = client.newCall(forced).execute()) {
      assertThat(none.code()).isEqualTo(504);
      assertThat(none.cacheResponse()).isNull();
      assertThat(none.networkResponse()).isNull();
    }
    assertThat(server.requestCount()).isZero();
  }
}
