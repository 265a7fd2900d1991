package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.ManualClock;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentFindingsTest {

  @Test
  void keepsTheLastFindingsNewestFirstAndCountsAll() {
    ManualClock clock = new ManualClock();
    RecentFindings recent = new RecentFindings(3, clock);
    for (int i = 1; i <= 5; i++) {
      recent.findingReported(reported("/p" + i));
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(recent.recent())
        .extracting(e -> e.target().orElseThrow())
        .containsExactly("http://127.0.0.1/p5", "http://127.0.0.1/p4", "http://127.0.0.1/p3");
    assertThat(recent.recent().get(0).time()).isAfter(recent.recent().get(1).time());
    assertThat(recent.reported()).isEqualTo(5);
    assertThat(recent.capacity()).isEqualTo(3);
  }

  @Test
  void refusesACapacityOutOfRange() {
    assertThatThrownBy(() -> new RecentFindings(0, new ManualClock()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity: must be in 1..10000, was 0");
  }

  private static TriageEvent.FindingReported reported(String path) {
    Finding finding =
        new Finding(
            Finding.Kind.METHOD_REWRITTEN,
            Finding.Severity.INFO,
            0,
            Optional.of("http://127.0.0.1" + path),
            Optional.empty(),
            "POST was followed as GET after 302",
            "RFC 9110 §15.4.3");
    return new TriageEvent.FindingReported(
        "jdk", "POST", Optional.of("http://127.0.0.1" + path), 200, finding);
  }
}
