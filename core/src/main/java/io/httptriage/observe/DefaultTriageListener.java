package io.httptriage.observe;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The default listener: one SLF4J line per finding, and Micrometer counters when a registry is
 * given. Works with no registry at all.
 *
 * <p><b>Logs</b> go to the logger {@code io.httptriage.findings} as key=value fields ({@code kind,
 * severity, hop, finalStatus, from, to, spec, suppressed, explanation}): WARN for {@link
 * Finding.Severity#VIOLATION} and {@link Finding.Severity#SECURITY}, INFO for {@link
 * Finding.Severity#WARNING}, DEBUG for {@link Finding.Severity#INFO}. At most one line per origin
 * and kind is written per {@link Builder#logInterval(Duration) interval} (default one minute); the
 * next line that gets through says how many were held back ({@code suppressed=N}). Retry decisions
 * go to {@code io.httptriage.retries} at DEBUG; a final answer whose possible retry a gate refused
 * goes there at INFO ({@code code, refused_by, suppressed}), rate-limited in the same way per gate
 * and code. URLs arrive redacted; no header value is logged.
 *
 * <p><b>Meters</b>, all counters, all tags from bounded sets (no URL, host or header value):
 * <ul>
 *   <li>{@code httptriage.responses} — code, class, verdict, refused_by — one per exchange, for
 *       the FINAL response. code is the number of a registered or vendor code, {@code unknown} or
 *       {@code invalid}; class is {@code 1xx}..{@code 5xx} or {@code invalid}; verdict is what was
 *       done (ACCEPT or FAIL; never RETRY or FOLLOW, since the response reached the caller);
 *       refused_by is the {@link Verdict.Gate} that refused a possible retry (or the wait of a
 *       redirect), or {@code none};
 *   <li>{@code httptriage.retries} — outcome, code — one per retry decision; outcome names beyond
 *       the first 32 distinct ones, or not shaped like a name, become {@code OTHER};
 *   <li>{@code httptriage.redirect.findings} — kind, severity — findings of the redirect kinds;
 *   <li>{@code httptriage.conformance.findings} — kind, severity — findings of the lint kinds.
 * </ul>
 *
 * <p>Findings of the same kind, hop and explanation in one exchange are reported once: the audit
 * and the lint both see a final redirect without Location.
 *
 * <p>Thread-safe. Extend it to change one part and keep the rest, as with Micrometer's default
 * conventions.
 *
 * <pre>{@code
 * TriageListener listener = DefaultTriageListener.builder()
 *     .meterRegistry(registry)
 *     .logInterval(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public class DefaultTriageListener implements TriageListener {
  /** The default rate-limit interval of log lines per origin and kind. */
  public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofMinutes(1);

  private final Optional<MeterRegistry> registry;
  private final Clock clock;
  private final Duration logInterval;
  private final FindingLog log;
  private final Optional<TriageMeters> meters;
  private final TagValues tags = new TagValues();

  /**
   * A listener with the settings of a builder; for subclasses.
   *
   * @param builder the settings
   */
  protected DefaultTriageListener(Builder builder) {
    this.registry = builder.registry;
    this.clock = builder.clock;
    this.logInterval = builder.logInterval;
    this.log = new FindingLog(clock, logInterval);
    this.meters = registry.map(TriageMeters::new);
  }

  /** Logs only: no meter registry, the system clock, one line per origin and kind a minute. */
  public static DefaultTriageListener ofDefaults() {
    return new DefaultTriageListener(builder());
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this listener's settings; the new listener starts with fresh state. */
  public Builder toBuilder() {
    Builder b = new Builder().clock(clock).logInterval(logInterval);
    registry.ifPresent(b::meterRegistry);
    return b;
  }

  /** The meter registry counted into, if any. */
  public Optional<MeterRegistry> meterRegistry() {
    return registry;
  }

  @Override
  public void exchangeCompleted(int finalStatus, Verdict verdict, List<Finding> findings) {
    // Called on every call: no lambda, no iterator when there is nothing to report.
    TriageMeters m = meters.orElse(null);
    if (m != null) {
      m.response(finalStatus, verdict.kind(), verdict.refusedBy());
    }
    if (verdict.refusedBy().isPresent()) {
      log.refused(finalStatus, verdict.refusedBy().get().name());
    }
    if (findings.isEmpty()) {
      return;
    }
    for (Finding f : distinct(findings)) {
      log.finding(f, finalStatus);
      if (m != null) {
        m.finding(f);
      }
    }
  }

  @Override
  public void retryDecided(String outcome, int status, String method) {
    String name = tags.outcome(outcome);
    log.retry(name, status, method);
    meters.ifPresent(m -> m.retry(name, status));
  }

  private static List<Finding> distinct(List<Finding> findings) {
    if (findings.size() < 2) {
      return findings;
    }
    Set<List<Object>> seen = new HashSet<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (seen.add(List.of(f.kind(), f.hopIndex(), f.explanation()))) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Collects the settings of a default listener.
   *
   * <p>Not thread-safe; {@link #build()} returns a thread-safe listener.
   */
  public static class Builder {
    private Optional<MeterRegistry> registry = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Duration logInterval = DEFAULT_LOG_INTERVAL;

    /** A builder of the defaults; for subclasses. */
    protected Builder() {}

    /**
     * Counts into this registry.
     *
     * @throws IllegalArgumentException when null
     */
    public Builder meterRegistry(MeterRegistry value) {
      this.registry = Optional.of(nonNull("meterRegistry", value));
      return this;
    }

    /**
     * Reads time for rate limiting from this clock.
     *
     * @throws IllegalArgumentException when null
     */
    public Builder clock(Clock value) {
      this.clock = nonNull("clock", value);
      return this;
    }

    /**
     * Writes at most one line per origin and kind of finding per interval; zero writes every line.
     *
     * @throws IllegalArgumentException when null or negative
     */
    public Builder logInterval(Duration value) {
      if (nonNull("logInterval", value).isNegative()) {
        throw new IllegalArgumentException("logInterval: must not be negative, was " + value);
      }
      this.logInterval = value;
      return this;
    }

    /** The listener. */
    public DefaultTriageListener build() {
      return new DefaultTriageListener(this);
    }

    private static <T> T nonNull(String name, T value) {
      if (value == null) {
        throw new IllegalArgumentException(name + ": must not be null");
      }
      return value;
    }
  }
}
