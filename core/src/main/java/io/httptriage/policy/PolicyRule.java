package io.httptriage.policy;

import io.httptriage.classify.StatusPolicy;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One user override of the default policy: which responses it matches (a code, a range or a class,
 * optionally narrowed to request methods) and which decisions it replaces. Decisions the rule does
 * not set keep their default.
 *
 * <p>Immutable and thread-safe; every {@code with...} method returns a new rule. Invalid input
 * fails at once with an {@link IllegalArgumentException} naming the parameter.
 *
 * <pre>{@code
 * PolicyRule retry500ForGet = PolicyRule.forCode(500)
 *     .onlyForMethods("GET")
 *     .withRetryability(Retryability.IDEMPOTENT);
 * }</pre>
 */
public final class PolicyRule {
  private final int from;
  private final int to;
  private final Set<String> methods;
  private final Optional<Retryability> retryability;
  private final Optional<RedirectRule> redirect;
  private final Optional<MethodRule> method;
  private final Optional<Cacheability> cacheability;

  /**
   * What wrote the rule, for the basis of the decisions it replaces: a user override or a shortcut.
   */
  private final String origin;

  private int hash; // 0 until hashCode() computes it

  private PolicyRule(
      int from,
      int to,
      Set<String> methods,
      Optional<Retryability> retryability,
      Optional<RedirectRule> redirect,
      Optional<MethodRule> method,
      Optional<Cacheability> cacheability) {
    this(from, to, methods, retryability, redirect, method, cacheability, null);
  }

  @SuppressWarnings("ParameterNumber")
  private PolicyRule(
      int from,
      int to,
      Set<String> methods,
      Optional<Retryability> retryability,
      Optional<RedirectRule> redirect,
      Optional<MethodRule> method,
      Optional<Cacheability> cacheability,
      String origin) {
    this.origin = origin;
    this.from = from;
    this.to = to;
    this.methods = methods;
    this.retryability = retryability;
    this.redirect = redirect;
    this.method = method;
    this.cacheability = cacheability;
  }

