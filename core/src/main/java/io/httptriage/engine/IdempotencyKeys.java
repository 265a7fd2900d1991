package io.httptriage.engine;

import io.httptriage.classify.Methods;
import io.httptriage.exchange.RequestView;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import java.util.UUID;

/**
 * The opt-in idempotency keys of {@link TriageConfig.Builder#idempotencyKeys(boolean)}, by
 * draft-ietf-httpapi-idempotency-key-header:
 *
 * <ul>
 *   <li>A POST or PATCH (the methods §1 names as not idempotent) without the field gets one {@code
 *       Idempotency-Key}, minted once per logical call: a random UUID (§2.2 recommends one) as an
 *       sf-string, quoted (§2.1), e.g. {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}. The key is
 *       in the request the call starts with, so every attempt and every hop sends it, and the
 *       policy table, which counts a request with a key as idempotent, retries it. A key the caller
 *       set, blank or not, is never replaced: a request carries at most one (§2.1).
 *   <li>409 — "a request is outstanding for this Idempotency-Key" (§2.6 concurrent request, §2.7)
 *       needs no correction: a rule retries a 409 to a POST or PATCH that carries a key, after the
 *       usual wait (Retry-After, else backoff), unless a rule of the user's table covers 409 —
 *       first match wins, and the user's rule decides. Without the setting, a 409 is a conflict to
 *       resolve (RFC 9110 §15.5.10) and never retried.
 *   <li>422 (the key reused with another payload) and 400 (a key required) are never retried by the
 *       default table; the conformance lint reports them as findings.
 * </ul>
 */
final class IdempotencyKeys {
  /** Retries a 409 for a POST or PATCH with a key; IDEMPOTENT reads the key (RFC 9110 §9.2.2). */
  static final PolicyRule CONFLICT_IN_FLIGHT =
      PolicyRule.forCode(409)
          .onlyForMethods("POST", "PATCH")
          .withRetryability(Retryability.IDEMPOTENT);

  private IdempotencyKeys() {}

  /** The client's table, with the 409 rule after its own when none of them decides 409. */
  static PolicyTable table(PolicyTable table, boolean enabled) {
    if (!enabled) {
      return table;
    }
    for (PolicyRule rule : table.rules()) {
      if (rule.coversCode(409)) {
        return table;
      }
    }
    return table.toBuilder().rule(CONFLICT_IN_FLIGHT).build();
  }

  /** True when the request is a POST or PATCH without the field: it gets a key. */
  static boolean needsKey(RequestView request) {
    String method = request.method();
    return (method.equals("POST") || method.equals("PATCH"))
        && request.header(Methods.IDEMPOTENCY_KEY).isEmpty();
  }

  /** A new key, as the field's value: a quoted random UUID. */
  static String mint() {
    return '"' + UUID.randomUUID().toString() + '"';
  }

  /** The request with a minted key when it needs one; the same request otherwise. */
  static <Q, R> Q keyed(Q request, ClientCall<Q, R> call) {
    RequestView view = call.requestView(request);
    return needsKey(view) ? call.withHeader(request, Methods.IDEMPOTENCY_KEY, mint()) : request;
  }
}
