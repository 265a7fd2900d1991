package io.httptriage.cli;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import io.httptriage.listener.ExchangeDetails;
import io.httptriage.observe.TriageEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects what httptriage reports about one exchange — the retry decisions as they happen, then
 * the hops, verdict and findings when it is over — so that {@code probe} and {@code demo} can print
 * the whole story, with the fields the log lines carry. Installed as the client's listener.
 *
 * <p>Thread-safe; meant for one exchange at a time: {@link #clear()} before it, {@link #take}
 * after.
 */
final class ExchangeRecorder implements ExchangeDetails {
  private final List<TriageEvent.AttemptDecided> retries = new ArrayList<>();
  private @Nullable Exchange exchange;
  private @Nullable Verdict verdict;
  private List<Finding> findings = List.of();

  @Override
  public synchronized void attemptDecided(TriageEvent.AttemptDecided event) {
    retries.add(event);
  }

  @Override
  public synchronized void exchangeCompleted(
      TriageEvent.ExchangeCompleted event, Verdict verdict, Exchange exchange) {
    this.exchange = exchange;
    this.verdict = verdict;
    this.findings = event.findings();
  }

  /** Forgets everything recorded so far. */
  synchronized void clear() {
    retries.clear();
    exchange = null;
    verdict = null;
    findings = List.of();
  }

  /**
   * The report of the exchange just completed, and a clean slate for the next.
   *
   * @throws CommandFailure when no exchange was reported (httptriage logs why)
   */
  synchronized ProbeReport take(String client) {
    if (exchange == null || verdict == null) {
      throw new CommandFailure(
          "the " + client + " client returned a response but httptriage reported no exchange");
    }
    ProbeReport report = new ProbeReport(client, exchange.allHops(), retries, findings, verdict);
    clear();
    return report;
  }
}
