package io.httptriage.engine;

import io.httptriage.classify.FailureKind;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.RequestView;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.observe.TriageObservationContext;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Step} tells the outside about a call, apart from its answer: the listener's {@link
 * TriageEvent.AttemptDecided} events and the call's Micrometer observations (one per call, one per
 * attempt). It decides nothing; it reports what the step did.
 *
 * <p>Thread-safe: one instance serves every call of a client.
 */
final class StepSignals {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  private final TriageListener listener;
  private final RetrySettings settings;
  private final String client;
  private final ObservationRegistry observations;
  private final @Nullable ObservationConvention<TriageObservationContext> convention;

  StepSignals(TriageConfig config, TriageListener listener, String client) {
    this.listener = listener;
    this.settings = config.retry();
    this.client = client;
    this.observations = config.observationRegistry();
    this.convention = config.observationConvention().orElse(null);
  }

  /** True when calls are observed: a registry with handlers was configured. */
  boolean observing() {
    return !observations.isNoop();
  }

  /** Starts the observation of a call; {@code scoped} opens its scope on this thread. */
  void observe(CallState<?> state, RequestView view, boolean scoped) {
    state.observation =
        CallObservation.start(
            observations, convention, client, view.method(), target(view), scoped);
  }

  /** The attempt about to be sent is observed; its scope, or null when the call is not observed. */
  Observation.@Nullable Scope sending(CallState<?> state, RequestView view) {
    CallObservation o = state.observation;
    if (o == null) {
      return null;
    }
    return o.attemptStarted(hop(state), state.attempt, view.method(), target(view));
  }

  /** The call ended without a response for the caller: its observation ends with the error. */
  void ended(CallState<?> state, Throwable error) {
    CallObservation o = state.observation;
    if (o != null) {
      state.observation = null;
      o.failed(error, null);
    }
  }

  /** An attempt failed and is retried: its observation ends with the error. */
  void attemptFailed(CallState<?> state, Throwable error, FailureKind kind) {
    CallObservation o = state.observation;
    if (o != null) {
      o.attemptFailed(error, kind);
    }
  }

  /**
   * The call ended after a failed attempt: with the error, or answered by {@code served}, the
   * verdict of a stored response served instead.
   */
  void failed(CallState<?> state, Throwable error, FailureKind kind, @Nullable Verdict served) {
    CallObservation o = state.observation;
    if (o == null) {
      return;
    }
    state.observation = null;
    if (served == null) {
      o.failed(error, kind);
    } else {
      o.attemptFailed(error, kind);
      o.completed(0, served.kind(), served.refusedBy(), hop(state), kind);
    }
  }

  /** The step chose an action: the attempt's observation ends, and the call's with an answer. */
  void decided(CallState<?> state, Action<?> action) {
    CallObservation o = state.observation;
    if (o == null) {
      return;
    }
    int status = state.lastStatus;
    if (action instanceof Action.Answer<?> answer && answer.verdict() != null) {
      Verdict v = answer.verdict();
      o.attemptEnded(status, v.kind(), v.refusedBy());
      state.observation = null;
      o.completed(status, v.kind(), v.refusedBy(), hop(state), null);
    } else {
      o.attemptEnded(
          status,
          action instanceof Action.Retry ? Verdict.Kind.RETRY : Verdict.Kind.FOLLOW,
          Optional.empty());
    }
  }

  /** Tells the listener; a listener that throws is logged and the call goes on. */
  void event(Decision d, CallState<?> state, int status, @Nullable Throwable error) {
    String method = state.view != null ? state.view.method() : "-";
    Duration elapsed =
        Duration.ofMillis(Math.max(0, settings.clock().millis() - state.startMillis));
    try {
      listener.attemptDecided(
          new TriageEvent.AttemptDecided(
              client,
              method,
              state.view == null ? Optional.empty() : target(state.view),
              hop(state),
              state.attempt,
              state.maxAttempts,
              status,
              d.outcome(),
              d.waitDuration(),
              Optional.ofNullable(d.source()).map(Enum::name),
              Optional.ofNullable(d.gate()).map(Enum::name),
              error == null ? Optional.empty() : Optional.of(error.getClass().getName()),
              elapsed,
              d.ignoredHeaders(),
              error == null || state.failure == null
                  ? Optional.empty()
                  : Optional.of(state.failure.tag())));
    } catch (RuntimeException e) {
      LOG.warn("httptriage listener failed on a retry decision", e);
    }
  }

  private static Optional<String> target(RequestView view) {
    return Optional.of(Finding.redactUrl(view.uri().toString()));
  }

  /** The hop the call is on: 0 for the caller's request, then one more per redirect followed. */
  static int hop(CallState<?> state) {
    return state.hopsSoFar().size();
  }
}
