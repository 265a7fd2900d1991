package io.httptriage.cli;

import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What httptriage did with one request: the hops (every request sent after the retries of each hop,
 * the final one last), the retry decisions with their waits, the findings of the redirect audit and
 * the lint, and the verdict on the final response.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client's label
 * @param hops every hop, the final one last; never empty
 * @param retries the retry decisions, in order, with the fields of their log lines
 * @param findings what the audit and the lint found
 * @param verdict the verdict on the final response
 */
record ProbeReport(
    String client,
    List<Hop> hops,
    List<AttemptDecided> retries,
    List<Finding> findings,
    Verdict verdict) {

  ProbeReport {
    hops = List.copyOf(hops);
    retries = List.copyOf(retries);
    findings = List.copyOf(findings);
  }

  /** The status of the response the caller received. */
  int finalStatus() {
    return hops.get(hops.size() - 1).status();
  }

  /**
   * True when a finding breaks a protocol requirement or security ({@link
   * Finding.Severity#isSerious()}): what makes {@code probe} exit with 1.
   */
  boolean hasSeriousFinding() {
    return findings.stream().anyMatch(f -> f.severity().isSerious());
  }

  /** The finding kinds that mean the chain stopped on a redirect instead of an answer. */
  private static final Set<Finding.Kind> UNFINISHED =
      Set.of(Finding.Kind.REDIRECT_LOOP, Finding.Kind.TOO_MANY_HOPS, Finding.Kind.CHAIN_TRUNCATED);

  /**
   * Why the chain never reached a final answer, or empty when it did: a redirect loop, more hops
   * than allowed, a chain cut short, or a last response that is a redirect nobody followed. What
   * makes {@code probe} exit with {@value HttpTriageCli#UNFINISHED}.
   */
  Optional<String> unfinished() {
    for (Finding f : findings) {
      if (UNFINISHED.contains(f.kind())) {
        return Optional.of(f.kind().name() + " at hop " + hopNumber(f) + ": " + f.explanation());
      }
    }
    if (verdict.kind() == Verdict.Kind.FOLLOW) {
      return Optional.of(
          "the last response, "
              + finalStatus()
              + " at hop "
              + (hops.size() - 1)
              + ", is a redirect that was not followed");
    }
    return Optional.empty();
  }

  /**
   * The number of a finding's hop: its index in {@link #hops()}, counting from 0 for the caller's
   * request, the final hop last; the scheme of the library's log lines and events ({@link
   * Finding}).
   */
  int hopNumber(Finding f) {
    return f.withFinalHop(hops.size() - 1).hopIndex();
  }

  /** Keys {@code client, hops, retries, findings, final}, as {@code probe --json} prints them. */
  Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("client", client);
    List<Object> hopList = new ArrayList<>();
    for (Hop h : hops) {
      Map<String, Object> hop = new LinkedHashMap<>();
      hop.put("method", h.method());
      hop.put("url", h.uri().toString());
      hop.put("status", h.status());
      hop.put("location", h.location().orElse(null));
      hopList.add(hop);
    }
    o.put("hops", hopList);
    List<Object> retryList = new ArrayList<>();
    for (AttemptDecided e : retries) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("outcome", e.outcome().name());
      r.put("method", e.method());
      r.put("target", e.target().orElse(null));
      r.put("hop", e.hop());
      r.put("attempt", e.attempt());
      r.put("maxAttempts", e.maxAttempts());
      r.put("status", e.status());
      r.put("waitMillis", e.waitTime().map(d -> (Object) d.toMillis()).orElse(null));
      r.put("waitSource", e.waitSource().orElse(null));
      r.put("gate", e.gate().orElse(null));
      r.put("elapsedMillis", e.elapsed().toMillis());
      retryList.add(r);
    }
    o.put("retries", retryList);
    List<Object> findingList = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", f.kind().name());
      m.put("severity", f.severity().name());
      m.put("category", f.kind().isRedirect() ? "REDIRECT" : "CONFORMANCE");
      m.put("hop", hopNumber(f));
      m.put("from", f.from().orElse(null));
      m.put("to", f.to().orElse(null));
      m.put("explanation", f.explanation());
      m.put("spec", f.spec());
      findingList.add(m);
    }
    o.put("findings", findingList);
    Map<String, Object> fin = new LinkedHashMap<>();
    fin.put("status", finalStatus());
    fin.put("reason", verdict.status().reason());
    fin.put("verdict", verdict.kind().name());
    verdict.refusedBy().ifPresent(gate -> fin.put("refused_by", gate.name()));
    List<Object> reasons = new ArrayList<>();
    for (Reason r : verdict.reasons()) {
      reasons.add(r.detail() + " (" + r.spec() + ")");
    }
    fin.put("reasons", reasons);
    fin.put("unfinished", unfinished().orElse(null));
    o.put("final", fin);
    return o;
  }
}
