package io.httptriage.classify;

import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.FieldValues;
import io.httptriage.headers.Location;
import io.httptriage.headers.RetryAfter;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.RedirectRule;
import io.httptriage.policy.Retryability;
import io.httptriage.status.StatusClass;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a response means for the request that produced it, by the policy table.
 *
 * <ul>
 *   <li>2xx, 101 and 304 are accepted.
 *   <li>A 3xx the policy follows gives {@link Verdict.Kind#FOLLOW} with the Location resolved
 *       against the request URI (RFC 9110 §10.2.2) and the method the policy sets; without a usable
 *       Location it fails.
 *   <li>A 4xx/5xx whose policy allows a retry for this request gives {@link Verdict.Kind#RETRY},
 *       with the Retry-After delay when the response carries a valid one. A request counts as
 *       idempotent when its method is (RFC 9110 §9.2.2) or it carries an {@code Idempotency-Key}.
 *       To retry other POSTs, add a method-specific rule to the policy table.
 *   <li>Everything else fails. Unknown codes act as the x00 of their class and invalid ones as 500
 *       (RFC 9110 §15).
 * </ul>
 *
 * <p>Never throws on any status or header value: a bad Retry-After is ignored with a {@link
 * Reason.Kind#RETRY_AFTER_IGNORED} reason. A 2xx verdict is precomputed and allocates nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Classifier classifier = Classifier.ofDefaults();
 * Verdict v = classifier.classify(
 *     RequestView.of("GET", URI.create("https://api.example/items")),
 *     ResponseView.of(503, Headers.of("Retry-After", "5")));
 * v.kind();       // RETRY
 * v.retryAfter(); // Optional[PT5S]
 * }</pre>
 */
public final class Classifier {
  private static final int SIZE = 1000;
  private static final Classifier DEFAULT =
      new Classifier(PolicyTable.ofDefaults(), Clock.systemUTC());

  private final PolicyTable table;
  private final Clock clock;

  /** Verdicts that depend on nothing but the code (2xx, 101, 304), indexed by code. */
  private final Verdict[] precomputed = new Verdict[SIZE];

  /** The same, wrapped once so that handing them out allocates nothing. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private final Optional<Verdict>[] precomputedOptional = new Optional[SIZE];

  private Classifier(PolicyTable table, Clock clock) {
    this.table = table;
    this.clock = clock;
    for (int code = 100; code < 600; code++) {
      StatusCode sc = StatusRegistry.lookup(code);
      if (sc.statusClass() == StatusClass.SUCCESSFUL || code == 101 || code == 304) {
        precomputed[code] = accept(sc, PolicyLookup.policyFor(table, code));
        precomputedOptional[code] = Optional.of(precomputed[code]);
      }
    }
  }

  /** {@return the classifier of the default policy table and the system clock} */
  public static Classifier ofDefaults() {
    return DEFAULT;
  }

  /**
   * A classifier for a policy table, reading HTTP-dates against a clock.
   *
   * @param table the policy table that decides
   * @param clock the clock HTTP-dates in Retry-After are read against
   * @return the classifier
   * @throws IllegalArgumentException when an argument is null
   */
  public static Classifier of(PolicyTable table, Clock clock) {
    if (table == null) {
      throw new IllegalArgumentException("table: must not be null");
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock: must not be null");
    }
    return new Classifier(table, clock);
  }

  /**
   * {@return the verdict for a status when it depends on nothing but the status — a 2xx, 101 or 304
   * with no method-specific rule — without looking at request or response; empty otherwise} Lets
   * callers skip building views on the common path.
   *
   * @param status the response status
   */
  public Optional<Verdict> statusOnlyVerdict(int status) {
    if (status >= 0
        && status < SIZE
        && precomputed[status] != null
        && !PolicyLookup.dependsOnMethod(table, status)) {
      return precomputedOptional[status];
    }
    return Optional.empty();
  }

  /** {@return the policy table this classifier applies} */
  public PolicyTable policyTable() {
    return table;
  }

  /**
   * Classifies a response; never throws for any status or header content.
   *
   * @param request the request as sent
   * @param response the response received for it
   * @return the verdict, with its reasons
   */
  public Verdict classify(RequestView request, ResponseView response) {
    int code = response.status();
    if (code >= 0
        && code < SIZE
        && precomputed[code] != null
        && !PolicyLookup.dependsOnMethod(table, code)) {
      return precomputed[code];
    }
    StatusCode sc = StatusRegistry.lookup(code);
    StatusPolicy policy = PolicyLookup.policyFor(table, code, request.method());
    if (sc.isKnown() && code >= 400 && code <= 599) {
      Retryability r = policy.retryability();
      if (r == Retryability.ANY_REQUEST
          || (r == Retryability.IDEMPOTENT && isIdempotent(request))) {
        return retryOnFastPath(request, response, sc, policy, r == Retryability.ANY_REQUEST);
      }
    }
    List<Reason> reasons = new ArrayList<>(3);
    if (!sc.isKnown()) {
      reasons.add(
          sc.statusClass() == StatusClass.INVALID
              ? new Reason(
                  Reason.Kind.INVALID_STATUS,
                  code + " is outside 100..599; handled as 500",
                  "RFC 9110 §15")
              : new Reason(
                  Reason.Kind.UNKNOWN_STATUS,
                  code + " is not registered; handled as " + sc.equivalentCode(),
                  "RFC 9110 §15"));
    }
    switch (sc.statusClass().effective()) {
      case SUCCESSFUL:
        return accept(sc, policy);
      case INFORMATIONAL:
        if (sc.equivalentCode() == 101) {
          return accept(sc, policy);
        }
        reasons.add(
            new Reason(
                Reason.Kind.INTERIM_AS_FINAL,
                "an interim response arrived as the final one",
                "RFC 9110 §15.2"));
        return fail(sc, policy, reasons);
      case REDIRECTION:
        return redirect(request, response, sc, policy, reasons);
      default:
        return errorStatus(request, response, sc, policy, reasons);
    }
  }

  /**
   * The RETRY of a registered error status the request may be retried for, with its Retry-After
   * parsed once and its reasons written only when read: the retry decision reads the delay, not the
   * words.
   */
  private Verdict retryOnFastPath(
      RequestView request,
      ResponseView response,
      StatusCode sc,
      StatusPolicy policy,
      boolean anyRequest) {
    List<String> raw = response.headers("Retry-After");
    if (raw.isEmpty()) {
      return new Verdict(sc, policy, Optional.empty(), anyRequest ? null : request.method(), null);
    }
    RetryAfter parsed = RetryAfter.parse(raw, clock.instant());
    return new Verdict(
        sc,
        policy,
        parsed.delay(),
        anyRequest ? null : request.method(),
        parsed.problem().orElse(null));
  }

  private Verdict redirect(
      RequestView request,
      ResponseView response,
      StatusCode sc,
      StatusPolicy policy,
      List<Reason> reasons) {
    RedirectRule rule = policy.redirect();
    String basis = policy.basis().redirect();
    if (rule == RedirectRule.NOT_A_REDIRECT) {
      if (sc.equivalentCode() == 304) {
        return accept(sc, policy);
      }
      reasons.add(
          new Reason(Reason.Kind.NOT_RETRYABLE, "the policy does not follow " + sc.code(), basis));
      return fail(sc, policy, reasons);
    }
    if (rule == RedirectRule.NEVER_FOLLOW) {
      reasons.add(new Reason(Reason.Kind.REDIRECT_REFUSED, sc + " is never followed", basis));
      return fail(sc, policy, reasons);
    }
    Optional<String> location = Location.fieldValue(response.headers("Location"));
    if (location.isEmpty()) {
      reasons.add(new Reason(Reason.Kind.LOCATION_MISSING, sc + " without a Location", basis));
      return fail(sc, policy, reasons);
    }
    Optional<URI> target = Location.resolve(request.uri(), location.get());
    if (target.isEmpty()) {
      reasons.add(
          new Reason(
              Reason.Kind.LOCATION_INVALID,
              Location.isRepeated(location.get())
                  ? "Location is repeated with different values: no single target"
                  : "Location is not an http(s) URI reference: '"
                      + FieldValues.printable(location.get(), 200)
                      + "'",
              Location.isRepeated(location.get()) ? "RFC 9110 §5.3" : "RFC 9110 §10.2.2"));
      return fail(sc, policy, reasons);
    }
    RetryAfter wait = retryAfter(response, reasons);
    String method = request.method();
    String next = policy.method().followMethod(method);
    boolean keepsBody = request.hasBody() && policy.method().keepsBody(method);
    reasons.add(
        new Reason(
            Reason.Kind.REDIRECT,
            sc + ": " + method + " follows as " + next + (keepsBody ? " with its body" : ""),
            policy.basis().method().equals("-") ? basis : policy.basis().method()));
    return new Verdict(
        Verdict.Kind.FOLLOW,
        sc,
        policy,
        wait.delay(),
        target,
        Optional.of(next),
        keepsBody,
        reasons);
  }

  private Verdict errorStatus(
      RequestView request,
      ResponseView response,
      StatusCode sc,
      StatusPolicy policy,
      List<Reason> reasons) {
    String basis = policy.basis().retry();
    switch (policy.retryability()) {
      case NEVER:
        reasons.add(new Reason(Reason.Kind.NOT_RETRYABLE, sc + " is not retried", basis));
        return fail(sc, policy, reasons);
      case IDEMPOTENT_WITH_RETRY_AFTER:
        {
          RetryAfter wait = retryAfter(response, reasons);
          if (!wait.isPresent()) {
            reasons.add(
                new Reason(
                    Reason.Kind.RETRY_AFTER_MISSING,
                    sc + " is temporary only when Retry-After says so",
                    basis));
            return fail(sc, policy, reasons);
          }
          return idempotentRetry(request, sc, policy, wait, reasons, basis);
        }
      case IDEMPOTENT:
        return idempotentRetry(request, sc, policy, retryAfter(response, reasons), reasons, basis);
      default: // ANY_REQUEST
        RetryAfter wait = retryAfter(response, reasons);
        reasons.add(
            new Reason(
                Reason.Kind.RETRYABLE,
                sc + " may be retried whatever the method: the request was not processed",
                basis));
        return retry(sc, policy, wait, reasons);
    }
  }

  private Verdict idempotentRetry(
      RequestView request,
      StatusCode sc,
      StatusPolicy policy,
      RetryAfter wait,
      List<Reason> reasons,
      String basis) {
    if (!isIdempotent(request)) {
      reasons.add(
          new Reason(
              Reason.Kind.NOT_IDEMPOTENT,
              request.method() + " without " + Methods.IDEMPOTENCY_KEY + " is not retried",
              "RFC 9110 §9.2.2"));
      return fail(sc, policy, reasons);
    }
    reasons.add(
        new Reason(Reason.Kind.RETRYABLE, sc + " may be retried for " + request.method(), basis));
    return retry(sc, policy, wait, reasons);
  }

  /** An idempotent method, or any method with an Idempotency-Key. */
  static boolean isIdempotent(RequestView request) {
    if (Methods.isIdempotent(request.method())) {
      return true;
    }
    Optional<String> key = request.header(Methods.IDEMPOTENCY_KEY);
    return key.isPresent() && !key.get().isBlank();
  }

  private RetryAfter retryAfter(ResponseView response, List<Reason> reasons) {
    List<String> raw = response.headers("Retry-After");
    if (raw.isEmpty()) {
      return RetryAfter.absent();
    }
    RetryAfter parsed = RetryAfter.parse(raw, clock.instant());
    parsed
        .problem()
        .ifPresent(
            p -> reasons.add(new Reason(Reason.Kind.RETRY_AFTER_IGNORED, p, "RFC 9110 §10.2.3")));
    parsed
        .delay()
        .ifPresent(
            d ->
                reasons.add(
                    new Reason(
                        Reason.Kind.RETRY_AFTER, "server asks to wait " + d, "RFC 9110 §10.2.3")));
    return parsed;
  }

  private static Verdict retry(
      StatusCode sc, StatusPolicy policy, RetryAfter wait, List<Reason> reasons) {
    return new Verdict(
        Verdict.Kind.RETRY,
        sc,
        policy,
        wait.delay(),
        Optional.empty(),
        Optional.empty(),
        false,
        reasons);
  }

  private static Verdict fail(StatusCode sc, StatusPolicy policy, List<Reason> reasons) {
    return new Verdict(
        Verdict.Kind.FAIL,
        sc,
        policy,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        reasons);
  }

  private static Verdict accept(StatusCode sc, StatusPolicy policy) {
    List<Reason> reasons = new ArrayList<>(2);
    if (!sc.isKnown()) {
      reasons.add(
          new Reason(
              Reason.Kind.UNKNOWN_STATUS,
              sc.code() + " is not registered; handled as " + sc.equivalentCode(),
              "RFC 9110 §15"));
    }
    reasons.add(new Reason(Reason.Kind.SUCCESS, sc + " answers the request", sc.spec()));
    return new Verdict(
        Verdict.Kind.ACCEPT,
        sc,
        policy,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        reasons);
  }
}
