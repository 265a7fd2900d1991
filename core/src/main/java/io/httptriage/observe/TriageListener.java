package io.httptriage.observe;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import java.util.List;

/**
 * Where the outcome of each exchange goes: the final status, the verdict and the findings of the
 * redirect audit and the conformance lint, and each decision of the retry engine. Adapters call it;
 * {@link DefaultTriageListener} logs and counts, and users route the same events elsewhere by
 * implementing this interface or extending the default (the pattern of Micrometer's {@code
 * ObservationConvention} and its {@code Default...Convention}).
 *
 * <p>Implementations must be thread-safe, fast and must not throw: they run on the caller's
 * request path. Findings arrive redacted (see {@link Finding}); the audit and the lint may both
 * report a redirect without Location for the final response.
 *
 * <pre>{@code
 * TriageListener alerts = new TriageListener() {
 *   @Override
 *   public void exchangeCompleted(int status, Verdict.Kind verdict, List<Finding> findings) {
 *     findings.stream().filter(f -> f.severity() == Finding.Severity.SECURITY)
 *         .forEach(f -> pager.send(f.kind() + ": " + f.explanation()));
 *   }
 * };
 * TriageListener both = TriageListener.composite(
 *     DefaultTriageListener.builder().meterRegistry(registry).build(), alerts);
 * }</pre>
 */
public interface TriageListener {

  /**
   * One exchange is over: the caller receives a response with this status.
   *
   * @param finalStatus the status of the final response, after redirects and retries
   * @param verdict the classifier's verdict on the final response
   * @param findings what the redirect audit and the conformance lint found; may be empty
   */
  default void exchangeCompleted(int finalStatus, Verdict.Kind verdict, List<Finding> findings) {}

  /**
   * The retry engine decided about one response.
   *
   * @param outcome the engine's name for the decision, e.g. {@code RETRIED}, {@code EXHAUSTED}
   * @param status the status of the response decided about
   * @param method the request method
   */
  default void retryDecided(String outcome, int status, String method) {}

  /**
   * A retry was decided about one response: made after a wait, or refused by a gate.
   *
   * @param event the decision, with the target, the attempt, the wait and its source
   */
  default void attemptDecided(TriageEvent.AttemptDecided event) {}

  /**
   * The redirect audit or the conformance lint found something; one event per distinct finding,
   * before the call's {@link TriageEvent.ExchangeCompleted}.
   *
   * @param event the finding, with the call it concerns
   */
  default void findingReported(TriageEvent.FindingReported event) {}

  /**
   * A call is over: the caller receives its final response.
   *
   * @param event the final status and verdict, the requests sent, the duration and the findings
   */
  default void exchangeCompleted(TriageEvent.ExchangeCompleted event) {}

  /** {@return a listener that does nothing} */
  static TriageListener noop() {
    return CompositeTriageListener.NOOP;
  }

  /**
   * A listener that tells each of these, in order. One that throws is logged and skipped; the
   * others are still told.
   *
   * @param listeners the listeners to tell, in order
   * @return one listener telling them all
   * @throws IllegalArgumentException when the array or an element is null
   */
  static TriageListener composite(TriageListener... listeners) {
    if (listeners == null) {
      throw new IllegalArgumentException("listeners: must not be null");
    }
    return composite(java.util.Arrays.asList(listeners));
  }

  /**
   * A listener that tells each of these, in order.
   *
   * @param listeners the listeners to tell, in order
   * @return one listener telling them all
   * @throws IllegalArgumentException when the list or an element is null
   */
  static TriageListener composite(List<TriageListener> listeners) {
    return CompositeTriageListener.of(listeners);
  }
}
