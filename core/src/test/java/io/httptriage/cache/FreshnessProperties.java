package io.httptriage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.Cacheability;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** No input makes an age or a lifetime negative, overflow, throw, or go back in time. */
class FreshnessProperties {
  static final Duration MAX = Duration.ofSeconds(1L << 31);

  @Property
  void ageIsNeverNegativeNorPast2To31(
      @ForAll("instants") Instant sent,
      @ForAll("instants") Instant received,
      @ForAll("instants") Instant now,
      @ForAll("stored") ResponseView stored) {
    Duration age = Freshness.currentAge(stored, sent, received, now, new ArrayList<>());
    assertThat(age).isBetween(Duration.ZERO, MAX);
  }

  @Property
  void ageNeverDecreasesAsTimePasses(
      @ForAll("instants") Instant sent,
      @ForAll("instants") Instant received,
      @ForAll("instants") Instant now,
      @ForAll @LongRange(min = 0) long later,
      @ForAll("stored") ResponseView stored) {
    Instant afterwards =
        now.plusSeconds(Math.min(later, Instant.MAX.getEpochSecond() - now.getEpochSecond()));
    Duration before = Freshness.currentAge(stored, sent, received, now, new ArrayList<>());
    Duration after = Freshness.currentAge(stored, sent, received, afterwards, new ArrayList<>());
    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Property
  void lifetimeIsNeverNegativeNorPast2To31(
      @ForAll("instants") Instant received,
      @ForAll("stored") ResponseView stored,
      @ForAll Cacheability c) {
    CacheControl cc = CacheControl.parse(stored.headers("Cache-Control"));
    assertThat(Freshness.lifetime(stored, cc, received, c, new ArrayList<>()))
        .isBetween(Duration.ZERO, MAX);
  }

  @Property
  void aStaleResponseOnceRefusedForItsAgeStaysRefused(
      @ForAll("stored") ResponseView stored,
      @ForAll("instants") Instant now,
      @ForAll @LongRange(min = 0, max = 1L << 40) long later) {
    RequestView get = RequestView.of("GET", URI.create("https://a.example/"));
    Instant t0 = FreshnessTest.T0;
    StaleIfError first =
        StaleIfError.evaluate(get, new StoredResponse(stored, t0, t0), Cacheability.HEURISTIC, now);
    Instant afterwards =
        now.plusSeconds(Math.min(later, Instant.MAX.getEpochSecond() - now.getEpochSecond()));
    StaleIfError second =
        StaleIfError.evaluate(
            get, new StoredResponse(stored, t0, t0), Cacheability.HEURISTIC, afterwards);
    if (!first.allowed()) {
      assertThat(second.allowed()).as(second.reason()).isFalse();
    }
    assertThat(second.staleness()).isGreaterThanOrEqualTo(first.staleness());
  }

  @Property
  void noFieldValueEscapesAsAnException(
      @ForAll("fieldValues") String requestCc,
      @ForAll("stored") ResponseView stored,
      @ForAll("instants") Instant now,
      @ForAll("methods") String method) {
    RequestView request =
        RequestView.of(
            method,
            URI.create("https://a.example/"),
            Headers.of("Cache-Control", requestCc),
            false,
            true);
    StaleIfError s =
        StaleIfError.evaluate(
            request,
            new StoredResponse(stored, Instant.MIN, Instant.MAX),
            Cacheability.EXPLICIT_ONLY,
            now);
    assertThat(s.reason()).isNotBlank();
    assertThat(s.staleness()).isBetween(Duration.ZERO, MAX);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Instant> near =
        Arbitraries.longs()
            .between(-1_000_000_000L, 1_000_000_000L)
            .map(s -> FreshnessTest.T0.plusSeconds(s));
    Arbitrary<Instant> any =
        Arbitraries.longs()
            .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(Instant::ofEpochSecond);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, near),
        net.jqwik.api.Tuple.of(2, any),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH)));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "HEAD", "POST", "PUT", "get", "X");
  }

  @Provide
  Arbitrary<String> fieldValues() {
    Arbitrary<String> directive =
        Arbitraries.of(
            "max-age",
            "s-maxage",
            "stale-if-error",
            "must-revalidate",
            "no-cache",
            "no-store",
            "public",
            "private",
            "max-stale",
            "x");
    Arbitrary<String> argument =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-5, Long.MAX_VALUE).map(String::valueOf),
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(40),
            Arbitraries.just(""),
            Arbitraries.just("\"60\""),
            Arbitraries.just("\"6"));
    Arbitrary<String> element =
        net.jqwik.api.Combinators.combine(directive, argument, Arbitraries.integers().between(0, 2))
            .as((d, a, form) -> form == 0 ? d : d + "=" + a);
    return Arbitraries.oneOf(
        element.list().ofMaxSize(6).map(l -> String.join(", ", l)),
        Arbitraries.strings().ofMaxLength(60));
  }

  @Provide
  Arbitrary<ResponseView> stored() {
    Arbitrary<String> dates =
        Arbitraries.oneOf(
            instants().map(FreshnessProperties::httpDateOrGarbage),
            Arbitraries.of(
                "0",
                "",
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994",
                "garbage"));
    Arbitrary<String> ages =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-10, Long.MAX_VALUE).map(String::valueOf),
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.strings().numeric().ofMaxLength(60));
    Arbitrary<List<String>> fields =
        net.jqwik.api.Combinators.combine(
                fieldValues().injectNull(0.3),
                dates.injectNull(0.3),
                ages.injectNull(0.5),
                dates.injectNull(0.5),
                dates.injectNull(0.5))
            .as(
                (cc, date, age, expires, lastModified) -> {
                  List<String> h = new ArrayList<>();
                  add(h, "Cache-Control", cc);
                  add(h, "Date", date);
                  add(h, "Age", age);
                  add(h, "Expires", expires);
                  add(h, "Last-Modified", lastModified);
                  return h;
                });
    return Arbitraries.integers()
        .between(100, 599)
        .flatMap(
            status ->
                fields.map(h -> ResponseView.of(status, Headers.of(h.toArray(String[]::new)))));
  }

  private static void add(List<String> h, String name, String value) {
    if (value != null) {
      h.add(name);
      h.add(value);
    }
  }

  private static String httpDateOrGarbage(Instant i) {
    try {
      return FreshnessTest.httpDate(i);
    } catch (java.time.DateTimeException e) {
      return "out of range";
    }
  }
}
