package io.httptriage.triage;

import static io.httptriage.triage.ConfigRules.nonNull;

import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.observe.TriageObservationContext;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a user can configure, in one immutable object both adapters take, so that one
 * configuration behaves the same on OkHttp and on the JDK client. Each setting, its default and its
 * basis are described on its {@link Builder} method.
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
 *     .maxHops(5)
 *     .meterRegistry(registry)
 *     .build();
 * }</pre>
 */
public final class TriageConfig {
  private static final TriageConfig DEFAULTS = builder().build();

  private final ConfigValues settings; // a private copy, never changed
  private final RedirectSettings redirects;

  private TriageConfig(Builder b) {
    this.settings = b.v.copy();
    this.redirects = b.v.redirects.build();
  }

  /** {@return the defaults: RFC policy table and retries, the client follows, logging only} */
  public static TriageConfig ofDefaults() {
    return DEFAULTS;
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder(new ConfigValues());
  }

  /** {@return a builder holding this configuration} */
  public Builder toBuilder() {
    return new Builder(settings.copy());
  }

  /** {@return the policy table} */
  public PolicyTable policyTable() {
    return settings.policyTable;
  }

  /** {@return the retry settings} */
  public RetrySettings retry() {
    return settings.retry;
  }

  /** {@return who follows redirects} */
  public RedirectMode redirectMode() {
    return settings.redirectMode;
  }

  /** {@return how many redirects one call may follow, in POLICY mode and in the audit} */
  public int maxHops() {
    return redirects.maxHops();
  }

  /** {@return true when a redirect from https to http may be followed} */
  public boolean allowHttpsDowngrade() {
    return redirects.allowHttpsDowngrade();
  }

  /** {@return the header fields dropped when a redirect leaves the origin, lower case} */
  public Set<String> credentialHeaders() {
    return redirects.credentialHeaders();
  }

  /** {@return the listener that replaces the default one, shared by every client; or empty} */
  public Optional<TriageListener> listener() {
    return Optional.ofNullable(settings.listener);
  }

  /** {@return the listeners told after the default (or replacing) listener, in order} */
  public List<TriageListener> addedListeners() {
    return List.copyOf(settings.listeners);
  }

  /** {@return the client name set with {@link Builder#clientName(String)}; or empty} */
  public Optional<String> clientName() {
    return Optional.ofNullable(settings.clientName);
  }

  /** {@return the meter registry the default listener records to, when one was given} */
  public Optional<MeterRegistry> meterRegistry() {
    return Optional.ofNullable(settings.meterRegistry);
  }

  /** {@return the default listener's storm guard: lines a second of one origin and kind} */
  public int maxLogLinesPerSecond() {
    return settings.maxLogLinesPerSecond;
  }

  /** {@return the scheduler for asynchronous retry waits, when one was given} */
  public Optional<ScheduledExecutorService> scheduler() {
    return Optional.ofNullable(settings.scheduler);
  }

  /** {@return true when a stored response may answer an origin's error; see the builder} */
  public boolean staleIfError() {
    return settings.staleIfError;
  }

  /** {@return true when an origin's cool-down holds back every call to it; see the builder} */
  public boolean coolDown() {
    return settings.coolDown;
  }

  /** {@return true when a POST or PATCH without an {@code Idempotency-Key} gets one minted} */
  public boolean idempotencyKeys() {
    return settings.idempotencyKeys;
  }

  /** {@return where calls are observed; {@link ObservationRegistry#NOOP} unless one was given} */
  public ObservationRegistry observationRegistry() {
    return settings.observationRegistry;
  }

  /** {@return the convention naming and tagging the observations, when one was given} */
  public Optional<ObservationConvention<TriageObservationContext>> observationConvention() {
    return Optional.ofNullable(settings.observationConvention);
  }

  @Override
  public String toString() {
    return ConfigRules.describe(this, redirects);
  }

  /**
   * Builds a {@link TriageConfig}; not thread-safe. Every setter rejects null with an {@link
   * IllegalArgumentException} naming the parameter.
   */
  public static final class Builder {
    private final ConfigValues v;

    private Builder(ConfigValues values) {
      this.v = values;
    }

    /**
     * Sets the policy table; default {@link PolicyTable#ofDefaults()}.
     *
     * @param value the policy table
     * @return this builder
     */
    public Builder policyTable(PolicyTable value) {
      v.policyTable = nonNull("policyTable", value);
      return this;
    }

    /**
     * Sets the limits and timing of retries; default {@link RetrySettings#ofDefaults()}.
     *
     * @param value the retry settings
     * @return this builder
     */
    public Builder retry(RetrySettings value) {
      v.retry = nonNull("retry", value);
      return this;
    }

    /**
     * Sets who follows redirects; default {@link RedirectMode#CLIENT} (the client's, audited).
     *
     * @param value who follows redirects
     * @return this builder
     */
    public Builder redirectMode(RedirectMode value) {
      v.redirectMode = nonNull("redirectMode", value);
      return this;
    }

    /**
     * How many redirects one call may follow in {@link RedirectMode#POLICY} (0 follows none), and
     * the length past which the audit reports a chain; default 20.
     *
     * @param value the most redirects of one call
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxHops(int value) {
      v.redirects.maxHops(value);
      return this;
    }

    /**
     * Whether a redirect from https to http may be followed; default false.
     *
     * @param value true to follow https→http redirects
     * @return this builder
     */
    public Builder allowHttpsDowngrade(boolean value) {
      v.redirects.allowHttpsDowngrade(value);
      return this;
    }

