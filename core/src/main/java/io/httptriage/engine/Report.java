package io.httptriage.engine;

import io.httptriage.classify.FailureKind;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.follow.RedirectAudit;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.lint.ConformanceLint;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the answer of a call: the verdict the step reached (never re-derived), the findings of
 * the redirect audit (when there was a chain, or the answer is a redirect) and of the conformance
 * lint, to the listener as typed events. A failing listener is logged and never reaches the caller.
 *
 * <p>Thread-safe.
 */
final class Report {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  private final TriageConfig config;
  private final TriageListener listener;
  private final RedirectAudit audit;
  private final ConformanceLint lint = ConformanceLint.ofDefaults();
  private final String client;

  /** True when the listener needs nothing from a clean single-hop answer: see {@link #quickly}. */
  private final boolean quiet;

  Report(TriageConfig config, TriageListener listener, String client) {
    this.client = client;
    this.quiet =
        listener.getClass() == DefaultTriageListener.class
            && ((DefaultTriageListener) listener).meterRegistry().isEmpty();
    this.config = config;
    this.listener = listener;
    this.audit = RedirectAudit.of(RedirectSettings.of(config), config.policyTable());
  }

  /**
   * True when a single-hop answer with this precomputed verdict needs no view, audit, lint or event
   * (a 200, a 204...): the path nearly every call takes. Only the default listener without a meter
   * registry needs nothing from such an answer (it logs findings and retries, of which there are
   * none); any other listener gets its {@link TriageEvent.ExchangeCompleted} from {@link #answer}.
   */
  boolean quickly(int status, Verdict verdict) {
    return quiet && !isRedirection(status) && lint.findsNothingFor(status);
  }

  /** Reports the answer of a call. */
  <Q, R> void answer(
      CallState<Q> state,
      ClientCall<Q, R> call,
      R response,
      RequestView lastRequest,
      ResponseView finalView,
      Verdict verdict) {
    try {
      List<Finding> lintFindings = lint.lint(lastRequest, finalView);
      List<Finding> findings = lintFindings;
      List<Hop> hops = state.hops;
      // Built for every answer that takes this path: the event carries the hops as followed.
      Exchange exchange =
          config.redirectMode() == RedirectMode.POLICY
              ? Exchange.of(state.hopsSoFar(), Hop.of(lastRequest, finalView), true)
              : call.reportedExchange(state.original, response);
      if (!exchange.hops().isEmpty() || isRedirection(finalView.status())) {
        List<Finding> auditFindings = audit.audit(exchange);
        if (!auditFindings.isEmpty()) {
          List<Finding> all = new ArrayList<>(auditFindings.size() + lintFindings.size());
          all.addAll(auditFindings);
          all.addAll(lintFindings);
          findings = List.copyOf(all);
        }
      }
      List<Hop> followed = exchange.hops();
      findings = numbered(distinct(findings), followed.size());
      int status = finalView.status();
      String method = methodOf(followed, lastRequest);
      Optional<String> target = targetOf(followed, lastRequest);
      CallObservation observation = state.observation;
      for (Finding f : findings) {
        listener.findingReported(
            new TriageEvent.FindingReported(client, method, target, status, f));
        if (observation != null) {
          // POLICY mode: each hop had its attempts; CLIENT mode: one attempt saw every hop.
          observation.finding(f, hops == null ? 0 : f.hopIndex());
        }
      }
      completed(
          state,
          method,
          target,
          status,
          verdict,
          Math.max(1, state.requests),
          findings,
          Optional.empty(),
          exchange);
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report an exchange; the response is returned unchanged", e);
    }
  }

  /**
   * Reports a call answered without sending ({@link CoolDownGate#heldBack}): no findings, the
   * requests actually sent (none when it was the call's first), the made-up 429 as the final hop.
   */
  void heldBack(CallState<?> state, RequestView request, ResponseView seen, Verdict verdict) {
    try {
      endedWithoutFindings(state, request, seen, verdict, state.requests, Optional.empty());
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report a call held back by its origin's cool-down", e);
    }
  }

  /**
   * Reports a call that ended in a transport failure: no response, so no lint and no audit; status
   * 0, the failure's kind, and an exchange whose final hop is the request that failed, without a
   * response (status 0).
   */
  void failed(CallState<?> state, RequestView lastRequest, Verdict verdict, FailureKind kind) {
    try {
      endedWithoutFindings(
          state,
          lastRequest,
          ResponseView.of(0),
          verdict,
          Math.max(1, state.requests),
          Optional.of(kind.tag()));
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report a failed exchange; the failure is passed on", e);
    }
  }

  /**
   * Tells the listener a call that had no findings is over, its final hop {@code last} and {@code
   * seen} after the hops followed so far.
   */
  private void endedWithoutFindings(
      CallState<?> state,
      RequestView last,
      ResponseView seen,
      Verdict verdict,
      int attempts,
      Optional<String> failure) {
    List<Hop> hops = state.hopsSoFar();
    completed(
        state,
        methodOf(hops, last),
        targetOf(hops, last),
        seen.status(),
        verdict,
        attempts,
        List.of(),
        failure,
        Exchange.of(hops, Hop.of(last, seen), true));
  }

  /**
   * Tells the listener the call is over, with the verdict and exchange behind the event; {@code
   * exchange.hops()} are the hops followed before the final one.
   */
  private void completed(
      CallState<?> state,
      String method,
      Optional<String> target,
      int status,
      Verdict verdict,
      int attempts,
      List<Finding> findings,
      Optional<String> failure,
      Exchange exchange) {
    ExchangeDetails.deliver(
        listener,
        new TriageEvent.ExchangeCompleted(
            client,
            method,
            target,
            status,
            verdict.kind().name(),
            verdict.refusedBy().map(Enum::name),
            attempts,
            exchange.hops().size(),
            Duration.ofNanos(System.nanoTime() - state.startNanos),
            findings,
            failure),
        verdict,
        exchange);
  }

  /** The caller's method: the first hop's, or the last request's when it is the first. */
  private static String methodOf(List<Hop> before, RequestView last) {
    return before.isEmpty() ? last.method() : before.get(0).method();
  }

  /** The caller's URL, redacted: the first hop's, or the last request's when it is the first. */
  private static Optional<String> targetOf(List<Hop> before, RequestView last) {
    return Optional.of(
        Finding.redactUrl((before.isEmpty() ? last.uri() : before.get(0).uri()).toString()));
  }

  /**
   * Findings of the same kind, hop and explanation reported once: the audit and the lint both see a
   * final redirect without Location.
   */
  private static List<Finding> distinct(List<Finding> findings) {
    if (findings.size() < 2) {
      return findings;
    }
    Set<List<Object>> seen = new HashSet<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (seen.add(List.of(f.kind(), f.hopIndex(), f.explanation()))) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The findings with {@link Finding#FINAL} resolved to the final hop's number, so that the events,
   * the log lines, the observations and the CLI all name the same hop (see {@link Finding}).
   */
  private static List<Finding> numbered(List<Finding> findings, int finalHop) {
    boolean unresolved = false;
    for (Finding f : findings) {
      unresolved |= f.isAboutFinalResponse();
    }
    if (!unresolved) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.withFinalHop(finalHop));
    }
    return List.copyOf(out);
  }

  static boolean isRedirection(int status) {
    return status >= 300 && status <= 399;
  }
}
