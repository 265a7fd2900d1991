package io.httptriage.engine;

import io.github.resilience4j.retry.Retry;
import io.httptriage.classify.Classifier;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.follow.RedirectFollower;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a verdict becomes an action, shared by the synchronous and the asynchronous
 * driver. For each response: classify it once ({@link Classifier}); then
 *
 * <ul>
 *   <li>{@link Verdict.Kind#RETRY}: the {@link Gates} turn it into "retry after this wait" or into
 *       the answer, naming the gate that refused. resilience4j's {@link Retry} context is shown
 *       each decision and carries the retry out: its result predicate and interval read only the
 *       {@link Decision}, so its events and metrics count exactly the attempts made.
 *   <li>{@link Verdict.Kind#FOLLOW} in {@link RedirectMode#POLICY}: the {@link RedirectFollower}
 *       plans the follow-up; a Retry-After on the redirect delays it within the same wait cap and
 *       deadline as a retry (RFC 9110 §10.2.3).
 *   <li>Anything else, and every refusal: the answer, reported with the verdict of what was done —
 *       never RETRY or FOLLOW ({@link Verdict#asFinal}).
 * </ul>
 *
 * <p>A call counts once in the retry budget, however many hops it follows; its first answer that is
 * not a redirect to follow decides whether it was healthy, so a redirect earns no retry. Attempts
 * are counted per hop. A send that throws an {@code IOException} is a transport failure, decided by
 * {@link FailedSend} through the same gates (RFC 9110 §9.2.2); anything else a send throws
 * propagates, after a {@link TriageEvent.AttemptDecided.Outcome#RETRY_FAILED_IO} event when it
 * ended a retry.
 *
 * <p>Thread-safe: one step serves every call of a client.
 */
final class Step {
  private final RedirectMode mode;
  private final CallTable clientTable;
  private final boolean mintsKeys;
  private final RetryBudget budget;
  private final Gates gates;
  private final RetryContexts contexts;
  private final RetrySettings settings;
  private final Report report;
  private final StaleAnswer stale;
  private final StepSignals signals;
  private final CoolDownGate coolDown;
  private final FailedSend failures;

  Step(TriageConfig config, TriageListener listener, String client) {
    this.mode = config.redirectMode();
    this.settings = config.retry();
    this.clientTable =
        new CallTable(
            IdempotencyKeys.table(config.policyTable(), config.idempotencyKeys()),
            RedirectSettings.of(config),
            settings.clock());
    this.mintsKeys = config.idempotencyKeys();
    this.budget = RetryBudget.of(settings);
    this.report = new Report(config, listener, client);
    this.stale = new StaleAnswer(config);
    this.signals = new StepSignals(config, listener, client);
    this.contexts = new RetryContexts(settings, signals);
    this.coolDown = new CoolDownGate(config, clientTable.classifier, report, signals, contexts);
    this.gates = new Gates(settings, budget, coolDown);
    budget.gaugeFor(config, listener, client);
    this.failures = new FailedSend(gates, budget, contexts, signals, report, stale);
  }

  /** True when calls are observed: a registry with handlers was configured. */
  boolean observing() {
    return signals.observing();
  }

  /** Starts the observation of a call; {@code scoped} opens its scope on this thread. */
  <Q, R> void observe(CallState<Q> state, ClientCall<Q, R> call, boolean scoped) {
    signals.observe(state, viewOf(state, call), scoped);
  }

  /**
   * A request is about to be sent for the call: counted, and its attempt observed when the call is;
   * the attempt's scope, to hold open around the send, or null.
   */
  <Q, R> Observation.@Nullable Scope sending(CallState<Q> state, ClientCall<Q, R> call) {
    state.requests++;
    return state.observation == null ? null : signals.sending(state, viewOf(state, call));
  }

  /** The call ended without a response: its observation ends with the error, its probe too. */
  void ended(CallState<?> state, Throwable error) {
    coolDown.abandoned(state);
    signals.ended(state, error);
  }

  /** The origins' cool-down, asked by the drivers before each send. */
  CoolDownGate coolDown() {
    return coolDown;
  }

  static <Q, R> RequestView viewOf(CallState<Q> state, ClientCall<Q, R> call) {
    return state.view != null ? state.view : (state.view = call.requestView(state.current));
  }

  Classifier classifier() {
    return clientTable.classifier;
  }

  /** The caller's request, with a minted {@code Idempotency-Key} when the client mints them. */
  <Q, R> Q keyed(Q request, ClientCall<Q, R> call) {
    return mintsKeys ? IdempotencyKeys.keyed(request, call) : request;
  }

  /** The state of a call starting now, its settings resolved once from its options. */
  <Q> CallState<Q> state(Q request, CallOptions options, long start, long startNanos) {
    return new CallState<>(
        request,
        start,
        startNanos,
        options == CallOptions.none()
            ? clientTable
            : clientTable.withRulesFirstKept(options.rules()),
        options.maxAttemptsOr(settings.maxAttempts()),
        options.deadlineOr(settings.deadline()).toMillis());
  }

  Retry retry() {
    return contexts.retry();
  }

  long budgetRefusals() {
    return budget.refusals();
  }

  long budgetRemaining() {
    return (long) budget.remaining();
  }

  RetrySettings settings() {
    return settings;
  }

  /** Starts a logical call: it counts once in the budget; the clock's reading, for its deadline. */
  long begin() {
    return budget.onRequest();
  }

  /**
   * The path nearly every call takes: a first answer whose verdict depends on its status alone (a
   * 200, a 204...), single-hop, that the lint cannot fault, is reported without any view, state or
   * action; true when it was.
   */
  <Q, R> boolean answeredQuickly(ClientCall<Q, R> call, CallOptions options, R response) {
    int status = call.status(response);
    Optional<Verdict> known = clientTable.forOptions(options).classifier.statusOnlyVerdict(status);
    return known.isPresent()
        && !coolDown.mayRecord(call, response, status)
        && reportedQuickly(call, response, status, known.get());
  }

  /** Not redirected, not to be replaced by a stored response, and needs no report: quick. */
  private <Q, R> boolean reportedQuickly(
      ClientCall<Q, R> call, R response, int status, Verdict verdict) {
    return !call.isRedirected(response)
        && !stale.mayApply(status)
        && report.quickly(status, verdict);
  }

  /**
   * Decides what to do with a response to {@code state.current}. When the action is an answer, the
   * answer has been reported.
   */
  <Q, R> Action<Q> decide(CallState<Q> state, ClientCall<Q, R> call, R response) {
    Action<Q> action = act(state, call, response);
    signals.decided(state, action);
    return action;
  }

  private <Q, R> Action<Q> act(CallState<Q> state, ClientCall<Q, R> call, R response) {
    int status = call.status(response);
    state.lastStatus = status;
    coolDown.record(state, call, response, status);
    int resent = call.resentByClient(response);
    if (resent > 0) {
      state.attempt += resent;
      state.requests += resent;
      budget.charge(resent);
    }
    Classifier classifier = state.table.classifier;
    Optional<Verdict> known = classifier.statusOnlyVerdict(status);
    if (known.isPresent()
        && state.hops == null
        && state.retryContext == null
        && state.observation == null
        && reportedQuickly(call, response, status, known.get())) {
      state.judged = true;
      return Action.Answer.reported();
    }
    RequestView request = viewOf(state, call);
    ResponseView seen = call.responseView(response);
    Verdict verdict = known.isPresent() ? known.get() : classifier.classify(request, seen);
    switch (verdict.kind()) {
      case RETRY:
        return retry(state, call, response, request, seen, verdict);
      case FOLLOW:
        return follow(state, call, response, request, seen, verdict);
      default:
        return answer(state, call, response, request, seen, verdict);
    }
  }

  private <Q, R> Action<Q> retry(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView request,
      ResponseView seen,
      Verdict verdict) {
    if (!state.judged) {
      state.judged = true;
      budget.onFailedFirstAttempt();
    }
    Decision decision = gates.decide(gates.new Candidate(request, seen, verdict, state));
    long wait = contexts.decided(state, decision, seen.status(), null);
    if (!decision.retries()) {
      return answered(state, call, response, request, seen, decision.refusing(verdict));
    }
    state.attempt++;
    return new Action.Retry<>(Math.max(0, wait));
  }

  private <Q, R> Action<Q> follow(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView request,
      ResponseView seen,
      Verdict verdict) {
    if (mode != RedirectMode.POLICY) {
      return notFollowed(
          state,
          call,
          response,
          request,
          seen,
          verdict,
          Optional.empty(),
          "the client handed this redirect back without following it",
          "RFC 9110 §15.4");
    }
    FollowDecision decision =
        state.table.follower.decide(request, seen, verdict, state.hopsSoFar());
    if (decision instanceof FollowDecision.Stop stop) {
      return notFollowed(
          state,
          call,
          response,
          request,
          seen,
          verdict,
          Optional.empty(),
          stop.explanation(),
          stop.spec());
    }
    FollowDecision.Follow plan = (FollowDecision.Follow) decision;
    long wait = plan.retryAfter().map(Gates::ceilMillis).orElse(0L);
    Verdict.Gate refused =
        !gates.withinCap(wait)
            ? Verdict.Gate.WAIT_CAP
            : wait > 0 && !gates.beforeDeadline(state.deadlineAtMillis, wait)
                ? Verdict.Gate.DEADLINE
                : null;
    if (refused != null) {
      return notFollowed(
          state,
          call,
          response,
          request,
          seen,
          verdict,
          Optional.of(refused),
          "the redirect asks to wait " + wait + " ms; the " + refused + " gate refused",
          "RFC 9110 §10.2.3");
    }
    Q next = FollowUps.request(call, state.current, plan);
    if (next == null) {
      return notFollowed(
          state,
          call,
          response,
          request,
          seen,
          verdict,
          Optional.empty(),
          "the client cannot address the target",
          "RFC 9110 §10.2.2");
    }
    contexts.answered(state, seen.status());
    state.follow(next, Hop.of(request, seen));
    return new Action.Follow<>(next, wait);
  }

  private <Q, R> Action<Q> notFollowed(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView request,
      ResponseView seen,
      Verdict verdict,
      Optional<Verdict.Gate> gate,
      String why,
      String spec) {
    Verdict last = verdict.asFinal(gate, new Reason(Reason.Kind.NOT_FOLLOWED, why, spec));
    return answer(state, call, response, request, seen, last);
  }

  private <Q, R> Action<Q> answer(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView request,
      ResponseView seen,
      Verdict verdict) {
    state.judged = true;
    if (!contexts.answered(state, seen.status()) && verdict.kind() == Verdict.Kind.FAIL) {
      if (verdict.hasReason(Reason.Kind.NOT_IDEMPOTENT)) {
        signals.event(Decision.NOT_IDEMPOTENT, state, seen.status(), null);
      } else if (verdict.hasReason(Reason.Kind.RETRY_AFTER_MISSING)
          || (verdict.policy().retryability() == Retryability.NEVER
              && PolicyLookup.policyFor(state.table.table, seen.status()).isRetryable())) {
        signals.event(Decision.NOT_RETRYABLE, state, seen.status(), null);
      }
    }
    return answered(state, call, response, request, seen, verdict);
  }

  /**
   * Reports the answer and hands it to the caller; when it is an error the origin allowed to be
   * served stale, the stored response goes instead, reported as {@link Verdict.Kind#SERVED_STALE}
   * against the origin's status.
   */
  private <Q, R> Action<Q> answered(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView request,
      ResponseView seen,
      Verdict verdict) {
    if (!stale.mayApply(seen.status())) {
      report.answer(state, call, response, request, seen, verdict);
      return new Action.Answer<>(verdict);
    }
    StaleAnswer.Outcome<R> outcome =
        stale.find(call, state.current, request, seen.status(), response);
    Verdict last = outcome.reason() == null ? verdict : verdict.asServedStale(outcome.reason());
    report.answer(state, call, outcome.error(), request, seen, last);
    if (outcome.reason() != null && outcome.error() != response) {
      call.discard(outcome.error());
    }
    Object deliver = outcome.deliver();
    return new Action.Answer<>(last, deliver == response ? null : deliver);
  }

  /**
   * A send of {@code state.current} failed with a transport failure: a retry, a stored response
   * served instead, or null when the driver throws {@code error} (see {@link FailedSend}).
   */
  <Q, R> @Nullable Action<Q> failed(CallState<Q> state, ClientCall<Q, R> call, IOException error) {
    return failures.decide(state, call, error);
  }

  /** A send threw what is not a transport failure: it propagates, the call's observation ends. */
  void broke(CallState<?> state, Throwable error) {
    contexts.failed(state, error);
    ended(state, error);
  }

  /** The caller cancelled or interrupted a call while a retry or follow-up was pending. */
  void cancelled(CallState<?> state) {
    signals.event(Decision.CANCELLED, state, state.lastStatus, null);
    ended(state, new CancellationException("the caller cancelled the call"));
  }
}
