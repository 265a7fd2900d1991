package io.httptriage.cache;

import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.Cacheability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a stored response may answer a request whose origin failed, under the stale-if-error
 * Cache-Control extension (RFC 5861 §4), and why. Core's one answer to that question; an adapter
 * with a cache asks it and serves the stored response only when {@link #allowed()}.
 *
 * <p>The stored response may be used only when all of these hold, checked in this order; the first
 * that fails is the {@link #reason()}:
 *
 * <ol>
 *   <li>the request is a GET or a HEAD, the methods whose responses a cache reuses (RFC 9110
 *       §9.2.1, §9.3.1, §9.3.2; RFC 9111 §4): a POST is never answered from the cache;
 *   <li>the policy table lets the stored status be stored at all ({@link Cacheability});
 *   <li>the request does not say {@code no-cache} or {@code no-store} (RFC 9111 §5.2.1.4,
 *       §5.2.1.5): the caller asked for the origin's answer;
 *   <li>the stored response carries no {@code no-store}, {@code no-cache}, {@code must-revalidate}
 *       or {@code proxy-revalidate} (RFC 9111 §4.2.4, §5.2.2.2, §5.2.2.4, §5.2.2.5, §5.2.2.8),
 *       which forbid serving it stale;
 *   <li>a stale-if-error window exists: the request's directive when the caller sent a valid one
 *       (its scope is that request), otherwise the stored response's;
 *   <li>the response's staleness, its current age (RFC 9111 §4.2.3) minus its freshness lifetime
 *       (§4.2.1, heuristic per §4.2.2 where the policy allows it), is within the window.
 * </ol>
 *
 * <p>Which failures count as the "error" of RFC 5861 §4 is {@link #coversStatus(int)}: 500, 502,
 * 503 and 504; a transport failure that gives no response counts too.
 *
 * <p>Immutable and thread-safe. Durations are whole or fractional seconds within 0 ..
 * 2<sup>31</sup> s (RFC 9111 §1.2.2).
 *
 * <pre>{@code
 * StaleIfError s = StaleIfError.evaluate(request, stored,
 *     PolicyLookup.policyFor(table, stored.response().status()).cacheability(), clock.instant());
 * if (s.allowed()) {
 *   // serve the stored response instead of the 503
 * }
 * }</pre>
 *
 * @param allowed true when the stored response may be served
 * @param reason why: the refusal that applied, or the window that allowed it
 * @param age the stored response's current age (RFC 9111 §4.2.3)
 * @param freshnessLifetime its freshness lifetime (RFC 9111 §4.2.1)
 * @param window the stale-if-error window that applied; empty when none did
 * @param ignored why parts of the header fields were ignored or read restrictively
 */
public record StaleIfError(
    boolean allowed,
    String reason,
    Duration age,
    Duration freshnessLifetime,
    Optional<Duration> window,
    List<String> ignored) {

  /**
   * Validates and copies the fields.
   *
   * @param allowed true when the stored response may be served
   * @param reason why
   * @param age the current age
   * @param freshnessLifetime the freshness lifetime
   * @param window the window that applied
   * @param ignored why parts of the fields were ignored
   */
  public StaleIfError {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(freshnessLifetime, "freshnessLifetime");
    Objects.requireNonNull(window, "window");
    ignored = List.copyOf(ignored);
  }

  /**
   * {@return true for the statuses RFC 5861 §4 calls an error: 500, 502, 503 and 504}
   *
   * @param status the final status the origin answered, after retries
   */
  public static boolean coversStatus(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * {@return true when a stored response is worth looking up at all: the request is a GET or a HEAD
   * and the origin's final status is one RFC 5861 §4 calls an error} An adapter asks this before it
   * touches its cache; {@link #evaluate} decides on what it finds.
   *
   * @param method the request method
   * @param status the final status the origin answered, after retries
   */
  public static boolean worthLookingUp(String method, int status) {
    return coversStatus(status) && isReused(method);
  }

  /**
   * {@return whether the stored response may answer the request, and why}
   *
   * @param request the request that failed: its method and its Cache-Control
   * @param storedResponse the stored response, with when it was requested and received
   * @param cacheability what the policy table says of the stored response's status
   * @param now the current instant, from the configuration's clock
   */
  public static StaleIfError evaluate(
      RequestView request, StoredResponse storedResponse, Cacheability cacheability, Instant now) {
    ResponseView stored = storedResponse.response();
    Instant requestTime = storedResponse.requestTime();
    Instant responseTime = storedResponse.responseTime();
    List<String> ignored = new ArrayList<>(0);
    CacheControl req = CacheControl.parse(request.headers("Cache-Control"));
    CacheControl res = CacheControl.parse(stored.headers("Cache-Control"));
    ignored.addAll(req.problems());
    ignored.addAll(res.problems());
    Duration age = Freshness.currentAge(stored, requestTime, responseTime, now, ignored);
    Duration lifetime = Freshness.lifetime(stored, res, responseTime, cacheability, ignored);
    Optional<String> refusal = refusal(request.method(), cacheability, req, res);
    if (refusal.isPresent()) {
      return new StaleIfError(false, refusal.get(), age, lifetime, Optional.empty(), ignored);
    }
    boolean fromRequest = req.seconds("stale-if-error").isPresent();
    CacheControl source = fromRequest ? req : res;
    if (source.seconds("stale-if-error").isEmpty()) {
      return new StaleIfError(
          false,
          "no stale-if-error directive (RFC 5861 §4)",
          age,
          lifetime,
          Optional.empty(),
          ignored);
    }
    Duration window = Duration.ofSeconds(source.seconds("stale-if-error").getAsLong());
    Duration staleness = Freshness.nonNegative(age.minus(lifetime));
    String whose = fromRequest ? "the request's" : "the response's";
    if (staleness.compareTo(window) > 0) {
      return new StaleIfError(
          false,
          "stale for "
              + seconds(staleness)
              + ", beyond "
              + whose
              + " stale-if-error="
              + window.toSeconds()
              + " (RFC 5861 §4)",
          age,
          lifetime,
          Optional.of(window),
          ignored);
    }
    return new StaleIfError(
        true,
        "stale for "
            + seconds(staleness)
            + ", within "
            + whose
            + " stale-if-error="
            + window.toSeconds()
            + " (RFC 5861 §4)",
        age,
        lifetime,
        Optional.of(window),
        ignored);
  }

  /** {@return how long past its freshness lifetime the response is; zero while fresh} */
  public Duration staleness() {
    return Freshness.nonNegative(age.minus(freshnessLifetime));
  }

  private static Optional<String> refusal(
      String method, Cacheability cacheability, CacheControl req, CacheControl res) {
    if (!isReused(method)) {
      return Optional.of(
          "a "
              + method
              + " is never answered from a cache; only GET and HEAD are"
              + " (RFC 9111 §4)");
    }
    if (cacheability == Cacheability.NEVER_STORE) {
      return Optional.of("the stored status must never be stored (policy: NEVER_STORE)");
    }
    for (String d : new String[] {"no-cache", "no-store"}) {
      if (req.has(d)) {
        return Optional.of(
            "the request says "
                + d
                + ": the caller asked for the origin's answer"
                + " (RFC 9111 §5.2.1)");
      }
    }
    for (String d : new String[] {"no-store", "no-cache", "must-revalidate", "proxy-revalidate"}) {
      if (res.has(d)) {
        return Optional.of(
            "the stored response says "
                + d
                + ", which forbids serving it stale"
                + " (RFC 9111 §4.2.4, §5.2.2)");
      }
    }
    return Optional.empty();
  }

  private static boolean isReused(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}
