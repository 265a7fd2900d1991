package io.httptriage.examples;

import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.okhttp.TriageInterceptor;
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
 * Audits the redirects OkHttp follows by itself (the default {@code RedirectMode.CLIENT}: nothing
 * about the client changes). A listener of our own, next to the default one, prints each finding: a
 * POST turned into GET on 302, and a Cookie header set by hand that OkHttp carries to another
 * origin — it drops Authorization there, not Cookie.
 */
public final class RedirectAuditExample {
  private RedirectAuditExample() {}

  public static void main(String[] args) throws IOException {
    try (MockWebServer home = new MockWebServer();
        MockWebServer away = new MockWebServer()) {
      home.start(InetAddress.getByName("127.0.0.1"), 0);
      away.start(InetAddress.getByName("127.0.0.1"), 0);
      TriageListener printer =
          new TriageListener() {
            @Override
            public void findingReported(TriageEvent.FindingReported e) {
              Finding f = e.finding();
              System.out.println(
                  "  "
                      + f.severity()
                      + " "
                      + f.kind()
                      + ": "
                      + f.explanation()
                      + " ("
                      + f.spec()
                      + ")");
            }

            @Override
            public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
              System.out.println(
                  "  " + e.hops() + " redirect(s) followed, " + e.status() + " -> " + e.verdict());
            }
          };
      TriageConfig config = TriageConfig.builder().addListener(printer).build();
      OkHttpClient client = TriageInterceptor.install(new OkHttpClient.Builder(), config).build();

      System.out.println("POST answered by 302");
      home.enqueue(
          new MockResponse.Builder().code(302).addHeader("Location", "/orders/42").build());
      home.enqueue(new MockResponse.Builder().code(200).build());
      RequestBody order =
          RequestBody.create("{\"item\":\"book\"}", MediaType.get("application/json"));
      send(client, new Request.Builder().url(home.url("/orders")).post(order).build());

      System.out.println("GET with Authorization and Cookie, redirected to another origin");
      home.enqueue(
          new MockResponse.Builder()
              .code(302)
              .addHeader("Location", away.url("/welcome").toString())
              .build());
      away.enqueue(new MockResponse.Builder().code(200).build());
      send(
          client,
          new Request.Builder()
              .url(home.url("/account"))
              .header("Authorization", "Bearer example-token")
              .header("Cookie", "session=example")
              .build());
    }
  }

  private static void send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      System.out.println("  the caller gets " + response.code());
    }
  }
}
