package io.httptriage.follow;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.Origin;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.RedirectRule;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Reads the whole chain of one exchange and says what the client, or the server, got wrong on the
 * way: methods rewritten, bodies dropped, credentials sent to another origin, https given up,
 * loops, and redirects handed back as if they were the answer.
 *
 * <p>Each hop is judged by the policy table's rule for its status — which codes are redirects, how
 * they change the method — and by RFC 9110 §15.4. Every kind of redirect finding can be reported;
 * see {@link Finding.Kind}. Severities:
 *
 * <ul>
 *   <li>VIOLATION: 307/308 followed with another method or without the body (RFC 9110 §15.4.8, RFC
 *       7538 §3); a method other than POST rewritten on 301/302 (only POST may be, §15.4.2,
 *       §15.4.3); 303 followed with neither GET nor HEAD (§15.4.4); a redirect without a usable
 *       Location (§10.2.2).
 *   <li>SECURITY: https → http (§4.2.2); credentials the caller set reaching another origin (§15.4,
 *       RFC 6454); a 305 followed (§15.4.6).
 *   <li>WARNING: POST → GET on 301/302, legal but ambiguous (§15.4.2, §15.4.3); a loop (one
 *       REDIRECT_LOOP finding, nothing else about the same stop); a chain that reached or passed
 *       the hop limit of the settings (TOO_MANY_HOPS); a chain the client cut short before that
 *       limit, as the JDK client does after 5 hops (CHAIN_TRUNCATED) (§15.4).
 *   <li>INFO: a redirect the client was set not to follow, or refused for a good reason; a 305
 *       correctly not followed; a permanent redirect (301, 308) followed from a cache, with the
 *       stored response's age, the answer to "why does my client still go to the old URL" (RFC 9111
 *       §4, RFC 9110 §15.4.2, §15.4.9).
 * </ul>
 *
 * <p>Credentials are compared by value, not by presence (RFC 9110 §15.4, RFC 6265 §5.4, RFC 6454):
 * a Cookie, Authorization or Proxy-Authorization reaching another origin is a finding only when it
 * is a value that was sent to the first origin, or a cookie the first origin set. A cookie jar that
 * holds a separate host-only cookie for each origin sends each its own, and that is no finding. The
 * hops carry fingerprints, never the values (see {@link Hop}). A hop built from header names alone,
 * and any other credential field of the settings, is judged by presence: the field on the first
 * request and on the request at the other origin.
 *
 * <p>Immutable and thread-safe. Never throws for any exchange.
 *
 * <pre>{@code
 * List<Finding> findings = RedirectAudit.ofDefaults().audit(exchange);
 * findings.forEach(f -> log.info("{} {} {}", f.kind(), f.explanation(), f.spec()));
 * }</pre>
 */
public final class RedirectAudit {
  private static final RedirectAudit DEFAULT =
      new RedirectAudit(RedirectSettings.ofDefaults(), PolicyTable.ofDefaults());

  private final RedirectSettings settings;
  private final PolicyTable table;

  private RedirectAudit(RedirectSettings settings, PolicyTable table) {
    this.settings = settings;
    this.table = table;
  }

  /** {@return the default settings and policy table} */
  public static RedirectAudit ofDefaults() {
    return DEFAULT;
  }

