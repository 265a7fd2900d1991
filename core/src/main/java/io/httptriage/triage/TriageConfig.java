package io.httptriage.triage;

import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.redirect.RedirectSettings;
import io.httptriage.retry.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a user can configure, in one immutable object that both adapters take, so that the
 * same configuration gives the same behaviour on OkHttp and on the JDK client.
 *
 * <ul>
 *   <li>{@link #policyTable()} — the handling policy per status code ({@link
 *       PolicyTable#ofDefaults()}): the only owner of which responses are retried for which
 *       requests, and which redirects are followed and how.
 *   <li>{@link #retry()} — the limits and timing of retries: attempts, wait cap, deadline,
 *       backoff, budget ({@link RetrySettings#ofDefaults()}).
 *   <li>{@link #redirectMode()} — whether the client or httptriage follows redirects ({@link
 *       RedirectMode#CLIENT} by default: the client's behaviour is unchanged and audited).
 *   <li>{@link #redirects()} — hop limit, https→http downgrade, credential headers ({@link
 *       RedirectSettings#ofDefaults()}).
 *   <li>{@link #listener()} — where findings and decisions go: by default a {@link
 *       DefaultTriageListener} that logs through SLF4J and, given {@link
 *       Builder#meterRegistry(MeterRegistry)}, records Micrometer meters.
 *   <li>{@link #observer()} — optional full story of each exchange.
 *   <li>{@link #scheduler()} — where asynchronous retries wait; by default a shared daemon thread.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * TriageConfig config = TriageConfig.builder()
 *     .policyTable(PolicyTable.builder().retryOn(429, 503).build())
 *     .retry(RetrySettings.builder().maxAttempts(4).build())
 *     .redirectMode(RedirectMode.POLICY)
 *     .meterRegistry(registry)
 *     .build();
 * }</pre>
 */
public final class TriageConfig {
  private static final TriageConfig DEFAULTS = builder().build();

  private final PolicyTable policyTable;
  private final RetrySettings retry;
  private final RedirectMode redirectMode;
  private final RedirectSettings redirects;
  private final TriageListener listener;
  private final Optional<MeterRegistry> meterRegistry;
  private final Optional<ExchangeObserver> observer;
  private final Optional<ScheduledExecutorService> scheduler;

  private TriageConfig(Builder b) {
    this.policyTable = b.policyTable;
    this.retry = b.retry;
    this.redirectMode = b.redirectMode;
    this.redirects = b.redirects;
    this.meterRegistry = Optional.ofNullable(b.meterRegistry);
    this.listener = b.listener != null
        ? b.listener
        : b.meterRegistry != null
            ? DefaultTriageListener.builder().meterRegistry(b.meterRegistry).build()
            : DefaultTriageListener.ofDefaults();
    this.observer = Optional.ofNullable(b.observer);
    this.scheduler = Optional.ofNullable(b.scheduler);
  }

  /** The defaults: RFC policy table, default retries, the client follows redirects, logging only. */
  public static TriageConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.policyTable = policyTable;
    b.retry = retry;
    b.redirectMode = redirectMode;
    b.redirects = redirects;
    b.meterRegistry = meterRegistry.orElse(null);
    b.listener = meterRegistry.isPresent() ? null : listener;
    b.observer = observer.orElse(null);
    b.scheduler = scheduler.orElse(null);
    return b;
  }

  /** The policy table. */
  public PolicyTable policyTable() {
    return policyTable;
  }

  /** The retry settings. */
  public RetrySettings retry() {
    return retry;
  }

  /** Who follows redirects. */
  public RedirectMode redirectMode() {
    return redirectMode;
  }

  /** The redirect settings, used by the audit in both modes and by the follower in POLICY mode. */
  public RedirectSettings redirects() {
    return redirects;
  }

  /** Where findings and decisions go. */
  public TriageListener listener() {
    return listener;
  }

  /** The meter registry the default listener records to, when one was given. */
  public Optional<MeterRegistry> meterRegistry() {
    return meterRegistry;
  }

  /** The observer of whole exchanges, when one was given. */
  public Optional<ExchangeObserver> observer() {
    return observer;
  }

  /** The scheduler for asynchronous retry waits, when one was given. */
  public Optional<ScheduledExecutorService> scheduler() {
    return scheduler;
  }

  @Override
  public String toString() {
    return "TriageConfig[redirectMode=" + redirectMode + ", retry=" + retry + ", redirects=" + redirects
        + ", rules=" + policyTable.rules().size() + ", metrics=" + meterRegistry.isPresent() + "]";
  }

  /**
   * Builds a {@link TriageConfig}. Every setter rejects null with an {@link IllegalArgumentException}
   * naming the parameter.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private PolicyTable policyTable = PolicyTable.ofDefaults();
    private RetrySettings retry = RetrySettings.ofDefaults();
    private RedirectMode redirectMode = RedirectMode.CLIENT;
    private RedirectSettings redirects = RedirectSettings.ofDefaults();
    private TriageListener listener;
    private MeterRegistry meterRegistry;
    private ExchangeObserver observer;
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /** The policy table; default {@link PolicyTable#ofDefaults()}. */
    public Builder policyTable(PolicyTable value) {
      this.policyTable = nonNull("policyTable", value);
      return this;
    }

    /** The retry settings; default {@link RetrySettings#ofDefaults()}. */
    public Builder retry(RetrySettings value) {
      this.retry = nonNull("retry", value);
      return this;
    }

    /** Who follows redirects; default {@link RedirectMode#CLIENT}. */
    public Builder redirectMode(RedirectMode value) {
      this.redirectMode = nonNull("redirectMode", value);
      return this;
    }

    /** The redirect settings; default {@link RedirectSettings#ofDefaults()}. */
    public Builder redirects(RedirectSettings value) {
      this.redirects = nonNull("redirects", value);
      return this;
    }

    /**
     * Replaces the default listener. To keep the default logging and metrics as well, pass {@code
     * TriageListener.composite(DefaultTriageListener.builder()...build(), yours)}.
     *
     * @throws IllegalArgumentException when null, or when a meter registry was set (give it to
     *     your {@link DefaultTriageListener} instead)
     */
    public Builder listener(TriageListener value) {
      nonNull("listener", value);
      if (meterRegistry != null) {
        throw new IllegalArgumentException(
            "listener: a meterRegistry is already set; give it to your DefaultTriageListener instead");
      }
      this.listener = value;
      return this;
    }

    /**
     * Records Micrometer meters through the default listener.
     *
     * @throws IllegalArgumentException when null, or when a listener was set
     */
    public Builder meterRegistry(MeterRegistry value) {
      nonNull("meterRegistry", value);
      if (listener != null) {
        throw new IllegalArgumentException(
            "meterRegistry: a listener is already set; give the registry to your DefaultTriageListener");
      }
      this.meterRegistry = value;
      return this;
    }

    /** Receives the whole story of each exchange. */
    public Builder observer(ExchangeObserver value) {
      this.observer = nonNull("observer", value);
      return this;
    }

    /** Where asynchronous retries wait; by default a shared daemon scheduler. */
    public Builder scheduler(ScheduledExecutorService value) {
      this.scheduler = nonNull("scheduler", value);
      return this;
    }

    /**
     * The immutable configuration.
     *
     * @throws IllegalArgumentException when the policy table has a rule that retries and the retry
     *     settings allow a single attempt: the two contradict each other
     */
    public TriageConfig build() {
      if (retry.maxAttempts() == 1) {
        for (PolicyRule rule : policyTable.rules()) {
          if (rule.retries()) {
            throw new IllegalArgumentException("retry: maxAttempts is 1, so the rule " + rule
                + " of the policy table would never retry; raise maxAttempts or drop the rule");
          }
        }
      }
      return new TriageConfig(this);
    }

    private static <T> T nonNull(String name, T value) {
      if (value == null) {
        throw new IllegalArgumentException(name + ": must not be null");
      }
      return value;
    }
  }
}
