package io.httptriage.triage;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.lint.ConformanceLint;
import io.httptriage.observe.TriageListener;
import io.httptriage.redirect.RedirectAudit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the answer of a call: the verdict the step reached (never re-derived), the findings of
 * the redirect audit (when there was a chain, or the answer is a redirect) and of the conformance
 * lint, to the listener and the observer. Failures of either are logged and never reach the caller.
 *
 * <p>Thread-safe.
 */
final class Report {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  private final TriageConfig config;
  private final TriageListener listener;
  private final RedirectAudit audit;
  private final ConformanceLint lint = ConformanceLint.ofDefaults();

  Report(TriageConfig config, TriageListener listener) {
    this.config = config;
    this.listener = listener;
    this.audit = RedirectAudit.of(config.redirects(), config.policyTable());
  }

  /**
   * True when a single-hop answer with this precomputed verdict needs no view, audit or lint (a
   * 200, a 204...), and was reported: the path nearly every call takes.
   */
  boolean quickly(int status, Verdict verdict) {
    if (config.observer().isPresent() || isRedirection(status) || !lint.findsNothingFor(status)) {
      return false;
    }
    try {
      listener.exchangeCompleted(status, verdict, List.of());
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report an exchange; the response is returned unchanged", e);
    }
    return true;
  }

  /** Reports the answer of a call. */
  <Q, R> void answer(CallState<Q> state, ClientCall<Q, R> call, R response, RequestView lastRequest,
      ResponseView finalView, Verdict verdict) {
    try {
      List<Finding> lintFindings = lint.lint(lastRequest, finalView);
      Exchange exchange = null;
      List<Finding> findings = lintFindings;
      List<Hop> hops = state.hops;
      if (config.redirectMode() == RedirectMode.POLICY) {
        if (hops != null || isRedirection(finalView.status()) || config.observer().isPresent()) {
          exchange = Exchange.of(hops == null ? List.of() : hops, Hop.of(lastRequest, finalView), true);
        }
      } else if (call.isRedirected(response) || isRedirection(finalView.status())
          || config.observer().isPresent()) {
        exchange = call.reportedExchange(state.original, response);
      }
      if (exchange != null && (!exchange.hops().isEmpty() || isRedirection(finalView.status()))) {
        List<Finding> auditFindings = audit.audit(exchange);
        if (!auditFindings.isEmpty()) {
          List<Finding> all = new ArrayList<>(auditFindings.size() + lintFindings.size());
          all.addAll(auditFindings);
          all.addAll(lintFindings);
          findings = List.copyOf(all);
        }
      }
      listener.exchangeCompleted(finalView.status(), verdict, findings);
      Optional<ExchangeObserver> observer = config.observer();
      if (exchange != null && observer.isPresent()) {
        observer.get().exchangeCompleted(exchange, verdict, findings);
      }
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report an exchange; the response is returned unchanged", e);
    }
  }

  static boolean isRedirection(int status) {
    return status >= 300 && status <= 399;
  }
}
