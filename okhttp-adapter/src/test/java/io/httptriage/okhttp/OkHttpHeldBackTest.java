package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The answer OkHttp callers get for a call held back by its origin's cool-down. */
class OkHttpHeldBackTest {
  @Test
  void isAMarked429MadeWithoutTheNetworkForTheCallersRequest() throws Exception {
    Request request = new Request.Builder().url("https://api.example.test/items").build();

    try (Response r = new OkHttpCall().heldBack(request, Duration.ofMillis(4_001))) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(r.request()).isSameAs(request);
      assertThat(r.header("Retry-After")).isEqualTo("5");
      assertThat(r.header(TriageInterceptor.COOL_DOWN_HEADER)).isEqualTo("4001");
      assertThat(r.networkResponse()).isNull();
      assertThat(r.cacheResponse()).isNull();
      assertThat(r.body().string()).isEmpty();
    }
  }
}
