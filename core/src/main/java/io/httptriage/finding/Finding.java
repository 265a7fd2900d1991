package io.httptriage.finding;

import io.httptriage.headers.FieldValues;
import java.util.Optional;

/**
 * One thing wrong, or worth knowing, about an exchange: found by the redirect audit in the chain of
 * hops, or by the conformance lint in a response.
 *
 * <p>The URLs are redacted when the finding is made, whatever the caller passes in: no userinfo, no
 * fragment, path parameters replaced ({@code /login;jsessionid=abc} becomes {@code /login;*}),
 * every query value replaced by {@code *}, and query names kept only when they look like names
 * ({@code [A-Za-z0-9_.-]{1,64}}), so {@code ?token=abc&SECRET} becomes {@code ?token=*&*}. A
 * finding can therefore be logged, counted or sent anywhere. The explanation is one line: line
 * breaks and control characters are replaced.
 *
 * <h2>Hop numbers</h2>
 *
 * <p>One scheme everywhere a hop number leaves httptriage (this record, the {@code hop} field of
 * the finding and retry log lines, {@code TriageEvent.AttemptDecided#hop()}, the observations, the
 * CLI's text and {@code --json}): hops are numbered from 0 in the order the requests were sent; 0
 * is the caller's request, {@code n} the request sent after the n-th redirect, so hop {@code i} is
 * {@code Exchange.hops().get(i)} and the final response is hop {@code Exchange.hops().size()}. The
 * redirect audit and the lint, used on their own, mark a finding about the final response with
 * {@link #FINAL} (−1), as they may not know how many hops came before; every finding a client
 * reports has been resolved with {@link #withFinalHop(int)}, so no log line, event or CLI output
 * says −1.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * for (Finding found : RedirectAudit.ofDefaults().audit(exchange)) {
 *   Finding f = found.withFinalHop(exchange.hops().size());
 *   if (f.severity() == Finding.Severity.SECURITY) {
 *     alert(f.kind() + " at hop " + f.hopIndex() + ": " + f.explanation() + " (" + f.spec() + ")");
 *   }
 * }
 * }</pre>
 *
 * @param kind what was found
 * @param severity how bad it is
 * @param hopIndex the number of the hop the finding is about (see "Hop numbers"), or {@link #FINAL}
 *     for the final response when its number is not known yet
 * @param from the redacted URL of the request concerned, when known
 * @param to the redacted URL the redirect pointed to or the next request went to, when there is one
 * @param explanation a one-line explanation for a log reader
 * @param spec the rule it rests on, e.g. {@code "RFC 9110 §15.4.8"}
 */
