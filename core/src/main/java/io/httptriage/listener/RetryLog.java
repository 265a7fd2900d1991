package io.httptriage.listener;

import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one SLF4J line per retry decision to {@value #RETRIES_LOGGER}: WARN when a gate refused a
 * possible retry ({@code GAVE_UP_*}), DEBUG for a cancellation, INFO for the rest. Each line says
 * the redacted target, the attempt out of the hop's maximum, the wait and where it came from
 * (Retry-After, RateLimit, backoff), and the gate that refused when one did; as SLF4J key-value
 * pairs and as {@code key=value} text, like the finding lines ({@link FindingLog}).
 *
 * <p>The same storm guard as for findings, per origin and outcome, holds lines back only past the
 * configured rate and says how many it held back.
 */
final class RetryLog {
  /** The logger of retry decisions. */
  static final String RETRIES_LOGGER = "io.httptriage.retries";

  /** What the storm guard tells apart: one origin, one outcome. */
  private record Source(String origin, Outcome outcome) implements HeldBackLines.Key {
    @Override
    public Level level() {
      return RetryLog.level(outcome);
    }

    @Override
    public String[] fields() {
      return new String[] {"outcome", outcome.name()};
    }
  }

  private final Logger retries = LoggerFactory.getLogger(RETRIES_LOGGER);
  private final LogStormGuard<Source> guard;
  private final boolean keyValues;

  RetryLog(Clock clock, int maxLinesPerSecond) {
    this.guard = new LogStormGuard<>(clock, maxLinesPerSecond, FindingLog.MAX_TRACKED_KEYS);
    this.keyValues = FindingLog.keepsKeyValues(retries);
  }

  /** The level of a decision's line. */
  static Level level(Outcome outcome) {
    switch (outcome) {
      case GAVE_UP_ATTEMPTS:
      case GAVE_UP_BUDGET:
      case GAVE_UP_COOL_DOWN:
      case GAVE_UP_DEADLINE:
      case GAVE_UP_RETRY_AFTER_TOO_LONG:
        return Level.WARN;
      case CANCELLED:
        return Level.DEBUG;
      default:
        return Level.INFO;
    }
  }

  void decided(AttemptDecided e) {
    Level level = level(e.outcome());
    if (!retries.isEnabledForLevel(level)) {
      return;
    }
    String origin = FindingLog.origin(e.target());
    int suppressed = guard.admit(new Source(origin, e.outcome()));
    if (suppressed != LogStormGuard.HELD) {
      write(e, level, suppressed);
    }
    HeldBackLines.report(guard, retries, keyValues, "httptriage retries held back", e.client());
  }

  private LoggingEventBuilder kv(LoggingEventBuilder line, String key, Object value) {
    return keyValues ? line.addKeyValue(key, value) : line;
  }

  private void write(AttemptDecided e, Level level, int suppressed) {
    String method = FindingLog.token(e.method());
    LoggingEventBuilder line = retries.atLevel(level);
    StringBuilder text = new StringBuilder(256).append("httptriage retry");
    field(line, text, "outcome", e.outcome().name());
    field(line, text, "client", e.client());
    field(line, text, "method", method);
    field(line, text, "target", e.target().orElse("-"));
    field(line, text, "hop", e.hop());
    kv(line, "attempt", e.attempt());
    kv(line, "maxAttempts", e.maxAttempts());
    text.append(" attempt=").append(e.attempt()).append('/').append(e.maxAttempts());
    field(line, text, "status", e.status());
    if (e.waitTime().isPresent()) {
      kv(line, "waitMillis", e.waitTime().get().toMillis());
      text.append(" wait=").append(e.waitTime().get().toMillis()).append("ms");
    }
    if (e.waitSource().isPresent()) {
      field(line, text, "waitSource", e.waitSource().get());
    }
    if (e.gate().isPresent()) {
      field(line, text, "gate", e.gate().get());
    }
    if (e.failure().isPresent()) {
      field(line, text, "error", e.failure().get());
    }
    if (e.errorType().isPresent()) {
      field(line, text, "errorType", e.errorType().get());
    }
    if (!e.ignoredHeaders().isEmpty()) {
      field(line, text, "ignored", String.join(",", e.ignoredHeaders()));
    }
    kv(line, "elapsedMillis", e.elapsed().toMillis());
    text.append(" elapsed=").append(e.elapsed().toMillis()).append("ms");
    if (suppressed > 0) {
      field(line, text, "suppressed", suppressed);
    }
    line.log(text.toString());
  }

  private void field(LoggingEventBuilder line, StringBuilder text, String key, Object value) {
    kv(line, key, value);
    text.append(' ').append(key).append('=').append(value);
  }
}
