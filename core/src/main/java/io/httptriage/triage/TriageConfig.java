package io.httptriage.triage;

import static io.httptriage.triage.ConfigRules.nonNull;

import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.observe.TriageObservationConvention;
import io.httptriage.policy.PolicyTable;
import io.httptriage.redirect.RedirectSettings;
import io.httptriage.retry.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
 *   <li>{@link #retry()} — the limits and timing of retries: attempts, wait cap, deadline, backoff,
 *       budget ({@link RetrySettings#ofDefaults()}).
 *   <li>{@link #redirectMode()} — whether the client or httptriage follows redirects ({@link
 *       RedirectMode#CLIENT} by default: the client's behaviour is unchanged and audited).
 *   <li>{@link #redirects()} — hop limit, https→http downgrade, credential headers ({@link
 *       RedirectSettings#ofDefaults()}).
 *   <li>{@link #listener()} — where findings and decisions go: by default each client gets a {@link
 *       DefaultTriageListener} of its own that logs through SLF4J and, given {@link
 *       Builder#meterRegistry(MeterRegistry)}, records Micrometer meters.
 *   <li>{@link #clientName()} — the {@code client} tag of the meters and field of the log lines; by
 *       default the adapter's name ({@code okhttp}, {@code jdk}).
 *   <li>{@link #observationRegistry()} — Micrometer observations of each call and its attempts.
 *   <li>{@link #scheduler()} — where asynchronous retries wait; by default a shared daemon thread.
 *   <li>{@link #staleIfError()} — whether a stored response the origin allowed to be served stale
 *       answers a 500/502/503/504 once the retries are spent (RFC 5861 §4); on by default, and only
 *       a client with a cache (OkHttp with an {@code okhttp3.Cache}) has one to serve.
 *   <li>{@link #coolDown()} — whether an origin that said "come back later" is left alone by every
 *       call of the client until then; on by default.
 * </ul>
 *
 * <p>Immutable and thread-safe. It holds no state of a client: one configuration, {@link
 * #ofDefaults()} included, can serve any number of clients, and each keeps its own retry budget and
 * log storm guard.
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
  private final Optional<TriageListener> listener;
  private final Optional<String> clientName;
  private final Optional<MeterRegistry> meterRegistry;
  private final Optional<ScheduledExecutorService> scheduler;
  private final boolean staleIfError;
  private final boolean coolDown;
  private final ObservationRegistry observationRegistry;
  private final Optional<TriageObservationConvention> observationConvention;

  private TriageConfig(Builder b) {
    this.policyTable = b.policyTable;
    this.retry = b.retry;
    this.redirectMode = b.redirectMode;
    this.redirects = b.redirects;
    this.meterRegistry = Optional.ofNullable(b.meterRegistry);
    this.listener = Optional.ofNullable(b.listener);
    this.clientName = Optional.ofNullable(b.clientName);
    this.scheduler = Optional.ofNullable(b.scheduler);
    this.staleIfError = b.staleIfError;
    this.coolDown = b.coolDown;
    this.observationRegistry = b.observationRegistry;
    this.observationConvention = Optional.ofNullable(b.observationConvention);
  }

  /**
   * {@return the defaults: RFC policy table, default retries, the client follows redirects, logging
   * only}
   */
  public static TriageConfig ofDefaults() {
    return DEFAULTS;
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this configuration} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.policyTable = policyTable;
    b.retry = retry;
    b.redirectMode = redirectMode;
    b.redirects = redirects;
    b.meterRegistry = meterRegistry.orElse(null);
    b.listener = listener.orElse(null);
    b.clientName = clientName.orElse(null);
    b.scheduler = scheduler.orElse(null);
    b.staleIfError = staleIfError;
    b.coolDown = coolDown;
    b.observationRegistry = observationRegistry;
    b.observationConvention = observationConvention.orElse(null);
    return b;
  }

  /** {@return the policy table} */
  public PolicyTable policyTable() {
    return policyTable;
  }

  /** {@return the retry settings} */
  public RetrySettings retry() {
    return retry;
  }

  /** {@return who follows redirects} */
  public RedirectMode redirectMode() {
    return redirectMode;
  }

  /**
   * {@return the redirect settings, used by the audit in both modes and by the follower in POLICY
   * mode}
   */
  public RedirectSettings redirects() {
    return redirects;
  }

  /**
   * The listener set with {@link Builder#listener(TriageListener)}, which every client built from
   * this configuration shares; empty when each client makes its own {@link DefaultTriageListener}.
   *
   * @return the listener every client shares, or empty
   */
  public Optional<TriageListener> listener() {
    return listener;
  }

  /** {@return the client name set with {@link Builder#clientName(String)}; empty: the adapter's} */
  public Optional<String> clientName() {
    return clientName;
  }

  /** {@return the meter registry the default listener records to, when one was given} */
  public Optional<MeterRegistry> meterRegistry() {
    return meterRegistry;
  }

  /** {@return the scheduler for asynchronous retry waits, when one was given} */
  public Optional<ScheduledExecutorService> scheduler() {
    return scheduler;
  }

  /**
   * {@return true when a stored response may answer an origin's error} After the retries of a GET
   * or HEAD are spent and its final answer is a 500, 502, 503 or 504, httptriage asks the client's
   * cache for the stored response and serves it when {@link io.httptriage.cache.StaleIfError}
   * allows: its stale-if-error window (the request's, else the response's) covers its staleness and
   * no must-revalidate, proxy-revalidate, no-cache or no-store forbids it (RFC 5861 §4, RFC 9111
   * §4.2.4). The answer is reported with the verdict {@code SERVED_STALE}. Default true.
   */
  public boolean staleIfError() {
    return staleIfError;
  }

  /**
   * {@return true when a client holds back every call to an origin that asked it to stay away} (429
   * or 503 with Retry-After, an exhausted RateLimit, RateLimit-Remaining or X-RateLimit-Remaining
   * quota): such calls wait for the end within the wait cap and deadline, or are answered at once;
   * one probe goes first after the end. Capped at {@link RetrySettings#maxRetryAfter()}; none when
   * that is zero. Default true.
   */
  public boolean coolDown() {
    return coolDown;
  }

  /** {@return where calls are observed; {@link ObservationRegistry#NOOP} unless one was given} */
  public ObservationRegistry observationRegistry() {
    return observationRegistry;
  }

  /** {@return the convention naming and tagging the observations, when one was given} */
  public Optional<TriageObservationConvention> observationConvention() {
    return observationConvention;
  }

  @Override
  public String toString() {
    return ConfigRules.describe(this);
  }

  /**
   * Builds a {@link TriageConfig}. Every setter rejects null with an {@link
   * IllegalArgumentException} naming the parameter.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private PolicyTable policyTable = PolicyTable.ofDefaults();
    private RetrySettings retry = RetrySettings.ofDefaults();
    private RedirectMode redirectMode = RedirectMode.CLIENT;
    private RedirectSettings redirects = RedirectSettings.ofDefaults();
    private TriageListener listener;
    private String clientName;
    private MeterRegistry meterRegistry;
    private ScheduledExecutorService scheduler;
    private boolean staleIfError = true;
    private boolean coolDown = true;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private TriageObservationConvention observationConvention;

    private Builder() {}

    /**
     * The policy table; default {@link PolicyTable#ofDefaults()}.
     *
     * @param value the policy table; default {@link PolicyTable#ofDefaults()}
     * @return this builder
     */
    public Builder policyTable(PolicyTable value) {
      this.policyTable = nonNull("policyTable", value);
      return this;
    }

    /**
     * The retry settings; default {@link RetrySettings#ofDefaults()}.
     *
     * @param value the retry settings; default {@link RetrySettings#ofDefaults()}
     * @return this builder
     */
    public Builder retry(RetrySettings value) {
      this.retry = nonNull("retry", value);
      return this;
    }

    /**
     * Who follows redirects; default {@link RedirectMode#CLIENT}.
     *
     * @param value who follows redirects; default {@link RedirectMode#CLIENT}
     * @return this builder
     */
    public Builder redirectMode(RedirectMode value) {
      this.redirectMode = nonNull("redirectMode", value);
      return this;
    }

    /**
     * The redirect settings; default {@link RedirectSettings#ofDefaults()}.
     *
     * @param value the redirect settings; default {@link RedirectSettings#ofDefaults()}
     * @return this builder
     */
    public Builder redirects(RedirectSettings value) {
      this.redirects = nonNull("redirects", value);
      return this;
    }

    /**
     * Replaces the default listener. This instance is shared by every client built from the
     * configuration; leave it unset for each client to get a {@link DefaultTriageListener} of its
     * own. To keep the default logging and metrics as well, pass {@code
     * TriageListener.composite(DefaultTriageListener.builder()...build(), yours)}, and name the
     * client with {@link DefaultTriageListener.Builder#clientName(String)}.
     *
     * @param value the listener that receives every event
     * @return this builder
     * @throws IllegalArgumentException when null, or when a meter registry or a client name was set
     *     (give them to your {@link DefaultTriageListener} instead)
     */
    public Builder listener(TriageListener value) {
      nonNull("listener", value);
      ConfigRules.listenerAlone(meterRegistry, clientName);
      this.listener = value;
      return this;
    }

    /**
     * Records Micrometer meters through the default listener.
     *
     * @param value the registry the default listener records to
     * @return this builder
     * @throws IllegalArgumentException when null, or when a listener was set
     */
    public Builder meterRegistry(MeterRegistry value) {
      nonNull("meterRegistry", value);
      ConfigRules.registryBeforeListener(listener);
      this.meterRegistry = value;
      return this;
    }

    /**
     * Names the client in the {@code client} tag of every meter and the {@code client} field of
     * every log line of the default listener, to tell several clients apart; by default the
     * adapter's name: {@code okhttp} or {@code jdk}.
     *
     * @param value the client's name
     * @return this builder
     * @throws IllegalArgumentException when null, blank, longer than {@value
     *     DefaultTriageListener#MAX_CLIENT_NAME_LENGTH} characters, or holding a control character;
     *     when a listener was set (name it through its own builder instead)
     */
    public Builder clientName(String value) {
      // One rule for a client name, wherever it is given: the default listener's.
      DefaultTriageListener.builder().clientName(value);
      ConfigRules.nameBeforeListener(listener);
      this.clientName = value;
      return this;
    }

    /**
     * Where asynchronous retries wait; by default a shared daemon scheduler.
     *
     * @param value where asynchronous retries wait; by default a shared daemon scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService value) {
      this.scheduler = nonNull("scheduler", value);
      return this;
    }

    /**
     * Whether a stored response the origin allowed to be served stale answers a 500, 502, 503 or
     * 504 once the retries are spent (RFC 5861 §4); default true. It needs a client with a cache:
     * OkHttp with an {@code okhttp3.Cache}. Without one, or set to false, the error is handed back.
     *
     * @param value true to serve stale responses where the origin allowed it
     * @return this builder
     */
    public Builder staleIfError(boolean value) {
      this.staleIfError = value;
      return this;
    }

    /**
     * Whether a 429 or 503 with Retry-After, or an exhausted rate-limit quota, holds back every
     * call of the client to that origin until the time it named (at most the retry wait cap), one
     * probe going first; default true. False leaves each call to its own retries.
     *
     * @param value true to share an origin's cool-down between the client's calls
     * @return this builder
     */
    public Builder coolDown(boolean value) {
      this.coolDown = value;
      return this;
    }

    /**
     * Observes each call ({@code httptriage.call}) and, as its children, each request sent for it
     * ({@code httptriage.attempt}); with micrometer-tracing, a span each. Default {@link
     * ObservationRegistry#NOOP}: nothing is observed, and nothing is allocated for it.
     *
     * @param value the registry
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder observationRegistry(ObservationRegistry value) {
      this.observationRegistry = nonNull("observationRegistry", value);
      return this;
    }

    /**
     * Names and tags the observations with this convention instead of {@link
     * io.httptriage.observe.DefaultTriageObservationConvention}.
     *
     * @param value the convention
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder observationConvention(TriageObservationConvention value) {
      this.observationConvention = nonNull("observationConvention", value);
      return this;
    }

    /**
     * The immutable configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException when the policy table has a rule that retries and the retry
     *     settings allow a single attempt: the two contradict each other
     */
    public TriageConfig build() {
      ConfigRules.consistent(policyTable, retry);
      return new TriageConfig(this);
    }
  }
}
