package io.httptriage.retry;

import io.httptriage.contract.ManualClock;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.observe.TriageListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A fake clock, sleeper, listener and server, wired together for one test. */
final class Harness {
  static final URI URL = URI.create("https://api.example.test/orders/42?token=s3cret");

  final ManualClock clock = new ManualClock();
  final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
  final FakeSleeper sleeper = new FakeSleeper(clock, timeline);
  final List<AttemptDecided> events = Collections.synchronizedList(new ArrayList<>());
  final Server server = new Server(timeline);

  /** Settings on the fakes, with a seeded random source. */
  RetrySettings.Builder settings() {
    return RetrySettings.builder().clock(clock).sleeper(sleeper).random(new Random(42));
  }

  /** Makes the engines built from now on (on any thread) tell this harness of each decision. */
  Harness() {
    Engine.listener =
        new TriageListener() {
          @Override
          public void attemptDecided(AttemptDecided event) {
            events.add(event);
          }
        };
  }

  Engine engine() {
    return Engine.of(settings().build());
  }

  Server.Response execute(Engine engine, RequestView request) throws IOException {
    return engine.execute(request, server::send, Server.Response::view, server::discard);
  }

  List<Outcome> outcomes() {
    return events.stream().map(AttemptDecided::outcome).toList();
  }

  List<Long> sleptMillis() {
    return sleeper.waits().stream().map(Duration::toMillis).toList();
  }

  static RequestView get() {
    return RequestView.of("GET", URL);
  }

  static RequestView post() {
    return RequestView.of("POST", URL, Headers.empty(), true, true);
  }

  static RequestView postWithKey(String key) {
    return RequestView.of("POST", URL, Headers.of("Idempotency-Key", key), true, true);
  }

  static RequestView putWithOneShotBody() {
    return RequestView.of("PUT", URL, Headers.empty(), true, false);
  }
}
