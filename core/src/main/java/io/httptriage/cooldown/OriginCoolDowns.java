package io.httptriage.cooldown;

import io.httptriage.exchange.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The cool-downs of the origins one client talks to, shared by all its calls: when a response says
 * how long to stay away, every call to that origin is held back until then, rather than each
 * sending its own request and collecting its own 429.
 *
 * <p>The cycle, for one origin ({@link Origin}: scheme, host and port after normalisation):
 *
 * <ol>
 *   <li>{@link #record} with a positive wait (from a 429 or 503 with a valid Retry-After, RFC 6585
 *       §4 and RFC 9110 §10.2.3, or an exhausted RateLimit or X-RateLimit quota) starts a
 *       cool-down, at most {@link CoolDownSettings#maxCoolDown()} long whatever the response asked.
 *       A later wait can lengthen it, never past that cap from the moment it was asked.
 *   <li>During it, {@link #admit} answers WAIT (its end plus a jitter of its own per caller) or,
 *       when the call cannot wait that long, REJECT.
 *   <li>After its end, the first caller gets PROBE; the others get a short jittered WAIT while the
 *       probe is in flight.
 *   <li>The probe's answer, recorded: a new wait, or a 429 or 503 without one (the last cool-down's
 *       length again), starts the next cool-down; any other answer ends it and every caller
 *       proceeds. A probe with no answer is {@link #abandon abandoned}, or times out after {@link
 *       CoolDownSettings#probeTimeout()}, and the next caller probes.
 * </ol>
 *
 * <p>An answer other than 429 or 503 that arrives while the cool-down still runs does not end it:
 * its request was sent before the server asked for the pause. A cool-down that ended with no call
 * to probe it is forgotten after {@link CoolDownSettings#forgetAfter()}. At most {@link
 * CoolDownSettings#maxOrigins()} origins are remembered, the least recently used dropped first.
 *
 * <p>Time is the caller's: every method takes {@code now}, so a test can drive it with any clock.
 * If the clock steps back, a cool-down is shortened to the cap from the new "now". Nothing here
 * sleeps or blocks beyond a short lock.
 *
 * <p>Thread-safe. A call to an origin with no cool-down, while no origin has one, takes no lock and
 * allocates nothing.
 *
 * <pre>{@code
 * OriginCoolDowns coolDowns = OriginCoolDowns.of(CoolDownSettings.ofDefaults());
 * Origin origin = Origin.of(uri).orElseThrow();
 * Admission a = coolDowns.admit(origin, clock.instant(), Duration.ofSeconds(5));
 * // ... send when PROCEED or PROBE, then:
 * coolDowns.record(origin, 429, Optional.of(Duration.ofSeconds(1)), clock.instant());
 * }</pre>
 */
public final class OriginCoolDowns {
  /** The shortest wait for a probe's outcome, so that a zero jitter does not make callers spin. */
  static final long MIN_RECHECK_MILLIS = 10;

  /** Times are kept in epoch milliseconds within ± this, far from overflow. */
  private static final long TIME_LIMIT = Long.MAX_VALUE / 4;

  private final long maxCoolDownMillis;
  private final long jitterMillis;
  private final long probeTimeoutMillis;
  private final long forgetAfterMillis;
  private final RandomGenerator random;
  private final Map<Origin, Entry> entries;

  /** The number of entries, read without the lock by the fast path. */
  private volatile int size;

  private OriginCoolDowns(CoolDownSettings settings) {
    this.maxCoolDownMillis = settings.maxCoolDown().toMillis();
    this.jitterMillis = settings.jitter().toMillis();
    this.probeTimeoutMillis = settings.probeTimeout().toMillis();
    this.forgetAfterMillis = settings.forgetAfter().toMillis();
    this.random = settings.random();
    int max = settings.maxOrigins();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Origin, Entry> eldest) {
            return size() > max;
          }
        };
  }

  /**
   * Empty cool-downs bounded by {@code settings}.
   *
   * @param settings the bounds and timings
   * @return empty cool-downs
   */
  public static OriginCoolDowns of(CoolDownSettings settings) {
    return new OriginCoolDowns(Objects.requireNonNull(settings, "settings"));
  }

  /** The state of one origin; guarded by the enclosing instance's lock. */
  private static final class Entry {
    /** When the cool-down ends. */
    long until;

    /** When the probe in flight stops holding the others back; 0 when there is none. */
    long probeUntil;

    /** The length of the last cool-down, for a probe answered 429 or 503 without a wait. */
    long lastLength;
  }

  /**
   * What a call about to be sent to {@code origin} does.
   *
   * @param origin the call's origin
   * @param now the current instant
   * @param patience how long the call can still wait: the smaller of the wait cap and what is left
   *     of its deadline; negative counts as zero
   * @return PROCEED or PROBE to send; WAIT (never longer than {@code patience}) to ask again after
   *     the wait; REJECT when the origin stays closed for longer than {@code patience}
   */
  public Admission admit(Origin origin, Instant now, Duration patience) {
    if (size == 0) {
      return Admission.PROCEED;
    }
    long t = millis(now);
    long limit =
        patience.isNegative()
            ? 0
            : patience.getSeconds() >= TIME_LIMIT / 1000 ? TIME_LIMIT : patience.toMillis();
    synchronized (this) {
      Entry e = entries.get(origin);
      if (e == null) {
        return Admission.PROCEED;
      }
      if (isForgotten(e, t)) {
        remove(origin);
        return Admission.PROCEED;
      }
      if (e.until - t > maxCoolDownMillis) {
        e.until = t + maxCoolDownMillis; // the clock stepped back
      }
      if (t < e.until) {
        long remaining = e.until - t;
        if (remaining > limit) {
          return Admission.reject(remaining);
        }
        return Admission.waitFor(Math.min(remaining + jitter(), limit));
      }
      if (e.probeUntil == 0 || t >= e.probeUntil || e.probeUntil - t > probeTimeoutMillis) {
        e.probeUntil = t + probeTimeoutMillis;
        return Admission.PROBE;
      }
      long recheck = Math.max(MIN_RECHECK_MILLIS, jitter());
      if (limit == 0) {
        return Admission.reject(recheck);
      }
      return Admission.waitFor(Math.min(recheck, limit));
    }
  }

  /**
   * Takes in the answer to a call sent to {@code origin}.
   *
   * @param origin the call's origin
   * @param status the response's status code
   * @param wait how long the response asked callers to stay away, when it did: a valid Retry-After
   *     on a 429 or 503, or the reset of an exhausted RateLimit or X-RateLimit quota. Capped at
   *     {@link CoolDownSettings#maxCoolDown()}; zero or negative asks for no pause
   * @param now the current instant
   * @return the length of the cool-down this answer started or renewed, when it did
   */
  public Optional<Duration> record(
      Origin origin, int status, Optional<Duration> wait, Instant now) {
    long pause = wait.map(this::capped).orElse(-1L);
    if (pause <= 0 && size == 0) {
      return Optional.empty();
    }
    long t = millis(now);
    synchronized (this) {
      Entry e = entries.get(origin);
      if (pause > 0) {
        if (e == null || isForgotten(e, t)) {
          e = new Entry();
          forgetEnded(t);
          entries.put(origin, e);
          size = entries.size();
        }
        e.until = Math.max(Math.min(e.until, t + maxCoolDownMillis), t + pause);
        e.lastLength = pause;
        e.probeUntil = 0;
        return Optional.of(Duration.ofMillis(pause));
      }
      if (e == null) {
        return Optional.empty();
      }
      if (isForgotten(e, t)) {
        remove(origin);
        return Optional.empty();
      }
      if (t < e.until) {
        return Optional.empty(); // sent before the server asked for the pause
      }
      if (pause < 0 && (status == 429 || status == 503)) {
        e.until = t + e.lastLength;
        e.probeUntil = 0;
        return Optional.of(Duration.ofMillis(e.lastLength));
      }
      remove(origin);
      return Optional.empty();
    }
  }

  /**
   * Gives up the probe of {@code origin} that got no answer (an I/O error, a cancelled call), so
   * that the next caller probes at once rather than after the probe timeout.
   *
   * @param origin the probe's origin
   * @param now the current instant
   */
  public void abandon(Origin origin, Instant now) {
    if (size == 0) {
      return;
    }
    synchronized (this) {
      Entry e = entries.get(origin);
      if (e != null && millis(now) >= e.until) {
        e.probeUntil = 0;
      }
    }
  }

  /**
   * True when no origin is remembered: every call may be sent without asking {@link #admit}, and a
   * response that asks for no pause need not be {@link #record recorded}. Takes no lock.
   *
   * @return true when no origin is remembered
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * How long {@code origin} stays closed from {@code now}, without taking a probe or changing
   * anything: for a call that must decide whether a retry can wait that long.
   *
   * @param origin the origin
   * @param now the current instant
   * @return the time left of its cool-down, never more than the cap; zero when it has none
   */
  public Duration remaining(Origin origin, Instant now) {
    if (size == 0) {
      return Duration.ZERO;
    }
    long t = millis(now);
    synchronized (this) {
      Entry e = entries.get(origin);
      if (e == null || t >= e.until) {
        return Duration.ZERO;
      }
      return Duration.ofMillis(Math.min(e.until - t, maxCoolDownMillis));
    }
  }

  /** The number of origins remembered. */
  int size() {
    return size;
  }

  private long capped(Duration wait) {
    if (wait.isNegative() || wait.isZero()) {
      return 0;
    }
    if (wait.compareTo(Duration.ofMillis(maxCoolDownMillis)) >= 0) {
      return maxCoolDownMillis;
    }
    // Rounded up, so that no one comes back before the server asked.
    return wait.getSeconds() * 1000 + (wait.getNano() + 999_999) / 1_000_000;
  }

  private long jitter() {
    return jitterMillis == 0 ? 0 : random.nextLong(jitterMillis + 1);
  }

  /** Ended, no probe in flight, and nobody came for {@code forgetAfter}. */
  private boolean isForgotten(Entry e, long t) {
    boolean probing = e.probeUntil != 0 && t < e.probeUntil;
    return !probing && t - e.until >= forgetAfterMillis && t >= e.until;
  }

  /** Drops forgotten entries from the least recently used end, to keep the map small. */
  private void forgetEnded(long t) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      if (!isForgotten(it.next(), t)) {
        return;
      }
      it.remove();
    }
  }

  private void remove(Origin origin) {
    entries.remove(origin);
    size = entries.size();
  }

  /** Epoch milliseconds, saturated far inside the range of a long. */
  private static long millis(Instant now) {
    long seconds = now.getEpochSecond();
    if (seconds > TIME_LIMIT / 1000) {
      return TIME_LIMIT;
    }
    if (seconds < -TIME_LIMIT / 1000) {
      return -TIME_LIMIT;
    }
    return seconds * 1000 + now.getNano() / 1_000_000;
  }
}
