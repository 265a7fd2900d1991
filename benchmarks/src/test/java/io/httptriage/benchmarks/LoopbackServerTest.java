package io.httptriage.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

  /** The benchmarks' B/op figures are the client's only if this holds. */
  @Test
  void allocatesNothingPerRequestOnceWarm() throws IOException {
    try (LoopbackServer server = LoopbackServer.start(LoopbackServer.OK)) {
      OkHttpClient client = new OkHttpClient();
      Request request = new Request.Builder().url(server.uri()).build();
      for (int i = 0; i < 2_000; i++) {
        get(client, request);
      }
      long before = server.connectionThreadsAllocatedBytes();
      for (int i = 0; i < 2_000; i++) {
        get(client, request);
      }
      long perRequest = (server.connectionThreadsAllocatedBytes() - before) / 2_000;

      assertThat(perRequest).isZero();
      assertThat(server.requests()).isEqualTo(4_000);
    }
  }

  @Test
  void answersEachRequestWithTheChosenResponse() throws IOException {
    byte[][] responses = {LoopbackServer.OK, LoopbackServer.UNAVAILABLE_RETRY_NOW};
    try (LoopbackServer server = LoopbackServer.start(responses, n -> n % 2 == 0 ? 1 : 0)) {
      OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
      Request request = new Request.Builder().url(server.uri()).build();

      assertThat(get(client, request)).isEqualTo("200 ok");
      // OkHttp itself retries a 503 with Retry-After: 0 once: request 2 is the 503, 3 the 200.
      assertThat(get(client, request)).isEqualTo("200 ok");
      assertThat(server.requests()).isEqualTo(3);
    }
  }

  @Test
  void findsTheEndOfHeadersAcrossAnyByteSequence() {
    assertThat(endsAt("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(27);
    assertThat(endsAt("\r\r\n\r\n")).isEqualTo(5);
    assertThat(endsAt("a\r\n\nb\r\n\r\n")).isEqualTo(9);
    assertThat(endsAt("\r\n\r")).isEqualTo(-1);
  }

  private static int endsAt(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    int matched = 0;
    for (int i = 0; i < bytes.length; i++) {
      matched = LoopbackServer.advance(matched, bytes[i]);
      if (matched == 4) {
        return i + 1;
      }
    }
    return -1;
  }

  private static String get(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }
}
