package io.httptriage.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {
  private static final URI TARGET = URI.create("https://api.example.test/a/b?q=1");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
  private final Classifier classifier = Classifier.of(PolicyTable.ofDefaults(), CLOCK);

  private static RequestView get() {
    return RequestView.of("GET", TARGET);
  }

  private static RequestView post(String... headers) {
    return RequestView.of("POST", TARGET, Headers.of(headers), true, true);
  }

  private Verdict classify(RequestView req, int status, String... headers) {
    return classifier.classify(req, ResponseView.of(status, Headers.of(headers)));
  }

  @Test
  void successIsAcceptedWithoutAllocatingANewVerdict() {
    Verdict v = classify(get(), 200);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.ACCEPT);
    assertThat(v.hasReason(Reason.Kind.SUCCESS)).isTrue();
    assertThat(classify(post(), 200)).isSameAs(v);
  }

  @Test
  void notModifiedAndSwitchingProtocolsAreAccepted() {
    assertThat(classify(get(), 304).kind()).isEqualTo(Verdict.Kind.ACCEPT);
    assertThat(classify(get(), 101).kind()).isEqualTo(Verdict.Kind.ACCEPT);
  }

  @Test
  void interimResponseArrivingAsFinalFails() {
    Verdict v = classify(get(), 103);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(v.hasReason(Reason.Kind.INTERIM_AS_FINAL)).isTrue();
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsIsRetriedAfterThatDelay() {
    Verdict v = classify(get(), 429, "Retry-After", "30");
    assertThat(v.kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(v.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void serviceUnavailableWithHttpDateIsRetriedAfterTheTimeUntilThatDate() {
    Verdict v = classify(get(), 503, "Retry-After", "Sun, 22 Nov 2026 12:02:00 GMT");
    assertThat(v.kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(v.retryAfter()).contains(Duration.ofMinutes(2));
  }

  @Test
  void garbageRetryAfterIsIgnoredWithAReasonAndTheRetryStands() {
    Verdict v = classify(get(), 503, "Retry-After", "tomorrow-ish");
    assertThat(v.kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(v.retryAfter()).isEmpty();
    assertThat(v.hasReason(Reason.Kind.RETRY_AFTER_IGNORED)).isTrue();
  }

  @Test
  void internalServerErrorIsNotRetriedByDefault() {
    Verdict v = classify(get(), 500);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(v.hasReason(Reason.Kind.NOT_RETRYABLE)).isTrue();
  }

  @Test
  void retriesPostOnlyWithIdempotencyKey() {
    Verdict plain = classify(post(), 503);
    assertThat(plain.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(plain.hasReason(Reason.Kind.NOT_IDEMPOTENT)).isTrue();
    assertThat(classify(post("Idempotency-Key", "k-1"), 503).kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(classify(post("Idempotency-Key", "  "), 503).kind()).isEqualTo(Verdict.Kind.FAIL);
  }

  @Test
  void postIsRetriedWhenTheUserOptsInThroughAMethodRule() {
    Classifier optIn =
        Classifier.of(
            PolicyTable.builder()
                .rule(
                    PolicyRule.forCode(503)
                        .onlyForMethods("POST")
                        .withRetryability(Retryability.ANY_REQUEST))
                .build(),
            CLOCK);
    assertThat(optIn.classify(post(), ResponseView.of(503)).kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(optIn.classify(get(), ResponseView.of(503)).kind()).isEqualTo(Verdict.Kind.RETRY);
  }

  @Test
  void misdirectedRequestIsRetriedWhateverTheMethod() {
    assertThat(classify(post(), 421).kind()).isEqualTo(Verdict.Kind.RETRY);
    assertThat(classify(post(), 425).kind()).isEqualTo(Verdict.Kind.RETRY);
  }

  @Test
  void contentTooLargeIsRetriedOnlyWithRetryAfter() {
    Verdict without = classify(RequestView.of("PUT", TARGET), 413);
    assertThat(without.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(without.hasReason(Reason.Kind.RETRY_AFTER_MISSING)).isTrue();
    assertThat(classify(RequestView.of("PUT", TARGET), 413, "Retry-After", "10").kind())
        .isEqualTo(Verdict.Kind.RETRY);
  }

  @Test
  void postFoundIsFollowedAsGetWithoutBody() {
    Verdict v = classify(post(), 302, "Location", "/orders/7");
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FOLLOW);
    assertThat(v.followMethod()).contains("GET");
    assertThat(v.keepsBody()).isFalse();
    assertThat(v.location()).contains(URI.create("https://api.example.test/orders/7"));
  }

  @Test
  void putMovedPermanentlyKeepsMethodAndBody() {
    Verdict v =
        classifier.classify(
            RequestView.of("PUT", TARGET, Headers.empty(), true, true),
            ResponseView.of(301, Headers.of("Location", "https://new.example.test/b")));
    assertThat(v.followMethod()).contains("PUT");
    assertThat(v.keepsBody()).isTrue();
  }

  @Test
  void postTemporaryRedirectKeepsMethodAndBody() {
    Verdict v = classify(post(), 307, "Location", "https://other.example.test/x");
    assertThat(v.followMethod()).contains("POST");
    assertThat(v.keepsBody()).isTrue();
  }

  @Test
  void seeOtherSwitchesToGetButHeadStaysHead() {
    assertThat(classify(post(), 303, "Location", "/done").followMethod()).contains("GET");
    assertThat(classify(RequestView.of("HEAD", TARGET), 303, "Location", "/done").followMethod())
        .contains("HEAD");
  }

  @Test
  void redirectWithoutLocationFails() {
    Verdict v = classify(get(), 301);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(v.hasReason(Reason.Kind.LOCATION_MISSING)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://[bad",
        "javascript:alert(1)",
        "ftp://files.example.test/x",
        "mailto:a@b",
        "http://"
      })
  void redirectToAnUnusableLocationFails(String location) {
    Verdict v = classify(get(), 302, "Location", location);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(v.hasReason(Reason.Kind.LOCATION_INVALID)).isTrue();
  }

  @Test
  void useProxyIsNeverFollowed() {
    Verdict v = classify(get(), 305, "Location", "http://proxy.example.test/");
    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(v.hasReason(Reason.Kind.REDIRECT_REFUSED)).isTrue();
  }

  @Test
  void multipleChoicesIsFollowedOnlyWithLocation() {
    assertThat(classify(get(), 300).kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(classify(get(), 300, "Location", "/en").kind()).isEqualTo(Verdict.Kind.FOLLOW);
  }

  @Test
  void redirectCarriesTheRetryAfterItAsksToWait() {
    assertThat(classify(get(), 307, "Location", "/x", "Retry-After", "3").retryAfter())
        .contains(Duration.ofSeconds(3));
  }

  @Test
  void unknownCodeBehavesAsTheX00OfItsClass() {
    Verdict unknown4xx = classify(get(), 477);
    assertThat(unknown4xx.kind()).isEqualTo(Verdict.Kind.FAIL);
    assertThat(unknown4xx.hasReason(Reason.Kind.UNKNOWN_STATUS)).isTrue();
    assertThat(classify(get(), 299).kind()).isEqualTo(Verdict.Kind.ACCEPT);
    assertThat(classify(get(), 299).hasReason(Reason.Kind.UNKNOWN_STATUS)).isTrue();
    assertThat(classify(get(), 399, "Location", "/y").kind()).isEqualTo(Verdict.Kind.FOLLOW);
  }

  @Test
  void invalidCodeIsHandledAsAServerError() {
    for (int code : new int[] {0, 99, 600, 999, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      Verdict v = classify(get(), code);
      assertThat(v.kind()).as("%s", code).isEqualTo(Verdict.Kind.FAIL);
      assertThat(v.hasReason(Reason.Kind.INVALID_STATUS)).as("%s", code).isTrue();
    }
  }

  @Test
  void misconfigurationFailsFastNamingTheParameter() {
    assertThatThrownBy(() -> Classifier.of(null, CLOCK)).hasMessageStartingWith("table:");
    assertThatThrownBy(() -> Classifier.of(PolicyTable.ofDefaults(), null))
        .hasMessageStartingWith("clock:");
  }
}
