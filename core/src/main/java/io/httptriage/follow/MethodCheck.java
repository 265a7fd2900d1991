package io.httptriage.follow;

import io.httptriage.classify.StatusPolicy;
import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.status.StatusRegistry;
import java.util.List;

/**
 * Judges the method and body of the request that followed a redirect against the method rule of the
 * redirect's policy (RFC 9110 §15.4, step 4).
 */
final class MethodCheck {
  private MethodCheck() {}

  static void check(List<Finding> out, int i, Hop sent, Hop next, StatusPolicy policy) {
    String was = sent.method();
    String now = next.method();
    String spec = policy.basis().method();
    String status = StatusRegistry.lookup(sent.status()).toString();
    switch (policy.method()) {
      case PRESERVE:
        {
          int code = StatusRegistry.lookup(sent.status()).equivalentCode();
          // 307 has a MUST NOT (§15.4.8) and 308 is defined as 301 without the change (RFC 7538
          // §3);
          // for 300 and unknown 3xx RFC 9110 defines no change, but says nothing as strong.
          Severity severity = code == 307 || code == 308 ? Severity.VIOLATION : Severity.WARNING;
          if (!now.equals(was)) {
            out.add(
                RedirectAudit.finding(
                    Kind.METHOD_NOT_PRESERVED,
                    severity,
                    i,
                    sent,
                    next,
                    status + " must keep the method, but " + was + " was followed as " + now,
                    spec));
          } else if (sent.bodySent() != next.bodySent()) {
            out.add(
                RedirectAudit.finding(
                    Kind.BODY_NOT_PRESERVED,
                    severity,
                    i,
                    sent,
                    next,
                    status
                        + " must keep the request as it was, but the body was "
                        + (sent.bodySent() ? "dropped" : "added"),
                    spec));
          }
          break;
        }
      case POST_BECOMES_GET:
        if ("POST".equals(was) && "GET".equals(now)) {
          out.add(
              RedirectAudit.finding(
                  Kind.METHOD_REWRITTEN,
                  Severity.WARNING,
                  i,
                  sent,
                  next,
                  "POST was followed as GET after "
                      + status
                      + ": allowed for historical reasons, but"
                      + " the server should send 303 to mean GET, or 307/308 to keep POST",
                  spec));
        } else if (!now.equals(was)) {
          out.add(
              RedirectAudit.finding(
                  "POST".equals(was) ? Kind.METHOD_NOT_PRESERVED : Kind.NON_POST_METHOD_REWRITTEN,
                  "POST".equals(was) ? Severity.WARNING : Severity.VIOLATION,
                  i,
                  sent,
                  next,
                  was
                      + " was followed as "
                      + now
                      + " after "
                      + status
                      + ": only POST may change, and only to GET",
                  spec));
        }
        break;
      case BECOMES_GET:
        if (!"GET".equals(now) && !"HEAD".equals(now)) {
          out.add(
              RedirectAudit.finding(
                  Kind.SEE_OTHER_NOT_GET,
                  Severity.VIOLATION,
                  i,
                  sent,
                  next,
                  status + " asks for a retrieval (GET or HEAD), but the client sent " + now,
                  spec));
        }
        break;
      default:
        break;
    }
  }
}
