package io.httptriage.observe;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.listener.ExchangeDetails;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners in turn, so that one failing listener cannot fail the request. */
final class CompositeTriageListener implements ExchangeDetails {
  static final TriageListener NOOP = new CompositeTriageListener(List.of());
  private static final Logger LOG = LoggerFactory.getLogger(CompositeTriageListener.class);

  private final List<TriageListener> listeners;

  private CompositeTriageListener(List<TriageListener> listeners) {
    this.listeners = listeners;
  }

  static TriageListener of(List<TriageListener> listeners) {
    if (listeners == null) {
      throw new IllegalArgumentException("listeners: must not be null");
    }
    for (int i = 0; i < listeners.size(); i++) {
      if (listeners.get(i) == null) {
        throw new IllegalArgumentException("listeners: null at index " + i);
      }
    }
    return listeners.isEmpty() ? NOOP : new CompositeTriageListener(List.copyOf(listeners));
  }

  @Override
  public void attemptDecided(TriageEvent.AttemptDecided event) {
    for (TriageListener l : listeners) {
      try {
        l.attemptDecided(event);
      } catch (RuntimeException e) {
        failed(l, e);
      }
    }
  }

  @Override
  public void findingReported(TriageEvent.FindingReported event) {
    for (TriageListener l : listeners) {
      try {
        l.findingReported(event);
      } catch (RuntimeException e) {
        failed(l, e);
      }
    }
  }

  @Override
  public void exchangeCompleted(TriageEvent.ExchangeCompleted event) {
    for (TriageListener l : listeners) {
      try {
        l.exchangeCompleted(event);
      } catch (RuntimeException e) {
        failed(l, e);
      }
    }
  }

  @Override
  public void exchangeCompleted(
      TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
    for (TriageListener l : listeners) {
      try {
        ExchangeDetails.deliver(l, event, verdict, exchange);
      } catch (RuntimeException e) {
        failed(l, e);
      }
    }
  }

  private static void failed(TriageListener listener, RuntimeException e) {
    // The exception's message could quote request data; name only the listener and the type.
    LOG.warn(
        "httptriage listener failed listener={} exception={}",
        listener.getClass().getName(),
        e.getClass().getName());
  }
}
