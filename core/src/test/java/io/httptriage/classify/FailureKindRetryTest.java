package io.httptriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.policy.PolicyTable;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failed requests RFC 9110 §9.2.2 lets a client repeat, per failure kind and method. */
class FailureKindRetryTest {
  private static final URI URL = URI.create("https://api.example.test/orders");

  @ParameterizedTest(name = "{0} {1} key={2}: {3}")
  @CsvSource({
    "NOT_SENT, POST, false, true",
    "NOT_SENT, PATCH, false, true",
    "NOT_SENT, GET, false, true",
    "SENT_NO_RESPONSE, GET, false, true",
    "SENT_NO_RESPONSE, PUT, false, true",
    "SENT_NO_RESPONSE, DELETE, false, true",
    "SENT_NO_RESPONSE, POST, false, false",
    "SENT_NO_RESPONSE, PATCH, false, false",
    "SENT_NO_RESPONSE, POST, true, true",
    "SENT_NO_RESPONSE, PATCH, true, true",
    "NEVER_RETRIED, GET, false, false",
    "NEVER_RETRIED, POST, true, false",
  })
  void retriesPostOnlyWithIdempotencyKeyAfterNoResponse(
      FailureKind kind, String method, boolean key, boolean retried) {
    RequestView request =
        RequestView.of(
            method,
            URL,
            key ? Headers.of("Idempotency-Key", "\"7f1c\"") : Headers.empty(),
            true,
            true);

    assertThat(kind.permitsRetry(request)).isEqualTo(retried);
    Verdict v =
        kind.verdict(
            request, "java.io.IOException", PolicyLookup.policyFor(PolicyTable.ofDefaults(), 0));
    assertThat(v.kind()).isEqualTo(retried ? Verdict.Kind.RETRY : Verdict.Kind.FAIL);
    assertThat(v.status().code()).isZero();
    assertThat(v.hasReason(Reason.Kind.TRANSPORT_FAILURE)).isTrue();
    assertThat(v.reasons().get(0).detail()).isEqualTo(kind.tag() + ": java.io.IOException");
    assertThat(v.reasons()).allSatisfy(r -> assertThat(r.spec()).isEqualTo("RFC 9110 §9.2.2"));
  }

  @ParameterizedTest
  @CsvSource({"''", "'   '"})
  void aBlankIdempotencyKeyDoesNotCount(String value) {
    RequestView request =
        RequestView.of("POST", URL, Headers.of("Idempotency-Key", value), true, true);
    assertThat(FailureKind.SENT_NO_RESPONSE.permitsRetry(request)).isFalse();
  }
}