public record Finding(
    Kind kind,
    Severity severity,
    int hopIndex,
    Optional<String> from,
    Optional<String> to,
    String explanation,
    String spec) {

  /** The hop index of findings about the final response, before it is resolved to a number. */
  public static final int FINAL = -1;

  /**
   * Validates the fields, redacts the URLs and keeps the explanation to one line.
   *
   * @param kind what was found
   * @param severity how bad it is
   * @param hopIndex the number of the hop the finding is about, counted from 0 for the caller's
   *     request, or {@link #FINAL} for the final response when its number is not known yet
   * @param from the redacted URL of the request concerned, when known
   * @param to the redacted URL the redirect pointed to or the next request went to, when there is
   *     one
   * @param explanation a one-line explanation for a log reader
   * @param spec the rule it rests on, e.g. {@code "RFC 9110 §15.4.8"}
   */
  public Finding {
    if (kind == null) {
      throw new IllegalArgumentException("kind: must not be null");
    }
    if (severity == null) {
      throw new IllegalArgumentException("severity: must not be null");
    }
    if (hopIndex < FINAL) {
      throw new IllegalArgumentException("hopIndex: must be -1 or more, was " + hopIndex);
    }
    if (from == null || to == null) {
      throw new IllegalArgumentException((from == null ? "from" : "to") + ": must not be null");
    }
    if (explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("explanation: must not be blank");
    }
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("spec: must not be blank");
    }
    from = from.map(UrlRedaction::redact);
    to = to.map(UrlRedaction::redact);
    explanation = FieldValues.printable(explanation);
  }

  /**
   * A URL as findings, logs, meters and the CLI show it: without userinfo and fragment, with path
   * parameters, every query value and every query name that does not look like a name ({@code
   * [A-Za-z0-9_.-]{1,64}}; a value-less token counts as a value) replaced by {@code *}. Never
   * throws, whatever the text; redacting twice changes nothing more.
   *
   * <pre>{@code
   * Finding.redactUrl("https://u:p@api.example/a;jsessionid=1?token=s3cret&page=2&SECRET#top");
   * // "https://api.example/a;*?token=*&page=*&*"
   * }</pre>
   *
   * @param url any text; a URL is redacted, anything else is kept as printable text
   * @return the redacted URL
   */
  public static String redactUrl(String url) {
    return UrlRedaction.redact(url);
  }

  /**
   * This finding with {@link #FINAL} replaced by the number of the final hop, the number every
   * client reports: {@code exchange.hops().size()}.
   *
   * @param finalHop the number of the final hop, 0 when no redirect came before it
   * @return this finding when it names a hop already, else the same finding naming {@code finalHop}
   * @throws IllegalArgumentException when {@code finalHop} is negative
   */
  public Finding withFinalHop(int finalHop) {
    if (finalHop < 0) {
      throw new IllegalArgumentException("finalHop: must be 0 or more, was " + finalHop);
    }
    return hopIndex != FINAL
        ? this
        : new Finding(kind, severity, finalHop, from, to, explanation, spec);
  }

  /**
   * {@return true for findings about the final response whose hop number is not resolved yet
   * ({@link #FINAL})}
   */
  public boolean isAboutFinalResponse() {
    return hopIndex == FINAL;
  }

  /** How bad a finding is, and so how loudly it is reported. */
  public enum Severity {
    /** Breaks a requirement (MUST / MUST NOT) of the protocol. */
    VIOLATION,
    /** Sends credentials where they do not belong, or weakens transport security. */
    SECURITY,
    /** Legal, but probably not what the server or the caller meant. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO;

    /**
     * {@return true for {@link #VIOLATION} and {@link #SECURITY}, which default reporting logs at
     * WARN}
     */
    public boolean isSerious() {
      return this == VIOLATION || this == SECURITY;
    }
  }

  /** Which check a kind of finding comes from. */
  private enum Category {
    /** The redirect audit: how the client went from hop to hop. */
    REDIRECT,
    /** The conformance lint: what one response looks like. */
    CONFORMANCE
  }

  /** The closed set of things the audit and the lint report. */
  public enum Kind {
    /** A POST was followed as GET after 301/302: allowed, but 303 or 307/308 says it clearly. */
    METHOD_REWRITTEN(Category.REDIRECT),
    /** A method other than POST (PUT, DELETE, PATCH...) was rewritten after 301/302. */
    NON_POST_METHOD_REWRITTEN(Category.REDIRECT),
    /** A method-preserving redirect (307, 308) was followed with another method. */
    METHOD_NOT_PRESERVED(Category.REDIRECT),
    /** A method-preserving redirect was followed with the body dropped, or one added. */
    BODY_NOT_PRESERVED(Category.REDIRECT),
    /** A 303 was followed with a method other than GET or HEAD. */
    SEE_OTHER_NOT_GET(Category.REDIRECT),
    /** A redirect came without a Location, so it cannot be followed. */
    LOCATION_MISSING(Category.REDIRECT),
    /** A redirect's Location does not resolve to an http(s) URI. */
    LOCATION_INVALID(Category.REDIRECT),
    /** A redirect took the exchange from https to http. */
    HTTPS_DOWNGRADE(Category.REDIRECT),
    /** Authorization, Cookie or Proxy-Authorization went to an origin other than the first one. */
    CREDENTIALS_CROSS_ORIGIN(Category.REDIRECT),
    /** The chain came back to a request it had already sent and did not get out. */
    REDIRECT_LOOP(Category.REDIRECT),
    /**
     * The client stopped following before the hop limit (the JDK client stops after 5) and handed
     * back a redirect it could have followed.
     */
    CHAIN_TRUNCATED(Category.REDIRECT),
    /** The client was set not to follow redirects and handed back one. */
    REDIRECT_NOT_FOLLOWED(Category.REDIRECT),
    /** A 305 Use Proxy was seen, or worse, followed. */
    USE_PROXY(Category.REDIRECT),
    /**
     * The chain reached the configured hop limit: httptriage stopped following there (POLICY mode),
     * or the client went past it.
     */
    TOO_MANY_HOPS(Category.REDIRECT),
    /**
     * A permanent redirect (301, 308) was followed from a cache, not from the network: the origin
     * was not asked where the resource is now. The explanation names the stored response's age.
     */
    REDIRECT_FROM_CACHE(Category.REDIRECT),
    /** A header field the status code requires (MUST) is missing. */
    REQUIRED_HEADER_MISSING(Category.CONFORMANCE),
    /** A header field the status code recommends (SHOULD) is missing. */
    RECOMMENDED_HEADER_MISSING(Category.CONFORMANCE),
    /** Content came with a status that cannot have any (1xx, 204, 205, 304). */
    CONTENT_NOT_ALLOWED(Category.CONFORMANCE),
    /** Content-Length was sent with a status that must not carry it (1xx, 204). */
    CONTENT_LENGTH_NOT_ALLOWED(Category.CONFORMANCE),
    /** The status code is deprecated or its document is historic (102, 305, 510). */
    DEPRECATED_STATUS(Category.CONFORMANCE),
    /** The status code is reserved and not to be sent (306, 418). */
    UNUSED_STATUS(Category.CONFORMANCE),
    /** The status code is a vendor's, not registered (nginx 499, Cloudflare 52x...). */
    UNOFFICIAL_STATUS(Category.CONFORMANCE),
    /** The status code is in 100..599 but not known: handled as the x00 of its class. */
    UNKNOWN_STATUS(Category.CONFORMANCE),
    /** The status code is outside 100..599: handled as a 5xx. */
    INVALID_STATUS(Category.CONFORMANCE),
    /**
     * A 422 answered a request carrying an {@code Idempotency-Key}: by
     * draft-ietf-httpapi-idempotency-key-header §2.7 the key was used before with another payload.
     * Never retried: the request must be corrected, or sent with a new key.
     */
    IDEMPOTENCY_KEY_REUSED(Category.CONFORMANCE),
    /**
     * A 400 answered a request without an {@code Idempotency-Key}, and the response points to the
     * server's idempotency documentation ({@code Link}): the operation requires a key
     * (draft-ietf-httpapi-idempotency-key-header §2.7).
     */
    IDEMPOTENCY_KEY_REQUIRED(Category.CONFORMANCE);

    private final Category category;

    Kind(Category category) {
      this.category = category;
    }

    /**
     * {@return true when the redirect audit reports this kind (how the client went from hop to
     * hop), false when the conformance lint does (what one response looks like)} The meters count
     * the two apart: {@code httptriage.redirect.findings} and {@code
     * httptriage.conformance.findings}.
     */
    public boolean isRedirect() {
      return category == Category.REDIRECT;
    }
  }
}
