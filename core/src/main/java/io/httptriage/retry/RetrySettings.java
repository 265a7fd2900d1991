package io.httptriage.retry;

import io.github.resilience4j.retry.RetryRegistry;
import io.httptriage.policy.PolicyTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link RetryEngine} can be told: which statuses to retry, how often, how long to
 * wait at most, and how much retrying a client may do in total. The defaults are safe, so that
 * turning retries on is one line:
 *
 * <pre>{@code
 * RetryEngine engine = RetryEngine.of(RetrySettings.ofDefaults());
 * RetryEngine only429 = RetryEngine.of(RetrySettings.builder().retryOn(429).maxAttempts(4).build());
 * }</pre>
 *
 * <h2>Defaults, and why</h2>
 *
 * <ul>
 *   <li><b>Statuses</b> ({@link #retryOn()}): the codes the default policy table marks retryable —
 *       408 (the client "MAY repeat that request", RFC 9110 §15.5.9), 413 only with a Retry-After
 *       (temporary only when the server says so, §15.5.14), 421 (retry "whether or not the request
 *       method is idempotent", §15.5.20), 425 (RFC 8470 §5.2), 429 (RFC 6585 §4), 502, 503
 *       (temporary, §15.6.4), 504, and the vendor codes 520–524 and 529 that mean the same. Not
 *       500: it reports a defect, and resending repeats the failure and its load.
 *   <li><b>Methods</b>: which requests may be resent is the policy table's rule — idempotent methods
 *       (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110 §9.2.2), or any request carrying an {@code
 *       Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header); 421 and 425 for every method.
 *       POST and PATCH otherwise only with {@link Builder#retryNonIdempotent(boolean)}. A body that
 *       cannot be replayed is never resent.
 *   <li><b>Attempts</b>: 3 in all (the first and two retries). A third retry rarely succeeds where
 *       two failed, and each one adds load to a server that is already failing.
 *   <li><b>Longest wait</b> ({@link #maxRetryAfter()}): 30 s. Retry-After may name any delay or
 *       date (RFC 9110 §10.2.3); a server asking for more gets no retry, and its response goes back
 *       to the caller at once rather than holding a thread. The same cap bounds RateLimit resets and
 *       the backoff.
 *   <li><b>Deadline</b>: 60 s from the start of the call; no wait is scheduled that would end at or
 *       past it.
 *   <li><b>Backoff</b> when the server names no wait: exponential from 200 ms, at most 10 s, with
 *       full jitter (a uniform wait between zero and the exponential ceiling), which spreads the
 *       retries of many clients that failed together.
 *   <li><b>Retry budget</b> per engine: over the last 10 s, retries may be at most half the number
 *       of logical requests whose first answer was healthy (a status not retried), or 1 per second
 *       when that is more (the floor lets quiet clients retry at all). Retries are earned by good
 *       answers, in the manner of gRPC retry throttling and Finagle's RetryBudget: in a total outage
 *       none are earned and the load stays near one server request per logical request (at most
 *       1.10 in the unit-level simulation of 10 000 requests), while a server that fails a fifth of
 *       the requests at random still has each of them mended. Retries beyond the budget are refused
 *       and counted ({@link RetryEngine#budgetRefusals()}).
 * </ul>
 *
 * <p>Immutable and thread-safe, provided the injected clock, sleeper, random source and listener
 * are. Builders validate each value at once and throw {@link IllegalArgumentException} naming the
 * parameter.
 */
public final class RetrySettings {
  private static final int CODES = 600;
  private static final Duration MAX_DURATION = Duration.ofDays(1);
  private static final Set<Integer> DEFAULT_RETRY_ON = defaultRetryOn();
  private static final RetrySettings DEFAULTS = new Builder().build();

  private final boolean[] retryOnTable;
  private final Set<Integer> retryOn;
  private final int maxAttempts;
  private final Duration maxRetryAfter;
  private final Duration deadline;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final boolean retryNonIdempotent;
  private final double budgetRatio;
  private final int budgetMinRetriesPerSecond;
  private final Duration budgetWindow;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final RetryListener listener;
  private final String name;
  private final Optional<RetryRegistry> retryRegistry;

  private RetrySettings(Builder b) {
    this.retryOn = Collections.unmodifiableSet(new TreeSet<>(b.retryOn));
    this.retryOnTable = new boolean[CODES];
    for (int code : retryOn) {
      retryOnTable[code] = true;
    }
    this.maxAttempts = b.maxAttempts;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
    this.backoffBase = b.backoffBase;
    this.backoffMax = b.backoffMax;
    this.retryNonIdempotent = b.retryNonIdempotent;
    this.budgetRatio = b.budgetRatio;
    this.budgetMinRetriesPerSecond = b.budgetMinRetriesPerSecond;
    this.budgetWindow = b.budgetWindow;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.listener = b.listener;
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

  /** {@return the statuses that are retried, ascending} */
  public Set<Integer> retryOn() {
    return retryOn;
  }

  /** True when responses with this status are considered for a retry; never throws. */
  boolean retries(int status) {
    return status >= 0 && status < CODES && retryOnTable[status];
  }

  /** {@return the number of attempts in all, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the longest wait the engine schedules; a server asking for more gets no retry} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** {@return the time from the start of a call after which no attempt is started} */
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

  /** {@return true when POST, PATCH and other non-idempotent requests are retried without a key} */
  public boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  /** {@return retries allowed per logical request whose first answer was healthy, over the budget window} */
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

  /** {@return who hears about every decision} */
  public RetryListener listener() {
    return listener;
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
    return "RetrySettings[name=" + name + ", retryOn=" + retryOn + ", maxAttempts=" + maxAttempts
        + ", maxRetryAfter=" + maxRetryAfter + ", deadline=" + deadline
        + ", backoff=" + backoffBase + ".." + backoffMax
        + ", retryNonIdempotent=" + retryNonIdempotent
        + ", budget=" + budgetRatio + " per healthy request, min " + budgetMinRetriesPerSecond + "/s over "
        + budgetWindow + "]";
  }

  private static Set<Integer> defaultRetryOn() {
    Set<Integer> codes = new TreeSet<>();
    for (int code = 100; code < CODES; code++) {
      if (PolicyTable.defaultPolicyFor(code).isRetryable()) {
        codes.add(code);
      }
    }
    return codes;
  }

  /**
   * Collects settings; each setter validates at once.
   *
   * <p>Not thread-safe; {@link #build()} returns immutable settings.
   */
  public static final class Builder {
    private Set<Integer> retryOn = DEFAULT_RETRY_ON;
    private int maxAttempts = 3;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofSeconds(60);
    private Duration backoffBase = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(10);
    private boolean retryNonIdempotent;
    private double budgetRatio = 0.5;
    private int budgetMinRetriesPerSecond = 1;
    private Duration budgetWindow = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = ThreadLocalJitter.INSTANCE;
    private RetryListener listener = RetryListener.noop();
    private String name = "httptriage";
    private Optional<RetryRegistry> retryRegistry = Optional.empty();

    private Builder() {}

    private Builder(RetrySettings s) {
      this.retryOn = s.retryOn;
      this.maxAttempts = s.maxAttempts;
      this.maxRetryAfter = s.maxRetryAfter;
      this.deadline = s.deadline;
      this.backoffBase = s.backoffBase;
      this.backoffMax = s.backoffMax;
      this.retryNonIdempotent = s.retryNonIdempotent;
      this.budgetRatio = s.budgetRatio;
      this.budgetMinRetriesPerSecond = s.budgetMinRetriesPerSecond;
      this.budgetWindow = s.budgetWindow;
      this.clock = s.clock;
      this.sleeper = s.sleeper;
      this.random = s.random;
      this.listener = s.listener;
      this.name = s.name;
      this.retryRegistry = s.retryRegistry;
    }

    /**
     * The statuses to retry, replacing the default list. Which requests are resent for them is
     * still the policy table's rule; a code the table never retries (e.g. 500) is retried for
     * idempotent requests once listed here.
     *
     * @param codes one or more codes in 400..599
     * @return this builder
     * @throws IllegalArgumentException when empty or a code is outside 400..599
     */
    public Builder retryOn(int... codes) {
      if (codes == null || codes.length == 0) {
        throw new IllegalArgumentException("retryOn: at least one status code is required"
            + " (use maxAttempts(1) to turn retries off)");
      }
      Set<Integer> set = new TreeSet<>();
      for (int code : codes) {
        if (code < 400 || code > 599) {
          throw new IllegalArgumentException(
              "retryOn: " + code + " is not a 4xx or 5xx status code");
        }
        set.add(code);
      }
      this.retryOn = set;
      return this;
    }

    /**
     * The number of attempts in all, the first included; 1 turns retries off.
     *
     * @param maxAttempts the number of attempts in all, the first included; 1 turns retries off
     * @return this builder
     * @throws IllegalArgumentException when outside 1..100
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts: must be in 1..100, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The longest wait the engine will schedule. A Retry-After or RateLimit reset beyond it gets no
     * retry: the response goes back at once. Zero retries only on {@code Retry-After: 0} and
     * without waiting.
     *
     * @param maxRetryAfter the longest wait the engine will schedule
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = checkDuration("maxRetryAfter", maxRetryAfter, Duration.ZERO);
      return this;
    }

    /**
     * The time from the start of a call after which no attempt is started: no wait is scheduled
     * that would end at or past it.
     *
     * @param deadline the time from the start of a call after which no attempt is started: no wait is scheduled that would end at or past it
     * @return this builder
     * @throws IllegalArgumentException when under 1 ms or longer than a day
     */
    public Builder deadline(Duration deadline) {
      this.deadline = checkDuration("deadline", deadline, Duration.ofMillis(1));
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
      this.backoffBase = checkDuration("backoffBase", backoffBase, Duration.ZERO);
      return this;
    }

    /**
     * The largest backoff ceiling; must not be below {@link #backoffBase(Duration)} when built.
     *
     * @param backoffMax the largest backoff ceiling; must not be below {@link #backoffBase(Duration)} when built
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder backoffMax(Duration backoffMax) {
      this.backoffMax = checkDuration("backoffMax", backoffMax, Duration.ZERO);
      return this;
    }

    /**
     * Whether to resend non-idempotent requests (POST, PATCH...) without an {@code
     * Idempotency-Key}. Off by default: a server may have applied the first one (RFC 9110 §9.2.2).
     *
     * @param retryNonIdempotent whether to resend non-idempotent requests (POST, PATCH...) without an {@code Idempotency-Key}
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /**
     * Retries allowed per logical request whose first answer was healthy (a status not retried),
     * over the budget window; default 0.5.
     *
     * @param budgetRatio retries allowed per logical request whose first answer was healthy (a status not retried), over the budget window; default 0.5
     * @return this builder
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder budgetRatio(double budgetRatio) {
      if (!(budgetRatio >= 0) || Double.isInfinite(budgetRatio)) {
        throw new IllegalArgumentException(
            "budgetRatio: must be a finite number >= 0, was " + budgetRatio);
      }
      this.budgetRatio = budgetRatio;
      return this;
    }

    /**
     * Retries per second always allowed, whatever the request count (the floor).
     *
     * @param budgetMinRetriesPerSecond retries per second always allowed, whatever the request count (the floor)
     * @return this builder
     * @throws IllegalArgumentException when outside 0..1000000
     */
    public Builder budgetMinRetriesPerSecond(int budgetMinRetriesPerSecond) {
      if (budgetMinRetriesPerSecond < 0 || budgetMinRetriesPerSecond > 1_000_000) {
        throw new IllegalArgumentException("budgetMinRetriesPerSecond: must be in 0..1000000, was "
            + budgetMinRetriesPerSecond);
      }
      this.budgetMinRetriesPerSecond = budgetMinRetriesPerSecond;
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
      this.budgetWindow = checkDuration("budgetWindow", budgetWindow, Duration.ofSeconds(1));
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
      this.clock = nonNull("clock", clock);
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
      this.sleeper = nonNull("sleeper", sleeper);
      return this;
    }

    /**
     * The random source of the jitter; must be thread-safe when the engine is shared (e.g. {@code
     * new java.util.Random(seed)}). The default uses {@link ThreadLocalRandom}.
     *
     * @param random the random source of the jitter; must be thread-safe when the engine is shared (e.g. {@code new java.util.Random(seed)})
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder random(RandomGenerator random) {
      this.random = nonNull("random", random);
      return this;
    }

    /**
     * Who hears about every decision.
     *
     * @param listener who hears about every decision
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder listener(RetryListener listener) {
      this.listener = nonNull("listener", listener);
      return this;
    }

    /**
     * The name of the resilience4j {@code Retry}, used as the {@code name} tag of its metrics.
     *
     * @param name the name of the resilience4j {@code Retry}, used as the {@code name} tag of its metrics
     * @return this builder
     * @throws IllegalArgumentException when null or blank
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name: must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Creates the resilience4j {@code Retry} in this registry, under {@link #name(String)}, so that
     * registry-wide tooling such as Micrometer's {@code TaggedRetryMetrics.ofRetryRegistry} sees
     * it. Each engine needs its own name.
     *
     * @param retryRegistry the registry
     * @return this builder
     * @throws IllegalArgumentException when null
     */
    public Builder retryRegistry(RetryRegistry retryRegistry) {
      this.retryRegistry = Optional.of(nonNull("retryRegistry", retryRegistry));
      return this;
    }

    /**
     * {@return immutable settings}
     *
     * @throws IllegalArgumentException when {@code backoffMax} is below {@code backoffBase}
     */
    public RetrySettings build() {
      if (backoffMax.compareTo(backoffBase) < 0) {
        throw new IllegalArgumentException("backoffMax: " + backoffMax
            + " is below backoffBase " + backoffBase);
      }
      return new RetrySettings(this);
    }

    private static Duration checkDuration(String parameter, Duration value, Duration min) {
      nonNull(parameter, value);
      if (value.compareTo(min) < 0 || value.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(parameter + ": must be in " + min + ".." + MAX_DURATION
            + ", was " + value);
      }
      return value;
    }

    private static <T> T nonNull(String parameter, T value) {
      if (value == null) {
        throw new IllegalArgumentException(parameter + ": must not be null");
      }
      return value;
    }
  }

  /** The default random source: the calling thread's {@link ThreadLocalRandom}. */
  private enum ThreadLocalJitter implements RandomGenerator {
    INSTANCE;

    @Override
    public long nextLong() {
      return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long bound) {
      return ThreadLocalRandom.current().nextLong(bound);
    }

    @Override
    public String toString() {
      return "ThreadLocalRandom";
    }
  }
}
