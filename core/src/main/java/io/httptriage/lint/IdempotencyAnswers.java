package io.httptriage.lint;

import io.httptriage.classify.Methods;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server's answer says about the request's {@code Idempotency-Key}, by
 * draft-ietf-httpapi-idempotency-key-header §2.7 ("Error Scenarios"):
 *
 * <ul>
 *   <li>422 to a request with a key: the key was used before with another payload. A key minted by
 *       httptriage is new, so there the 422 more likely judges the content; the finding says both.
 *   <li>400 to a request without a key, whose {@code Link} names the server's idempotency
 *       documentation (the draft's header form of the answer): the operation requires a key. A
 *       server that says so only in the body (the draft's problem+json form) is not recognised:
 *       bodies are the caller's, and httptriage never reads them.
 * </ul>
 *
 * <p>A 409 (the key's first request still in flight) is no finding: the policy table retries it
 * when keys are minted ({@code TriageConfig.Builder#idempotencyKeys}).
 *
 * <p>Stateless and thread-safe.
 */
final class IdempotencyAnswers {
  static final String SPEC = "draft-ietf-httpapi-idempotency-key-header §2.7";

  private IdempotencyAnswers() {}

  /** True for the statuses this check may report on. */
  static boolean concerns(int status) {
    return status == 400 || status == 422;
  }

  /** The finding about the key, when there is one. */
  static Optional<Finding> check(RequestView request, ResponseView response) {
    int status = response.status();
    if (!concerns(status)) {
      return Optional.empty();
    }
    Optional<String> key = request.header(Methods.IDEMPOTENCY_KEY);
    boolean keyed = key.isPresent() && !key.get().isBlank();
    Optional<String> from = Optional.of(request.uri().toString());
    if (status == 422 && keyed) {
      return Optional.of(
          new Finding(
              Kind.IDEMPOTENCY_KEY_REUSED,
              Severity.WARNING,
              Finding.FINAL,
              from,
              Optional.empty(),
              "422 to a "
                  + request.method()
                  + " with an Idempotency-Key: the key was used before"
                  + " with another payload, or the content is refused; not retried",
              SPEC));
    }
    if (status == 400 && !keyed && pointsToIdempotencyDocs(response.headers("Link"))) {
      return Optional.of(
          new Finding(
              Kind.IDEMPOTENCY_KEY_REQUIRED,
              Severity.WARNING,
              Finding.FINAL,
              from,
              Optional.empty(),
              "400 to a "
                  + request.method()
                  + " without an Idempotency-Key, linking to the server's idempotency documentation:"
                  + " the operation requires a key (TriageConfig idempotencyKeys mints one)",
              SPEC));
    }
    return Optional.empty();
  }

  private static boolean pointsToIdempotencyDocs(List<String> links) {
    for (String link : links) {
      if (link.toLowerCase(Locale.ROOT).contains("idempotency")) {
        return true;
      }
    }
    return false;
  }
}