  /**
   * {@return a rule for one status code}
   *
   * @param code a code in 100..599
   * @throws IllegalArgumentException when {@code code} is outside 100..599
   */
  public static PolicyRule forCode(int code) {
    checkCode("code", code);
    return new PolicyRule(
        code,
        code,
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * {@return a rule for an inclusive range of codes}
   *
   * @param from the first code, in 100..599
   * @param to the last code, in {@code from}..599
   * @throws IllegalArgumentException when a bound is outside 100..599 or the range is empty
   */
  public static PolicyRule forRange(int from, int to) {
    checkCode("from", from);
    checkCode("to", to);
    if (to < from) {
      throw new IllegalArgumentException("to: range " + from + ".." + to + " is empty");
    }
    return new PolicyRule(
        from, to, Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * {@return a rule for every code of a class, e.g. {@code forClass(5)} for all 5xx: the same as
   * {@code forRange(500, 599)}}
   *
   * @param digit the class's first digit, 1..5
   * @throws IllegalArgumentException when {@code digit} is outside 1..5
   */
  public static PolicyRule forClass(int digit) {
    if (digit < 1 || digit > 5) {
      throw new IllegalArgumentException("digit: must be 1..5 (1xx..5xx), was " + digit);
    }
    return forRange(digit * 100, digit * 100 + 99);
  }

  /**
   * {@return the same rule, matching only requests with one of these methods (case-sensitive, RFC
   * 9110 §9.1)}
   *
   * @param methods the request methods the rule applies to
   * @throws IllegalArgumentException when {@code methods} is empty or holds a null or blank name
   */
  public PolicyRule onlyForMethods(String... methods) {
    if (methods == null || methods.length == 0) {
      throw new IllegalArgumentException("methods: at least one method is required");
    }
    Set<String> set = new LinkedHashSet<>();
    for (String m : methods) {
      if (m == null || m.isBlank()) {
        throw new IllegalArgumentException("methods: blank or null method name");
      }
      set.add(m);
    }
    return new PolicyRule(from, to, Set.copyOf(set), retryability, redirect, method, cacheability);
  }

  /**
   * {@return the same rule, replacing the retry decision}
   *
   * @param value the new retry decision
   */
  public PolicyRule withRetryability(Retryability value) {
    return new PolicyRule(
        from,
        to,
        methods,
        Optional.of(nonNull("retryability", value)),
        redirect,
        method,
        cacheability);
  }

  /**
   * {@return the same rule, replacing the redirect decision}
   *
   * @param value the new redirect decision
   */
  public PolicyRule withRedirect(RedirectRule value) {
    return new PolicyRule(
        from,
        to,
        methods,
        retryability,
        Optional.of(nonNull("redirect", value)),
        method,
        cacheability);
  }

  /**
   * {@return the same rule, replacing the method decision}
   *
   * @param value the new method decision
   */
  public PolicyRule withMethod(MethodRule value) {
    return new PolicyRule(
        from,
        to,
        methods,
        retryability,
        redirect,
        Optional.of(nonNull("method", value)),
        cacheability);
  }

  /**
   * {@return the same rule, replacing the cache decision}
   *
   * @param value the new cache decision
   */
  public PolicyRule withCacheability(Cacheability value) {
    return new PolicyRule(
        from,
        to,
        methods,
        retryability,
        redirect,
        method,
        Optional.of(nonNull("cacheability", value)));
  }

  /**
   * {@return true when the rule covers this code and method}
   *
   * @param code the status code
   * @param requestMethod the request method, case-sensitive
   */
  public boolean matches(int code, String requestMethod) {
    return code >= from && code <= to && (methods.isEmpty() || methods.contains(requestMethod));
  }

  /**
   * {@return true when the rule's code, range or class includes this code, whatever the method}
   *
   * @param code the status code
   */
  public boolean coversCode(int code) {
    return code >= from && code <= to;
  }

  /** {@return true when the rule is narrowed to some methods} */
  public boolean isMethodSpecific() {
    return !methods.isEmpty();
  }

  /** {@return true when the rule makes the codes it matches retryable (for some requests)} */
  public boolean retries() {
    return retryability.isPresent() && retryability.get() != Retryability.NEVER;
  }

  /** {@return true when the rule replaces at least one decision} */
  public boolean changesAnything() {
    return retryability.isPresent()
        || redirect.isPresent()
        || method.isPresent()
        || cacheability.isPresent();
  }

  /** The same rule, saying in the basis of its decisions that {@code shortcut} wrote it. */
  PolicyRule writtenBy(String shortcut) {
    return new PolicyRule(
        from, to, methods, retryability, redirect, method, cacheability, shortcut);
  }

  int from() {
    return from;
  }

  int to() {
    return to;
  }

  Set<String> methods() {
    return methods;
  }

  Optional<Retryability> retryability() {
    return retryability;
  }

  /** True when the rule replaces the redirect or the method decision, which only a 3xx reads. */
  boolean setsRedirectDecisions() {
    return redirect.isPresent() || method.isPresent();
  }

  /**
   * True when this rule matches every response {@code later} matches, so that one never applies.
   */
  boolean shadows(PolicyRule later) {
    return from <= later.from
        && to >= later.to
        && (methods.isEmpty() || (!later.methods.isEmpty() && methods.containsAll(later.methods)));
  }

  /** The policy that results from applying this rule on top of {@code base}. */
  StatusPolicy applyTo(StatusPolicy base) {
    String why = origin != null ? origin + " (" + this + ")" : "override (" + this + ")";
    StatusPolicy.Basis b = base.basis();
    return new StatusPolicy(
        retryability.orElse(base.retryability()),
        redirect.orElse(base.redirect()),
        method.orElse(base.method()),
        cacheability.orElse(base.cacheability()),
        new StatusPolicy.Basis(
            retryability.isPresent() ? why : b.retry(),
            redirect.isPresent() ? why : b.redirect(),
            method.isPresent() ? why : b.method(),
            cacheability.isPresent() ? why : b.cache()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PolicyRule)) {
      return false;
    }
    PolicyRule r = (PolicyRule) o;
    return from == r.from
        && to == r.to
        && methods.equals(r.methods)
        && retryability.equals(r.retryability)
        && redirect.equals(r.redirect)
        && method.equals(r.method)
        && cacheability.equals(r.cacheability);
  }

  @Override
  public int hashCode() {
    // kept once computed (a rule is immutable): a call's own rules are looked up by it per call
    int h = hash;
    if (h == 0) {
      h = Objects.hash(from, to, methods, retryability, redirect, method, cacheability);
      hash = h;
    }
    return h;
  }

  /** {@code "500 GET: retryability=IDEMPOTENT"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(from == to ? Integer.toString(from) : from + ".." + to);
    if (!methods.isEmpty()) {
      sb.append(' ').append(String.join(",", methods));
    }
    sb.append(':');
    retryability.ifPresent(v -> sb.append(" retryability=").append(v));
    redirect.ifPresent(v -> sb.append(" redirect=").append(v));
    method.ifPresent(v -> sb.append(" method=").append(v));
    cacheability.ifPresent(v -> sb.append(" cacheability=").append(v));
    return sb.toString();
  }

  private static void checkCode(String name, int code) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException(name + ": status code must be in 100..599, was " + code);
    }
  }

  private static <T> T nonNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + ": must not be null");
    }
    return value;
  }
}
