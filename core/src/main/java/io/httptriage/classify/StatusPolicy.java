package io.httptriage.classify;

import io.httptriage.policy.Cacheability;
import io.httptriage.policy.MethodRule;
import io.httptriage.policy.RedirectRule;
import io.httptriage.policy.Retryability;
import java.util.Objects;

/**
 * The handling policy of one status code: four decisions, each with the rule it rests on.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * StatusPolicy p = PolicyLookup.policyFor(PolicyTable.ofDefaults(), 301);
 * p.redirect();      // FOLLOW
 * p.method();        // POST_BECOMES_GET
 * p.cacheability();  // HEURISTIC
 * p.basis().method(); // "RFC 9110 §15.4.2"
 * }</pre>
 *
 * @param retryability whether the request may be sent again
 * @param redirect whether the response may be followed automatically
 * @param method what happens to method and body when followed
 * @param cacheability whether it may be stored without explicit freshness
 * @param basis the rule behind each decision
 */
public record StatusPolicy(
    Retryability retryability,
    RedirectRule redirect,
    MethodRule method,
    Cacheability cacheability,
    Basis basis) {

  /**
   * Where each decision comes from: an RFC section, or "override" for a user rule.
   *
   * @param retry the basis of {@link StatusPolicy#retryability()}
   * @param redirect the basis of {@link StatusPolicy#redirect()}
   * @param method the basis of {@link StatusPolicy#method()}
   * @param cache the basis of {@link StatusPolicy#cacheability()}
   */
  public record Basis(String retry, String redirect, String method, String cache) {
    /**
     * Validates the fields.
     *
     * @param retry the basis of {@link StatusPolicy#retryability()}
     * @param redirect the basis of {@link StatusPolicy#redirect()}
     * @param method the basis of {@link StatusPolicy#method()}
     * @param cache the basis of {@link StatusPolicy#cacheability()}
     */
    public Basis {
      Objects.requireNonNull(retry, "retry");
      Objects.requireNonNull(redirect, "redirect");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(cache, "cache");
    }
  }

  /**
   * Validates the fields.
   *
   * @param retryability whether the request may be sent again
   * @param redirect whether the response may be followed automatically
   * @param method what happens to method and body when followed
   * @param cacheability whether it may be stored without explicit freshness
   * @param basis the rule behind each decision
   */
  public StatusPolicy {
    Objects.requireNonNull(retryability, "retryability");
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(cacheability, "cacheability");
    Objects.requireNonNull(basis, "basis");
  }

  /** {@return true unless {@link #retryability()} is {@link Retryability#NEVER}} */
  public boolean isRetryable() {
    return retryability != Retryability.NEVER;
  }

  /** {@return true when the response may be followed automatically (with a Location)} */
  public boolean isRedirectSafe() {
    return redirect.mayFollow();
  }

  /** {@return true when following keeps method and body for every method} */
  public boolean isMethodPreserving() {
    return method == MethodRule.PRESERVE;
  }

  /** {@return true when the response may be reused without explicit freshness} */
  public boolean isHeuristicallyCacheable() {
    return cacheability == Cacheability.HEURISTIC;
  }
}
