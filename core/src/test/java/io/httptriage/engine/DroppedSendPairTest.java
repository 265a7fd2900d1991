package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.ManualClock;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Core's rule for a GET or HEAD whose connection closed before any response byte: it is resent at
 * once, a pair of attempts, and retried after a backoff only when another pair fits, whether the
 * client made the resend itself (the JDK) or core made it (OkHttp), and even when one attempt is
 * allowed, since the JDK resends whatever its settings. Everything else costs one attempt per send.
 */
class DroppedSendPairTest {
  private static final URI TARGET = URI.create("http://a.example.test/a");

  private final List<Duration> waits = new ArrayList<>();
  private final List<TriageEvent.ExchangeCompleted> completed = new ArrayList<>();

  private Triage triage(int maxAttempts) {
    return triage(RetrySettings.builder().maxAttempts(maxAttempts).sleeper(waits::add).build());
  }

  private Triage triage(RetrySettings settings) {
    return Triage.of(
        TriageConfig.builder()
            .retry(settings)
            .listener(
                new TriageListener() {
                  @Override
                  public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
                    completed.add(e);
                  }
                })
            .build(),
        "fake");
  }

  /** The sends of a call whose every send throws what {@code failure} makes, until it ends. */
  private int sendsUntilFailed(
      Triage triage, FakeClient client, RequestView request, IOException failure) {
    AtomicInteger sends = new AtomicInteger();
    assertThatThrownBy(
            () ->
                triage.execute(
                    request,
                    client,
                    r -> {
                      sends.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure);
    return sends.get();
  }

  private static RequestView request(String method, String... headers) {
    return RequestView.of(method, TARGET, Headers.of(headers), !method.equals("GET"), true);
  }

  @ParameterizedTest(name = "{0} attempts: {1} sends")
  @CsvSource({"1, 2", "2, 2", "3, 2", "4, 4", "5, 4", "6, 6"})
  void aResetGetCostsAPairAndIsRetriedOnlyWhenAnotherPairFits(int maxAttempts, int sends) {
    int made =
        sendsUntilFailed(
            triage(maxAttempts),
            new FakeClient(),
            request("GET"),
            new SocketException("Connection reset"));

    assertThat(made).isEqualTo(sends);
    assertThat(completed.get(0).attempts()).isEqualTo(sends);
  }

  @Test
  void theResendOfAPairIsMadeAtOnceAndTheRetryBetweenPairsAfterABackoff() {
    RetrySettings backoff =
        RetrySettings.builder()
            .maxAttempts(4)
            .backoffBase(Duration.ofMillis(100))
            .random(new java.util.Random(7))
            .sleeper(waits::add)
            .build();
    Triage triage = Triage.of(TriageConfig.builder().retry(backoff).build(), "fake");

    int made =
        sendsUntilFailed(
            triage, new FakeClient(), request("HEAD"), new IOException("unexpected end of stream"));

    assertThat(made).isEqualTo(4);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).as("the pair's resend").isZero();
    assertThat(waits.get(2)).as("the second pair's resend").isZero();
    assertThat(waits.get(1))
        .as("the backoff between pairs")
        .isBetween(Duration.ZERO, Duration.ofMillis(200));
  }

  @ParameterizedTest(name = "{0} attempts")
  @CsvSource({"1", "3"})
  void aDroppedGetWhoseBodyCannotBeReplayedIsNotResent(int maxAttempts) {
    RequestView oneShotBody = RequestView.of("GET", TARGET, Headers.of(), true, false);

    int made =
        sendsUntilFailed(
            triage(maxAttempts),
            new FakeClient(),
            oneShotBody,
            new SocketException("Connection reset"));

    assertThat(made).as("the one gate a resend at once must pass").isEqualTo(1);
  }

  @Test
  void aDroppedGetIsResentAtOncePastItsDeadlineButNotRetriedAfter() {
    ManualClock clock = new ManualClock();
    Triage triage =
        triage(
            RetrySettings.builder()
                .maxAttempts(4)
                .deadline(Duration.ofSeconds(1))
                .clock(clock)
                .sleeper(waits::add)
                .build());
    AtomicInteger sends = new AtomicInteger();

    assertThatThrownBy(
            () ->
                triage.execute(
                    request("GET"),
                    new FakeClient(),
                    r -> {
                      sends.incrementAndGet();
                      clock.advance(Duration.ofSeconds(2));
                      throw new SocketException("Connection reset");
                    }))
        .isInstanceOf(SocketException.class);

    assertThat(sends).as("the pair, as the JDK resends past any deadline").hasValue(2);
    assertThat(completed.get(0).refusedBy()).as("no backoff retry after it").contains("DEADLINE");
  }

  @Test
  void aReadTimeoutIsNotPaired() {
    int made =
        sendsUntilFailed(
            triage(3),
            new FakeClient(),
            request("GET"),
            new SocketTimeoutException("Read timed out"));

    assertThat(made)
        .as("one attempt per timeout, as the JDK, which never resends one")
        .isEqualTo(3);
  }

  @Test
  void aPostWithAnIdempotencyKeyIsNotPaired() {
    int made =
        sendsUntilFailed(
            triage(3),
            new FakeClient(),
            request("POST", "Idempotency-Key", "\"k1\""),
            new SocketException("Connection reset"));

    assertThat(made).as("retried, but the JDK resends no POST by itself").isEqualTo(3);
  }

  @Test
  void aPutIsNotPaired() {
    int made =
        sendsUntilFailed(
            triage(3), new FakeClient(), request("PUT"), new SocketException("Connection reset"));

    assertThat(made).isEqualTo(3);
  }

  @Test
  void aPairTheClientMadeItselfIsNotResentAgainByCore() {
    FakeClient resending =
        new FakeClient() {
          @Override
          public int resentByClient(RequestView request, Throwable failure) {
            return 1; // as the JDK resends a GET whose connection closed before any byte
          }
        };

    int made =
        sendsUntilFailed(
            triage(4), resending, request("GET"), new SocketException("Connection reset"));

    assertThat(made).as("two sends of ours, each a pair on the wire").isEqualTo(2);
    assertThat(completed.get(0).attempts()).isEqualTo(4);
  }

  @Test
  void aResponseToTheResendEndsThePair() throws IOException {
    FakeClient client = new FakeClient().answer(503).answer(200);
    AtomicInteger sends = new AtomicInteger();
    Triage triage = triage(3);

    FakeClient.Resp r =
        triage.execute(
            request("GET"),
            client,
            req -> {
              if (sends.incrementAndGet() == 1) {
                throw new SocketException("Connection reset");
              }
              return client.send(req);
            });

    assertThat(r.status()).isEqualTo(200);
    assertThat(sends).as("reset, resent at once: 503, retried: 200").hasValue(3);
  }
}
