package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 301 stored by a real {@code okhttp3.Cache} three days ago (Age: 259200) and followed again from
 * it: the hop is marked as a cache hop and the audit reports REDIRECT_FROM_CACHE with the age,
 * whoever follows, OkHttp or httptriage.
 */
class OkHttpCacheHopTest {
  @TempDir Path dir;
  private TestServer server;
  private Cache cache;

  @BeforeEach
  void start() {
    server = TestServers.start();
    server.dispatch(
        request ->
            request.path().equals("/old")
                ? Reply.status(301)
                    .header("Location", "/new")
                    .header("Cache-Control", "max-age=31536000")
                    .header("Age", "259200")
                : Reply.status(200).body("new"));
    cache = new Cache(dir.toFile(), 1024 * 1024);
  }

  @AfterEach
  void stop() throws IOException {
    cache.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void marksAPermanentRedirectFollowedFromTheCacheWithItsAge(RedirectMode mode) throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    TriageListener exchangesSeen =
        new ExchangeDetails() {
          @Override
          public void exchangeCompleted(
              TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
            exchanges.add(exchange);
          }
        };
    TriageConfig config =
        TriageConfig.builder()
            .redirectMode(mode)
            .listener(
                TriageListener.composite(
                    DefaultTriageListener.builder().meterRegistry(registry).build(), exchangesSeen))
            .build();
    OkHttpClient client =
        TriageInterceptor.install(new OkHttpClient.Builder().cache(cache), config).build();

    assertThat(get(client)).isEqualTo("new");
    assertThat(get(client)).isEqualTo("new");

    assertThat(server.requestCount()).as("the second call asks only for /new").isEqualTo(3);
    assertThat(exchanges).hasSize(2);
    Hop first = exchanges.get(0).hops().get(0);
    Hop second = exchanges.get(1).hops().get(0);
    assertThat(first.servedFromCache()).isFalse();
    assertThat(second.servedFromCache()).isTrue();
    assertThat(second.cacheAge().orElseThrow())
        .isBetween(Duration.ofSeconds(259_200), Duration.ofSeconds(259_260));
    assertThat(exchanges.get(1).finalHop().servedFromCache()).isFalse();
    assertThat(
            registry
                .get("httptriage.redirect.findings")
                .tag("kind", "REDIRECT_FROM_CACHE")
                .tag("severity", "INFO")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  private String get(OkHttpClient client) throws IOException {
    Request request = new Request.Builder().url(server.url("/old").toString()).build();
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }
}
