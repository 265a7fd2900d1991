package io.httptriage.contract;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import java.util.List;
import java.util.function.Consumer;

/** For tests: the whole story of each call, taken from the listener's ExchangeCompleted event. */
@FunctionalInterface
public interface ExchangeTap {

  /** Receives the hops, the final verdict and the findings of one call. */
  void exchangeCompleted(Exchange exchange, Verdict verdict, List<Finding> findings);

  /** A listener telling {@code tap} of each call. */
  static TriageListener of(ExchangeTap tap) {
    return new ExchangeDetails() {
      @Override
      public void exchangeCompleted(
          TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
        tap.exchangeCompleted(exchange, verdict, event.findings());
      }
    };
  }

  /** {@code listener}, then {@code tap}. */
  static TriageListener with(TriageListener listener, ExchangeTap tap) {
    return TriageListener.composite(listener, of(tap));
  }

  /** {@code listener}, then {@code tap}, then {@code attempts} for each retry decision. */
  static TriageListener with(
      TriageListener listener,
      ExchangeTap tap,
      Consumer<? super TriageEvent.AttemptDecided> attempts) {
    return TriageListener.composite(
        listener,
        of(tap),
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided event) {
            attempts.accept(event);
          }
        });
  }

  /** A default listener of its own, then {@code attempts} for each retry decision. */
  static TriageListener withAttempts(Consumer<? super TriageEvent.AttemptDecided> attempts) {
    return TriageListener.composite(
        DefaultTriageListener.ofDefaults(),
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided event) {
            attempts.accept(event);
          }
        });
  }

  /** A default listener of its own, then {@code tap}. */
  static TriageListener withDefaults(ExchangeTap tap) {
    return with(DefaultTriageListener.ofDefaults(), tap);
  }
}
