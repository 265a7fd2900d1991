package io.httptriage.engine;

import io.httptriage.classify.FailureKind;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.RequestView;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step's turn for an attempt that ended in an exception instead of a response: the same table
 * and gates as a status. The failure is sorted into a {@link FailureKind} and given a verdict
 * ({@link FailureKind#verdict}): per RFC 9110 §9.2.2, a request that never left may be repeated
 * whatever its method, one that may have reached the server only when its method is idempotent or
 * it carries an {@code Idempotency-Key}, and a TLS failure or the caller's cancellation never. A
 * RETRY then passes the gates in their order (replayable body, attempts, wait cap, deadline,
 * budget); its wait is a backoff, since no server named one.
 *
 * <p><b>A dropped GET is resent at once, as a pair.</b> A GET or HEAD whose connection was reset or
 * closed before any response byte ({@link FailureKind#SENT_NO_RESPONSE}, not a timeout) is sent
 * once more at once, without a backoff: RFC 9110 §9.2.2 allows repeating an idempotent request
 * automatically, and the usual cause is a keep-alive connection the server dropped, which a new
 * connection cures. The JDK client makes that resend itself, and no setting turns it off: not its
 * attempts, nor a deadline, a cool-down or the budget. So on any other client core makes it the
 * same way: only a body that cannot be replayed stops it; the attempts, deadline, cool-down and
 * budget gates let it through, and it is charged to the budget like the JDK's. Like the JDK's, it
 * is not a retry decision: it counts as an attempt (in the call's attempts and in the attempt
 * numbers of later events) but makes no {@code AttemptDecided} event, so the retries meter and log
 * read the same on every client. Either way a dropped send costs a pair of attempts, and a further
 * retry, after a backoff, is made only when the attempts left cover another pair: with 1 or 2
 * attempts a dropped GET makes 2 requests, with 3 it makes 2, with 4 it makes 4, on every client. A
 * read timeout (the JDK does not resend one), a failure before sending and any other method are not
 * paired: one attempt each.
 *
 * <p>Resends the client made by itself below httptriage ({@link ClientCall#resentByClient(Object,
 * Throwable)}) count as attempts and are charged to the budget, and a retry is made only when the
 * attempts left cover what the failed send cost (its own, the client's and core's resends), so that
 * a hop never sends more requests than {@code maxAttempts} — except the resend of a dropped GET
 * when the last attempt allowed is dropped, which every client makes, as above.
 *
 * <p>When no retry is made, a GET or HEAD whose failure was not the caller's doing may be answered
 * from the client's cache within its stale-if-error window (RFC 5861 §4 counts any situation that
 * would give a 500, 502, 503 or 504, and a gateway answers a transport failure with 502 or 504).
 * Otherwise the caller gets the client's own exception, unwrapped: the <em>last</em> one, with the
 * failures of the earlier attempts added as suppressed exceptions, oldest first. The last is thrown
 * because it says how the server stood when httptriage gave up and its kind decided the end (a
 * cancellation must surface as one), and because OkHttp throws its own recovered failures the same
 * way, so a caller sees one shape with or without httptriage.
 *
 * <p>Thread-safe: one instance serves every call of a client.
 */
final class FailedSend {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  private final Gates gates;
  private final RetryBudget budget;
  private final RetryContexts contexts;
  private final StepSignals signals;
  private final Report report;
  private final StaleAnswer stale;

  FailedSend(
      Gates gates,
      RetryBudget budget,
      RetryContexts contexts,
      StepSignals signals,
      Report report,
      StaleAnswer stale) {
    this.gates = gates;
    this.budget = budget;
    this.contexts = contexts;
    this.signals = signals;
    this.report = report;
    this.stale = stale;
  }

  /**
   * Decides what follows a failed send of {@code state.current}: a {@link Action.Retry}, an {@link
   * Action.Answer} with the stored response served instead, or null when the driver throws {@code
   * error}, to which the earlier failures have been added as suppressed. The call is reported in
   * every case but a retry.
   */
  <Q, R> @Nullable Action<Q> decide(CallState<Q> state, ClientCall<Q, R> call, IOException error) {
    boolean cancelled = cancelled(call);
    int resent = cancelled ? 0 : resentByClient(call, state.current, error);
    if (resent > 0) {
      state.attempt += resent;
      state.requests += resent;
      budget.charge(resent);
    }
    FailureKind kind = FailureKind.of(error, cancelled);
    state.failure = kind;
    state.lastStatus = 0;
    RequestView request = Step.viewOf(state, call);
    // the attempt that failed was core's resend of a dropped send: the pair is complete
    boolean pairEnds = state.droppedResend == state.attempt;
    state.droppedResend = 0;
    Verdict verdict =
        kind.verdict(
            request, error.getClass().getName(), PolicyLookup.policyFor(state.table.table, 0));
    if (!state.judged) {
      state.judged = true;
      budget.onFailedFirstAttempt();
    }
    if (verdict.kind() == Verdict.Kind.RETRY) {
      boolean atOnce = resent == 0 && !pairEnds && dropped(kind, request, error);
      int counted = atOnce ? state.attempt : state.attempt + resent + (pairEnds ? 1 : 0);
      Decision decision =
          gates.decide(gates.new Candidate(request, null, verdict, state, counted, atOnce));
      // the resend at once is the transport's, as the JDK makes its own unseen: an attempt charged
      // to the budget, but no retry decision, so neither the listener nor resilience4j hears of it
      long wait = atOnce && decision.retries() ? 0 : contexts.decided(state, decision, 0, error);
      if (decision.retries()) {
        state.failedAttempt(error);
        signals.attemptFailed(state, error, kind);
        state.attempt++;
        if (atOnce) {
          state.droppedResend = state.attempt;
        }
        return new Action.Retry<>(atOnce ? 0 : Math.max(0, wait));
      }
      verdict = decision.refusing(verdict);
    } else if (!contexts.failed(state, error)) {
      signals.event(notRetried(cancelled, kind, error), state, 0, error);
    }
    StaleAnswer.Outcome<R> outcome =
        kind == FailureKind.NEVER_RETRIED
            ? null
            : stale.findAfterFailure(call, state.current, request, kind);
    if (outcome != null && outcome.reason() != null) {
      Verdict served = verdict.asServedStale(outcome.reason());
      report.failed(state, request, served, kind);
      signals.failed(state, error, kind, served);
      return new Action.Answer<>(served, outcome.deliver());
    }
    report.failed(state, request, verdict, kind);
    signals.failed(state, error, kind, null);
    suppressEarlier(state.failures, error);
    return null;
  }

  /**
   * Whether {@code error} dropped a GET or HEAD before any response byte, the failure core resends
   * at once: sent but not answered, and not a timeout ({@code SocketTimeoutException}, OkHttp's
   * {@code InterruptedIOException}, the JDK's {@code HttpTimeoutException}), anywhere in the
   * causes.
   */
  static boolean dropped(FailureKind kind, RequestView request, Throwable error) {
    if (kind != FailureKind.SENT_NO_RESPONSE) {
      return false;
    }
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    Throwable t = error;
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return false;
      }
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (c.getName().equals("java.net.http.HttpTimeoutException")) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Why a failure whose verdict was not RETRY ended the call: the caller's cancellation or
   * interruption (an {@code InterruptedIOException} that is not a socket timeout), a method that
   * may not be repeated after no response, or a failure never repeated.
   */
  private static Decision notRetried(boolean cancelled, FailureKind kind, IOException error) {
    if (cancelled
        || (error instanceof InterruptedIOException
            && !(error instanceof SocketTimeoutException))) {
      return Decision.CANCELLED;
    }
    return kind == FailureKind.SENT_NO_RESPONSE ? Decision.NOT_IDEMPOTENT : Decision.NOT_RETRYABLE;
  }

  /** The earlier failures, oldest first, as suppressed exceptions of the one thrown. */
  private static void suppressEarlier(@Nullable List<Throwable> earlier, Throwable thrown) {
    if (earlier == null) {
      return;
    }
    for (Throwable t : earlier) {
      if (t != thrown) {
        thrown.addSuppressed(t);
      }
    }
  }

  private static <Q, R> boolean cancelled(ClientCall<Q, R> call) {
    try {
      return call.isCancelled();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static <Q, R> int resentByClient(ClientCall<Q, R> call, Q request, Throwable error) {
    try {
      return Math.max(0, call.resentByClient(request, error));
    } catch (RuntimeException e) {
      LOG.debug("httptriage could not count the client's own resends; none counted", e);
      return 0;
    }
  }
}
