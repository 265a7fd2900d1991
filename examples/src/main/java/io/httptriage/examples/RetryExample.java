package io.httptriage.examples;

import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageListener;
import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The default retries of 429 and 503 (the policy table retries both; nothing here configures them),
 * with up to 4 attempts and a listener that prints every decision: a 429 waits for its Retry-After,
 * a 503 without one backs off with jitter, and a POST is resent only when it carries an {@code
 * Idempotency-Key} (RFC 9110 §9.2.2).
 */
public final class RetryExample {
  private RetryExample() {}

  public static void main(String[] args) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      RetrySettings retry = RetrySettings.builder().maxAttempts(4).build();
      TriageListener printer =
          new TriageListener() {
            @Override
            public void attemptDecided(AttemptDecided e) {
              print(e);
            }
          };
      OkHttpClient client =
          TriageInterceptor.install(
                  new OkHttpClient.Builder(),
                  TriageConfig.builder().retry(retry).addListener(printer).build())
              .build();

      System.out.println("GET, 429 with Retry-After: 1, then 200");
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      send(client, new Request.Builder().url(server.url("/quota")).build());

      System.out.println("GET, 503 twice without Retry-After, then 200");
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      send(client, new Request.Builder().url(server.url("/busy")).build());

      RequestBody order =
          RequestBody.create("{\"item\":\"book\"}", MediaType.get("application/json"));
      System.out.println("POST without Idempotency-Key, 503");
      server.enqueue(new MockResponse.Builder().code(503).build());
      send(client, new Request.Builder().url(server.url("/orders")).post(order).build());

      System.out.println("POST with Idempotency-Key, 503, then 201");
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(
          new MockResponse.Builder().code(201).addHeader("Location", "/orders/1").build());
      send(
          client,
          new Request.Builder()
              .url(server.url("/orders"))
              .post(order)
              .header("Idempotency-Key", "order-7f1c")
              .build());
    }
  }

  private static void send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      System.out.println("  -> the caller gets " + response.code());
    }
  }

  private static void print(AttemptDecided e) {
    String wait =
        e.retries()
            ? ", wait "
                + e.waitTime().orElseThrow().toMillis()
                + " ms ("
                + e.waitSource().orElseThrow()
                + ")"
            : "";
    System.out.println(
        "  attempt "
            + e.attempt()
            + ": "
            + e.method()
            + " "
            + e.status()
            + " -> "
            + e.outcome()
            + wait);
  }
}
