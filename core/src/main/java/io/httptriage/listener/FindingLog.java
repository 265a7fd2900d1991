package io.httptriage.listener;

import io.httptriage.exchange.Origin;
import io.httptriage.finding.Finding;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.DefaultLoggingEventBuilder;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one SLF4J line per finding: INFO for {@link Finding.Severity#INFO}, WARN for every other
 * severity. Each line carries its fields twice: as SLF4J key-value pairs, which JSON encoders
 * (logstash-logback-encoder, logback's {@code JsonEncoder}, {@code %kvp}) turn into fields, and as
 * {@code key=value} text in the message, for a reader of a plain log.
 *
 * <p>Bindings that cannot keep key-value pairs apart from the message (slf4j-simple, slf4j-jdk14)
 * would only prepend them to the text, which holds them already; they get the text alone.
 *
 * <p>A {@link LogStormGuard} per origin and kind holds lines back only past a rate nobody reads;
 * the next line of that origin and kind says how many it held back ({@code suppressed=N}), or a
 * summary line does once the second is over.
 *
 * <p>Only redacted data reaches the log: the finding's URLs are redacted at construction.
 */
final class FindingLog {
  /** The logger of findings; set it to WARN to see only warnings, OFF to see none. */
  static final String FINDINGS_LOGGER = "io.httptriage.findings";

  /** The logger of retry decisions ({@link RetryLog}) and of refused redirect waits. */
  static final String RETRIES_LOGGER = RetryLog.RETRIES_LOGGER;

  static final int MAX_TRACKED_KEYS = 1024;
  private static final int MAX_METHOD_LENGTH = 32;

  /** What the storm guard tells apart: one origin, one kind of finding. */
  private record Source(String origin, Finding.Kind kind, Finding.Severity severity)
      implements HeldBackLines.Key {
    @Override
    public Level level() {
      return FindingLog.level(severity);
    }

    @Override
    public String[] fields() {
      return new String[] {"kind", kind.name(), "severity", severity.name()};
    }
  }

  /**
   * What the refusal lines' storm guard tells apart: the line's level, origin (or {@code -}) and
   * the fields that name it, so that a summary line says what it held back.
   */
  private record Refusal(Level level, String origin, List<String> named)
      implements HeldBackLines.Key {
    @Override
    public String[] fields() {
      return named.toArray(new String[0]);
    }
  }

  private final Logger findings = LoggerFactory.getLogger(FINDINGS_LOGGER);
  private final Logger retries = LoggerFactory.getLogger(RETRIES_LOGGER);
  private final LogStormGuard<Source> guard;

  /** The storm guard of the refused-retry, served-stale, held-back and failed-call lines. */
  private final LogStormGuard<Refusal> refusals;

  private final String client;
  private final boolean keyValues;

  FindingLog(Clock clock, int maxLinesPerSecond, String client) {
    this.guard = new LogStormGuard<>(clock, maxLinesPerSecond, MAX_TRACKED_KEYS);
    this.refusals = new LogStormGuard<>(clock, maxLinesPerSecond, MAX_TRACKED_KEYS);
    this.client = client;
    this.keyValues = keepsKeyValues(findings);
  }

  /**
   * True when the binding hands key-value pairs on as such (logback, log4j2): its loggers take
   * whole events, or it builds its own events. SLF4J's fallback for the others writes them into the
   * message.
   */
  static boolean keepsKeyValues(Logger logger) {
    return logger instanceof LoggingEventAware
        || logger.makeLoggingEventBuilder(Level.INFO).getClass()
            != DefaultLoggingEventBuilder.class;
  }

  /** Adds a key-value pair where the binding keeps it apart from the text. */
  private LoggingEventBuilder kv(LoggingEventBuilder line, String key, Object value) {
    return keyValues ? line.addKeyValue(key, value) : line;
  }

  void finding(Finding f, int finalStatus) {
    Level level = level(f.severity());
    if (!findings.isEnabledForLevel(level)) {
      return;
    }
    String origin = origin(f.from());
    int suppressed = guard.admit(new Source(origin, f.kind(), f.severity()));
    if (suppressed != LogStormGuard.HELD) {
      write(f, finalStatus, level, suppressed);
    }
    HeldBackLines.report(guard, findings, keyValues, "httptriage findings held back", client);
  }

  private void write(Finding f, int finalStatus, Level level, int suppressed) {
    LoggingEventBuilder line = findings.atLevel(level);
    kv(line, "client", client);
    kv(line, "kind", f.kind().name());
    kv(line, "severity", f.severity().name());
    kv(line, "hop", f.hopIndex());
    kv(line, "finalStatus", finalStatus);
    StringBuilder text =
        new StringBuilder(256)
            .append("httptriage finding kind=")
            .append(f.kind())
            .append(" severity=")
            .append(f.severity())
            .append(" hop=")
            .append(f.hopIndex())
            .append(" finalStatus=")
            .append(finalStatus)
            .append(" client=")
            .append(client);
    if (f.from().isPresent()) {
      kv(line, "from", f.from().get());
      text.append(" from=").append(f.from().get());
    }
    if (f.to().isPresent()) {
      kv(line, "to", f.to().get());
      text.append(" to=").append(f.to().get());
    }
    kv(line, "spec", f.spec());
    text.append(" spec=").append(quoted(f.spec()));
    if (suppressed > 0) {
      kv(line, "suppressed", suppressed);
      text.append(" suppressed=").append(suppressed);
    }
    kv(line, "explanation", f.explanation());
    text.append(" explanation=").append(quoted(f.explanation()));
    line.log(text.toString());
  }

  /**
   * One line per final redirect whose wait (its Retry-After) a gate refused, at INFO on the retries
   * logger, unless one gate and code pass the storm guard's lines a second; the next line that gets
   * through says how many were held back.
   */
  /**
   * Lets a refusal line through the storm guard or holds it, then writes the summary lines of what
   * the guard held back that no later line of its key reported.
   */
  private int admitRefusal(Refusal key) {
    int suppressed = refusals.admit(key);
    HeldBackLines.report(refusals, retries, keyValues, "httptriage answers held back", client);
    return suppressed;
  }

  void refused(int status, String gate) {
    if (!retries.isInfoEnabled()) {
      return;
    }
    int suppressed =
        admitRefusal(
            new Refusal(
                Level.INFO, "-", List.of("code", Integer.toString(status), "refused_by", gate)));
    if (suppressed == LogStormGuard.HELD) {
      return;
    }
    LoggingEventBuilder line = retries.atInfo();
    kv(line, "client", client);
    kv(line, "code", status);
    kv(line, "refused_by", gate);
    kv(line, "suppressed", suppressed);
    line.log(
        "httptriage answer not retried code={} refused_by={} client={} suppressed={}",
        status,
        gate,
        client,
        suppressed);
  }

  /**
   * A stored response answered an origin's error (stale-if-error): WARN, since the caller got data
   * past its freshness and the origin is failing. Shares the refusal lines' storm guard.
   */
  void servedStale(int status, String why) {
    if (!retries.isWarnEnabled()) {
      return;
    }
    int suppressed =
        admitRefusal(
            new Refusal(
                Level.WARN,
                "-",
                List.of("code", Integer.toString(status), "verdict", "SERVED_STALE")));
    if (suppressed == LogStormGuard.HELD) {
      return;
    }
    LoggingEventBuilder line = retries.atWarn();
    kv(line, "client", client);
    kv(line, "code", status);
    kv(line, "verdict", "SERVED_STALE");
    kv(line, "suppressed", suppressed);
    line.log(
        "httptriage served stale code={} verdict=SERVED_STALE client={} suppressed={}: {}",
        status,
        client,
        suppressed,
        why);
  }

  /**
   * A call answered without sending, its origin cooling down for longer than the call could wait:
   * WARN, the caller got a made-up 429 (or the JDK's exception). Keyed by origin, on the refusal
   * lines' storm guard: the first of each origin is logged, a flood is counted.
   */
  void heldBack(int status, String origin, String why) {
    if (!retries.isWarnEnabled()) {
      return;
    }
    int suppressed =
        admitRefusal(new Refusal(Level.WARN, origin, List.of("refused_by", "COOL_DOWN")));
    if (suppressed == LogStormGuard.HELD) {
      return;
    }
    LoggingEventBuilder line = retries.atWarn();
    kv(line, "client", client);
    kv(line, "code", status);
    kv(line, "refused_by", "COOL_DOWN");
    kv(line, "origin", origin);
    kv(line, "suppressed", suppressed);
    line.log(
        "httptriage answered without sending code={} refused_by=COOL_DOWN client={} origin={}"
            + " suppressed={}: {}",
        status,
        client,
        origin,
        suppressed,
        why);
  }

  /**
   * A call ended in a transport failure, thrown to the caller: WARN, with the failure kind ({@code
   * error}), the requests sent and the gate that refused a retry when one did. Shares the refusal
   * lines' storm guard.
   */
  void failedCall(String error, String method, String target, int attempts, String refusedBy) {
    if (!retries.isWarnEnabled()) {
      return;
    }
    int suppressed = admitRefusal(new Refusal(Level.WARN, "-", List.of("error", error)));
    if (suppressed == LogStormGuard.HELD) {
      return;
    }
    LoggingEventBuilder line = retries.atWarn();
    kv(line, "client", client);
    kv(line, "error", error);
    kv(line, "method", method);
    kv(line, "target", target);
    kv(line, "attempts", attempts);
    kv(line, "refused_by", refusedBy);
    kv(line, "suppressed", suppressed);
    line.log(
        "httptriage call failed error={} client={} method={} target={} attempts={} refused_by={}"
            + " suppressed={}",
        error,
        client,
        method,
        target,
        attempts,
        refusedBy,
        suppressed);
  }

  /** INFO for information, WARN for everything a reader should act on. */
  static Level level(Finding.Severity severity) {
    return severity == Finding.Severity.INFO ? Level.INFO : Level.WARN;
  }

  /** The origin of a redacted URL, for the storm guard's key; "-" when it has none. */
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
  static String token(String method) {
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
