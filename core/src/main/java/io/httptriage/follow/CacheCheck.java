package io.httptriage.follow;

import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.status.StatusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

/**
 * Notices a permanent redirect (301, 308) that a cache answered, so the client moved on without
 * asking the origin where the resource is now (RFC 9111 §4).
 */
final class CacheCheck {
  private CacheCheck() {}

  /** A permanent redirect a cache answered: the client went on without asking the origin. */
  static void check(List<Finding> out, int index, Hop sent, Hop next) {
    int c = StatusRegistry.lookup(sent.status()).equivalentCode();
    if (sent.cacheAge().isEmpty() || (c != 301 && c != 308)) {
      return;
    }
    Duration age = sent.cacheAge().get();
    out.add(
        RedirectAudit.finding(
            Kind.REDIRECT_FROM_CACHE,
            Severity.INFO,
            index,
            sent,
            next,
            StatusRegistry.lookup(sent.status())
                + " was followed from the cache, stored "
                + readable(age)
                + " ago (Age "
                + age.toSeconds()
                + " s): the origin was not asked where the resource is now",
            "RFC 9111 §4, RFC 9110 §15.4." + (c == 301 ? "2" : "9")));
  }

  /** "3 d 4 h", "12 min 5 s": the two largest units, for a log reader. */
  static String readable(Duration d) {
    long s = d.toSeconds();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] names = {"d", "h", "min", "s"};
    StringJoiner out = new StringJoiner(" ");
    int shown = 0;
    for (int i = 0; i < sizes.length && shown < 2; i++) {
      long n = s / sizes[i];
      s %= sizes[i];
      if (n > 0 || (shown == 0 && i == sizes.length - 1)) {
        out.add(n + " " + names[i]);
        shown++;
      } else if (shown > 0) {
        shown++;
      }
    }
    return out.toString();
  }
}
