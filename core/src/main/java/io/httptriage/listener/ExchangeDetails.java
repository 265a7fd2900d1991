package io.httptriage.listener;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;

/**
 * A listener that also reads what the engine knows about a completed call beyond {@link
 * TriageEvent.ExchangeCompleted}: the whole {@link Verdict} (with its reasons) and the {@link
 * Exchange} (every hop as followed). Not API: the default listener's log lines and the CLI's report
 * read them; a user's listener sees the event's plain fields.
 *
 * <p>The engine calls {@link #exchangeCompleted(TriageEvent.ExchangeCompleted, Verdict, Exchange)}
 * instead of {@link #exchangeCompleted(TriageEvent.ExchangeCompleted)} on a listener that
 * implements this interface; {@link #deliver} is that dispatch.
 *
 * <pre>{@code
 * ExchangeDetails.deliver(listener, event, verdict, exchange);
 * }</pre>
 */
public interface ExchangeDetails extends TriageListener {

  /**
   * A call is over.
   *
   * @param event the event every listener receives
   * @param verdict the verdict on the final response, as the caller receives it
   * @param exchange the hops as followed, the final one last
   */
  void exchangeCompleted(TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange);

  /**
   * Tells a listener that a call is over, with the details when it reads them.
   *
   * @param listener any listener
   * @param event the event
   * @param verdict the verdict on the final response
   * @param exchange the hops as followed
   */
  static void deliver(
      TriageListener listener,
      TriageEvent.ExchangeCompleted event,
      Verdict verdict,
      Exchange exchange) {
    if (listener instanceof ExchangeDetails details) {
      details.exchangeCompleted(event, verdict, exchange);
    } else {
      listener.exchangeCompleted(event);
    }
  }
}
