package io.httptriage.listener;

import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default listener: one SLF4J line per finding, and Micrometer counters when a registry is
 * given. Works with no registry at all.
 *
 * <p><b>Logs</b> go to the logger {@code io.httptriage.findings}, one line per finding: WARN for
 * {@link Finding.Severity#VIOLATION}, {@link Finding.Severity#SECURITY} and {@link
 * Finding.Severity#WARNING}, INFO for {@link Finding.Severity#INFO}. Each line carries its fields
 * ({@code client, kind, severity, hop, finalStatus, from, to, spec, suppressed, explanation}) as
 * SLF4J key-value pairs, so that a JSON encoder writes them as fields, and as {@code key=value}
 * text in the message. A storm guard holds lines back only when one origin and kind of finding
 * passes {@link Builder#maxLinesPerSecond(int) 10 lines a second}; what it held back is said, as
 * {@code suppressed=N}, by the next line of that origin and kind or by a summary line ({@code
 * httptriage findings held back ...}) with the next finding after that second. Each retry decision
 * is one line on {@code io.httptriage.retries} (WARN when a gate refused, DEBUG for a cancellation,
 * INFO otherwise) with the target, attempt of max, wait and its source, and the gate; a redirect
 * whose wait a gate refused gets an INFO line there ({@code client, code, refused_by}), and a call
 * answered without sending because its origin cools down a WARN line ({@code refused_by=COOL_DOWN},
 * the first per origin, then a count). URLs arrive redacted; no header value is logged.
 *
 * <p><b>Meters</b>, all tags from bounded sets (no URL, host or header value), each tagged {@code
 * client} with {@link Builder#clientName(String)}:
 *
 * <ul>
 *   <li>{@code httptriage.responses} — code, class, verdict, refused_by — one per exchange that
 *       ended with a response, for the FINAL response. code is the number of a registered or vendor
 *       code, {@code unknown} or {@code invalid}; class is {@code 1xx}..{@code 5xx} or {@code
 *       invalid}; verdict is what was done (ACCEPT or FAIL; never RETRY or FOLLOW, since the
 *       response reached the caller); refused_by is the {@link Verdict.Gate} that refused a
 *       possible retry (or the wait of a redirect), or {@code none};
 *   <li>{@code httptriage.retries} — outcome, code, error — one per retry decision;
 *   <li>{@code httptriage.redirect.findings} — kind, severity — findings of the redirect kinds;
 *   <li>{@code httptriage.conformance.findings} — kind, severity — findings of the lint kinds;
 *   <li>{@code httptriage.calls}, a timer — outcome (Micrometer's HTTP outcome of the final status;
 *       {@code UNKNOWN} without one), verdict, error (the {@code FailureKind} tag of the transport
 *       failure that ended the call: {@code not_sent}, {@code sent_no_response}, {@code
 *       never_retried}, or {@code none}) — one per call, from its first request to the final
 *       response or exception;
 *   <li>{@code httptriage.call.attempts}, a distribution summary — the requests each call sent;
 *   <li>{@code httptriage.retry.waits}, a timer — source — the wait before each retry made.
 * </ul>
 *
 * The runtime of each client adds the gauge {@code httptriage.retry.budget.remaining}.
 *
 * <p>Thread-safe. An instance keeps the storm guard's state: give each client its own. A {@code
 * TriageConfig} without a listener of its own does that by itself, making one per client. Extend
 * this class to change one part and keep the rest, as with Micrometer's default conventions.
 *
 * <pre>{@code
 * TriageListener listener = DefaultTriageListener.builder()
 *     .meterRegistry(registry)
 *     .clientName("payments")
 *     .build();
 * }</pre>
 */
public class DefaultTriageListener implements ExchangeDetails {
  /** The default rate above which the storm guard holds lines of one origin and kind back. */
  public static final int DEFAULT_MAX_LINES_PER_SECOND = 10;

  /** The {@code client} of a listener built without {@link Builder#clientName(String)}. */
  public static final String UNNAMED_CLIENT = "unnamed";

  /** The longest client name accepted. */
  public static final int MAX_CLIENT_NAME_LENGTH = 64;

  private final Optional<MeterRegistry> registry;
  private final Clock clock;
  private final int maxLinesPerSecond;
  private final String clientName;
  private final FindingLog log;
  private final @Nullable TriageMeters meters;
  private final RetryLog retryLog;
  private final @Nullable CallMeters callMeters;

  /**
   * A listener with the settings of a builder; for subclasses.
   *
   * @param builder the settings
   */
  protected DefaultTriageListener(Builder builder) {
    this.registry = builder.registry;
    this.clock = builder.clock;
    this.maxLinesPerSecond = builder.maxLinesPerSecond;
    this.clientName = builder.clientName;
    this.log = new FindingLog(clock, maxLinesPerSecond, clientName);
    this.meters = registry.map(r -> new TriageMeters(r, clientName)).orElse(null);
    this.retryLog = new RetryLog(clock, maxLinesPerSecond);
    this.callMeters = registry.map(r -> new CallMeters(r, clientName)).orElse(null);
  }

  /**
   * Logs only: no meter registry, the system clock, the storm guard at {@value
   * #DEFAULT_MAX_LINES_PER_SECOND} lines a second, client {@value #UNNAMED_CLIENT}.
   *
   * @return a listener that logs and records no meter
   */
  public static DefaultTriageListener ofDefaults() {
    return new DefaultTriageListener(builder());
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder holding this listener's settings; the new listener starts with fresh state}
   */
  public Builder toBuilder() {
    Builder b =
        new Builder().clock(clock).maxLinesPerSecond(maxLinesPerSecond).clientName(clientName);
    registry.ifPresent(b::meterRegistry);
    return b;
  }

  /**
   * The name of the client in the {@code client} tag and field.
   *
   * @return the name of the client in the {@code client} tag and field
   */
  public String clientName() {
    return clientName;
  }

  /**
   * The meter registry counted into, if any.
   *
   * @return the meter registry counted into, if any
   */
  public Optional<MeterRegistry> meterRegistry() {
    return registry;
  }

  /** Writes the retry line, counts the decision and times the wait of a retry made. */
  @Override
  public void attemptDecided(TriageEvent.AttemptDecided event) {
    retryLog.decided(event);
    if (meters != null) {
      meters.retry(event.outcome().name(), event.status(), event.failure().orElse("none"));
      callMeters.decided(event);
    }
  }

  /** Writes the finding's line and counts it. */
  @Override
  public void findingReported(TriageEvent.FindingReported event) {
    log.finding(event.finding(), event.finalStatus());
    if (meters != null) {
      meters.finding(event.finding());
    }
  }

  /** Counts the final response, times the call and records the requests it sent. */
  @Override
  public void exchangeCompleted(TriageEvent.ExchangeCompleted event) {
    completed(event, null);
  }

  /** As {@link #exchangeCompleted(TriageEvent.ExchangeCompleted)}, with the verdict's reasons. */
  @Override
  public void exchangeCompleted(
      TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
    completed(event, verdict);
  }

  private void completed(TriageEvent.ExchangeCompleted event, @Nullable Verdict verdict) {
    Verdict.Kind kind = Verdict.Kind.valueOf(event.verdict());
    if (meters != null) {
      if (event.failure().isEmpty()) {
        meters.response(event.status(), kind, event.refusedBy());
      }
      callMeters.completed(event, kind);
    }
    if (kind == Verdict.Kind.SERVED_STALE) {
      log.servedStale(event.status(), verdict == null ? "stale-if-error" : staleReason(verdict));
    } else if (event.failure().isPresent()) {
      log.failedCall(
          event.failure().get(),
          FindingLog.token(event.method()),
          event.target().orElse("-"),
          event.attempts(),
          event.refusedBy().orElse("none"));
    }
    if (verdict != null && verdict.hasReason(Reason.Kind.COOL_DOWN)) {
      log.heldBack(
          event.status(),
          FindingLog.origin(event.target()),
          reason(verdict, Reason.Kind.COOL_DOWN));
    }
    // A refused retry has its AttemptDecided line; a redirect's refused wait has only this one.
    if (event.refusedBy().isPresent()
        && (verdict == null
            ? event.status() / 100 == 3
            : verdict.hasReason(Reason.Kind.NOT_FOLLOWED))) {
      log.refused(event.status(), event.refusedBy().get());
    }
  }

  private static String staleReason(Verdict verdict) {
    return reason(verdict, Reason.Kind.STALE_IF_ERROR);
  }

  /** The detail of the last reason of this kind; the kind's name when there is none. */
  private static String reason(Verdict verdict, Reason.Kind kind) {
    List<Reason> reasons = verdict.reasons();
    for (int i = reasons.size() - 1; i >= 0; i--) {
      if (reasons.get(i).kind() == kind) {
        return reasons.get(i).detail();
      }
    }
    return kind == Reason.Kind.STALE_IF_ERROR ? "stale-if-error" : kind.name();
  }

  /**
   * Collects the settings of a default listener.
   *
   * <p>Not thread-safe; {@link #build()} returns a thread-safe listener.
   */
  public static class Builder {
    private Optional<MeterRegistry> registry = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private int maxLinesPerSecond = DEFAULT_MAX_LINES_PER_SECOND;
    private String clientName = UNNAMED_CLIENT;

    /** A builder of the defaults; for subclasses. */
    protected Builder() {}

    /**
     * Counts into this registry.
     *
     * @param value the registry
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder meterRegistry(MeterRegistry value) {
      this.registry = Optional.of(nonNull("meterRegistry", value));
      return this;
    }

    /**
     * Reads time for the storm guard from this clock.
     *
     * @param value the clock
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder clock(Clock value) {
      this.clock = nonNull("clock", value);
      return this;
    }

    /**
     * Holds back lines of one origin and kind of finding only past this many a second; the first
     * line of every second always gets through. Default {@value #DEFAULT_MAX_LINES_PER_SECOND};
     * {@link Integer#MAX_VALUE} never holds a line back.
     *
     * @param value the most lines a second for one origin and kind
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public Builder maxLinesPerSecond(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxLinesPerSecond: must be at least 1, was " + value);
      }
      this.maxLinesPerSecond = value;
      return this;
    }

    /**
     * Names the client in the {@code client} tag of every meter and the {@code client} field of
     * every line, to tell several clients apart. Default {@value #UNNAMED_CLIENT}; a listener a
     * {@code TriageConfig} makes for a client is named by the config's {@code clientName} or the
     * adapter ({@code okhttp}, {@code jdk}).
     *
     * @param value the client's name
     * @return this builder
     * @throws IllegalArgumentException when null, blank, longer than {@value
     *     #MAX_CLIENT_NAME_LENGTH} characters, or holding a control character
     */
    public Builder clientName(String value) {
      nonNull("clientName", value);
      if (value.isBlank()
          || value.length() > MAX_CLIENT_NAME_LENGTH
          || value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "clientName: must be 1 to "
                + MAX_CLIENT_NAME_LENGTH
                + " characters, not blank, without control characters, was \""
                + value.replaceAll("\\p{Cntrl}", "?")
                + "\"");
      }
      this.clientName = value;
      return this;
    }

    /** {@return the listener} */
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
