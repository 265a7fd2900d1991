package io.httptriage.examples;

import io.httptriage.jdk.TriageHttpClient;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The same setup on {@code java.net.http}: a decorating {@link HttpClient} with httptriage's
 * defaults. The plain JDK client never retries on a status; this one waits the second the 503 asks
 * for and retries, and the caller only sees the 200.
 */
public final class JdkQuickstart {
  private JdkQuickstart() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
      server.enqueue(new MockResponse.Builder().code(200).body("hello").build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      HttpClient client =
          TriageHttpClient.build(HttpClient.newBuilder(), TriageConfig.ofDefaults());
      HttpRequest request = HttpRequest.newBuilder(server.url("/greeting").uri()).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(
          response.statusCode()
              + " "
              + response.body()
              + " (the server answered "
              + server.getRequestCount()
              + " requests: the 503 was retried)");
    }
  }
}
