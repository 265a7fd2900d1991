package io.httptriage.observe;

import io.httptriage.exchange.Origin;
import io.httptriage.finding.Finding;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one SLF4J line per finding, as key=value fields: WARN for violations and security
 * findings, INFO for warnings, DEBUG for information. Lines are rate-limited per origin and kind;
 * the number held back is reported as {@code suppressed=N} on the next line of that origin and kind.
 *
 * <p>Only redacted data reaches the log: the finding's URLs are redacted at construction, and the
 * retry line carries no URL at all.
 */
final class FindingLog {
  /** The logger of findings; set it to DEBUG to see every finding, OFF to see none. */
  static final String FINDINGS_LOGGER = "io.httptriage.findings";
  /** The logger of retry decisions, written at DEBUG. */
  static final String RETRIES_LOGGER = "io.httptriage.retries";
  private static final int MAX_TRACKED_KEYS = 1024;
  private static final int MAX_METHOD_LENGTH = 32;

  private final Logger findings = LoggerFactory.getLogger(FINDINGS_LOGGER);
  private final Logger retries = LoggerFactory.getLogger(RETRIES_LOGGER);
  private final LogRateLimiter limiter;

  FindingLog(Clock clock, Duration interval) {
    this.limiter = new LogRateLimiter(clock, interval, MAX_TRACKED_KEYS);
  }

  void finding(Finding f, int finalStatus) {
    if (!isEnabled(f.severity())) {
      return;
    }
    int suppressed = limiter.admit(origin(f.from()) + ' ' + f.kind());
    if (suppressed == LogRateLimiter.SUPPRESSED) {
      return;
    }
    StringBuilder line = new StringBuilder(256)
        .append("httptriage finding kind=").append(f.kind())
        .append(" severity=").append(f.severity())
        .append(" hop=").append(f.hopIndex())
        .append(" finalStatus=").append(finalStatus);
    f.from().ifPresent(u -> line.append(" from=").append(u));
    f.to().ifPresent(u -> line.append(" to=").append(u));
    line.append(" spec=").append(quoted(f.spec()));
    if (suppressed > 0) {
      line.append(" suppressed=").append(suppressed);
    }
    line.append(" explanation=").append(quoted(f.explanation()));
    write(f.severity(), line.toString());
  }

  /**
   * One line per final answer whose retry (or redirect wait) a gate refused, at INFO on the retries
   * logger, at most one per gate and code per interval, with the count held back.
   */
  void refused(int status, String gate) {
    if (!retries.isInfoEnabled()) {
      return;
    }
    int suppressed = limiter.admit("refused " + gate + ' ' + status);
    if (suppressed == LogRateLimiter.SUPPRESSED) {
      return;
    }
    retries.info("httptriage answer not retried code={} refused_by={} suppressed={}", status, gate,
        suppressed);
  }

  void retry(String outcome, int status, String method) {
    if (retries.isDebugEnabled()) {
      retries.debug("httptriage retry outcome={} code={} method={}", outcome, status,
          token(method));
    }
  }

  private boolean isEnabled(Finding.Severity severity) {
    switch (severity) {
      case VIOLATION:
      case SECURITY:
        return findings.isWarnEnabled();
      case WARNING:
        return findings.isInfoEnabled();
      default:
        return findings.isDebugEnabled();
    }
  }

  private void write(Finding.Severity severity, String line) {
    switch (severity) {
      case VIOLATION:
      case SECURITY:
        findings.warn(line);
        break;
      case WARNING:
        findings.info(line);
        break;
      default:
        findings.debug(line);
        break;
    }
  }

  /** The origin of a redacted URL, for the rate-limit key; "-" when it has none. */
  static String origin(Optional<String> url) {
    if (url.isEmpty()) {
      return "-";
    }
    try {
      return Origin.of(URI.create(url.get())).map(Origin::toString).orElse("-");
    } catch (IllegalArgumentException e) {
      return "-";
    }
  }

  private static String quoted(String s) {
    return '"' + s.replace('"', '\'') + '"';
  }

  /** A method is a token (RFC 9110 §9.1); anything else is not echoed. */
  private static String token(String method) {
    if (method.isEmpty() || method.length() > MAX_METHOD_LENGTH) {
      return "?";
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return "?";
      }
    }
    return method;
  }
}
