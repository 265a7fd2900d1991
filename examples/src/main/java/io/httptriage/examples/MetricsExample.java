package io.httptriage.examples;

import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Micrometer meters from the default listener: give {@code TriageConfig} a registry and every
 * exchange counts its final status and verdict, every retry decision its outcome, every finding its
 * kind and severity. Tags come from bounded sets: never a URL, host or header value.
 */
public final class MetricsExample {
  private MetricsExample() {}

  public static void main(String[] args) throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.enqueue(new MockResponse.Builder().code(404).build());
      server.enqueue(new MockResponse.Builder().code(401).build());
      server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", "/v2").build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      OkHttpClient client =
          TriageInterceptor.install(
                  new OkHttpClient.Builder(),
                  TriageConfig.builder().meterRegistry(registry).build())
              .build();
      for (String path : new String[] {"/ok", "/missing", "/private", "/v1"}) {
        try (Response response =
            client.newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
          System.out.println("GET " + path + " -> " + response.code());
        }
      }
    }
    registry.getMeters().stream()
        .sorted(
            Comparator.comparing((Meter m) -> m.getId().getName())
                .thenComparing(m -> m.getId().getTags().toString()))
        .forEach(
            m ->
                System.out.println(
                    m.getId().getName()
                        + " "
                        + m.getId().getTags().stream()
                            .map(t -> t.getKey() + "=" + t.getValue())
                            .collect(Collectors.joining(",", "{", "}"))
                        + " "
                        + (long) m.measure().iterator().next().getValue()));
  }
}