  /**
   * An audit by these settings (hop limit, credential fields) and policy table.
   *
   * @param settings the hop limit and the credential fields
   * @param table the policy table that says which codes may be followed, and how
   * @return the audit
   * @throws IllegalArgumentException when an argument is null
   */
  public static RedirectAudit of(RedirectSettings settings, PolicyTable table) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: must not be null");
    }
    if (table == null) {
      throw new IllegalArgumentException("table: must not be null");
    }
    return new RedirectAudit(settings, table);
  }

  /**
   * The findings of one exchange, in hop order, those about the final response last.
   *
   * @param exchange the hops the client went through, the final response last
   * @return the findings; empty, without allocating, for an exchange of a single request
   */
  public List<Finding> audit(Exchange exchange) {
    List<Hop> hops = exchange.hops();
    Hop finalHop = exchange.finalHop();
    if (hops.isEmpty() && !isRedirect(finalHop)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    Hop first = exchange.firstHop();
    Set<String> redirected = new HashSet<>();
    Set<String> firstOrigin = new HashSet<>();
    Set<String> unknownAtFirst = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    int loopAt = -1;
    for (int i = 0; i < hops.size(); i++) {
      Hop sent = hops.get(i);
      if (Origin.same(first.uri(), sent.uri())) {
        firstOrigin.addAll(sent.sentCredentials());
        firstOrigin.addAll(sent.setCookies());
        for (String name : settings.credentialHeaders()) {
          if (sent.sentHeader(name) && sent.sentCredentials(name).isEmpty()) {
            unknownAtFirst.add(name);
          }
        }
      }
      Hop next = i + 1 < hops.size() ? hops.get(i + 1) : finalHop;
      if (isRedirect(sent)) {
        LocationCheck.check(out, i, sent, policy(sent));
        if (code(sent).equivalentCode() == 305) {
          out.add(
              finding(
                  Kind.USE_PROXY,
                  Severity.SECURITY,
                  i,
                  sent,
                  next,
                  "305 Use Proxy was followed: in-band proxy configuration is deprecated for security",
                  "RFC 9110 §15.4.6"));
        }
        MethodCheck.check(out, i, sent, next, policy(sent));
        CacheCheck.check(out, i, sent, next);
        redirected.add(RequestKey.of(sent.method(), sent.uri()));
        if (loopAt < 0 && redirected.contains(RequestKey.of(next.method(), next.uri()))) {
          loopAt = i;
        }
      }
      if (RedirectFollower.isDowngrade(sent.uri(), next.uri())) {
        out.add(
            finding(
                Kind.HTTPS_DOWNGRADE,
                Severity.SECURITY,
                i,
                sent,
                next,
                "the chain went from https to http: the next request travelled unencrypted",
                "RFC 9110 §4.2.2"));
      }
      checkCredentials(out, i, first, sent, next, firstOrigin, unknownAtFirst);
    }
    if (loopAt >= 0 && isRedirect(finalHop)) {
      Hop sent = hops.get(loopAt);
      Hop next = loopAt + 1 < hops.size() ? hops.get(loopAt + 1) : finalHop;
      out.add(
          finding(
              Kind.REDIRECT_LOOP,
              Severity.WARNING,
              loopAt,
              sent,
              next,
              "the chain came back to "
                  + next.method()
                  + " of a URL it had already been redirected"
                  + " from, and ended on a redirect",
              "RFC 9110 §15.4"));
    }
    boolean overLimit = hops.size() > settings.maxHops();
    if (overLimit) {
      int at = settings.maxHops();
      Hop next = at + 1 < hops.size() ? hops.get(at + 1) : finalHop;
      out.add(
          finding(
              Kind.TOO_MANY_HOPS,
              Severity.WARNING,
              at,
              hops.get(at),
              next,
              hops.size() + " hops in one exchange, more than the limit of " + settings.maxHops(),
              "RFC 9110 §15.4"));
    }
    checkFinal(out, exchange, loopAt >= 0 || overLimit);
    return out;
  }

  /**
   * Findings about a final response that is a redirect. Who stopped is named: a loop was already
   * reported as one REDIRECT_LOOP; a chain that reached httptriage's own hop limit is
   * TOO_MANY_HOPS; CHAIN_TRUNCATED is left for a client that stopped before the limit (the JDK
   * client's 5).
   */
  private void checkFinal(List<Finding> out, Exchange exchange, boolean stopExplained) {
    Hop last = exchange.finalHop();
    if (!isRedirect(last)) {
      return;
    }
    StatusCode sc = code(last);
    if (sc.equivalentCode() == 305) {
      out.add(
          finding(
              Kind.USE_PROXY,
              Severity.INFO,
              Finding.FINAL,
              last,
              Optional.empty(),
              "305 Use Proxy was not followed, rightly: it is deprecated for security",
              "RFC 9110 §15.4.6"));
      return;
    }
    if (!LocationCheck.check(out, Finding.FINAL, last, policy(last))
        || !policy(last).redirect().mayFollow()) {
      return;
    }
    URI target = last.resolvedLocation().orElseThrow();
    String hopsText = exchange.hops().size() + (exchange.hops().size() == 1 ? " hop" : " hops");
    if (!exchange.followsRedirects()) {
      out.add(
          notFollowed(
              last,
              target,
              sc + " was handed back: the client is set not to follow redirects",
              "RFC 9110 §15.4"));
    } else if (RedirectFollower.isDowngrade(last.uri(), target)) {
      out.add(
          notFollowed(
              last,
              target,
              sc + " leads from https to http; the client rightly did not follow",
              "RFC 9110 §4.2.2"));
    } else if (policy(last).redirect() == RedirectRule.FOLLOW && stopExplained) {
      return;
    } else if (policy(last).redirect() == RedirectRule.FOLLOW
        && exchange.hops().size() >= settings.maxHops()) {
      out.add(
          finding(
              Kind.TOO_MANY_HOPS,
              Severity.WARNING,
              Finding.FINAL,
              last,
              Optional.of(target),
              "the chain reached the hop limit of "
                  + settings.maxHops()
                  + " after "
                  + hopsText
                  + "; "
                  + sc
                  + " was handed back without being followed",
              "RFC 9110 §15.4"));
    } else if (policy(last).redirect() == RedirectRule.FOLLOW) {
      out.add(
          finding(
              Kind.CHAIN_TRUNCATED,
              Severity.WARNING,
              Finding.FINAL,
              last,
              Optional.of(target),
              "the client stopped after "
                  + hopsText
                  + " and handed back "
                  + sc
                  + " as the final response, though it can be followed",
              "RFC 9110 §15.4"));
    } else {
      out.add(
          notFollowed(
              last,
              target,
              sc + " with a Location was handed back; the policy would follow it",
              policy(last).basis().redirect()));
    }
  }

  /**
   * A credential field at another origin counts when one of its values was sent to, or set by, the
   * first origin; when either side's values are unknown (a hop built from names alone, a field that
   * is not fingerprinted), when the field was on the first request.
   */
  private void checkCredentials(
      List<Finding> out,
      int index,
      Hop first,
      Hop sent,
      Hop next,
      Set<String> firstOrigin,
      Set<String> unknownAtFirst) {
    if (Origin.same(first.uri(), next.uri())) {
      return;
    }
    StringJoiner leaked = new StringJoiner(", ");
    for (String name : settings.credentialHeaders()) {
      if (!next.sentHeader(name)) {
        continue;
      }
      Set<String> values = next.sentCredentials(name);
      boolean crossed =
          values.isEmpty() || unknownAtFirst.contains(name)
              ? first.sentHeader(name)
              : values.stream().anyMatch(firstOrigin::contains);
      if (crossed) {
        leaked.add(name);
      }
    }
    if (leaked.length() > 0) {
      out.add(
          finding(
              Kind.CREDENTIALS_CROSS_ORIGIN,
              Severity.SECURITY,
              index,
              sent,
              next,
              leaked + " sent to or set by the first origin reached another origin",
              "RFC 9110 §15.4, RFC 6265 §5.4, RFC 6454"));
    }
  }

  private boolean isRedirect(Hop hop) {
    return policy(hop).redirect() != RedirectRule.NOT_A_REDIRECT;
  }

  private StatusPolicy policy(Hop hop) {
    return PolicyLookup.policyFor(table, hop.status(), hop.method());
  }

  private static StatusCode code(Hop hop) {
    return StatusRegistry.lookup(hop.status());
  }

  static Finding finding(
      Kind kind, Severity severity, int index, Hop from, Hop to, String why, String spec) {
    return finding(kind, severity, index, from, Optional.of(to.uri()), why, spec);
  }

  static Finding finding(
      Kind kind,
      Severity severity,
      int index,
      Hop from,
      Optional<URI> to,
      String why,
      String spec) {
    return new Finding(
        kind,
        severity,
        index,
        Optional.of(from.uri().toString()),
        to.map(URI::toString),
        why,
        spec);
  }

  /** An INFO finding: the final redirect, to {@code target}, was handed back, and why. */
  private static Finding notFollowed(Hop last, URI target, String why, String spec) {
    return finding(
        Kind.REDIRECT_NOT_FOLLOWED,
        Severity.INFO,
        Finding.FINAL,
        last,
        Optional.of(target),
        why,
        spec);
  }
}
