package io.httptriage.cooldown;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The bounds of an {@link OriginCoolDowns}: how long an origin may be held back at most, how many
 * origins are remembered, how the callers waiting for the end of a cool-down are spread out.
 *
 * <h2>Defaults, and why</h2>
 *
 * <ul>
 *   <li><b>Longest cool-down</b> ({@link #maxCoolDown()}): 30 s, the retry engine's longest
 *       Retry-After wait. Retry-After may name any delay or date (RFC 9110 §10.2.3); a server, or
 *       anyone who can inject a header, asking for more holds the origin back for 30 s, not for the
 *       hours it named.
 *   <li><b>Origins remembered</b> ({@link #maxOrigins()}): 1,024, least recently used dropped
 *       first. A client that talks to more rate-limited origins at once loses the cool-down of the
 *       one it used least recently, never memory.
 *   <li><b>Jitter</b> ({@link #jitter()}): 250 ms. Every caller told to wait for the end of a
 *       cool-down gets its own uniform extra wait in [0, jitter], so that they do not all arrive at
 *       the reset instant: the first to arrive probes, the others find the probe in flight.
 *   <li><b>Probe timeout</b> ({@link #probeTimeout()}): 10 s, OkHttp's default read timeout. A
 *       probe whose outcome was not recorded by then (its caller gave up silently) no longer holds
 *       the others back: the next caller probes instead.
 *   <li><b>Forget after</b> ({@link #forgetAfter()}): 60 s. A cool-down that ended this long ago
 *       without anyone probing is forgotten, and the next call proceeds as if there had been none.
 * </ul>
 *
 * <p>Immutable and thread-safe (the random source is called only under the cool-downs' lock).
 * Builders validate each value at once and throw {@link IllegalArgumentException} naming the
 * parameter.
 *
 * <pre>{@code
 * CoolDownSettings settings = CoolDownSettings.builder().maxCoolDown(Duration.ofSeconds(10)).build();
 * OriginCoolDowns coolDowns = OriginCoolDowns.of(settings);
 * }</pre>
 */
public final class CoolDownSettings {
  private static final Duration MAX_DURATION = Duration.ofDays(1);
  private static final int MAX_ORIGINS = 1 << 20;

  /** Thread-safe, and only ever called under a lock: contention is not a concern. */
  private static final RandomGenerator SHARED_RANDOM = new Random();

  private static final CoolDownSettings DEFAULTS = new Builder().build();

  private final int maxOrigins;
  private final Duration maxCoolDown;
  private final Duration jitter;
  private final Duration probeTimeout;
  private final Duration forgetAfter;
  private final RandomGenerator random;

  private CoolDownSettings(Builder b) {
    this.maxOrigins = b.maxOrigins;
    this.maxCoolDown = b.maxCoolDown;
    this.jitter = b.jitter;
    this.probeTimeout = b.probeTimeout;
    this.forgetAfter = b.forgetAfter;
    this.random = b.random;
  }

  /**
   * The settings described in the class documentation.
   *
   * @return the settings described in the class documentation
   */
  public static CoolDownSettings ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these settings.
   *
   * @return a builder starting from these settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The most origins remembered at once.
   *
   * @return the most origins remembered at once
   */
  public int maxOrigins() {
    return maxOrigins;
  }

  /**
   * The longest an origin is held back from the moment a response asked for it.
   *
   * @return the longest an origin is held back from the moment a response asked for it
   */
  public Duration maxCoolDown() {
    return maxCoolDown;
  }

  /**
   * The largest extra wait added to each caller's wait for the end of a cool-down.
   *
   * @return the largest extra wait added to each caller's wait for the end of a cool-down
   */
  public Duration jitter() {
    return jitter;
  }

  /**
   * How long a probe holds the other callers back before another caller may probe.
   *
   * @return how long a probe holds the other callers back before another caller may probe
   */
  public Duration probeTimeout() {
    return probeTimeout;
  }

  /**
   * How long after its end an unprobed cool-down is remembered.
   *
   * @return how long after its end an unprobed cool-down is remembered
   */
  public Duration forgetAfter() {
    return forgetAfter;
  }

  /**
   * The source of the jitter.
   *
   * @return the source of the jitter
   */
  public RandomGenerator random() {
    return random;
  }

  @Override
  public String toString() {
    return "CoolDownSettings[maxOrigins="
        + maxOrigins
        + ", maxCoolDown="
        + maxCoolDown
        + ", jitter="
        + jitter
        + ", probeTimeout="
        + probeTimeout
        + ", forgetAfter="
        + forgetAfter
        + "]";
  }

  /**
   * Collects settings; each setter validates at once.
   *
   * <p>Not thread-safe; {@link #build()} returns immutable settings.
   */
  public static final class Builder {
    private int maxOrigins = 1024;
    private Duration maxCoolDown = Duration.ofSeconds(30);
    private Duration jitter = Duration.ofMillis(250);
    private Duration probeTimeout = Duration.ofSeconds(10);
    private Duration forgetAfter = Duration.ofSeconds(60);
    private RandomGenerator random = SHARED_RANDOM;

    private Builder() {}

    private Builder(CoolDownSettings s) {
      this.maxOrigins = s.maxOrigins;
      this.maxCoolDown = s.maxCoolDown;
      this.jitter = s.jitter;
      this.probeTimeout = s.probeTimeout;
      this.forgetAfter = s.forgetAfter;
      this.random = s.random;
    }

    /**
     * The most origins remembered at once; the least recently used is dropped first.
     *
     * @param maxOrigins the most origins remembered at once
     * @return this builder
     * @throws IllegalArgumentException when outside 1..1048576
     */
    public Builder maxOrigins(int maxOrigins) {
      if (maxOrigins < 1 || maxOrigins > MAX_ORIGINS) {
        throw new IllegalArgumentException(
            "maxOrigins: must be in 1.." + MAX_ORIGINS + ", was " + maxOrigins);
      }
      this.maxOrigins = maxOrigins;
      return this;
    }

    /**
     * The longest an origin is held back from the moment a response asked for it, whatever the
     * response asked; use the retry settings' longest Retry-After wait.
     *
     * @param maxCoolDown the longest an origin is held back
     * @return this builder
     * @throws IllegalArgumentException when null or outside 1 ms..1 day
     */
    public Builder maxCoolDown(Duration maxCoolDown) {
      this.maxCoolDown = check("maxCoolDown", maxCoolDown, Duration.ofMillis(1));
      return this;
    }

    /**
     * The largest extra wait added to each caller's wait; zero sends every waiting caller back at
     * the same instant.
     *
     * @param jitter the largest extra wait added on release
     * @return this builder
     * @throws IllegalArgumentException when null or outside 0..1 day
     */
    public Builder jitter(Duration jitter) {
      this.jitter = check("jitter", jitter, Duration.ZERO);
      return this;
    }

    /**
     * How long a probe whose outcome was not recorded holds the other callers back.
     *
     * @param probeTimeout how long one probe holds the others back
     * @return this builder
     * @throws IllegalArgumentException when null or outside 1 ms..1 day
     */
    public Builder probeTimeout(Duration probeTimeout) {
      this.probeTimeout = check("probeTimeout", probeTimeout, Duration.ofMillis(1));
      return this;
    }

    /**
     * How long after its end a cool-down nobody probed is remembered; zero forgets it at once, so
     * that the first call after the end proceeds without probing.
     *
     * @param forgetAfter how long an ended, unprobed cool-down is remembered
     * @return this builder
     * @throws IllegalArgumentException when null or outside 0..1 day
     */
    public Builder forgetAfter(Duration forgetAfter) {
      this.forgetAfter = check("forgetAfter", forgetAfter, Duration.ZERO);
      return this;
    }

    /**
     * The source of the jitter; called only under the cool-downs' lock, so it need not be
     * thread-safe.
     *
     * @param random the source of the jitter
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder random(RandomGenerator random) {
      if (random == null) {
        throw new IllegalArgumentException("random: must not be null");
      }
      this.random = random;
      return this;
    }

    /**
     * Immutable settings.
     *
     * @return the immutable settings
     */
    public CoolDownSettings build() {
      return new CoolDownSettings(this);
    }

    private static Duration check(String parameter, Duration value, Duration min) {
      if (value == null) {
        throw new IllegalArgumentException(parameter + ": must not be null");
      }
      if (value.compareTo(min) < 0 || value.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(
            parameter + ": must be in " + min + ".." + MAX_DURATION + ", was " + value);
      }
      return value;
    }
  }
}
