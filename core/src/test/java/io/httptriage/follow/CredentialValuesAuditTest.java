package io.httptriage.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the credential audit compared presence, and a per-origin cookie jar raised an alarm.
 */
class CredentialValuesAuditTest {
  private static final URI A = URI.create("http://127.0.0.1:8080/start");
  private static final URI B = URI.create("http://localhost:8080/landing");

  private static Hop hop(URI uri, Headers request, int status, Headers response) {
    return Hop.of(
        RequestView.of("GET", uri, request, false, true), ResponseView.of(status, response));
  }

  private static List<Finding.Kind> kinds(Hop first, Hop last) {
    return RedirectAudit.ofDefaults().audit(Exchange.of(List.of(first), last, true)).stream()
        .map(Finding::kind)
        .toList();
  }

  @Test
  void eachOriginsOwnHostOnlyCookieIsNoFinding() {
    Hop first =
        hop(A, Headers.of("Cookie", "sid=a-origin"), 302, Headers.of("Location", B.toString()));
    Hop last = hop(B, Headers.of("Cookie", "sid=b-origin"), 200, Headers.empty());

    assertThat(kinds(first, last)).doesNotContain(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  @Test
  void theFirstOriginsCookieValueAtAnotherOriginIsAFinding() {
    Hop first =
        hop(
            A,
            Headers.of("Cookie", "theme=dark; sid=a-origin"),
            302,
            Headers.of("Location", B.toString()));
    Hop last = hop(B, Headers.of("Cookie", "sid=a-origin"), 200, Headers.empty());

    assertThat(kinds(first, last)).contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  @Test
  void aCookieTheFirstOriginSetIsAFindingAtAnotherOrigin() {
    Hop first =
        hop(
            A,
            Headers.empty(),
            302,
            Headers.of("Location", B.toString(), "Set-Cookie", "sid=fresh; Path=/; HttpOnly"));
    Hop last = hop(B, Headers.of("Cookie", "sid=fresh"), 200, Headers.empty());

    assertThat(kinds(first, last)).contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  @Test
  void authorizationIsComparedByValueToo() {
    Hop first =
        hop(
            A,
            Headers.of("Authorization", "Bearer for-a"),
            302,
            Headers.of("Location", B.toString()));

    assertThat(
            kinds(first, hop(B, Headers.of("Authorization", "Bearer for-b"), 200, Headers.empty())))
        .doesNotContain(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
    assertThat(
            kinds(first, hop(B, Headers.of("Authorization", "Bearer for-a"), 200, Headers.empty())))
        .contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
  }

  @Test
  void aHopHoldsFingerprintsNeverTheCredential() {
    Hop first =
        hop(
            A,
            Headers.of("Cookie", "sid=s3cr3t-value", "Authorization", "Bearer s3cr3t-token"),
            302,
            Headers.of("Set-Cookie", "n=s3cr3t-set"));

    assertThat(first.toString()).doesNotContain("s3cr3t");
    assertThat(first.sentCredentials("Cookie")).hasSize(1).allMatch(p -> p.startsWith("cookie:"));
  }
}
