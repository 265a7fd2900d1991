package io.httptriage.engine;

import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.RateLimit;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The gates a {@link Verdict.Kind#RETRY} passes before the request is sent again, as an ordered
 * list: the first that refuses wins and is named in the final verdict ({@link
 * Verdict#refusedBy()}). The order is that of {@link Verdict.Gate}: replayable body, attempts left,
 * wait cap, deadline, the origin's cool-down ({@link CoolDownGate}), budget. The budget is last, so
 * that only a retry about to happen spends it. A resend at once of a dropped GET has gates of its
 * own, {@link #AT_ONCE}.
 *
 * <p>The wait is computed once, when the first gate that needs it asks: the verdict's Retry-After
 * (parsed by the classifier, never again here); else the reset of an exhausted RateLimit quota;
 * else exponential backoff with full jitter, drawn below the wait cap.
 *
 * <p>Immutable and thread-safe.
 */
final class Gates {

  /** One gate: the name of its refusal, or null to let the retry through. */
  @FunctionalInterface
  interface Check {
    Verdict.@Nullable Gate refuse(Gates gates, Candidate candidate);
  }

  private static final Check REPLAYABLE_BODY =
      (g, c) -> c.request.bodyReplayable() ? null : Verdict.Gate.BODY_NOT_REPLAYABLE;

  /** The gates, in the order they are applied. */
  static final List<Check> ORDER =
      List.of(
          REPLAYABLE_BODY,
          (g, c) -> c.attempt < c.maxAttempts ? null : Verdict.Gate.ATTEMPTS,
          (g, c) -> g.withinCap(c) ? null : Verdict.Gate.WAIT_CAP,
          (g, c) ->
              g.beforeDeadline(c.deadlineAtMillis, c.waitMillis()) ? null : Verdict.Gate.DEADLINE,
          (g, c) ->
              g.coolDown.allows(c.request, c.deadlineAtMillis, c.waitMillis())
                  ? null
                  : Verdict.Gate.COOL_DOWN,
          (g, c) -> g.budget.tryRetry() ? null : Verdict.Gate.BUDGET);

  /**
   * The gates of a resend at once of a dropped GET ({@link FailedSend}): a body that cannot be
   * replayed stops it; nothing else does, as nothing stops the JDK client's own, and it is charged
   * to the budget like that one.
   */
  static final List<Check> AT_ONCE =
      List.of(
          REPLAYABLE_BODY,
          (g, c) -> {
            g.budget.charge(1);
            return null;
          });

  private final long maxWaitMillis;
  private final long backoffBaseMillis;
  private final long backoffCeilingMillis;
  private final Clock clock;
  private final RandomGenerator random;
  private final RetryBudget budget;
  private final CoolDownGate coolDown;

  Gates(RetrySettings settings, RetryBudget budget, CoolDownGate coolDown) {
    this.coolDown = coolDown;
    this.maxWaitMillis = settings.maxRetryAfter().toMillis();
    this.backoffBaseMillis = settings.backoffBase().toMillis();
    this.backoffCeilingMillis = Math.min(settings.backoffMax().toMillis(), maxWaitMillis);
    this.clock = settings.clock();
    this.random = settings.random();
    this.budget = budget;
  }

  /**
   * The retry of one response that the classifier marked RETRY, or of a transport failure that
   * {@link io.httptriage.classify.FailureKind#verdict} did (no response: its wait is a backoff), as
   * the gates see it, with the limits of its call: the client's, or those its {@link CallOptions}
   * set.
   */
  final class Candidate {
    final RequestView request;
    final @Nullable ResponseView response;
    final Verdict verdict;
    final int attempt;
    final int maxAttempts;
    final long deadlineAtMillis;

    /**
     * A resend at once of a dropped GET or HEAD ({@link FailedSend}): no wait, and only the
     * replayable-body gate can refuse it, as none can stop the JDK client's own.
     */
    final boolean atOnce;

    private long waitMillis = -1;
    private @Nullable WaitSource source;
    private List<String> ignored = List.of();

    Candidate(RequestView request, ResponseView response, Verdict verdict, CallState<?> state) {
      this(request, response, verdict, state, state.attempt, false);
    }

    /**
     * A failed send's candidate: its attempt counts more than the call's when the send cost more
     * than one request, and a resend {@code atOnce} waits nothing.
     */
    Candidate(
        RequestView request,
        @Nullable ResponseView response,
        Verdict verdict,
        CallState<?> state,
        int attempt,
        boolean atOnce) {
      this.atOnce = atOnce;
      this.request = request;
      this.response = response;
      this.verdict = verdict;
      this.attempt = attempt;
      this.maxAttempts = state.maxAttempts;
      this.deadlineAtMillis = state.deadlineAtMillis;
    }

    /** The wait before the retry, computed on first use. */
    long waitMillis() {
      if (source == null) {
        computeWait(this);
      }
      return waitMillis;
    }
  }

  /** Runs the gates in order; the decision to show resilience4j and to report. */
  Decision decide(Candidate c) {
    for (Check check : c.atOnce ? AT_ONCE : ORDER) {
      Verdict.Gate refusal = check.refuse(this, c);
      if (refusal != null) {
        return Decision.refused(refusal, c.waitMillis, c.source, c.ignored);
      }
    }
    return new Decision(Outcome.RETRY_SCHEDULED, c.waitMillis(), c.source, c.ignored, null);
  }

  /**
   * A wait the server named (Retry-After, a RateLimit reset) within the cap; a backoff only when
   * the cap leaves room for one — a zero cap retries on a zero wait the server named, never on a
   * guess.
   */
  private boolean withinCap(Candidate c) {
    long wait = c.waitMillis();
    return c.source == WaitSource.BACKOFF ? maxWaitMillis > 0 : wait <= maxWaitMillis;
  }

  /** False when a wait of {@code waitMillis} would end at or past the call's deadline. */
  boolean beforeDeadline(long deadlineAtMillis, long waitMillis) {
    return clock.millis() + waitMillis < deadlineAtMillis;
  }

  /** False when a wait the server named for a redirect is longer than the cap. */
  boolean withinCap(long waitMillis) {
    return waitMillis <= maxWaitMillis;
  }

  private void computeWait(Candidate c) {
    Optional<Duration> retryAfter = c.verdict.retryAfter();
    List<String> ignored =
        c.verdict.hasReason(Reason.Kind.RETRY_AFTER_IGNORED)
            ? new ArrayList<>(List.of("Retry-After"))
            : null;
    if (c.atOnce) {
      c.waitMillis = 0;
      c.source = WaitSource.BACKOFF;
    } else if (retryAfter.isPresent()) {
      c.waitMillis = ceilMillis(retryAfter.get());
      c.source = WaitSource.RETRY_AFTER;
    } else if (c.response == null) {
      c.waitMillis = backoff(c.attempt);
      c.source = WaitSource.BACKOFF;
    } else {
      RateLimit rateLimit = QuotaFields.of(c.response, clock.instant());
      for (RateLimit.Problem p : rateLimit.problems()) {
        ignored = ignored == null ? new ArrayList<>(2) : ignored;
        if (!ignored.contains(p.field())) {
          ignored.add(p.field());
        }
      }
      Optional<Duration> reset = rateLimit.exhaustedWait();
      if (reset.isPresent()) {
        c.waitMillis = ceilMillis(reset.get());
        c.source = WaitSource.RATE_LIMIT;
      } else {
        c.waitMillis = backoff(c.attempt);
        c.source = WaitSource.BACKOFF;
      }
    }
    c.ignored = ignored == null ? List.of() : List.copyOf(ignored);
  }

  /**
   * Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))], in whole milliseconds so that
   * resilience4j's millisecond interval is the same value.
   */
  long backoff(int attempt) {
    int shift = attempt - 1;
    long ceiling;
    if (shift >= Long.SIZE - 2 || backoffBaseMillis > (backoffCeilingMillis >> shift)) {
      ceiling = backoffCeilingMillis;
    } else {
      ceiling = backoffBaseMillis << shift;
    }
    return ceiling == 0 ? 0 : random.nextLong(ceiling + 1);
  }

  /** Whole milliseconds, rounded up so that a retry never starts before the server asked. */
  static long ceilMillis(Duration d) {
    long seconds = d.getSeconds();
    if (seconds > Long.MAX_VALUE / 1000 - 1) {
      return Long.MAX_VALUE;
    }
    return seconds * 1000 + (d.getNano() + 999_999) / 1_000_000;
  }
}
