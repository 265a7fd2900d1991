package io.httptriage.engine;

import io.httptriage.cache.StaleIfError;
import io.httptriage.classify.FailureKind;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.Reason;
import io.httptriage.exchange.RequestView;
import io.httptriage.policy.PolicyTable;
import io.httptriage.triage.TriageConfig;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step's stale-if-error turn (RFC 5861 §4): when the final answer of a GET or HEAD is a 500,
 * 502, 503 or 504, the client's cache is asked for the stored response and {@link StaleIfError}
 * decides whether it may be served instead. Used only on answers the retries are done with, so the
 * retries always come first.
 *
 * <p>Thread-safe: it holds configuration only.
 */
final class StaleAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  /**
   * What the caller gets: the stored response when {@code reason} is set, else the origin's error
   * (perhaps the adapter's copy of it); and the error, as the report shows it.
   */
  record Outcome<R>(Object deliver, R error, @Nullable Reason reason) {}

  private final boolean enabled;
  private final PolicyTable table;
  private final Clock clock;

  StaleAnswer(TriageConfig config) {
    this.enabled = config.staleIfError();
    this.table = config.policyTable();
    this.clock = config.retry().clock();
  }

  /** True when an answer with this status may be replaced: it must leave the fast path. */
  boolean mayApply(int status) {
    return enabled && StaleIfError.coversStatus(status);
  }

  /** Looks for a stored response to serve instead of the origin's error {@code answer}. */
  <Q, R> Outcome<R> find(
      ClientCall<Q, R> call, Q current, RequestView request, int status, R answer) {
    if (!enabled || !StaleIfError.worthLookingUp(request.method(), status)) {
      return new Outcome<>(answer, answer, null);
    }
    return look(call, current, request, status, answer, Integer.toString(status));
  }

  /**
   * Looks for a stored response to serve instead of a transport failure of {@code kind}; null when
   * there is none to serve. RFC 5861 §4 counts "any situation that would result in a 500, 502, 503,
   * or 504": a gateway answers a failure to reach the origin with 502 or 504, so it is looked up as
   * a 504 would be.
   */
  <Q, R> @Nullable Outcome<R> findAfterFailure(
      ClientCall<Q, R> call, Q current, RequestView request, FailureKind kind) {
    if (!enabled || !StaleIfError.worthLookingUp(request.method(), 504)) {
      return null;
    }
    Outcome<R> outcome =
        look(call, current, request, 0, null, "a transport failure (" + kind.tag() + ")");
    return outcome.reason() == null ? null : outcome;
  }

  private <Q, R> Outcome<R> look(
      ClientCall<Q, R> call,
      Q current,
      RequestView request,
      int status,
      @Nullable R answer,
      String origin) {
    ClientCall.CacheLookup<R> found;
    try {
      found = call.lookUpStored(current, answer);
    } catch (RuntimeException e) {
      LOG.debug("httptriage could not read the client's cache; the {} is handed back", status, e);
      return new Outcome<>(answer, answer, null);
    }
    R error = found.answer();
    R stored = found.stored();
    if (stored == null || found.view() == null) {
      return new Outcome<>(error, error, null);
    }
    StaleIfError decision;
    try {
      decision =
          StaleIfError.evaluate(
              request,
              found.view(),
              PolicyLookup.policyFor(table, found.view().response().status()).cacheability(),
              clock.instant());
    } catch (RuntimeException e) {
      call.discard(stored);
      throw e;
    }
    if (!decision.allowed()) {
      LOG.debug(
          "httptriage did not serve the stored response instead of {}: {}",
          status,
          decision.reason());
      call.discard(stored);
      return new Outcome<>(error, error, null);
    }
    R served = call.servedStale(current, stored, status, decision);
    return new Outcome<>(
        served,
        error,
        new Reason(
            Reason.Kind.STALE_IF_ERROR,
            "served the stored "
                + found.view().response().status()
                + " instead of "
                + origin
                + ": "
                + decision.reason(),
            "RFC 5861 §4"));
  }
}
