package io.httptriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.RetryAfter;
import io.httptriage.policy.PolicyTable;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No status int and no header string makes lookup, parsing or classification throw. */
class NoInputEscapesProperties {
  private static final URI TARGET = URI.create("https://api.example.test/x");

  @Property(tries = 10_000)
  void lookupOfAnyIntNeverThrows(@ForAll int code) {
    StatusCode sc = StatusRegistry.lookup(code);
    assertThat(sc.code()).isEqualTo(code);
    assertThat(sc.description(Locale.TAIWAN)).isNotBlank();
    assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), code, "GET")).isNotNull();
  }

  @Property(tries = 10_000)
  void retryAfterParsingNeverThrowsAndNeverGoesNegative(
      @ForAll("headerValues") String value, @ForAll("instants") Instant now) {
    RetryAfter ra = RetryAfter.parse(value, now);
    assertThat(ra.delay().isPresent() ^ ra.problem().isPresent()).isTrue();
    ra.delay().ifPresent(d -> assertThat(d.isNegative()).isFalse());
  }

  @Property(tries = 10_000)
  void classificationNeverThrows(
      @ForAll("methods") String method,
      @ForAll int status,
      @ForAll("headerValues") String retryAfter,
      @ForAll("headerValues") String location,
      @ForAll("headerValues") String idempotencyKey) {
    RequestView request =
        RequestView.of(method, TARGET, Headers.of("Idempotency-Key", idempotencyKey), true, true);
    ResponseView response =
        ResponseView.of(status, Headers.of("Retry-After", retryAfter, "Location", location));
    Verdict v = Classifier.ofDefaults().classify(request, response);
    assertThat(v.reasons()).isNotEmpty();
    v.retryAfter().ifPresent(d -> assertThat(d.isNegative()).isFalse());
  }

  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(40),
        Arbitraries.longs().map(Object::toString),
        Arbitraries.of(
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0000 00:00:00 GMT",
            "/relative",
            "//host.example.test/x",
            "http://[::1",
            "https://ü.example/ä",
            "%zz",
            " "));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-62_000_000_000L, 250_000_000_000L)
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
  }
}
