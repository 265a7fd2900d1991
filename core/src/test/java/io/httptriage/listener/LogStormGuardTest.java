package io.httptriage.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogStormGuardTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void letsEveryLineThroughBelowTheRate() {
    LogStormGuard<String> guard = new LogStormGuard<>(clock, 10, 16);

    for (int i = 0; i < 100; i++) {
      assertThat(guard.admit("k")).as("line %d", i).isZero();
      clock.advance(Duration.ofMillis(100));
    }
    assertThat(guard.takeHeldBack()).isEmpty();
  }

  @Test
  void holdsBackOnlyPastTheRateWithinOneSecondAndSaysHowManyOnTheNextLine() {
    LogStormGuard<String> guard = new LogStormGuard<>(clock, 10, 16);

    for (int i = 0; i < 10; i++) {
      assertThat(guard.admit("k")).isZero();
    }
    assertThat(guard.admit("k")).isEqualTo(LogStormGuard.HELD);
    assertThat(guard.admit("k")).isEqualTo(LogStormGuard.HELD);
    assertThat(guard.admit("other")).as("another key has its own rate").isZero();
    clock.advance(Duration.ofMillis(999));
    assertThat(guard.admit("k")).isEqualTo(LogStormGuard.HELD);
    clock.advance(Duration.ofMillis(1));
    assertThat(guard.admit("k")).isEqualTo(3);
    assertThat(guard.admit("k")).isZero();
    assertThat(guard.takeHeldBack()).isEmpty();
  }

  @Test
  void handsOutWhatNoLaterLineReportedOnceTheSecondIsOver() {
    LogStormGuard<String> guard = new LogStormGuard<>(clock, 1, 16);
    guard.admit("k");
    guard.admit("k");
    guard.admit("k");

    assertThat(guard.takeHeldBack()).as("the second is not over").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(guard.takeHeldBack()).containsExactly(new LogStormGuard.HeldBack<>("k", 2));
    assertThat(guard.takeHeldBack()).as("each count is handed out once").isEmpty();
    assertThat(guard.admit("k")).as("and not again on the next line").isZero();
  }

  @Test
  void aClockGoingBackStartsANewSecond() {
    LogStormGuard<String> guard = new LogStormGuard<>(clock, 1, 16);
    guard.admit("k");
    assertThat(guard.admit("k")).isEqualTo(LogStormGuard.HELD);

    clock.advance(Duration.ofMillis(-5));

    assertThat(guard.admit("k")).isEqualTo(1);
  }

  @Test
  void forgetsTheLeastRecentlySeenKeyWhenFullAndReportsWhatItHeld() {
    LogStormGuard<String> guard = new LogStormGuard<>(clock, 1, 2);
    guard.admit("a");
    guard.admit("a");
    guard.admit("b");
    guard.admit("a");
    guard.admit("c");

    assertThat(guard.size()).isEqualTo(2);
    assertThat(guard.takeHeldBack()).as("b held nothing; a is still remembered").isEmpty();
    guard.admit("d");
    assertThat(guard.takeHeldBack()).containsExactly(new LogStormGuard.HeldBack<>("a", 2));
    assertThat(guard.admit("a")).as("a was forgotten").isZero();
  }

  @Test
  void staysWithinItsBoundAndLosesNoCountWhateverTheNumberOfKeys() {
    LogStormGuard<Integer> guard = new LogStormGuard<>(clock, 1, 64);
    int reported = 0;

    for (int key = 0; key < 10_000; key++) {
      for (int line = 0; line < 3; line++) {
        guard.admit(key);
      }
      reported += guard.takeHeldBack().stream().mapToInt(LogStormGuard.HeldBack::count).sum();
    }
    clock.advance(Duration.ofSeconds(1));
    reported += guard.takeHeldBack().stream().mapToInt(LogStormGuard.HeldBack::count).sum();

    assertThat(guard.size()).isEqualTo(64);
    assertThat(reported).as("2 of every 3 lines held back, each one reported").isEqualTo(20_000);
  }
}
