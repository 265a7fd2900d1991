package io.httptriage.retry;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.RateLimit;
import io.httptriage.headers.RetryAfter;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetryEvent.Outcome;
import io.httptriage.retry.RetryEvent.DelaySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one response, whether the request is sent again and after what wait, and reports
 * each decision to the listener. The checks run in this order and the first that refuses wins:
 *
 * <ol>
 *   <li>the status is not in {@link RetrySettings#retryOn()}: the response is the answer;
 *   <li>the body cannot be replayed;
 *   <li>the policy table, through the {@link Classifier}, does not allow this retry: the request is
 *       not idempotent (unless the settings opt in), or the status needs something absent, such as
 *       a 413 without Retry-After;
 *   <li>the attempts are spent;
 *   <li>the server asks for a wait longer than {@link RetrySettings#maxRetryAfter()};
 *   <li>the wait would end at or past the deadline;
 *   <li>the retry budget refuses (checked last, so that only retries about to happen spend it).
 * </ol>
 *
 * <p>The wait is the Retry-After when valid; else the reset of an exhausted RateLimit quota; else
 * exponential backoff with full jitter. Thread-safe.
 */
final class RetryDecider {
  private final RetrySettings settings;
  private final Classifier classifier;
  private final RetryBudget budget;
  private final Clock clock;
  private final RandomGenerator random;
  private final RetryListener listener;
  private final long maxWaitMillis;
  private final long deadlineMillis;
  private final long backoffBaseMillis;
  private final long backoffCeilingMillis;

  RetryDecider(RetrySettings settings, PolicyTable table, RetryBudget budget) {
    this.settings = settings;
    this.clock = settings.clock();
    this.classifier = Classifier.of(retryingListedCodes(table, settings), clock);
    this.budget = budget;
    this.random = settings.random();
    this.listener = settings.listener();
    this.maxWaitMillis = settings.maxRetryAfter().toMillis();
    this.deadlineMillis = settings.deadline().toMillis();
    this.backoffBaseMillis = settings.backoffBase().toMillis();
    this.backoffCeilingMillis = Math.min(settings.backoffMax().toMillis(), maxWaitMillis);
  }

  /**
   * The table the classifier applies: the given one, plus, for each listed status the table never
   * retries, a rule that retries it for idempotent requests — listing a code is asking for it.
   */
  static PolicyTable retryingListedCodes(PolicyTable table, RetrySettings settings) {
    PolicyTable.Builder builder = null;
    for (int code : settings.retryOn()) {
      if (!table.policyFor(code).isRetryable()) {
        if (builder == null) {
          builder = table.toBuilder();
        }
        builder.rule(PolicyRule.forCode(code).withRetryability(Retryability.IDEMPOTENT));
      }
    }
    return builder == null ? table : builder.build();
  }

  /**
   * Decides about one response; never throws for any status or header value.
   *
   * @param attempt the number of the attempt that produced the response, from 1
   * @param startMillis the clock's reading when the call started
   */
  Decision decide(RequestView request, ResponseView response, int attempt, long startMillis) {
    if (!settings.retries(response.status())) {
      return Decision.ANSWERED;
    }
    if (!request.bodyReplayable()) {
      return Decision.of(Outcome.BODY_NOT_REPLAYABLE);
    }
    Outcome refusal = policyRefusal(request, response);
    if (refusal != null) {
      return Decision.of(refusal);
    }
    if (attempt >= settings.maxAttempts()) {
      return Decision.of(Outcome.GAVE_UP_ATTEMPTS);
    }
    Instant now = clock.instant();
    List<String> ignored = new ArrayList<>(0);
    long wait = -1;
    DelaySource source = null;
    List<String> retryAfter = response.headers("Retry-After");
    if (!retryAfter.isEmpty()) {
      RetryAfter parsed = RetryAfter.parse(retryAfter, now);
      if (parsed.isPresent()) {
        wait = ceilMillis(parsed.delay().orElseThrow());
        source = DelaySource.RETRY_AFTER;
      } else {
        ignored.add("Retry-After");
      }
    }
    if (source == null) {
      RateLimit rateLimit = rateLimit(response);
      for (RateLimit.Problem p : rateLimit.problems()) {
        if (!ignored.contains(p.field())) {
          ignored.add(p.field());
        }
      }
      Optional<Duration> reset = rateLimit.exhaustedWait();
      if (reset.isPresent()) {
        wait = ceilMillis(reset.get());
        source = DelaySource.RATE_LIMIT;
      }
    }
    if (source != null && wait > maxWaitMillis) {
      return new Decision(Outcome.GAVE_UP_RETRY_AFTER_TOO_LONG, wait, source, ignored);
    }
    if (source == null) {
      wait = backoff(attempt);
      source = DelaySource.BACKOFF;
    }
    if (now.toEpochMilli() + wait >= startMillis + deadlineMillis) {
      return new Decision(Outcome.GAVE_UP_DEADLINE, wait, source, ignored);
    }
    if (!budget.tryRetry()) {
      return new Decision(Outcome.GAVE_UP_BUDGET, wait, source, ignored);
    }
    return new Decision(Outcome.RETRY_SCHEDULED, wait, source, ignored);
  }

  /** Why the policy table refuses this retry; null when it allows it. */
  private @Nullable Outcome policyRefusal(RequestView request, ResponseView response) {
    Verdict verdict = classifier.classify(request, response);
    if (verdict.kind() == Verdict.Kind.RETRY) {
      return null;
    }
    if (verdict.hasReason(Reason.Kind.NOT_IDEMPOTENT)) {
      return settings.retryNonIdempotent() ? null : Outcome.NOT_IDEMPOTENT;
    }
    return Outcome.NOT_RETRYABLE;
  }

  /** The structured RateLimit fields when present, else the legacy pair when both are present. */
  private static RateLimit rateLimit(ResponseView response) {
    List<String> fields = response.headers(RateLimit.FIELD);
    List<String> policies = response.headers(RateLimit.POLICY_FIELD);
    if (!fields.isEmpty()) {
      return RateLimit.parse(fields, policies);
    }
    return RateLimit.parseLegacy(response.headers(RateLimit.LEGACY_REMAINING_FIELD),
        response.headers(RateLimit.LEGACY_RESET_FIELD));
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

  /** Tells the listener; builds nothing when no one listens, and never lets it throw. */
  void report(Decision d, RequestView request, int status, int attempt, long startMillis) {
    if (listener == RetryListener.noop()) {
      return;
    }
    RetryEvent event = new RetryEvent(d.outcome(), request.method(), status, attempt,
        d.waitDuration(), Optional.ofNullable(d.source()),
        Duration.ofMillis(Math.max(0, clock.millis() - startMillis)), d.ignoredHeaders());
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // A broken listener must not change what the caller gets or leak a response.
    }
  }
}