    /**
     * The header fields dropped when a redirect leaves the origin, replacing the defaults
     * (Authorization, Cookie, Proxy-Authorization); the audit reports those that went along.
     *
     * @param names the field names, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException when a name is null or blank
     */
    public Builder credentialHeaders(String... names) {
      v.redirects.credentialHeaders(names);
      return this;
    }

    /**
     * Replaces the default listener (no log line or meter of httptriage's own), one instance shared
     * by every client; {@link #addListener(TriageListener)} keeps the default one as well.
     *
     * @param value the listener that receives every event
     * @return this builder
     * @throws IllegalArgumentException when null, or when a setting only the default listener reads
     *     was set: meter registry, client name, lines a second
     */
    public Builder listener(TriageListener value) {
      nonNull("listener", value);
      ConfigRules.listenerAlone(v.meterRegistry, v.clientName, v.maxLogLinesPerSecond);
      v.listener = value;
      return this;
    }

    /**
     * Tells this listener every event too, after the default (or replacing) listener, in the order
     * added; one instance shared by every client. One that throws is logged; the rest are told.
     *
     * @param value a listener
     * @return this builder
     */
    public Builder addListener(TriageListener value) {
      v.listeners.add(nonNull("addListener", value));
      return this;
    }

    /**
     * Records Micrometer meters through the default listener.
     *
     * @param value the registry the default listener records to
     * @return this builder
     * @throws IllegalArgumentException when null, or when a listener replaces the default one
     */
    public Builder meterRegistry(MeterRegistry value) {
      nonNull("meterRegistry", value);
      ConfigRules.notForYourListener("meterRegistry", v.listener);
      v.meterRegistry = value;
      return this;
    }

    /**
     * Names the client in the {@code client} tag of every meter and the {@code client} field of
     * every log line of the default listener; by default the adapter's name: {@code okhttp} or
     * {@code jdk}.
     *
     * @param value the client's name
     * @return this builder
     * @throws IllegalArgumentException when null, blank, longer than 64 characters or holding a
     *     control character; when a listener replaces the default one
     */
    public Builder clientName(String value) {
      // One rule for a client name, wherever it is given: the default listener's.
      DefaultTriageListener.builder().clientName(value);
      ConfigRules.notForYourListener("clientName", v.listener);
      v.clientName = value;
      return this;
    }

    /**
     * The default listener's storm guard: lines of one origin and kind of finding past this many a
     * second are held back and counted in the next line. Default 10; {@link Integer#MAX_VALUE}
     * holds none back.
     *
     * @param value the most lines a second for one origin and kind
     * @return this builder
     * @throws IllegalArgumentException when less than 1; when a listener replaces the default one
     */
    public Builder maxLogLinesPerSecond(int value) {
      ConfigRules.atLeastOne("maxLogLinesPerSecond", value);
      ConfigRules.notForYourListener("maxLogLinesPerSecond", v.listener);
      v.maxLogLinesPerSecond = value;
      return this;
    }

    /**
     * Where asynchronous retries wait; by default a shared daemon scheduler.
     *
     * @param value the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService value) {
      v.scheduler = nonNull("scheduler", value);
      return this;
    }

    /**
     * Whether the client's cache (OkHttp with an {@code okhttp3.Cache}) may answer a 500, 502, 503
     * or 504 of a GET or HEAD once the retries are spent, with a stored response whose
     * stale-if-error window covers its staleness and that no must-revalidate, no-cache or no-store
     * forbids (RFC 5861 §4, RFC 9111 §4.2.4); verdict {@code SERVED_STALE}. Default true.
     *
     * @param value true to serve stale responses where the origin allowed it
     * @return this builder
     */
    public Builder staleIfError(boolean value) {
      v.staleIfError = value;
      return this;
    }

    /**
     * Whether a 429 or 503 with Retry-After, or a spent rate-limit quota, holds back the client's
     * calls and retries to that origin until the time it named (at most the retry wait cap; not a
     * dropped GET's resend at once), one probe first; default true. False: each call retries alone.
     *
     * @param value true to share an origin's cool-down between the client's calls
     * @return this builder
     */
    public Builder coolDown(boolean value) {
      v.coolDown = value;
      return this;
    }

    /**
     * Gives each POST and PATCH without an {@code Idempotency-Key} one, minted once per call and
     * sent on every attempt and hop, so the table retries it as idempotent; a caller's key is kept.
     * A 409 to a keyed POST or PATCH is then retried after a wait, unless a rule decides 409
     * (draft-ietf-httpapi-idempotency-key-header: §2.1 the key, §2.7 the answers). Default false.
     *
     * @param value true to mint keys
     * @return this builder
     */
    public Builder idempotencyKeys(boolean value) {
      v.idempotencyKeys = value;
      return this;
    }

    /**
     * Observes each call ({@code httptriage.call}) and, as its children, each request sent for it
     * ({@code httptriage.attempt}); with micrometer-tracing, a span each. Default {@link
     * ObservationRegistry#NOOP}: nothing is observed, and nothing is allocated for it.
     *
     * @param value the registry
     * @return this builder
     */
    public Builder observationRegistry(ObservationRegistry value) {
      v.observationRegistry = nonNull("observationRegistry", value);
      return this;
    }

    /**
     * Names and tags the observations with this convention instead of {@link
     * io.httptriage.observe.DefaultTriageObservationConvention}; extend that class to keep the
     * rest.
     *
     * @param value the convention
     * @return this builder
     */
    public Builder observationConvention(ObservationConvention<TriageObservationContext> value) {
      v.observationConvention = nonNull("observationConvention", value);
      return this;
    }

    /**
     * The immutable configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException when a rule retries but the retry settings allow one attempt
     */
    public TriageConfig build() {
      ConfigRules.consistent(v.policyTable, v.retry);
      return new TriageConfig(this);
    }
  }
}
