package io.httptriage.listener;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Micrometer counters of triage. Every tag value comes from {@link TagValues}, an enum or the
 * client's name, so no URL, host or header value ever becomes a tag.
 */
final class TriageMeters {
  static final String RESPONSES = "httptriage.responses";
  static final String RETRIES = "httptriage.retries";
  static final String REDIRECT_FINDINGS = "httptriage.redirect.findings";
  static final String CONFORMANCE_FINDINGS = "httptriage.conformance.findings";

  /** Codes 0..999 each have a slot; every other int shares the last one (all "invalid"). */
  private static final int CODE_SLOTS = 1001;

  private static final int VERDICTS = Verdict.Kind.values().length;

  private final MeterRegistry registry;
  private final String client;

  /** The response counters, by code slot and verdict: one per exchange is the hot path. */
  private final AtomicReferenceArray<Counter> responses =
      new AtomicReferenceArray<>(CODE_SLOTS * VERDICTS);

  TriageMeters(MeterRegistry registry, String client) {
    this.registry = registry;
    this.client = client;
  }

  void response(int finalStatus, Verdict.Kind verdict, Optional<String> refusedBy) {
    if (refusedBy.isPresent()) {
      // Rare (a refused retry): no cached counter, the registry finds the one it holds.
      registerResponse(finalStatus, verdict, refusedBy.get()).increment();
      return;
    }
    int slot =
        (finalStatus >= 0 && finalStatus < CODE_SLOTS - 1 ? finalStatus : CODE_SLOTS - 1) * VERDICTS
            + verdict.ordinal();
    Counter counter = responses.get(slot);
    if (counter == null) {
      counter = registerResponse(finalStatus, verdict, "none");
      responses.set(slot, counter);
    }
    counter.increment();
  }

  private Counter registerResponse(int finalStatus, Verdict.Kind verdict, String refusedBy) {
    return Counter.builder(RESPONSES)
        .description("Exchanges by the status and verdict of the final response")
        .tag("client", client)
        .tag("code", TagValues.code(finalStatus))
        .tag("class", TagValues.statusClass(finalStatus))
        .tag("verdict", verdict.name())
        .tag("refused_by", refusedBy)
        .register(registry);
  }

  void retry(String outcome, int status, String error) {
    Counter.builder(RETRIES)
        .description(
            "Retry decisions by outcome, and the status or the transport failure decided about")
        .tag("client", client)
        .tag("outcome", outcome)
        .tag("code", TagValues.code(status))
        .tag("error", error)
        .register(registry)
        .increment();
  }

  void finding(Finding f) {
    boolean redirect = f.kind().isRedirect();
    Counter.builder(redirect ? REDIRECT_FINDINGS : CONFORMANCE_FINDINGS)
        .description(
            redirect ? "Findings of the redirect audit" : "Findings of the conformance lint")
        .tag("client", client)
        .tag("kind", f.kind().name())
        .tag("severity", f.severity().name())
        .register(registry)
        .increment();
  }
}
