package io.httptriage.cli;

import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One client with httptriage installed for probing: redirects followed by the policy table ({@link
 * RedirectMode#POLICY}), every retry decision and exchange recorded, meters counted when a registry
 * is given. {@code probe} sends one request through it, each demo scenario a few.
 *
 * <p>Not thread-safe: one request at a time.
 */
final class Probe implements AutoCloseable {
  private final ClientChoice client;
  private final ExchangeRecorder recorder;
  private final ProbeClient http;

  private Probe(ClientChoice client, ExchangeRecorder recorder, ProbeClient http) {
    this.client = client;
    this.recorder = recorder;
    this.http = http;
  }

  /**
   * Opens a client.
   *
   * @param retry the retry settings
   * @param meters where the default listener counts, or null for no listener at all
   * @throws CommandFailure when this build lacks the client's adapter
   */
  static Probe open(
      ClientChoice client, RetrySettings.Builder retry, @Nullable MeterRegistry meters) {
    ExchangeRecorder recorder = new ExchangeRecorder();
    TriageConfig.Builder config =
        TriageConfig.builder().redirectMode(RedirectMode.POLICY).retry(retry.build());
    if (meters != null) {
      config.meterRegistry(meters).clientName(client.label()).addListener(recorder);
    } else {
      // the report prints every finding and retry; the default listener would log each one again
      config.listener(recorder);
    }
    return new Probe(client, recorder, client.open(config.build()));
  }

  /**
   * Sends one request and tells what httptriage did with it.
   *
   * @throws IOException when the server cannot be reached
   */
  ProbeReport send(ProbeRequest request) throws IOException {
    recorder.clear();
    http.send(request);
    return recorder.take(client.label());
  }

  @Override
  public void close() {
    http.close();
  }
}
