package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.RequestView;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spans a tracer gets when the caller's thread already has a span of its own, as it has under
 * Spring's {@code RestClient}, whose observation is open while it calls the JDK client's {@code
 * sendAsync}: the call's span is a child of the caller's, and every attempt's a child of the
 * call's.
 */
class TracedCallTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final ObservationRegistry registry = ObservationRegistry.create();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  TracedCallTest() {
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    OtelTracer tracer =
        new OtelTracer(
            provider.get("httptriage-test"),
            current,
            event -> {},
            new OtelBaggageManager(current, List.of(), List.of()));
    registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    provider.close();
  }

  private Triage triage() {
    return Triage.of(
        TriageConfig.builder()
            .retry(RetrySettings.builder().sleeper(d -> {}).build())
            .scheduler(scheduler)
            .observationRegistry(registry)
            .build(),
        "fake");
  }

  private static RequestView get() {
    return RequestView.of("GET", URI.create("http://a.example.test/a"));
  }

  @Test
  void firstAttemptOfAnAsyncCallUnderTheCallersSpanIsAChildOfTheCall() throws Exception {
    FakeClient client = new FakeClient().answer(429, "Retry-After", "0").answer(200);
    Observation outer = Observation.start("caller", registry);

    try (Observation.Scope scope = outer.openScope()) {
      FakeClient.Resp response =
          triage()
              .executeAsync(get(), client, r -> CompletableFuture.completedFuture(client.send(r)))
              .get(5, TimeUnit.SECONDS);
      assertThat(response.status()).isEqualTo(200);
    }
    outer.stop();

    assertAttemptsAreChildrenOfTheCall();
  }

  @Test
  void firstAttemptOfASyncCallUnderTheCallersSpanIsAChildOfTheCall() throws Exception {
    FakeClient client = new FakeClient().answer(429, "Retry-After", "0").answer(200);
    Observation outer = Observation.start("caller", registry);

    try (Observation.Scope scope = outer.openScope()) {
      assertThat(triage().execute(get(), client, client::send).status()).isEqualTo(200);
    }
    outer.stop();

    assertAttemptsAreChildrenOfTheCall();
  }

  private void assertAttemptsAreChildrenOfTheCall() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData caller = named(finished, "caller");
    SpanData call = named(finished, "httptriage GET");
    assertThat(call.getParentSpanId()).isEqualTo(caller.getSpanId());
    assertThat(finished)
        .filteredOn(s -> s.getName().startsWith("GET attempt"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(call.getSpanId()));
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }
}
