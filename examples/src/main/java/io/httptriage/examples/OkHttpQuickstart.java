package io.httptriage.examples;

import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The smallest useful setup: httptriage installed into an OkHttp client with its defaults. The
 * server answers 503 with {@code Retry-After: 1} first; the client waits the second and retries,
 * and the caller only sees the 200.
 */
public final class OkHttpQuickstart {
  private OkHttpQuickstart() {}

  public static void main(String[] args) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
      server.enqueue(new MockResponse.Builder().code(200).body("hello").build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      OkHttpClient client =
          TriageInterceptor.install(new OkHttpClient.Builder(), TriageConfig.ofDefaults()).build();
      Request request = new Request.Builder().url(server.url("/greeting")).build();
      try (Response response = client.newCall(request).execute()) {
        System.out.println(
            response.code()
                + " "
                + response.body().string()
                + " (the server answered "
                + server.getRequestCount()
                + " requests: the 503 was retried)");
      }
    }
  }
}
