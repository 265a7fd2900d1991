package io.httptriage.lint;

import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.status.HeaderRule;
import io.httptriage.status.Obligation;
import io.httptriage.status.Standing;
import io.httptriage.status.StatusClass;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks one response against the rules the status registry records for its code. Every kind of
 * conformance finding can be reported, plus {@link Finding.Kind#LOCATION_MISSING}:
 *
 * <ul>
 *   <li>A header field the code requires is missing — VIOLATION: every unconditional MUST rule of
 *       the registry (401 WWW-Authenticate §15.5.2, 407 Proxy-Authenticate §15.5.8, 405 Allow
 *       §15.5.6, 101 Upgrade §15.2.2, 426 Upgrade §15.5.22, 206 Content-Range §15.3.7.1 unless the
 *       content is {@code multipart/byteranges} §15.3.7.2).
 *   <li>A redirect (301, 302, 303, 307, 308) without Location — VIOLATION, {@code
 *       LOCATION_MISSING}: RFC 9110 only says SHOULD, but such a redirect cannot be followed.
 *       {@code RedirectAudit} reports the same fact for the final hop of an exchange; {@code
 *       DefaultTriageListener} reports a kind once per hop.
 *   <li>A header field the code recommends is missing — WARNING: the unconditional SHOULD rules
 *       (416 Content-Range, §15.5.17). Rules that apply only in situations a client cannot see
 *       (304's validators, 413's Retry-After "when temporary") are skipped.
 *   <li>Content on 1xx, 204, 205 or 304 — VIOLATION (RFC 9110 §6.4.1, §15.2, §15.3.5, §15.3.6,
 *       §15.4.5). Skipped for a response to HEAD, which never has content (§9.3.2).
 *   <li>Content-Length on 1xx or 204 — VIOLATION (RFC 9110 §8.6); WARNING when its value is 0,
 *       which is common and harmless.
 *   <li>The code is deprecated or historic — WARNING; reserved (306, 418) — WARNING; a vendor's —
 *       INFO; unknown — WARNING; invalid (outside 100..599) — VIOLATION (RFC 9110 §15).
 *   <li>Given the request: a 422 to a request with an {@code Idempotency-Key} ({@code
 *       IDEMPOTENCY_KEY_REUSED}), a 400 to one without, linking to idempotency documentation
 *       ({@code IDEMPOTENCY_KEY_REQUIRED}) — WARNING (draft-ietf-httpapi-idempotency-key-header
 *       §2.7).
 * </ul>
 *
 * <p>Immutable and thread-safe. Never throws for any status or header value. For the many codes
 * with no rule to check (200, 404, 500...) linting costs a table lookup and allocates nothing.
 *
 * <pre>{@code
 * List<Finding> findings = ConformanceLint.ofDefaults().lint(request, response);
 * // 401 without WWW-Authenticate:
 * // [REQUIRED_HEADER_MISSING VIOLATION "401 Unauthorized lacks WWW-Authenticate" RFC 9110 §15.5.2]
 * }</pre>
 */
public final class ConformanceLint {
  private static final ConformanceLint DEFAULT = new ConformanceLint();

  private ConformanceLint() {}

  /** {@return the lint; it has no settings} */
  public static ConformanceLint ofDefaults() {
    return DEFAULT;
  }

  /**
   * Lints a response to a request of unknown method (assumed not HEAD).
   *
   * @param response the response
   * @return the findings; empty when the response conforms
   */
  public List<Finding> lint(ResponseView response) {
    StatusCode sc = StatusRegistry.lookup(response.status());
    return hasNoRules(sc) ? List.of() : lint(sc, response, "GET", Optional.empty());
  }

  /**
   * Lints a response to a request; the request's method decides whether content may be judged, and
   * its URI (redacted) is the finding's {@code from}.
   *
   * @param request the request the response answered
   * @param response the response
   * @return the findings; empty when the response conforms
   */
  public List<Finding> lint(RequestView request, ResponseView response) {
    StatusCode sc = StatusRegistry.lookup(response.status());
    List<Finding> found =
        hasNoRules(sc)
            ? List.of()
            : lint(sc, response, request.method(), Optional.of(request.uri().toString()));
    if (!IdempotencyAnswers.concerns(sc.code())) {
      return found;
    }
    Optional<Finding> key = IdempotencyAnswers.check(request, response);
    if (key.isEmpty()) {
      return found;
    }
    List<Finding> all = new ArrayList<>(found);
    all.add(key.get());
    return List.copyOf(all);
  }

  /**
   * {@return true when a response with this status can give no finding whatever its headers: a
   * standard code with no header or content rule (200, 201, 404...)} Lets callers skip building
   * views.
   *
   * @param status the response status
   */
  public boolean findsNothingFor(int status) {
    return hasNoRules(StatusRegistry.lookup(status)) && !IdempotencyAnswers.concerns(status);
  }

  private static boolean hasNoRules(StatusCode sc) {
    return sc.standing() == Standing.STANDARD
        && sc.headerRules().isEmpty()
        && !sc.contentForbidden()
        && !sc.contentLengthForbidden();
  }

  private static List<Finding> lint(
      StatusCode sc, ResponseView response, String method, Optional<String> from) {
    Report report = new Report(from);
    standing(report, sc);
    if (sc.statusClass() == StatusClass.INVALID) {
      return report.findings();
    }
    headers(report, sc, response);
    content(report, sc, response, "HEAD".equals(method));
    return report.findings();
  }

  private static void standing(Report report, StatusCode sc) {
    switch (sc.standing()) {
      case DEPRECATED:
      case OBSOLETED:
        report.add(
            Kind.DEPRECATED_STATUS,
            Severity.WARNING,
            sc
                + " is "
                + (sc.standing() == Standing.DEPRECATED
                    ? "deprecated"
                    : "defined by a historic document")
                + "; servers should not send it",
            sc.spec());
        break;
      case UNUSED:
        report.add(
            Kind.UNUSED_STATUS,
            Severity.WARNING,
            sc.code() + " is reserved and not to be sent",
            sc.spec());
        break;
      case UNOFFICIAL:
        report.add(
            Kind.UNOFFICIAL_STATUS,
            Severity.INFO,
            sc + " is not registered; it is " + sc.origin().orElse("a vendor") + "'s",
            sc.spec());
        break;
      case UNKNOWN:
        report.add(
            Kind.UNKNOWN_STATUS,
            Severity.WARNING,
            sc.code() + " is not a registered or known code; handled as " + sc.equivalentCode(),
            "RFC 9110 §15");
        break;
      case INVALID:
        report.add(
            Kind.INVALID_STATUS,
            Severity.VIOLATION,
            sc.code() + " is outside 100..599; handled as 500",
            "RFC 9110 §15");
        break;
      default:
        break;
    }
  }

  private static void headers(Report report, StatusCode sc, ResponseView response) {
    boolean redirect = isRedirect(sc.code());
    for (HeaderRule rule : sc.headerRules()) {
      if (!rule.isUnconditional()
          || rule.obligation() == Obligation.MAY
          || isPresent(response, rule.field())
          || isMetByContentType(rule, response)) {
        continue;
      }
      if (redirect && "Location".equalsIgnoreCase(rule.field())) {
        report.add(
            Kind.LOCATION_MISSING,
            Severity.VIOLATION,
            sc + " has no Location: the redirect cannot be followed",
            rule.spec());
      } else if (rule.obligation() == Obligation.MUST) {
        report.add(
            Kind.REQUIRED_HEADER_MISSING,
            Severity.VIOLATION,
            sc + " lacks " + rule.field() + alternative(rule),
            rule.spec());
      } else {
        report.add(
            Kind.RECOMMENDED_HEADER_MISSING,
            Severity.WARNING,
            sc + " should carry " + rule.field(),
            rule.spec());
      }
    }
  }

  private static void content(Report report, StatusCode sc, ResponseView response, boolean head) {
    if (sc.contentForbidden() && !head && response.hasContent()) {
      report.add(
          Kind.CONTENT_NOT_ALLOWED,
          Severity.VIOLATION,
          sc + " came with content, which it cannot have",
          contentSpec(sc));
    }
    Optional<String> length = response.header("Content-Length");
    if (sc.contentLengthForbidden() && length.isPresent()) {
      boolean zero = "0".equals(length.get().trim());
      report.add(
          Kind.CONTENT_LENGTH_NOT_ALLOWED,
          zero ? Severity.WARNING : Severity.VIOLATION,
          sc + " carries Content-Length" + (zero ? ": 0, harmless but not allowed" : ""),
          "RFC 9110 §8.6");
    }
  }

  private static String contentSpec(StatusCode sc) {
    switch (sc.equivalentCode()) {
      case 204:
        return "RFC 9110 §15.3.5";
      case 205:
        return "RFC 9110 §15.3.6";
      case 304:
        return "RFC 9110 §15.4.5";
      default:
        return sc.statusClass() == StatusClass.INFORMATIONAL ? "RFC 9110 §15.2" : "RFC 9110 §6.4.1";
    }
  }

  /** The redirects a client follows by Location alone (RFC 9110 §15.4.2-§15.4.4, §15.4.8-9). */
  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private static boolean isPresent(ResponseView response, String field) {
    Optional<String> v = response.header(field);
    return v.isPresent() && !v.get().isBlank();
  }

  private static boolean isMetByContentType(HeaderRule rule, ResponseView response) {
    if (rule.unlessContentType().isEmpty()) {
      return false;
    }
    Optional<String> type = response.header("Content-Type");
    if (type.isEmpty()) {
      return false;
    }
    String mediaType = type.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals(rule.unlessContentType().get().toLowerCase(Locale.ROOT));
  }

  private static String alternative(HeaderRule rule) {
    return rule.unlessContentType().map(t -> " (and is not " + t + ")").orElse("");
  }

  /** Collects the findings of one response; allocates only when there is one. */
  private static final class Report {
    private final Optional<String> from;
    private List<Finding> findings = List.of();

    Report(Optional<String> from) {
      this.from = from;
    }

    void add(Kind kind, Severity severity, String explanation, String spec) {
      if (findings.isEmpty()) {
        findings = new ArrayList<>(2);
      }
      findings.add(
          new Finding(kind, severity, Finding.FINAL, from, Optional.empty(), explanation, spec));
    }

    List<Finding> findings() {
      return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }
  }
}
