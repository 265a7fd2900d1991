package io.httptriage.retry;

import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.ANSWERED_AFTER_RETRY;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.BODY_NOT_REPLAYABLE;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.GAVE_UP_BUDGET;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_IDEMPOTENT;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.NOT_RETRYABLE;
import static io.httptriage.observe.TriageEvent.AttemptDecided.Outcome.RETRY_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests and statuses are retried at all. */
class RetryGateTest {
  private final Harness h = new Harness();

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
  void retriesIdempotentMethods(String method) throws IOException {
    h.server.respond(503, 200);

    h.execute(h.engine(), RequestView.of(method, Harness.URL));

    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PATCH", "get", "CONNECT"})
  void doesNotRetryNonIdempotentMethods(String method) throws IOException {
    h.server.respond(503, 200);

    Server.Response response =
        h.execute(h.engine(), RequestView.of(method, Harness.URL, Headers.empty(), true, true));

    assertThat(response.status()).isEqualTo(503);
    assertThat(h.outcomes()).containsExactly(NOT_IDEMPOTENT);
    assertThat(h.server.discarded()).isEmpty();
  }

  @Test
  void retriesPostOnlyWithIdempotencyKey() throws IOException {
    h.server.respond(503, 503, 200);
    Engine engine = h.engine();

    assertThat(h.execute(engine, Harness.post()).status()).isEqualTo(503);
    assertThat(h.execute(engine, Harness.postWithKey("8e0f-4c1a")).status()).isEqualTo(200);

    assertThat(h.outcomes()).containsExactly(NOT_IDEMPOTENT, RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @Test
  void doesNotCountABlankIdempotencyKey() throws IOException {
    h.server.respond(503);

    h.execute(h.engine(), Harness.postWithKey("  "));

    assertThat(h.outcomes()).containsExactly(NOT_IDEMPOTENT);
  }

  /** The former retryNonIdempotent knob is a rule now: the table alone decides. */
  @Test
  void retriesPostWithoutKeyWhenARuleSaysAnyRequest() throws IOException {
    h.server.respond(429, 200);
    PolicyTable anyRequest =
        PolicyTable.builder()
            .rule(PolicyRule.forCode(429).withRetryability(Retryability.ANY_REQUEST))
            .build();

    h.execute(Engine.of(h.settings().build(), anyRequest), Harness.post());

    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @Test
  void retriesMisdirectedRequestWhateverTheMethod() throws IOException {
    h.server.respond(421, 200);

    h.execute(h.engine(), Harness.post());

    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
  }

  @Test
  void neverRetriesABodyThatCannotBeReplayed() throws IOException {
    h.server.respond(503, 200);
    Engine optedIn =
        Engine.of(
            h.settings().build(),
            PolicyTable.builder()
                .rule(PolicyRule.forCode(503).withRetryability(Retryability.ANY_REQUEST))
                .build());

    Server.Response response = h.execute(optedIn, Harness.putWithOneShotBody());

    assertThat(response.status()).isEqualTo(503);
    assertThat(h.server.sent()).isEqualTo(1);
    assertThat(h.outcomes()).containsExactly(BODY_NOT_REPLAYABLE);
  }

  @Test
  void retriesPayloadTooLargeOnlyWithRetryAfter() throws IOException {
    h.server.respond(413).respond(413, Headers.of("Retry-After", "1")).respond(200);
    Engine engine = h.engine();

    h.execute(engine, Harness.get());
    h.execute(engine, Harness.get());

    assertThat(h.outcomes()).containsExactly(NOT_RETRYABLE, RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
    assertThat(h.sleptMillis()).containsExactly(1000L);
  }

  @Test
  void doesNotRetryInternalServerErrorByDefault() throws IOException {
    h.server.respond(500, 200);

    assertThat(h.execute(h.engine(), Harness.get()).status()).isEqualTo(500);
    assertThat(h.events).isEmpty();
  }

  @Test
  void retriesAListedCodeTheTableNeverRetriesForIdempotentRequestsOnly() throws IOException {
    h.server.respond(500, 200, 500);
    Engine engine = Engine.of(h.settings().build(), PolicyTable.builder().retryOn(500).build());

    h.execute(engine, Harness.get());
    h.execute(engine, Harness.post());

    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY, NOT_IDEMPOTENT);
  }

  @Test
  void doesNotRetryAStatusLeftOutOfRetryOn() throws IOException {
    h.server.respond(503, 200);

    Server.Response response =
        h.execute(
            Engine.of(h.settings().build(), PolicyTable.builder().retryOn(429).build()),
            Harness.get());

    assertThat(response.status()).isEqualTo(503);
    assertThat(h.events).isEmpty();
  }

  @Test
  void followsAPolicyRuleThatForbidsARetry() throws IOException {
    PolicyTable table =
        PolicyTable.builder()
            .rule(
                PolicyRule.forCode(503)
                    .onlyForMethods("DELETE")
                    .withRetryability(Retryability.NEVER))
            .build();
    h.server.respond(503);

    h.execute(Engine.of(h.settings().build(), table), RequestView.of("DELETE", Harness.URL));

    assertThat(h.outcomes()).containsExactly(NOT_RETRYABLE);
  }

  @Test
  void returnsTheResponseAtOnceAndCountsTheRefusalWhenTheBudgetIsSpent() throws IOException {
    Harness h = new Harness();
    Engine engine = Engine.of(h.settings().budgetRatio(0.5).budgetMinRetriesPerSecond(0).build());
    h.server.respond(200).respond(200).respond(503).respond(503);

    h.execute(engine, Harness.get());
    h.execute(engine, Harness.get());
    h.execute(engine, Harness.get());

    // Two healthy answers earn floor(0.5 * 2) = 1 retry; the failing call spends it, then is
    // refused.
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, GAVE_UP_BUDGET);
    assertThat(engine.budgetRefusals()).isEqualTo(1);
    assertThat(h.events.get(0).waitTime()).isPresent();
    assertThat(h.server.sent()).isEqualTo(4);
  }

  @Test
  void budgetRemainingCountsDownAsRetriesAreMadeAndRefused() throws IOException {
    Harness h = new Harness();
    Engine engine = Engine.of(h.settings().budgetRatio(0.5).budgetMinRetriesPerSecond(0).build());
    assertThat(engine.budgetRemaining()).isZero();
    h.server.respond(200).respond(200).respond(200).respond(200);

    for (int i = 0; i < 4; i++) {
      h.execute(engine, Harness.get());
    }
    // Four healthy answers earn floor(0.5 * 4) = 2 retries.
    assertThat(engine.budgetRemaining()).isEqualTo(2);

    h.server.respond(503).respond(200);
    h.execute(engine, Harness.get());

    // The failing call spent one of them and earned nothing.
    assertThat(h.outcomes()).containsExactly(RETRY_SCHEDULED, ANSWERED_AFTER_RETRY);
    assertThat(engine.budgetRemaining()).isEqualTo(1);
  }
}
