package io.httptriage.policy;

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

  /** The default policy of a code, for codes 0..999 (unknown and invalid ones by equivalence). */
  static StatusPolicy of(int code) {
    StatusCode sc = StatusRegistry.lookup(code);
    int c = sc.equivalentCode();
    // An unrecognised code borrows the x00 policy for everything but caching: only codes defined as
    // heuristically cacheable are (RFC 9110 §15.1), and a cache must understand a code to reuse it
    // heuristically (RFC 9111 §3).
    boolean borrowsCache = sc.isKnown() || StatusClass.of(c) == StatusClass.INFORMATIONAL;
    Cacheability cache = borrowsCache ? cacheability(c) : Cacheability.EXPLICIT_ONLY;
    String cacheWhy = borrowsCache ? cacheBasis(c) : "RFC 9110 §15.1, RFC 9111 §3";
    return new StatusPolicy(
        retryability(c), redirect(c), method(c), cache,
        new StatusPolicy.Basis(retryBasis(c), redirectBasis(c), methodBasis(c), cacheWhy));
  }

  static Retryability retryability(int c) {
    switch (c) {
      case 408: // RFC 9110 §15.5.9: the client MAY repeat the request.
      case 429: // RFC 6585 §4: rate limited; Retry-After MAY say when.
      case 502: // transient gateway failures; RFC 9110 §15.6.3 / §15.6.5
      case 503: // RFC 9110 §15.6.4: temporary; Retry-After MAY say when.
      case 504:
      case 520: // Cloudflare: the origin's answer was lost or late, as for 502 / 504
      case 521:
      case 522:
      case 523:
      case 524:
      case 529: // overloaded, as 503
        return Retryability.IDEMPOTENT;
      case 413: // RFC 9110 §15.5.14: temporary only when Retry-After says so
        return Retryability.IDEMPOTENT_WITH_RETRY_AFTER;
      case 421: // RFC 9110 §15.5.20: MAY retry whether or not idempotent
      case 425: // RFC 8470 §5.2: SHOULD retry; the request was not processed
        return Retryability.ANY_REQUEST;
      default:
        // 500 is a defect, not a transient condition: resending repeats the failure and its load.
        return Retryability.NEVER;
    }
  }

  static String retryBasis(int c) {
    switch (c) {
      case 408:
        return "RFC 9110 §15.5.9";
      case 413:
        return "RFC 9110 §15.5.14";
      case 421:
        return "RFC 9110 §15.5.20";
      case 425:
        return "RFC 8470 §5.2";
      case 429:
        return "RFC 6585 §4";
      case 500:
        return "RFC 9110 §15.6.1";
      case 502:
        return "RFC 9110 §15.6.3";
      case 503:
        return "RFC 9110 §15.6.4";
      case 504:
        return "RFC 9110 §15.6.5";
      case 520:
      case 521:
      case 522:
      case 523:
      case 524:
        return "vendor: as 502/504 (RFC 9110 §15.6.3, §15.6.5)";
      case 529:
        return "vendor: as 503 (RFC 9110 §15.6.4)";
      default:
        return StatusClass.of(c) == StatusClass.INFORMATIONAL ? "RFC 9110 §15.2" : NONE;
    }
  }

  static RedirectRule redirect(int c) {
    switch (c) {
      case 301:
      case 302:
      case 303:
      case 307:
      case 308:
        return RedirectRule.FOLLOW;
      case 300:
        return RedirectRule.FOLLOW_IF_LOCATION;
      case 305:
      case 306:
        return RedirectRule.NEVER_FOLLOW;
      default:
        return RedirectRule.NOT_A_REDIRECT;
    }
  }

  static String redirectBasis(int c) {
    switch (c) {
      case 300:
        return "RFC 9110 §15.4.1, §15.4";
      case 301:
        return "RFC 9110 §15.4.2";
      case 302:
        return "RFC 9110 §15.4.3";
      case 303:
        return "RFC 9110 §15.4.4";
      case 304:
        return "RFC 9110 §15.4.5";
      case 305:
        return "RFC 9110 §15.4.6";
      case 306:
        return "RFC 9110 §15.4.7";
      case 307:
        return "RFC 9110 §15.4.8";
      case 308:
        return "RFC 9110 §15.4.9";
      default:
        return NONE;
    }
  }

  static MethodRule method(int c) {
    switch (c) {
      case 300:
      case 307:
      case 308:
        return MethodRule.PRESERVE;
      case 301:
      case 302:
        return MethodRule.POST_BECOMES_GET;
      case 303:
        return MethodRule.BECOMES_GET;
      default:
        return MethodRule.NOT_APPLICABLE;
    }
  }

  static String methodBasis(int c) {
    switch (c) {
      case 300:
        return "RFC 9110 §15.4 (no method change defined)";
      case 301:
        return "RFC 9110 §15.4.2";
      case 302:
        return "RFC 9110 §15.4.3";
      case 303:
        return "RFC 9110 §15.4.4";
      case 307:
        return "RFC 9110 §15.4.8";
      case 308:
        return "RFC 9110 §15.4.9, RFC 7538 §3";
      default:
        return NONE;
    }
  }

  static Cacheability cacheability(int c) {
    if (StatusClass.of(c) == StatusClass.INFORMATIONAL) {
      return Cacheability.NEVER_STORE;
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
      case 451:
        return Cacheability.HEURISTIC;
      case 428:
      case 429:
      case 431:
      case 511:
        return Cacheability.NEVER_STORE;
      default:
        return Cacheability.EXPLICIT_ONLY;
    }
  }

  static String cacheBasis(int c) {
    if (StatusClass.of(c) == StatusClass.INFORMATIONAL) {
      return "RFC 9111 §3";
    }
    switch (c) {
      case 451:
        return "RFC 7725 §3";
      case 421:
        return "RFC 9110 Appendix B.3";
      case 425:
        return "RFC 8470 §5.2";
      case 428:
        return "RFC 6585 §3";
      case 429:
        return "RFC 6585 §4";
      case 431:
        return "RFC 6585 §5";
      case 511:
        return "RFC 6585 §6";
      default:
        return "RFC 9110 §15.1";
    }
  }
}
