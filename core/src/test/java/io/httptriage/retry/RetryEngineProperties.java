package io.httptriage.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryEngineProperties {
  private static final List<String> FIELDS =
      List.of(
          "Retry-After", "RateLimit", "RateLimit-Policy", "RateLimit-Remaining", "RateLimit-Reset");

  /**
   * Whatever the headers of every response and whatever the request's Idempotency-Key, a call ends
   * with a response: nothing escapes as an exception, and every wait is within [0, cap].
   */
  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void noHeaderValueMakesTheEngineThrowOrWaitBeyondTheCap(
      @ForAll("statuses") List<Integer> statuses,
      @ForAll("headerSets") List<Headers> headers,
      @ForAll("headerValues") String idempotencyKey,
      @ForAll("methods") String method,
      @ForAll @LongRange(min = 0, max = 120_000) long capMillis,
      @ForAll @IntRange(min = 1, max = 6) int maxAttempts,
      @ForAll long seed)
      throws IOException {
    Harness h = new Harness();
    for (int i = 0; i < statuses.size(); i++) {
      h.server.respond(statuses.get(i), headers.get(i % headers.size()));
    }
    Duration cap = Duration.ofMillis(capMillis);
    Engine engine =
        Engine.of(
            h.settings()
                .maxRetryAfter(cap)
                .maxAttempts(maxAttempts)
                .random(new Random(seed))
                .build());
    RequestView request =
        RequestView.of(
            method, Harness.URL, Headers.of("Idempotency-Key", idempotencyKey), true, true);

    Server.Response response = h.execute(engine, request);

    assertThat(response.id()).isEqualTo(h.server.sent());
    assertThat(h.server.sent()).isBetween(1, maxAttempts);
    assertThat(h.server.discarded()).hasSize(h.server.sent() - 1);
    assertThat(h.sleeper.waits()).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, cap));
    assertThat(h.events)
        .filteredOn(AttemptDecided::retries)
        .allSatisfy(e -> assertThat(e.waitTime().orElseThrow()).isBetween(Duration.ZERO, cap));
  }

  /** The wait the server asks for is taken as is when within the cap, and refused beyond it. */
  @Property(tries = 1000)
  void waitIsTheServersWhenWithinTheCapAndNoneBeyond(
      @ForAll @LongRange(min = 0, max = 200) long retryAfterSeconds,
      @ForAll @LongRange(min = 0, max = 120) long capSeconds)
      throws IOException {
    Harness h = new Harness();
    h.server.respond(503, Headers.of("Retry-After", Long.toString(retryAfterSeconds))).respond(200);
    Engine engine =
        Engine.of(
            h.settings()
                .maxRetryAfter(Duration.ofSeconds(capSeconds))
                .deadline(Duration.ofHours(1))
                .build());

    h.execute(engine, Harness.get());

    if (retryAfterSeconds <= capSeconds) {
      assertThat(h.sleptMillis()).containsExactly(retryAfterSeconds * 1000);
    } else {
      assertThat(h.sleeper.waits()).isEmpty();
      assertThat(h.server.sent()).isEqualTo(1);
    }
  }

  @Provide
  Arbitrary<List<Integer>> statuses() {
    return Arbitraries.oneOf(
            Arbitraries.of(200, 408, 413, 421, 425, 429, 500, 502, 503, 504, 529),
            Arbitraries.integers())
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Headers>> headerSets() {
    Arbitrary<Headers> one =
        Arbitraries.subsetOf(FIELDS)
            .flatMap(
                names -> {
                  List<String> sorted = new ArrayList<>(names);
                  return headerValues()
                      .list()
                      .ofSize(sorted.size())
                      .map(
                          values -> {
                            String[] pairs = new String[sorted.size() * 2];
                            for (int i = 0; i < sorted.size(); i++) {
                              pairs[2 * i] = sorted.get(i);
                              pairs[2 * i + 1] = values.get(i);
                            }
                            return Headers.of(pairs);
                          });
                });
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  /** Garbage, numbers, dates and structured-field fragments. */
  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> fragments =
        Arbitraries.of(
                "\"default\"",
                "daily",
                ";r=",
                ";t=",
                ";w=",
                ";q=",
                "0",
                "1",
                "30",
                "-1",
                "86400",
                "999999999999999",
                ",",
                " ",
                "\"",
                ":YWJj:",
                "?1",
                "@",
                "%\"",
                "(",
                ";")
            .list()
            .ofMaxSize(10)
            .map(l -> String.join("", l));
    Arbitrary<String> dates =
        Arbitraries.of(
            "Sun, 01 Mar 2026 12:00:05 GMT",
            "Sun, 01 Mar 2026 13:00:00 GMT",
            "Sunday, 01-Mar-26 12:00:20 GMT",
            "Sun Mar  1 12:00:10 2026",
            "Mon, 01 Mar 2026 12:00:05 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT");
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.longs().map(n -> Long.toString(n)),
        Arbitraries.strings().numeric().ofMaxLength(25),
        dates,
        fragments);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "PUT", "DELETE", "POST", "PATCH", "get", "X-CUSTOM");
  }
}
