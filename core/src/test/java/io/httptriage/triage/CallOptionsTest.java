package io.httptriage.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setting of {@link CallOptions} at its edges, and how the engine resolves them. */
class CallOptionsTest {
  private static final PolicyRule RETRY_500 =
      PolicyRule.forCode(500).withRetryability(Retryability.IDEMPOTENT);

  @Test
  void noneChangesNothing() {
    CallOptions none = CallOptions.none();

    assertThat(CallOptions.ofDefaults()).isSameAs(none);
    assertThat(none.maxAttempts()).isEmpty();
    assertThat(none.deadline()).isEmpty();
    assertThat(none.rules()).isEmpty();
    assertThat(none.maxAttemptsOr(3)).isEqualTo(3);
    assertThat(none.deadlineOr(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(none).hasToString("CallOptions[rules=[]]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 100})
  void maxAttemptsInRangeIsKept(int value) {
    CallOptions options = CallOptions.none().withMaxAttempts(value);

    assertThat(options.maxAttempts()).isEqualTo(OptionalInt.of(value));
    assertThat(options.maxAttemptsOr(3)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void maxAttemptsOutOfRangeFailsNamingParameterAndValue(int value) {
    assertThatThrownBy(() -> CallOptions.none().withMaxAttempts(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts: must be in 1..100, was " + value);
  }

  @Test
  void noRetryIsOneAttempt() {
    assertThat(CallOptions.none().noRetry().maxAttempts()).isEqualTo(OptionalInt.of(1));
    assertThat(CallOptions.none().noRetry()).isEqualTo(CallOptions.none().withMaxAttempts(1));
  }

  @ParameterizedTest
  @CsvSource({"PT0.001S", "PT1S", "PT24H"})
  void deadlineInRangeIsKept(Duration value) {
    CallOptions options = CallOptions.none().withDeadline(value);

    assertThat(options.deadline()).hasValue(value);
    assertThat(options.deadlineOr(Duration.ofMinutes(1))).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"PT0S", "PT0.000999S", "PT-1S", "PT24H0.000000001S", "PT25H"})
  void deadlineOutOfRangeFailsNamingParameterAndValue(Duration value) {
    assertThatThrownBy(() -> CallOptions.none().withDeadline(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline: must be in PT0.001S..PT24H, was " + value);
  }

  @Test
  void nullDeadlineFails() {
    assertThatThrownBy(() -> CallOptions.none().withDeadline(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deadline: ");
  }

  @Test
  void rulesKeepTheirOrder() {
    PolicyRule never503 = PolicyRule.forCode(503).withRetryability(Retryability.NEVER);

    CallOptions options = CallOptions.none().withRule(RETRY_500).withRule(never503);

    assertThat(options.rules()).containsExactly(RETRY_500, never503);
    assertThat(CallOptions.none().rules()).isEmpty();
  }

  @Test
  void ruleThePolicyTableRefusesIsRefused() {
    assertThatThrownBy(() -> CallOptions.none().withRule(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule: must not be null");
    assertThatThrownBy(() -> CallOptions.none().withRule(PolicyRule.forCode(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replaces no decision");
    assertThatThrownBy(
            () ->
                CallOptions.none()
                    .withRule(PolicyRule.forRange(500, 599).withRetryability(Retryability.NEVER))
                    .withRule(RETRY_500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never applies");
  }

  @Test
  void aRetryingRuleAndNoRetryContradictInEitherOrder() {
    assertThatThrownBy(() -> CallOptions.none().withRule(RETRY_500).noRetry())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxAttempts: 1 allows no retry");
    assertThatThrownBy(() -> CallOptions.none().noRetry().withRule(RETRY_500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxAttempts: 1 allows no retry");
    assertThat(
            CallOptions.none()
                .noRetry()
                .withRule(PolicyRule.forCode(503).withRetryability(Retryability.NEVER))
                .rules())
        .hasSize(1);
  }

  @Test
  void equalOptionsAreEqual() {
    CallOptions a = CallOptions.none().withMaxAttempts(2).withDeadline(Duration.ofSeconds(1));
    CallOptions b = CallOptions.none().withDeadline(Duration.ofSeconds(1)).withMaxAttempts(2);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.withRule(RETRY_500));
    assertThat(a).hasToString("CallOptions[maxAttempts=2, deadline=PT1S, rules=[]]");
  }

  @Test
  void idempotencyKeysAreOffByDefaultAndCarriedByToBuilder() {
    assertThat(TriageConfig.ofDefaults().idempotencyKeys()).isFalse();
    TriageConfig on = TriageConfig.builder().idempotencyKeys(true).build();
    assertThat(on.idempotencyKeys()).isTrue();
    assertThat(on.toBuilder().build().idempotencyKeys()).isTrue();
    assertThat(on.toString()).contains("idempotencyKeys=true");
    assertThat(on.toBuilder().idempotencyKeys(false).build().idempotencyKeys()).isFalse();
  }

  @Test
  void withRulesFirstDropsTheRulesItShadows() {
    PolicyTable table = PolicyTable.builder().retryOn(503).build();

    PolicyTable call =
        table.withRulesFirst(
            List.of(PolicyRule.forRange(500, 599).withRetryability(Retryability.NEVER)));

    assertThat(PolicyLookup.policyFor(call, 503, "GET").isRetryable()).isFalse();
    assertThat(PolicyLookup.policyFor(call, 429, "GET").isRetryable())
        .as("the client's rule")
        .isFalse();
    assertThat(table.rules()).anyMatch(r -> r.coversCode(502));
    assertThat(call.rules().subList(1, call.rules().size()))
        .as("the client's 5xx rules, shadowed, are left out")
        .noneMatch(r -> r.coversCode(502) || r.coversCode(504))
        .anyMatch(r -> r.coversCode(429));
  }
}
