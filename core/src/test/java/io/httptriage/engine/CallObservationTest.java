package io.httptriage.engine;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallObservationTest {
  private static final Optional<String> TARGET = Optional.of("http://127.0.0.1/x?q=*");
  private final TestObservationRegistry registry = TestObservationRegistry.create();

  @Test
  void aRetriedCallIsOneParentWithAnAttemptChildPerRequest() {
    CallObservation call = CallObservation.start(registry, null, "okhttp", "GET", TARGET, true);
    assertThat(registry.getCurrentObservation()).isNotNull();
    call.attemptStarted(0, 1, "GET", TARGET).close();
    call.attemptEnded(429, Verdict.Kind.RETRY, Optional.empty());
    call.attemptStarted(0, 2, "GET", TARGET).close();
    call.attemptEnded(200, Verdict.Kind.ACCEPT, Optional.empty());
    call.completed(200, Verdict.Kind.ACCEPT, Optional.empty(), 0);

    assertThat(registry.getCurrentObservation()).isNull();
    assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.CALL_NAME, 1)
        .hasNumberOfObservationsWithNameEqualTo(TriageObservationContext.ATTEMPT_NAME, 2)
        .hasHandledContextsThatSatisfy(
            contexts -> {
              Observation.Context parent =
                  contexts.stream()
                      .filter(c -> c.getName().equals(TriageObservationContext.CALL_NAME))
                      .findFirst()
                      .orElseThrow();
              assertThat(contexts)
                  .filteredOn(c -> c.getName().equals(TriageObservationContext.ATTEMPT_NAME))
                  .allSatisfy(
                      c -> assertThat(c.getParentObservation().getContextView()).isSameAs(parent))
                  .extracting(
                      c ->
                          c.getContextualName()
                              + " "
                              + c.getLowCardinalityKeyValue("http.response.status_code").getValue()
                              + " resend="
                              + c.getLowCardinalityKeyValue("http.request.resend_count").getValue())
                  .containsExactly("GET attempt 1 429 resend=0", "GET attempt 2 200 resend=1");
            });
    assertThat(registry)
        .hasObservationWithNameEqualTo(TriageObservationContext.CALL_NAME)
        .that()
        .hasBeenStarted()
        .hasBeenStopped()
        .hasContextualNameEqualTo("httptriage GET")
        .hasLowCardinalityKeyValue("client", "okhttp")
        .hasLowCardinalityKeyValue("http.request.method", "GET")
        .hasLowCardinalityKeyValue("http.response.status_code", "200")
        .hasLowCardinalityKeyValue("httptriage.status_class", "2xx")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("httptriage.verdict", "ACCEPT")
        .hasLowCardinalityKeyValue("http.request.resend_count", "1")
        .hasLowCardinalityKeyValue("error.type", "none")
        .hasHighCardinalityKeyValue("url.full", TARGET.get());
  }

  @Test
  void aRefusedRetryNamesItsGateAndTheErrorType() {
    CallObservation call = CallObservation.start(registry, null, "jdk", "POST", TARGET, false);
    call.attemptStarted(0, 1, "POST", TARGET).close();
    call.attemptEnded(503, Verdict.Kind.FAIL, Optional.of(Verdict.Gate.BUDGET));
    call.completed(503, Verdict.Kind.FAIL, Optional.of(Verdict.Gate.BUDGET), 0);

    assertThat(registry)
        .hasObservationWithNameEqualTo(TriageObservationContext.ATTEMPT_NAME)
        .that()
        .hasLowCardinalityKeyValue("httptriage.refused_by", "BUDGET")
        .hasLowCardinalityKeyValue("error.type", "503")
        .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR");
  }

  @Test
  void aFindingIsAnEventOnTheAttemptOfItsHop() {
    CallObservation call = CallObservation.start(registry, null, "okhttp", "POST", TARGET, true);
    call.attemptStarted(0, 1, "POST", TARGET).close();
    call.attemptEnded(302, Verdict.Kind.FOLLOW, Optional.empty());
    call.attemptStarted(1, 1, "GET", TARGET).close();
    call.finding(
        new Finding(
            Finding.Kind.METHOD_REWRITTEN,
            Finding.Severity.WARNING,
            0,
            TARGET,
            TARGET,
            "POST became GET",
            "RFC 9110 §15.4.3"),
        0);
    call.finding(
        new Finding(
            Finding.Kind.UNOFFICIAL_STATUS,
            Finding.Severity.INFO,
            1,
            TARGET,
            Optional.empty(),
            "unofficial",
            "IANA"),
        1);
    call.attemptEnded(200, Verdict.Kind.ACCEPT, Optional.empty());
    call.completed(200, Verdict.Kind.ACCEPT, Optional.empty(), 1);

    assertThat(registry)
        .hasObservationWithNameEqualTo(TriageObservationContext.CALL_NAME)
        .that()
        .hasEvent("httptriage.finding.METHOD_REWRITTEN")
        .hasLowCardinalityKeyValue("httptriage.hop", "1");
    assertThat(registry)
        .hasHandledContextsThatSatisfy(
            contexts ->
                assertThat(contexts)
                    .filteredOn(
                        c ->
                            "POST hop 1 attempt 1".equals(c.getContextualName())
                                || "GET hop 1 attempt 1".equals(c.getContextualName()))
                    .hasSize(1));
  }

  @Test
  void aFailedSendEndsTheAttemptAndTheCallWithTheError() {
    CallObservation call = CallObservation.start(registry, null, "okhttp", "GET", TARGET, true);
    call.attemptStarted(0, 1, "GET", TARGET).close();
    call.failed(new IOException("reset"));

    assertThat(registry.getCurrentObservation()).isNull();
    assertThat(registry)
        .hasObservationWithNameEqualTo(TriageObservationContext.ATTEMPT_NAME)
        .that()
        .hasBeenStopped()
        .hasError();
    assertThat(registry)
        .hasObservationWithNameEqualTo(TriageObservationContext.CALL_NAME)
        .that()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("error.type", "java.io.IOException");
  }
}
