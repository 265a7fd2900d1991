package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.exchange.RequestView;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.observe.TriageListener;
import io.httptriage.observe.TriageObservationContext;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call that ends in a transport failure, on the runtime with a scripted client: what the caller
 * gets, what the listener, the meters, the log and the observations are told, and how the client's
 * own resends are counted.
 */
class TransportFailureTriageTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<TriageEvent> events = new ArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private TriageConfig.Builder config() {
    TriageListener recorder =
        new TriageListener() {
          @Override
          public void attemptDecided(TriageEvent.AttemptDecided e) {
            events.add(e);
          }

          @Override
          public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
            events.add(e);
          }
        };
    DefaultTriageListener counting =
        DefaultTriageListener.builder().meterRegistry(meters).clientName("fake").build();
    return TriageConfig.builder()
        .retry(RetrySettings.builder().sleeper(d -> {}).build())
        .scheduler(scheduler)
        .listener(
            new TriageListener() {
              @Override
              public void attemptDecided(TriageEvent.AttemptDecided e) {
                recorder.attemptDecided(e);
                counting.attemptDecided(e);
              }

              @Override
              public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
                recorder.exchangeCompleted(e);
                counting.exchangeCompleted(e);
              }
            });
  }

  private static RequestView get() {
    return RequestView.of("GET", URI.create("http://a.example.test/a"));
  }

  private TriageEvent.ExchangeCompleted completed() {
    return events.stream()
        .filter(TriageEvent.ExchangeCompleted.class::isInstance)
        .map(TriageEvent.ExchangeCompleted.class::cast)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private long calls(String verdict, String error) {
    Timer t = meters.find("httptriage.calls").tag("verdict", verdict).tag("error", error).timer();
    return t == null ? 0 : t.count();
  }

  private double retries(String outcome, String error) {
    var c = meters.find("httptriage.retries").tag("outcome", outcome).tag("error", error).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aCallEndingInATransportFailureIsCompletedCountedAndLogged() {
    FakeClient client = new FakeClient();
    AtomicInteger sends = new AtomicInteger();
    Triage triage = Triage.of(config().build(), "fake");

    try (CapturedLog log = new CapturedLog("io.httptriage.retries", Level.INFO)) {
      assertThatThrownBy(
              () ->
                  triage.execute(
                      get(),
                      client,
                      r -> {
                        throw new ConnectException("refused " + sends.incrementAndGet());
                      }))
          .isInstanceOf(ConnectException.class)
          .hasMessage("refused 3")
          .satisfies(
              e ->
                  assertThat(e.getSuppressed())
                      .extracting(Throwable::getMessage)
                      .containsExactly("refused 1", "refused 2"));
      assertThat(log.leveled())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("WARN httptriage call failed error=not_sent client=fake")
                      .contains("method=GET target=http://a.example.test/a attempts=3")
                      .contains("refused_by=ATTEMPTS"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("INFO httptriage retry outcome=RETRY_SCHEDULED")
                      .contains("status=0")
                      .contains("error=not_sent errorType=java.net.ConnectException"));
    }

    assertThat(events)
        .filteredOn(TriageEvent.AttemptDecided.class::isInstance)
        .extracting(e -> ((TriageEvent.AttemptDecided) e).failure())
        .containsExactly(Optional.of("not_sent"), Optional.of("not_sent"), Optional.of("not_sent"));
    assertThat(retries("RETRY_SCHEDULED", "not_sent")).isEqualTo(2);
    assertThat(retries("GAVE_UP_ATTEMPTS", "not_sent")).isEqualTo(1);
    TriageEvent.ExchangeCompleted done = completed();
    assertThat(done.failure()).contains("not_sent");
    assertThat(done.status()).isZero();
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(done.verdict()).isEqualTo("FAIL");
    assertThat(done.refusedBy()).contains("ATTEMPTS");
    assertThat(calls("FAIL", "not_sent")).isEqualTo(1);
    assertThat(meters.find("httptriage.responses").counters())
        .as("no response, no response counted")
        .isEmpty();
  }

  @Test
  void aResponseAfterAFailureIsCountedWithoutError() throws IOException {
    FakeClient client = new FakeClient().answer(200);
    AtomicInteger sends = new AtomicInteger();
    Triage triage = Triage.of(config().build(), "fake");

    FakeClient.Resp r =
        triage.execute(
            get(),
            client,
            req -> {
              if (sends.incrementAndGet() == 1) {
                throw new SocketException("Connection reset");
              }
              return client.send(req);
            });

    assertThat(r.status()).isEqualTo(200);
    assertThat(completed().failure()).isEmpty();
    assertThat(completed().attempts()).isEqualTo(2);
    assertThat(calls("ACCEPT", "none")).isEqualTo(1);
    assertThat(events)
        .as("the resend at once is an attempt, not a retry decision, as the JDK's own")
        .noneMatch(TriageEvent.AttemptDecided.class::isInstance);
  }

  @Test
  void aResendOfTheClientCountsAsAnAttemptAndLeavesRoomForAnother() {
    FakeClient resending =
        new FakeClient() {
          @Override
          public int resentByClient(RequestView request, Throwable failure) {
            return 1; // as the JDK resends a GET whose connection closed before any byte
          }
        };
    AtomicInteger sends = new AtomicInteger();
    Triage triage = Triage.of(config().build(), "fake");

    assertThatThrownBy(
            () ->
                triage.execute(
                    get(),
                    resending,
                    r -> {
                      sends.incrementAndGet();
                      throw new IOException("HTTP/1.1 header parser received no bytes");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(sends).as("one send of ours, two requests on the wire, of 3 allowed").hasValue(1);
    assertThat(completed().attempts()).isEqualTo(2);
    assertThat(completed().refusedBy()).contains("ATTEMPTS");
  }

  @Test
  void anAsyncCallRetriesOnTheSchedulerAndEndsWithTheSameReport() throws Exception {
    FakeClient client = new FakeClient();
    AtomicInteger sends = new AtomicInteger();
    Triage triage = Triage.of(config().build(), "fake");

    CompletableFuture<FakeClient.Resp> result =
        triage.executeAsync(
            RequestView.of("POST", URI.create("http://a.example.test/a")),
            client,
            r ->
                CompletableFuture.failedFuture(
                    new SocketException("Connection reset " + sends.incrementAndGet())));

    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SocketException.class)
        .hasMessage("Connection reset 1");
    assertThat(sends).as("a POST without a key is not repeated after no response").hasValue(1);
    assertThat(completed().failure()).contains("sent_no_response");
    assertThat(events)
        .filteredOn(TriageEvent.AttemptDecided.class::isInstance)
        .extracting(e -> ((TriageEvent.AttemptDecided) e).outcome())
        .containsExactly(Outcome.NOT_IDEMPOTENT);
    assertThat(calls("FAIL", "sent_no_response")).isEqualTo(1);
  }

  @Test
  void theObservationsOfAFailedCallCarryTheFailureKind() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    FakeClient client = new FakeClient();
    Triage triage = Triage.of(config().observationRegistry(observations).build(), "fake");

    assertThatThrownBy(
            () ->
                triage.execute(
                    get(),
                    client,
                    r -> {
                      throw new SocketException("Connection reset");
                    }))
        .isInstanceOf(SocketException.class);

    // a reset GET is resent at once, a pair of attempts, and no other pair fits in 3
    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.CALL_NAME, 1)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.ATTEMPT_NAME, 2)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .extracting(Observation.Context::getLowCardinalityKeyValues)
                    .allSatisfy(
                        kv ->
                            assertThat(kv.stream())
                                .anySatisfy(
                                    k -> {
                                      assertThat(k.getKey()).isEqualTo("httptriage.error");
                                      assertThat(k.getValue()).isEqualTo("sent_no_response");
                                    })));
  }
}
