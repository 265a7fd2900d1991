package io.httptriage.observe;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import java.util.List;

/**
 * Where the outcome of each exchange goes: the final status, the verdict and the findings of the
 * redirect audit and the conformance lint, and each retry decision. Adapters call it;
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
 *   public void exchangeCompleted(int status, Verdict verdict, List<Finding> findings) {
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
   * @param verdict the verdict on the final response as the caller receives it: never {@link
   *     Verdict.Kind#RETRY} or {@link Verdict.Kind#FOLLOW} (a response that could have been
   *     retried or followed and was not is a FAIL, with {@link Verdict#refusedBy()} naming the
   *     gate that refused, when one did)
   * @param findings what the redirect audit and the conformance lint found; may be empty
   */
  default void exchangeCompleted(int finalStatus, Verdict verdict, List<Finding> findings) {}

  /**
   * A retry was decided about one response: made, or refused by a gate.
   *
   * @param outcome the {@code RetryEvent.Outcome} name, e.g. {@code RETRY_SCHEDULED}, {@code
   *     GAVE_UP_BUDGET}: a refusal names its gate
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
