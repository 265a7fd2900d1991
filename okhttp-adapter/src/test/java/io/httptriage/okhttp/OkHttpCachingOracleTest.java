package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.policy.Cacheability;
import io.httptriage.policy.PolicyTable;
import io.httptriage.reference.OkHttpCaching;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@link OkHttpCaching} against a real {@code okhttp3.Cache}, with no httptriage installed:
 * for every final code of the registry (and an unknown one), one response without explicit
 * freshness but with a Last-Modified ten days old, and one with {@code max-age=600}; each is asked
 * for twice, and the second answer either comes from the cache or from the network. On OkHttp 5.x
 * here, on 4.12 in okhttp4-compat.
 */
class OkHttpCachingOracleTest {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  @TempDir Path dir;
  private TestServer server;
  private Cache cache;
  private OkHttpClient client;

  @BeforeEach
  void start() {
    server = TestServers.start();
    Instant now = Instant.now();
    String date = HTTP_DATE.format(now);
    String lastModified = HTTP_DATE.format(now.minusSeconds(10L * 24 * 3600));
    server.dispatch(
        request -> {
          String[] parts = request.path().split("/");
          int code = Integer.parseInt(parts[2]);
          Reply reply = Reply.status(code).header("Date", date);
          reply =
              "heuristic".equals(parts[1])
                  ? reply.header("Last-Modified", lastModified)
                  : reply.header("Cache-Control", "max-age=600");
          return code == 204 || code == 205 || code == 304 ? reply : reply.body("stored " + code);
        });
    cache = new Cache(dir.toFile(), 10L * 1024 * 1024);
    client =
        new OkHttpClient.Builder()
            .cache(cache)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    cache.close();
    server.close();
  }

  @Test
  void okHttpStoresWhatTheTableSays() throws IOException {
    List<String> wrong = new ArrayList<>();
    EnumSet<Cacheability> seen = EnumSet.noneOf(Cacheability.class);
    for (int code : codes()) {
      Cacheability observed =
          servedFromCache("heuristic", code)
              ? Cacheability.HEURISTIC
              : servedFromCache("explicit", code)
                  ? Cacheability.EXPLICIT_ONLY
                  : Cacheability.NEVER_STORE;
      seen.add(observed);
      if (observed != OkHttpCaching.of(code)) {
        wrong.add(code + ": OkHttp " + observed + ", table " + OkHttpCaching.of(code));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(seen)
        .as("the scenarios tell the three apart")
        .containsExactlyInAnyOrder(Cacheability.values());
  }

  @Test
  void differsFromTheRfcsOn206And451() {
    PolicyTable rfc = PolicyTable.ofDefaults();
    for (int code : new int[] {206, 451}) {
      assertThat(PolicyLookup.policyFor(rfc, code).cacheability())
          .isEqualTo(Cacheability.HEURISTIC);
      assertThat(OkHttpCaching.of(code)).isEqualTo(Cacheability.NEVER_STORE);
    }
    assertThat(
            IntStream.of(codes())
                .filter(
                    c ->
                        PolicyLookup.policyFor(rfc, c).cacheability() == Cacheability.HEURISTIC
                            && OkHttpCaching.of(c) != Cacheability.HEURISTIC))
        .containsExactly(206, 451);
  }

  private boolean servedFromCache(String scenario, int code) throws IOException {
    String url = server.url("/" + scenario + "/" + code).toString();
    try (Response first = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(first.code()).isEqualTo(code);
      first.body().string();
    }
    try (Response second = client.newCall(new Request.Builder().url(url).build()).execute()) {
      second.body().string();
      return second.cacheResponse() != null && second.networkResponse() == null;
    }
  }

  /**
   * Every final code of the registry, and 299, which it does not know. Left out: 1xx, which are
   * never final, and 407, which OkHttp refuses to return from an origin that is not a proxy.
   */
  private static int[] codes() {
    return Stream.concat(StatusRegistry.all().stream().map(StatusCode::code), Stream.of(299))
        .mapToInt(Integer::intValue)
        .filter(c -> c >= 200 && c <= 599 && c != 407)
        .distinct()
        .sorted()
        .toArray();
  }
}
