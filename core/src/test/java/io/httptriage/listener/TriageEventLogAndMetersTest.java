package io.httptriage.listener;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.httptriage.classify.Classifier;
import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.observe.TriageEvent.ExchangeCompleted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriageEventLogAndMetersTest {
  private static final String TARGET = "https://api.example/orders?token=*";
  private final ManualClock clock = new ManualClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DefaultTriageListener listener =
      DefaultTriageListener.builder()
          .clock(clock)
          .meterRegistry(registry)
          .clientName("payments")
          .build();
  private CapturedLog log;

  @BeforeEach
  void capture() {
    log = new CapturedLog(RetryLog.RETRIES_LOGGER, Level.DEBUG);
  }

  @AfterEach
  void release() {
    log.close();
  }

  static AttemptDecided retried(int attempt, long waitMillis, WaitSource source) {
    return new AttemptDecided(
        "payments",
        "GET",
        Optional.of(TARGET),
        0,
        attempt,
        3,
        429,
        Outcome.RETRY_SCHEDULED,
        Optional.of(Duration.ofMillis(waitMillis)),
        Optional.of(source.name()),
        Optional.empty(),
        Optional.empty(),
        Duration.ofMillis(12),
        List.of(),
        Optional.empty());
  }

  @Test
  void retryLineSaysTargetAttemptOfMaxAndTheWaitWithItsSource() {
    listener.attemptDecided(retried(1, 2000, WaitSource.RETRY_AFTER));

    assertThat(log.lines())
        .containsExactly(
            "httptriage retry outcome=RETRY_SCHEDULED client=payments"
                + " method=GET target="
                + TARGET
                + " hop=0 attempt=1/3 status=429 wait=2000ms"
                + " waitSource=RETRY_AFTER elapsed=12ms");
    assertThat(log.events().get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(log.events().get(0).getKeyValuePairs())
        .extracting(kv -> kv.key + "=" + kv.value)
        .containsExactly(
            "outcome=RETRY_SCHEDULED",
            "client=payments",
            "method=GET",
            "target=" + TARGET,
            "hop=0",
            "attempt=1",
            "maxAttempts=3",
            "status=429",
            "waitMillis=2000",
            "waitSource=RETRY_AFTER",
            "elapsedMillis=12");
  }

  @Test
  void refusedRetryLineNamesTheGateAtWarn() {
    listener.attemptDecided(
        new AttemptDecided(
            "payments",
            "GET",
            Optional.of(TARGET),
            0,
            1,
            3,
            503,
            Outcome.GAVE_UP_BUDGET,
            Optional.of(Duration.ofMillis(80)),
            Optional.of("BACKOFF"),
            Optional.of("BUDGET"),
            Optional.empty(),
            Duration.ofMillis(3),
            List.of(),
            Optional.empty()));

    assertThat(log.lines())
        .containsExactly(
            "httptriage retry outcome=GAVE_UP_BUDGET client=payments"
                + " method=GET target="
                + TARGET
                + " hop=0 attempt=1/3 status=503 wait=80ms"
                + " waitSource=BACKOFF gate=BUDGET elapsed=3ms");
    assertThat(log.events().get(0).getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void timesRetryWaitsBySource() {
    listener.attemptDecided(retried(1, 2000, WaitSource.RETRY_AFTER));
    listener.attemptDecided(retried(2, 1000, WaitSource.RETRY_AFTER));
    listener.attemptDecided(retried(1, 50, WaitSource.BACKOFF));

    assertThat(
            registry
                .get(CallMeters.WAITS)
                .tag("client", "payments")
                .tag("source", "RETRY_AFTER")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(3000.0);
    assertThat(registry.get(CallMeters.WAITS).tag("source", "BACKOFF").timer().count())
        .isEqualTo(1);
  }

  @Test
  void timesTheCallByOutcomeAndCountsItsAttempts() {
    Verdict ok = Classifier.ofDefaults().statusOnlyVerdict(200).orElseThrow();
    listener.exchangeCompleted(
        new ExchangeCompleted(
            "payments",
            "GET",
            Optional.of(TARGET),
            200,
            ok.kind().name(),
            ok.refusedBy().map(Enum::name),
            3,
            0,
            Duration.ofMillis(250),
            List.of(),
            Optional.empty()));

    assertThat(
            registry
                .get(CallMeters.CALLS)
                .tag("client", "payments")
                .tag("outcome", "SUCCESS")
                .tag("verdict", "ACCEPT")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(250.0);
    assertThat(registry.get(CallMeters.ATTEMPTS).tag("client", "payments").summary().totalAmount())
        .isEqualTo(3.0);
  }
}
