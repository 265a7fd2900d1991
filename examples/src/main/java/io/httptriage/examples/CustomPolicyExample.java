package io.httptriage.examples;

import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Overrides the policy table: the defaults retry Cloudflare's 520–524 as they would 502/504, and
 * 529 as 503 (525–527, TLS failures, are never retried); this table never retries any of them, say
 * because your origin's timeouts are not transient. Rules are tried in order and the first match
 * wins; decisions a rule does not set keep their default.
 */
public final class CustomPolicyExample {
  private CustomPolicyExample() {}

  public static void main(String[] args) throws IOException {
    PolicyTable custom =
        PolicyTable.ofDefaults().toBuilder()
            .rule(PolicyRule.forRange(520, 524).withRetryability(Retryability.NEVER))
            .rule(PolicyRule.forCode(529).withRetryability(Retryability.NEVER))
            .build();
    System.out.println("by default: " + PolicyTable.ofDefaults().explain(522, "GET"));
    System.out.println("in the custom table: " + custom.explain(522, "GET"));

    System.out.println(
        "default table: the server saw " + requestsFor522(PolicyTable.ofDefaults()) + " requests");
    System.out.println("custom table: the server saw " + requestsFor522(custom) + " request");
  }

  /** Sends one GET to a server that always answers 522 and counts what reached it. */
  private static int requestsFor522(PolicyTable table) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse.Builder().code(522).build());
      }
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      OkHttpClient client =
          TriageInterceptor.install(
                  new OkHttpClient.Builder(), TriageConfig.builder().policyTable(table).build())
              .build();
      try (Response response =
          client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
        System.out.println("  the caller gets " + response.code());
      }
      return server.getRequestCount();
    }
  }
}
