package io.httptriage.engine;

import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one reading of a response's quota fields, for both the retry's wait ({@link Gates}) and the
 * origin's cool-down ({@link CoolDownGate}): the structured {@code RateLimit} fields
 * (draft-ietf-httpapi-ratelimit-headers) when present, else the {@code RateLimit-Remaining} /
 * {@code RateLimit-Reset} pair of its earlier revisions, else the unregistered {@code
 * X-RateLimit-Remaining} / {@code X-RateLimit-Reset} pair, else none.
 *
 * <p>Stateless and thread-safe.
 */
final class QuotaFields {
  private QuotaFields() {}

  /** The quota {@code response} states, with any problems its fields had; absent when none. */
  static RateLimit of(ResponseView response, Instant now) {
    List<String> structured = response.headers(RateLimit.FIELD);
    if (!structured.isEmpty()) {
      return RateLimit.parse(structured, response.headers(RateLimit.POLICY_FIELD));
    }
    List<String> remaining = response.headers(RateLimit.LEGACY_REMAINING_FIELD);
    if (!remaining.isEmpty()) {
      return RateLimit.parseLegacy(remaining, response.headers(RateLimit.LEGACY_RESET_FIELD));
    }
    Optional<String> xRemaining = response.header(RateLimit.X_REMAINING_FIELD);
    Optional<String> xReset = response.header(RateLimit.X_RESET_FIELD);
    if (xRemaining.isPresent() && xReset.isPresent()) {
      return RateLimit.parseXRateLimit(xRemaining.get(), xReset.get(), now);
    }
    return RateLimit.absent();
  }
}
