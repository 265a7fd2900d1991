package io.httptriage.listener;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.observe.TriageListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the runtime tells a listener at the end of a call, for tests of the listener alone. */
public final class Events {
  private Events() {}

  /** A retry decision about a response to a GET of one attempt out of 3; a retry waits 1 s. */
  public static void decided(TriageListener listener, Outcome outcome, int status, String method) {
    boolean retry = outcome == Outcome.RETRY_SCHEDULED;
    listener.attemptDecided(
        new TriageEvent.AttemptDecided(
            "test",
            method,
            Optional.empty(),
            0,
            1,
            3,
            status,
            outcome,
            retry ? Optional.of(Duration.ofSeconds(1)) : Optional.empty(),
            retry ? Optional.of("BACKOFF") : Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Duration.ZERO,
            List.of(),
            Optional.empty()));
  }

  /** Each finding, then the call's end, as the runtime's report sends them. */
  public static void complete(
      TriageListener listener, int status, Verdict verdict, List<Finding> findings) {
    for (Finding f : findings) {
      listener.findingReported(
          new TriageEvent.FindingReported("test", "GET", Optional.empty(), status, f));
    }
    ExchangeDetails.deliver(
        listener,
        new TriageEvent.ExchangeCompleted(
            "test",
            "GET",
            Optional.empty(),
            status,
            verdict.kind().name(),
            verdict.refusedBy().map(Enum::name),
            1,
            0,
            Duration.ZERO,
            findings,
            Optional.empty()),
        verdict,
        Events.exchange(status));
  }

  /** A single-hop exchange answered with {@code status}. */
  public static Exchange exchange(int status) {
    return Exchange.single(
        Hop.of(RequestView.of("GET", URI.create("https://api.example/")), ResponseView.of(status)));
  }
}
