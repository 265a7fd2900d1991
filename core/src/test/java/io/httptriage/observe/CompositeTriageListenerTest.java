package io.httptriage.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.classify.Verdict;
import io.httptriage.contract.CapturedLog;
import io.httptriage.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTriageListenerTest {

  /** Records what it is told. */
  private static final class Recorder implements TriageListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void exchangeCompleted(int status, Verdict verdict, List<Finding> findings) {
      calls.add(status + " " + verdict.kind());
    }

    @Override
    public void retryDecided(String outcome, int status, String method) {
      calls.add(outcome + " " + status + " " + method);
    }
  }

  @Test
  void tellsEveryListenerInOrder() {
    List<String> order = new ArrayList<>();
    TriageListener first = new TriageListener() {
      @Override
      public void retryDecided(String outcome, int status, String method) {
        order.add("first");
      }
    };
    Recorder second = new Recorder();

    TriageListener both = TriageListener.composite(first, second);
    both.retryDecided("RETRIED", 503, "GET");
    both.exchangeCompleted(200, Verdicts.ACCEPT, List.of());

    assertThat(order).containsExactly("first");
    assertThat(second.calls).containsExactly("RETRIED 503 GET", "200 ACCEPT");
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersNorTheRequest() {
    TriageListener broken = new TriageListener() {
      @Override
      public void exchangeCompleted(int status, Verdict verdict, List<Finding> findings) {
        throw new IllegalStateException("secret=s3cret");
      }
    };
    Recorder after = new Recorder();

    try (CapturedLog log = new CapturedLog(CompositeTriageListener.class.getName(), Level.WARN)) {
      TriageListener.composite(broken, after)
          .exchangeCompleted(500, Verdicts.FAIL, List.of());

      assertThat(after.calls).containsExactly("500 FAIL");
      assertThat(log.all()).contains("IllegalStateException").doesNotContain("s3cret");
    }
  }

  @Test
  void aCompositeOfOneStillShieldsTheRequest() {
    TriageListener broken = new TriageListener() {
      @Override
      public void retryDecided(String outcome, int status, String method) {
        throw new IllegalStateException();
      }
    };

    try (CapturedLog log = new CapturedLog(CompositeTriageListener.class.getName(), Level.OFF)) {
      TriageListener.composite(broken).retryDecided("RETRIED", 503, "GET");
    }
  }

  @Test
  void theNoopListenerDoesNothing() {
    TriageListener.noop().exchangeCompleted(200, Verdicts.ACCEPT, List.of());
    TriageListener.noop().retryDecided("RETRIED", 503, "GET");

    assertThat(TriageListener.composite()).isSameAs(TriageListener.noop());
  }

  @Test
  void rejectsNullListeners() {
    assertThatThrownBy(() -> TriageListener.composite(new Recorder(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
  }
}
