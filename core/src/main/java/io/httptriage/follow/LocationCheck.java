package io.httptriage.follow;

import io.httptriage.classify.StatusPolicy;
import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.headers.Location;
import io.httptriage.policy.RedirectRule;
import io.httptriage.status.StatusRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Judges the Location of a redirect: missing where the policy follows, or unusable (RFC 9110
 * §10.2.2).
 */
final class LocationCheck {
  private LocationCheck() {}

  /** Reports a missing or unusable Location; true when the Location is usable. */
  static boolean check(List<Finding> out, int index, Hop hop, StatusPolicy policy) {
    if (!hop.hasLocation()) {
      if (policy.redirect() == RedirectRule.FOLLOW) {
        out.add(
            RedirectAudit.finding(
                Kind.LOCATION_MISSING,
                Severity.VIOLATION,
                index,
                hop,
                Optional.empty(),
                StatusRegistry.lookup(hop.status())
                    + " has no Location: the redirect cannot be followed",
                StatusRegistry.lookup(hop.status()).spec()));
      }
      return false;
    }
    if (hop.resolvedLocation().isEmpty()) {
      boolean repeated = Location.isRepeated(hop.location().orElseThrow());
      out.add(
          new Finding(
              Kind.LOCATION_INVALID,
              Severity.VIOLATION,
              index,
              Optional.of(hop.uri().toString()),
              repeated ? Optional.empty() : hop.location(),
              repeated
                  ? StatusRegistry.lookup(hop.status())
                      + " has several Location field lines with different values"
                  : StatusRegistry.lookup(hop.status())
                      + " has a Location no client can follow: not an http(s) URI reference",
              repeated ? "RFC 9110 §5.3" : "RFC 9110 §10.2.2"));
      return false;
    }
    return true;
  }
}
