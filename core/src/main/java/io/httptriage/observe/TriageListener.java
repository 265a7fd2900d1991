package io.httptriage.observe;

import io.httptriage.finding.Finding;
import java.util.List;

/**
 * The one listener of httptriage: it gets a typed, immutable {@link TriageEvent} for each thing
 * that happened to a call, with everything known about it. A retry decided ({@link
 * #attemptDecided}), each distinct finding of the redirect audit and the conformance lint ({@link
 * #findingReported}), then the call's end ({@link #exchangeCompleted}). The default listener, which
 * each client gets unless told otherwise, writes the log lines and meters from these events; add
 * yours next to it with {@code TriageConfig.Builder.addListener}, or replace it with {@code
 * listener}.
 *
 * <p>resilience4j's {@code Retry} events ({@code Triage.retry().getEventPublisher()}) report the
 * same retries from resilience4j's side; see {@link TriageEvent.AttemptDecided}.
 *
 * <p>Implementations must be thread-safe, fast and must not throw: they run on the caller's request
 * path (a listener that throws is logged and the call goes on). URLs arrive redacted (see {@link
 * Finding#redactUrl(String)}).
 *
 * <pre>{@code
 * TriageListener alerts = new TriageListener() {
 *   @Override
 *   public void findingReported(TriageEvent.FindingReported e) {
 *     if (e.finding().severity() == Finding.Severity.SECURITY) {
 *       pager.send(e.client() + " " + e.finding().kind() + ": " + e.finding().explanation());
 *     }
 *   }
 * };
 * TriageConfig config = TriageConfig.builder()
 *     .meterRegistry(registry) // the default listener's meters
 *     .addListener(alerts)     // told after it
 *     .build();
 * }</pre>
 */
public interface TriageListener {

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
