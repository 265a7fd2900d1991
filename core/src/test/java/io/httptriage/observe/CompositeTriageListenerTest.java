package io.httptriage.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.finding.Finding;
import io.httptriage.listener.Events;
import io.httptriage.listener.Findings;
import io.httptriage.listener.Verdicts;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTriageListenerTest {

  /** Records what it is told. */
  private static final class Recorder implements TriageListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
      calls.add(e.status() + " " + e.verdict());
    }

    @Override
    public void attemptDecided(TriageEvent.AttemptDecided e) {
      calls.add(e.outcome() + " " + e.status() + " " + e.method());
    }

    @Override
    public void findingReported(TriageEvent.FindingReported e) {
      calls.add(e.finding().kind().name());
    }
  }

  @Test
  void tellsEveryListenerInOrder() {
    List<String> order = new ArrayList<>();
    TriageListener first =
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided e) {
            order.add("first");
          }
        };
    Recorder second = new Recorder();

    TriageListener both = TriageListener.composite(first, second);
    Events.decided(both, Outcome.RETRY_SCHEDULED, 503, "GET");
    Events.complete(
        both,
        200,
        Verdicts.ACCEPT,
        List.of(
            Findings.at(
                "https://a.example/", Finding.Kind.METHOD_REWRITTEN, Finding.Severity.WARNING)));

    assertThat(order).containsExactly("first");
    assertThat(second.calls)
        .containsExactly("RETRY_SCHEDULED 503 GET", "METHOD_REWRITTEN", "200 ACCEPT");
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersNorTheRequest() {
    TriageListener broken =
        new TriageListener() {
          @Override
          public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
            throw new IllegalStateException("secret=s3cret");
          }
        };
    Recorder after = new Recorder();

    try (CapturedLog log = new CapturedLog(CompositeTriageListener.class.getName(), Level.WARN)) {
      Events.complete(TriageListener.composite(broken, after), 500, Verdicts.FAIL, List.of());

      assertThat(after.calls).containsExactly("500 FAIL");
      assertThat(log.all()).contains("IllegalStateException").doesNotContain("s3cret");
    }
  }

  @Test
  void aCompositeOfOneStillShieldsTheRequest() {
    TriageListener broken =
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided e) {
            throw new IllegalStateException();
          }
        };

    try (CapturedLog log = new CapturedLog(CompositeTriageListener.class.getName(), Level.OFF)) {
      Events.decided(TriageListener.composite(broken), Outcome.RETRY_SCHEDULED, 503, "GET");
    }
  }

  @Test
  void theNoopListenerDoesNothing() {
    Events.complete(TriageListener.noop(), 200, Verdicts.ACCEPT, List.of());
    Events.decided(TriageListener.noop(), Outcome.RETRY_SCHEDULED, 503, "GET");

    assertThat(TriageListener.composite()).isSameAs(TriageListener.noop());
  }

  @Test
  void rejectsNullListeners() {
    assertThatThrownBy(() -> TriageListener.composite(new Recorder(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }
}
