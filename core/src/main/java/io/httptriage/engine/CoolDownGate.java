package io.httptriage.engine;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.cooldown.Admission;
import io.httptriage.cooldown.CoolDownSettings;
import io.httptriage.cooldown.OriginCoolDowns;
import io.httptriage.exchange.Origin;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.headers.RateLimit;
import io.httptriage.headers.RetryAfter;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client-wide cool-down of each origin ({@link OriginCoolDowns}) as the step applies it: fed by
 * every response, asked before every send (the first of a call too), and one of the {@link Gates}
 * of a retry. The one owner of "may this call reach that origin now?".
 *
 * <ul>
 *   <li><b>Fed</b>: a 429 or 503 with a valid Retry-After (RFC 6585 §4, RFC 9110 §10.2.3), even one
 *       over the wait cap; any response whose RateLimit field, RateLimit-Remaining /
 *       RateLimit-Reset or X-RateLimit-Remaining / X-RateLimit-Reset pair says the quota is spent
 *       (an X-RateLimit-Reset of epoch magnitude read as an instant). The pause is capped at {@link
 *       RetrySettings#maxRetryAfter()}, so a hostile header holds an origin no longer than a retry
 *       could wait. Any answer to a probe ends or renews the cool-down.
 *   <li><b>Asked</b> before a send, with the call's patience (the wait cap, and what is left of the
 *       deadline): send now, send as the one probe, wait (the driver sleeps or schedules), or
 *       answer at once without the network ({@link #heldBack}).
 *   <li><b>Gate</b>: a retry is refused ({@link Verdict.Gate#COOL_DOWN}) when the origin stays
 *       closed past what the call can wait, so the caller gets the server's own answer rather than
 *       a made-up one later.
 * </ul>
 *
 * <p>Thread-safe: one instance serves every call of a client; a call's probe lives in its {@link
 * CallState}. Off ({@link TriageConfig#coolDown()} false, or a zero wait cap), every method is a
 * no-op that lets the call through.
 */
final class CoolDownGate {
  /**
   * How long before its deadline a call stops waiting for an origin: the request it then sends
   * needs time to be answered. The largest jitter a waiting call draws.
   */
  static final long SEND_MARGIN_MILLIS = CoolDownSettings.ofDefaults().jitter().toMillis();

  private final @Nullable OriginCoolDowns coolDowns;
  private final Clock clock;
  private final long maxWaitMillis;
  private final @Nullable Classifier classifier;
  private final @Nullable Report report;
  private final @Nullable StepSignals signals;
  private final @Nullable RetryContexts contexts;

  CoolDownGate(
      TriageConfig config,
      @Nullable Classifier classifier,
      @Nullable Report report,
      @Nullable StepSignals signals,
      @Nullable RetryContexts contexts) {
    RetrySettings s = config.retry();
    this.clock = s.clock();
    this.maxWaitMillis = s.maxRetryAfter().toMillis();
    this.classifier = classifier;
    this.report = report;
    this.signals = signals;
    this.contexts = contexts;
    Duration cap = s.maxRetryAfter();
    this.coolDowns =
        config.coolDown() && maxWaitMillis > 0
            ? OriginCoolDowns.of(
                CoolDownSettings.builder()
                    .maxCoolDown(cap.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : cap)
                    .random(s.random())
                    .build())
            : null;
  }

  /** True when no origin cools down: a call may be sent without asking. */
  boolean idle() {
    return coolDowns == null || coolDowns.isEmpty();
  }

  /**
   * Asks before sending {@code state.current}: null to send now (the call may have become its
   * origin's probe), else a WAIT to sleep or schedule before asking again, or a REJECT to answer
   * with {@link #heldBack}. The resend at once of a dropped GET is never held back: the JDK client
   * makes its own whatever the cool-down ({@link FailedSend}).
   */
  <Q, R> @Nullable Admission admit(CallState<Q> state, ClientCall<Q, R> call) {
    if (idle() || state.droppedResend == state.attempt) {
      return null;
    }
    Origin origin = originOf(Step.viewOf(state, call));
    if (origin == null) {
      return null;
    }
    Instant now = now(state);
    long patience = patience(state.deadlineAtMillis, now.toEpochMilli(), 0);
    Admission a = coolDowns.admit(origin, now, Duration.ofMillis(Math.max(0, patience)));
    switch (a.kind()) {
      case PROBE:
        state.probe = origin;
        return null;
      case PROCEED:
        return null;
      default:
        return a;
    }
  }

  /**
   * True when a response might start, renew or end a cool-down, so that it cannot take the fast
   * path: some origin cools down, or the response is a 429 or 503, or carries a quota field.
   */
  <Q, R> boolean mayRecord(ClientCall<Q, R> call, R response, int status) {
    if (coolDowns == null) {
      return false;
    }
    if (!coolDowns.isEmpty() || status == 429 || status == 503) {
      return true;
    }
    return call.hasHeader(response, RateLimit.FIELD)
        || call.hasHeader(response, RateLimit.LEGACY_REMAINING_FIELD)
        || call.hasHeader(response, RateLimit.X_REMAINING_FIELD);
  }

  /** Takes in the response to {@code state.current}: it may start, renew or end a cool-down. */
  <Q, R> void record(CallState<Q> state, ClientCall<Q, R> call, R response, int status) {
    Origin probe = state.probe;
    state.probe = null;
    if (coolDowns == null || (probe == null && !mayRecord(call, response, status))) {
      return;
    }
    Instant now = now(state);
    Optional<Duration> wait = waitOf(call.responseView(response), status, now);
    if (wait.isEmpty() && coolDowns.isEmpty()) {
      return;
    }
    Origin origin = probe != null ? probe : originOf(Step.viewOf(state, call));
    if (origin != null) {
      coolDowns.record(origin, status, wait, now);
    }
  }

  /** The call ended without a response: its probe, if it was one, no longer holds others back. */
  void abandoned(CallState<?> state) {
    Origin probe = state.probe;
    if (probe != null && coolDowns != null) {
      state.probe = null;
      coolDowns.abandon(probe, now(state));
    }
  }

  /** A driver is about to sleep or schedule {@code millis} for this call. */
  void waiting(CallState<?> state, long millis) {
    state.resumeMillis = Math.max(clock.millis(), state.resumeMillis) + millis;
  }

  /**
   * The call's time: the clock's, but never before the end of the last wait it made, so that a call
   * that slept through a cool-down sees it over even on a clock a test holds still.
   */
  private Instant now(CallState<?> state) {
    long resume = state.resumeMillis;
    return resume > clock.millis() ? Instant.ofEpochMilli(resume) : clock.instant();
  }

  /**
   * The gate of a retry: false when the origin of {@code request} stays closed, after the retry's
   * own wait, for longer than the call can then wait.
   */
  boolean allows(RequestView request, long deadlineAtMillis, long waitMillis) {
    if (idle()) {
      return true;
    }
    Origin origin = originOf(request);
    if (origin == null) {
      return true;
    }
    Instant now = clock.instant();
    long left = coolDowns.remaining(origin, now).toMillis() - Math.max(0, waitMillis);
    return left <= 0 || left <= patience(deadlineAtMillis, now.toEpochMilli(), waitMillis);
  }

  /**
   * Answers a call the cool-down rejected, without the network: reported as a 429 whose verdict is
   * FAIL refused by {@link Verdict.Gate#COOL_DOWN} (event, meters, log, observation), then
   * translated by the adapter ({@link ClientCall#heldBack}), which returns its client's answer or
   * throws.
   */
  <Q, R> R heldBack(CallState<Q> state, ClientCall<Q, R> call, Admission a) throws IOException {
    RequestView request = Step.viewOf(state, call);
    long millis = a.duration().toMillis();
    ResponseView seen = ResponseView.of(429, ClientCall.coolDownFields(a.duration()));
    Origin origin = originOf(request);
    Verdict verdict =
        classifier
            .classify(request, seen)
            .asCoolDown(
                new Reason(
                    Reason.Kind.COOL_DOWN,
                    "answered without sending: "
                        + origin
                        + " stays closed for "
                        + millis
                        + " ms more, longer than the call can wait",
                    "RFC 6585 §4"));
    state.lastStatus = 429;
    if (state.retryContext != null) {
      contexts.decided(
          state, Decision.refused(Verdict.Gate.COOL_DOWN, millis, null, List.of()), 429, null);
    }
    report.heldBack(state, request, seen, verdict);
    signals.decided(state, new Action.Answer<>(verdict));
    state.heldBack = true;
    return call.heldBack(state.current, Duration.ofMillis(millis));
  }

  /**
   * How long a call can still wait, {@code waitMillis} from now: the wait cap, and what is left of
   * its deadline then less {@link #SEND_MARGIN_MILLIS}, so that a call never wakes at its deadline
   * with no time left for the request.
   */
  private long patience(long deadlineAtMillis, long nowMillis, long waitMillis) {
    long left = deadlineAtMillis - nowMillis - waitMillis - 1 - SEND_MARGIN_MILLIS;
    return Math.min(maxWaitMillis, left);
  }

  /**
   * The pause a response asks of every caller: a valid Retry-After on a 429 or 503, else the reset
   * of a spent quota ({@link QuotaFields}).
   */
  static Optional<Duration> waitOf(ResponseView seen, int status, Instant now) {
    if (status == 429 || status == 503) {
      List<String> retryAfter = seen.headers("Retry-After");
      if (!retryAfter.isEmpty()) {
        Optional<Duration> delay = RetryAfter.parse(retryAfter, now).delay();
        if (delay.isPresent()) {
          return delay;
        }
      }
    }
    return QuotaFields.of(seen, now).exhaustedWait();
  }

  private static @Nullable Origin originOf(RequestView request) {
    return Origin.of(request.uri()).orElse(null);
  }
}
