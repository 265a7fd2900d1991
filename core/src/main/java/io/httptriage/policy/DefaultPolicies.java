package io.httptriage.policy;

import io.httptriage.classify.StatusPolicy;
import io.httptriage.status.StatusClass;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;

/**
 * The default decisions, code by code. Every choice cites the rule it rests on; where the RFCs
 * leave room, the comment says why we chose as we did.
 */
final class DefaultPolicies {
  private static final String NONE = "-";

  private DefaultPolicies() {}

  /** One decision and the rule behind it. */
  private record Decided<T>(T value, String basis) {}

  /** The default policy of a code, for codes 0..999 (unknown and invalid ones by equivalence). */
  static StatusPolicy of(int code) {
    StatusCode sc = StatusRegistry.lookup(code);
    int c = sc.equivalentCode();
    Decided<Retryability> retry = retry(c);
    Decided<RedirectRule> redirect = redirect(c);
    Decided<MethodRule> method = method(c);
    // An unrecognised code borrows the x00 policy for everything but caching: only codes defined as
    // heuristically cacheable are (RFC 9110 §15.1), and a cache must understand a code to reuse it
    // heuristically (RFC 9111 §3).
    boolean borrowsCache = sc.isKnown() || StatusClass.of(c) == StatusClass.INFORMATIONAL;
    Decided<Cacheability> cache =
        borrowsCache
            ? cache(c)
            : new Decided<>(Cacheability.EXPLICIT_ONLY, "RFC 9110 §15.1, RFC 9111 §3");
    return new StatusPolicy(
        retry.value(),
        redirect.value(),
        method.value(),
        cache.value(),
        new StatusPolicy.Basis(retry.basis(), redirect.basis(), method.basis(), cache.basis()));
  }

  private static Decided<Retryability> retry(int c) {
    switch (c) {
      case 408:
        return idempotent("RFC 9110 §15.5.9"); // the client MAY repeat the request
      case 429:
        return idempotent("RFC 6585 §4"); // rate limited; Retry-After MAY say when
      case 502:
        return idempotent("RFC 9110 §15.6.3"); // a transient gateway failure
      case 503:
        return idempotent("RFC 9110 §15.6.4"); // temporary; Retry-After MAY say when
      case 504:
        return idempotent("RFC 9110 §15.6.5");
      case 520: // Cloudflare: the origin's answer was lost or late, as for 502 / 504
      case 521:
      case 522:
      case 523:
      case 524:
        return idempotent("vendor: as 502/504 (RFC 9110 §15.6.3, §15.6.5)");
      case 529:
        return idempotent("vendor: as 503 (RFC 9110 §15.6.4)"); // overloaded
      case 413: // temporary only when Retry-After says so
        return new Decided<>(Retryability.IDEMPOTENT_WITH_RETRY_AFTER, "RFC 9110 §15.5.14");
      case 421: // MAY retry whether or not idempotent, on another connection
        return new Decided<>(Retryability.ANY_REQUEST, "RFC 9110 §15.5.20");
      case 425: // SHOULD retry; the request was not processed
        return new Decided<>(Retryability.ANY_REQUEST, "RFC 8470 §5.2");
      case 500:
        // A defect, not a transient condition: resending repeats the failure and its load.
        return new Decided<>(Retryability.NEVER, "RFC 9110 §15.6.1");
      default:
        return new Decided<>(
            Retryability.NEVER,
            StatusClass.of(c) == StatusClass.INFORMATIONAL ? "RFC 9110 §15.2" : NONE);
    }
  }

  private static Decided<Retryability> idempotent(String basis) {
    return new Decided<>(Retryability.IDEMPOTENT, basis);
  }

  private static Decided<RedirectRule> redirect(int c) {
    switch (c) {
      case 300:
        return new Decided<>(RedirectRule.FOLLOW_IF_LOCATION, "RFC 9110 §15.4.1, §15.4");
      case 301:
      case 302:
      case 303:
      case 307:
      case 308:
        return new Decided<>(RedirectRule.FOLLOW, redirectSection(c));
      case 304: // answers a conditional request; nothing to follow
        return new Decided<>(RedirectRule.NOT_A_REDIRECT, redirectSection(c));
      case 305: // deprecated for the security risk of in-band proxy configuration
      case 306: // reserved
        return new Decided<>(RedirectRule.NEVER_FOLLOW, redirectSection(c));
      default:
        return new Decided<>(RedirectRule.NOT_A_REDIRECT, NONE);
    }
  }

  /** RFC 9110 §15.4.1 .. §15.4.9 for 300 .. 308. */
  private static String redirectSection(int c) {
    return "RFC 9110 §15.4." + (c - 299);
  }

  private static Decided<MethodRule> method(int c) {
    switch (c) {
      case 300:
        return new Decided<>(MethodRule.PRESERVE, "RFC 9110 §15.4 (no method change defined)");
      case 301:
      case 302:
        return new Decided<>(MethodRule.POST_BECOMES_GET, redirectSection(c));
      case 303:
        return new Decided<>(MethodRule.BECOMES_GET, redirectSection(c));
      case 307:
        return new Decided<>(MethodRule.PRESERVE, redirectSection(c));
      case 308:
        return new Decided<>(MethodRule.PRESERVE, "RFC 9110 §15.4.9, RFC 7538 §3");
      default:
        return new Decided<>(MethodRule.NOT_APPLICABLE, NONE);
    }
  }

  private static Decided<Cacheability> cache(int c) {
    if (StatusClass.of(c) == StatusClass.INFORMATIONAL) {
      return new Decided<>(Cacheability.NEVER_STORE, "RFC 9111 §3"); // non-final responses
    }
    switch (c) {
      case 200:
      case 203:
      case 204:
      case 206:
      case 300:
      case 301:
      case 308:
      case 404:
      case 405:
      case 410:
      case 414:
      case 501:
        return new Decided<>(Cacheability.HEURISTIC, "RFC 9110 §15.1");
      case 451:
        return new Decided<>(Cacheability.HEURISTIC, "RFC 7725 §3");
      case 421: // specific to the connection, not the resource
        return new Decided<>(Cacheability.EXPLICIT_ONLY, "RFC 9110 Appendix B.3");
      case 425:
        return new Decided<>(Cacheability.EXPLICIT_ONLY, "RFC 8470 §5.2");
      case 428:
        return new Decided<>(Cacheability.NEVER_STORE, "RFC 6585 §3");
      case 429:
        return new Decided<>(Cacheability.NEVER_STORE, "RFC 6585 §4");
      case 431:
        return new Decided<>(Cacheability.NEVER_STORE, "RFC 6585 §5");
      case 511:
        return new Decided<>(Cacheability.NEVER_STORE, "RFC 6585 §6");
      default:
        return new Decided<>(Cacheability.EXPLICIT_ONLY, "RFC 9110 §15.1");
    }
  }
}
