package io.httptriage.policy;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The handling policy for every status code: the defaults decided from the RFCs, plus the user's
 * ordered override rules.
 *
 * <p><b>First match wins.</b> For a response code and request method, the rules are tried in the
 * order they were added; the first rule that matches replaces the decisions it sets, and the
 * defaults supply the rest. When no rule matches, the default policy applies. Rules match the code
 * as received; the default of an unknown code is that of the x00 code of its class and the default
 * of an invalid code that of 500 (RFC 9110 §15).
 *
 * <p>Immutable and thread-safe. The lookups read precomputed tables and allocate nothing for codes
 * 0..999. {@link #explain(int, String)} says what the table decides for a code and a method, and on
 * which rule or RFC section each decision rests.
 *
 * <pre>{@code
 * PolicyTable table = PolicyTable.builder()
 *     .retryOn(429, 503)          // shortcut: one rule per code whose retryability changes
 *     .rule(PolicyRule.forCode(500).onlyForMethods("GET").withRetryability(Retryability.IDEMPOTENT))
 *     .build();
 * table.explain(500, "GET");  // "500 GET: retryability=IDEMPOTENT (override (...)); ..."
 * table.explain(502, "GET");  // "...retryability=NEVER (retryOn(429, 503) (502: ...))..."
 * }</pre>
 */
public final class PolicyTable {
  private static final int SIZE = 1000;
  private static final StatusPolicy[] DEFAULTS = new StatusPolicy[SIZE];
  private static final PolicyTable DEFAULT_TABLE;

  static {
    for (int code = 0; code < SIZE; code++) {
      DEFAULTS[code] = DefaultPolicies.of(code);
    }
    DEFAULT_TABLE = new PolicyTable(List.of());
    // The engine and the CLI read the resolved policies through PolicyLookup; no user type names
    // StatusPolicy.
    PolicyLookup.install(
        new PolicyLookup.Access() {
          @Override
          public StatusPolicy policyFor(PolicyTable table, int code) {
            return table.policyFor(code);
          }

          @Override
          public StatusPolicy policyFor(PolicyTable table, int code, String method) {
            return table.policyFor(code, method);
          }

          @Override
          public StatusPolicy defaultPolicyFor(int code) {
            return PolicyTable.defaultPolicyFor(code);
          }

          @Override
          public boolean dependsOnMethod(PolicyTable table, int code) {
            return table.dependsOnMethod(code);
          }
        });
  }

  private final List<PolicyRule> rules;

  /** The policy per code for methods no method-specific rule names. */
  private final StatusPolicy[] byCode;

  /** When false, the method never matters and {@link #byCode} answers every lookup. */
  private final boolean hasMethodRules;

  /** Per code: whether some method-specific rule covers it. */
  private final boolean[] methodMatters;

  private PolicyTable(List<PolicyRule> rules) {
    this.rules = List.copyOf(rules);
    boolean methodRules = false;
    for (PolicyRule r : this.rules) {
      methodRules |= r.isMethodSpecific();
    }
    this.hasMethodRules = methodRules;
    this.byCode = new StatusPolicy[SIZE];
    this.methodMatters = new boolean[SIZE];
    for (int code = 0; code < SIZE; code++) {
      byCode[code] = resolve(code, null);
      for (PolicyRule r : this.rules) {
        if (r.isMethodSpecific() && r.coversCode(code)) {
          methodMatters[code] = true;
        }
      }
    }
  }

  /** {@return the default table: no overrides} */
  public static PolicyTable ofDefaults() {
    return DEFAULT_TABLE;
  }

  /** {@return a builder starting from the defaults with no overrides} */
  public static Builder builder() {
    return new Builder(List.of());
  }

  /** {@return a builder holding this table's rules, to add more} */
  public Builder toBuilder() {
    return new Builder(rules);
  }

  /** {@return the override rules, in match order} */
  public List<PolicyRule> rules() {
    return rules;
  }

  /**
   * {@return this table with {@code first} tried before its own rules (first match wins), as a
   * call's own rules are} A rule of this table that one of {@code first} shadows is left out: it
   * would never apply.
   *
   * @param first the rules to try first, in match order
   * @throws IllegalArgumentException when one of {@code first} is refused by {@link Builder#rule}
   */
  public PolicyTable withRulesFirst(List<PolicyRule> first) {
    Builder b = builder();
    first.forEach(b::rule);
    List<PolicyRule> all = new ArrayList<>(b.rules);
    for (PolicyRule own : rules) {
      if (first.stream().noneMatch(r -> r.shadows(own))) {
        all.add(own);
      }
    }
    return all.isEmpty() ? DEFAULT_TABLE : new PolicyTable(all);
  }

  /**
   * What the table decides for a status code and a request method, and why: the four decisions,
   * each with the rule or RFC section it rests on, e.g. {@code "503 POST: retryability=IDEMPOTENT
   * (RFC 9110 §15.6.4); redirect=NEVER_FOLLOW (...); method=NOT_APPLICABLE (...); cacheability=
   * NEVER_STORE (...)"}. The engine decides from the same lookup. Never throws.
   *
   * @param code any int
   * @param method the request method, case-sensitive
   * @return one line naming each decision and its basis
   */
  public String explain(int code, String method) {
    StatusPolicy p = policyFor(code, method);
    StatusPolicy.Basis b = p.basis();
    return code
        + " "
        + method
        + ": retryability="
        + p.retryability()
        + " ("
        + b.retry()
        + "); redirect="
        + p.redirect()
        + " ("
        + b.redirect()
        + "); method="
        + p.method()
        + " ("
        + b.method()
        + "); cacheability="
        + p.cacheability()
        + " ("
        + b.cache()
        + ")";
  }

  /** The default policy of a code, before any override; never throws. */
  static StatusPolicy defaultPolicyFor(int code) {
    return DEFAULTS[index(code)];
  }

  /** The policy of a code for requests of any method no method-specific rule names. */
  StatusPolicy policyFor(int code) {
    return code >= 0 && code < SIZE ? byCode[code] : resolve(code, null);
  }

  /** The policy of a code for a request method; never throws. */
  StatusPolicy policyFor(int code, String method) {
    if (!hasMethodRules) {
      return policyFor(code);
    }
    return resolve(code, method);
  }

  /** True when a method-specific rule covers this code, so that the method may matter. */
  boolean dependsOnMethod(int code) {
    return code >= 0 && code < SIZE && methodMatters[code];
  }

  private StatusPolicy resolve(int code, String method) {
    StatusPolicy base = DEFAULTS[index(code)];
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule r = rules.get(i);
      if (method == null ? !r.isMethodSpecific() && r.coversCode(code) : r.matches(code, method)) {
        return r.applyTo(base);
      }
    }
    return base;
  }

  private static int index(int code) {
    return code >= 0 && code < SIZE ? code : 500;
  }

  /**
   * Collects override rules in match order.
   *
   * <p>Not thread-safe; {@link #build()} returns an immutable table.
   */
  public static final class Builder {
    private final List<PolicyRule> rules;

    private Builder(List<PolicyRule> initial) {
      this.rules = new ArrayList<>(initial);
    }

    /**
     * Adds a rule after those already added.
     *
     * @param rule the rule
     * @return this builder
     * @throws IllegalArgumentException when {@code rule} is null, or would do nothing: it replaces
     *     no decision, an earlier rule matches every response it matches (first match wins), it
     *     sets retryability on codes none of which is a 4xx or 5xx (only errors are retried), or it
     *     sets the redirect or method decision on codes none of which is a 3xx
     */
    public Builder rule(PolicyRule rule) {
      if (rule == null) {
        throw new IllegalArgumentException("rule: must not be null");
      }
      if (!rule.changesAnything()) {
        throw new IllegalArgumentException("rule: " + rule + " replaces no decision");
      }
      if (rule.retryability().isPresent() && rule.to() < 400) {
        throw new IllegalArgumentException(
            "rule: "
                + rule
                + " sets retryability on codes below 400,"
                + " which are never retried (a 2xx is accepted, a 3xx followed); it would do nothing");
      }
      if (rule.setsRedirectDecisions() && (rule.to() < 300 || rule.from() > 399)) {
        throw new IllegalArgumentException(
            "rule: "
                + rule
                + " sets a redirect or method decision on"
                + " codes outside 3xx, which are never followed; it would do nothing");
      }
      for (PolicyRule earlier : rules) {
        if (earlier.shadows(rule)) {
          throw new IllegalArgumentException(
              "rule: "
                  + rule
                  + " never applies: the earlier rule "
                  + earlier
                  + " matches every response it matches (first match wins); add it before");
        }
      }
      rules.add(rule);
      return this;
    }

    /**
     * Retries exactly these codes, as rules: the shortcut for "retry 429 and 503 only". For each
     * listed code the table does not retry, a rule retrying idempotent requests is added (RFC 9110
     * §9.2.2; a POST with an {@code Idempotency-Key} counts); for each code the table retries and
     * the list leaves out, a rule that never retries it. A listed code keeps its own retryability
     * when it has one (413 only with Retry-After, 421 and 425 for any method). The rules go after
     * those already added, so earlier rules win (first match wins) and later ones refine the
     * shortcut, e.g. {@code retryOn(429, 503).rule(forCode(500).onlyForMethods("GET")...)}. Explain
     * any decision with {@link PolicyTable#explain(int, String)}: its basis names the shortcut.
     *
     * @param codes one or more codes in 400..599
     * @return this builder
     * @throws IllegalArgumentException when empty, when a code is outside 400..599 (only errors are
     *     retried), or when an earlier method-specific rule retries a code the list leaves out (the
     *     two would contradict each other: call {@code retryOn} first)
     */
    public Builder retryOn(int... codes) {
      if (codes == null || codes.length == 0) {
        throw new IllegalArgumentException(
            "retryOn: at least one status code is required"
                + " (use RetrySettings maxAttempts(1) to turn retries off)");
      }
      boolean[] listed = new boolean[SIZE];
      StringBuilder name = new StringBuilder("retryOn(");
      for (int code : codes) {
        if (code < 400 || code > 599) {
          throw new IllegalArgumentException(
              "retryOn: "
                  + code
                  + " is not a 4xx or 5xx status code;"
                  + " only error responses are retried");
        }
        name.append(listed[code] ? "" : (name.length() > 8 ? ", " : "") + code);
        listed[code] = true;
      }
      String origin = name.append(')').toString();
      for (PolicyRule earlier : rules) {
        if (earlier.isMethodSpecific()
            && earlier.retryability().orElse(Retryability.NEVER) != Retryability.NEVER) {
          for (int code = earlier.from(); code <= earlier.to(); code++) {
            if (!listed[code]) {
              throw new IllegalArgumentException(
                  "retryOn: the earlier rule "
                      + earlier
                      + " retries "
                      + code
                      + ", which "
                      + origin
                      + " leaves out; call retryOn before adding rules");
            }
          }
        }
      }
      PolicyTable current = new PolicyTable(rules);
      List<PolicyRule> written = new ArrayList<>();
      for (int code = 100; code <= 599; code++) {
        boolean retryable = current.policyFor(code).isRetryable();
        if (listed[code] && !retryable) {
          written.add(
              PolicyRule.forCode(code).withRetryability(Retryability.IDEMPOTENT).writtenBy(origin));
        } else if (!listed[code] && retryable) {
          written.add(
              PolicyRule.forCode(code).withRetryability(Retryability.NEVER).writtenBy(origin));
        }
      }
      for (PolicyRule rule : written) {
        for (PolicyRule earlier : rules) {
          if (earlier.shadows(rule)) {
            throw new IllegalArgumentException(
                "retryOn: the earlier rule "
                    + earlier
                    + " decides "
                    + rule.from()
                    + " first, contradicting "
                    + origin
                    + "; call retryOn before adding rules");
          }
        }
      }
      rules.addAll(written);
      return this;
    }

    /** {@return an immutable table of the defaults and the rules added} */
    public PolicyTable build() {
      return rules.isEmpty() ? DEFAULT_TABLE : new PolicyTable(rules);
    }
  }
}
