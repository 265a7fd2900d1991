package io.httptriage.retry;

import io.github.resilience4j.retry.RetryRegistry;
import io.httptriage.policy.PolicyTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The limits and the timing of retries: how many attempts, how long to wait at most, by when to
 * give up, how to back off, and how much retrying a client may do in total. <b>Which</b> responses
 * are retried for which requests is not here: the {@link PolicyTable} alone decides that (use
 * {@link PolicyTable.Builder#retryOn(int...)} for "retry these codes"). The defaults are safe:
 *
 * <pre>{@code
 * RetrySettings settings = RetrySettings.builder().maxAttempts(4).maxRetryAfter(Duration.ofSeconds(20)).build();
 * }</pre>
 *
 * <h2>Defaults, and why</h2>
 *
 * <ul>
 *   <li><b>Attempts</b>: 3 in all (the first and two retries) per hop. A third retry rarely
 *       succeeds where two failed, and each one adds load to a server that is already failing.
 *   <li><b>Longest wait</b> ({@link #maxRetryAfter()}): 30 s. Retry-After may name any delay or
 *       date (RFC 9110 §10.2.3); a server asking for more gets no retry, and its response goes back
 *       to the caller at once rather than holding a thread. The same cap bounds RateLimit resets,
 *       the backoff and the Retry-After of a redirect that is followed.
 *   <li><b>Deadline</b>: 60 s from the start of the call; no wait may end at or past it.
 *   <li><b>Backoff</b> when the server names no wait: exponential from 200 ms, at most 10 s, with
 *       full jitter (a uniform wait between zero and the exponential ceiling), which spreads the
 *       retries of many clients that failed together.
 *   <li><b>Retry budget</b> per client: over the last 10 s, retries may be at most half the number
 *       of logical calls whose first answer was healthy (not one to retry), or 1 per second when
 *       that is more (the floor lets quiet clients retry at all). A logical call counts once
 *       however many redirects it follows, and a redirect is never a healthy answer, so a redirect
 *       earns no retry. Retries are earned by good answers, in the manner of gRPC retry throttling
 *       and Finagle's RetryBudget: in a total outage none are earned and the load stays near one
 *       server request per logical call, while a server that fails a fifth of the requests at
 *       random still has each of them mended. Retries beyond the budget are refused and counted.
 * </ul>
 *
 * <p>Immutable and thread-safe, provided the injected clock, sleeper and random source are.
 * Builders validate each value at once and throw {@link IllegalArgumentException} naming the
 * parameter.
 */
public final class RetrySettings {
  private static final RetrySettings DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration maxRetryAfter;
  private final Duration deadline;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final double budgetRatio;
  private final int budgetMinRetriesPerSecond;
  private final Duration budgetWindow;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final String name;
  private final Optional<RetryRegistry> retryRegistry;

  private RetrySettings(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
    this.backoffBase = b.backoffBase;
    this.backoffMax = b.backoffMax;
    this.budgetRatio = b.budgetRatio;
    this.budgetMinRetriesPerSecond = b.budgetMinRetriesPerSecond;
    this.budgetWindow = b.budgetWindow;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.name = b.name;
    this.retryRegistry = b.retryRegistry;
  }

  /** {@return the settings described in the class documentation} */
  public static RetrySettings ofDefaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the number of attempts per hop in all, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the longest wait scheduled; a server asking for more gets no retry} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** {@return the time from the start of a call after which no retry is started} */
  public Duration deadline() {
    return deadline;
  }

  /** {@return the ceiling of the first backoff wait; each retry doubles it} */
  public Duration backoffBase() {
    return backoffBase;
  }

  /** {@return the largest backoff ceiling (itself bounded by {@link #maxRetryAfter()})} */
  public Duration backoffMax() {
    return backoffMax;
  }

  /**
   * {@return retries allowed per logical request whose first answer was healthy, over the budget
   * window}
   */
  public double budgetRatio() {
    return budgetRatio;
  }

  /** {@return retries per second always allowed, whatever the request count} */
  public int budgetMinRetriesPerSecond() {
    return budgetMinRetriesPerSecond;
  }

  /** {@return how far back the budget counts requests and retries} */
  public Duration budgetWindow() {
    return budgetWindow;
  }

  /** {@return the clock for deadlines, HTTP-dates and the budget} */
  public Clock clock() {
    return clock;
  }

  /** {@return how the synchronous path waits} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** {@return the random source of the jitter} */
  public RandomGenerator random() {
    return random;
  }

  /** {@return the name of the resilience4j {@code Retry}, used as a metrics tag} */
  public String name() {
    return name;
  }

  /** {@return the registry the resilience4j {@code Retry} is created in, if any} */
  public Optional<RetryRegistry> retryRegistry() {
    return retryRegistry;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RetrySettings[name=%s, maxAttempts=%d, maxRetryAfter=%s, deadline=%s, backoff=%s..%s,"
            + " budget=%s per healthy request, min %d/s over %s]",
        name,
        maxAttempts,
        maxRetryAfter,
        deadline,
        backoffBase,
        backoffMax,
        budgetRatio,
        budgetMinRetriesPerSecond,
        budgetWindow);
  }

  /**
   * Collects settings; each setter validates at once.
   *
   * <p>Not thread-safe; {@link #build()} returns immutable settings.
   */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofSeconds(60);
    private Duration backoffBase = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(10);
    private double budgetRatio = 0.5;
    private int budgetMinRetriesPerSecond = 1;
    private Duration budgetWindow = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = ThreadLocalJitter.INSTANCE;
    private String name = "httptriage";
    private Optional<RetryRegistry> retryRegistry = Optional.empty();

    private Builder() {}

    private Builder(RetrySettings s) {
      this.maxAttempts = s.maxAttempts;
      this.maxRetryAfter = s.maxRetryAfter;
      this.deadline = s.deadline;
      this.backoffBase = s.backoffBase;
      this.backoffMax = s.backoffMax;
      this.budgetRatio = s.budgetRatio;
      this.budgetMinRetriesPerSecond = s.budgetMinRetriesPerSecond;
      this.budgetWindow = s.budgetWindow;
      this.clock = s.clock;
      this.sleeper = s.sleeper;
      this.random = s.random;
      this.name = s.name;
      this.retryRegistry = s.retryRegistry;
    }

    /**
     * The number of attempts in all, the first included; 1 turns retries off.
     *
     * @param maxAttempts the number of attempts in all, the first included; 1 turns retries off but
     *     for the resend every client makes of a dropped GET ({@code CallOptions.noRetry()})
     * @return this builder
     * @throws IllegalArgumentException when outside 1..100
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Checks.inRange("maxAttempts", maxAttempts, 1, 100);
      return this;
    }

    /**
     * The longest wait that will be scheduled, before a retry or before following a redirect that
     * carries Retry-After. A Retry-After or RateLimit reset beyond it gets no retry: the response
     * goes back at once. Backoff waits are drawn below it. Zero retries only when the server names
     * a wait of zero ({@code Retry-After: 0}, or a RateLimit quota that resets now), without
     * waiting; a response that names no wait gets no retry then, as no backoff fits in the cap.
     *
     * @param maxRetryAfter the longest wait the engine will schedule
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Checks.duration("maxRetryAfter", maxRetryAfter, Duration.ZERO);
      return this;
    }

    /**
     * The time from the start of a call after which no retry is started: no wait is scheduled that
     * would end at or past it.
     *
     * @param deadline the time from the start of a call after which no retry is started
     * @return this builder
     * @throws IllegalArgumentException when under 1 ms or longer than a day
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Checks.duration("deadline", deadline, Duration.ofMillis(1));
      return this;
    }

    /**
     * The ceiling of the first backoff wait, doubled for each further retry.
     *
     * @param backoffBase the ceiling of the first backoff wait, doubled for each further retry
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder backoffBase(Duration backoffBase) {
      this.backoffBase = Checks.duration("backoffBase", backoffBase, Duration.ZERO);
      return this;
    }

    /**
     * The largest backoff ceiling; must not be below {@link #backoffBase(Duration)} when built.
     *
     * @param backoffMax the largest backoff ceiling
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder backoffMax(Duration backoffMax) {
      this.backoffMax = Checks.duration("backoffMax", backoffMax, Duration.ZERO);
      return this;
    }

    /**
     * Retries allowed per logical request whose first answer was healthy (a status not retried),
     * over the budget window; default 0.5.
     *
     * @param budgetRatio retries allowed per healthy logical request
     * @return this builder
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder budgetRatio(double budgetRatio) {
      this.budgetRatio = Checks.finiteNotNegative("budgetRatio", budgetRatio);
      return this;
    }

    /**
     * Retries per second always allowed, whatever the request count (the floor).
     *
     * @param budgetMinRetriesPerSecond retries per second always allowed
     * @return this builder
     * @throws IllegalArgumentException when outside 0..1000000
     */
    public Builder budgetMinRetriesPerSecond(int budgetMinRetriesPerSecond) {
      this.budgetMinRetriesPerSecond =
          Checks.inRange("budgetMinRetriesPerSecond", budgetMinRetriesPerSecond, 0, 1_000_000);
      return this;
    }

    /**
     * How far back the budget counts requests and retries.
     *
     * @param budgetWindow how far back the budget counts requests and retries
     * @return this builder
     * @throws IllegalArgumentException when under 1 s or longer than a day
     */
    public Builder budgetWindow(Duration budgetWindow) {
      this.budgetWindow = Checks.duration("budgetWindow", budgetWindow, Duration.ofSeconds(1));
      return this;
    }

    /**
     * The clock for deadlines, HTTP-dates and the budget.
     *
     * @param clock the clock for deadlines, HTTP-dates and the budget
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder clock(Clock clock) {
      this.clock = Checks.nonNull("clock", clock);
      return this;
    }

    /**
     * How the synchronous path waits between attempts.
     *
     * @param sleeper how the synchronous path waits between attempts
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Checks.nonNull("sleeper", sleeper);
      return this;
    }

    /**
     * The random source of the jitter; must be thread-safe when the client is shared (e.g. {@code
     * new java.util.Random(seed)}). The default uses {@link ThreadLocalRandom}.
     *
     * @param random the random source of the jitter, thread-safe when the client is shared
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder random(RandomGenerator random) {
      this.random = Checks.nonNull("random", random);
      return this;
    }

    /**
     * The name of the resilience4j {@code Retry}, used as the {@code name} tag of its metrics.
     *
     * @param name the name of the resilience4j {@code Retry}
     * @return this builder
     * @throws IllegalArgumentException when null or blank
     */
    public Builder name(String name) {
      this.name = Checks.notBlank("name", name);
      return this;
    }

    /**
     * Creates the resilience4j {@code Retry} in this registry, under {@link #name(String)}, so that
     * registry-wide tooling such as Micrometer's {@code TaggedRetryMetrics.ofRetryRegistry} sees
     * it. Each client needs its own name.
     *
     * @param retryRegistry the registry
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder retryRegistry(RetryRegistry retryRegistry) {
      this.retryRegistry = Optional.of(Checks.nonNull("retryRegistry", retryRegistry));
      return this;
    }

    /**
     * {@return immutable settings}
     *
     * @throws IllegalArgumentException when {@code backoffMax} is below {@code backoffBase}
     */
    public RetrySettings build() {
      if (backoffMax.compareTo(backoffBase) < 0) {
        throw new IllegalArgumentException(
            "backoffMax: " + backoffMax + " is below backoffBase " + backoffBase);
      }
      return new RetrySettings(this);
    }
  }
}
