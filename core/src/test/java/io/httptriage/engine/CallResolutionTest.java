package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.Retryability;
import io.httptriage.triage.CallOptions;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the engine resolves a call's options: its table, and the idempotency keys it mints. */
class CallResolutionTest {
  private static final PolicyRule RETRY_500 =
      PolicyRule.forCode(500).withRetryability(Retryability.IDEMPOTENT);

  @Test
  void callsRulesGoFirstAndTheTableIsBuiltOncePerClient() {
    CallTable client =
        new CallTable(
            PolicyTable.builder().retryOn(503).build(),
            RedirectSettings.ofDefaults(),
            Clock.systemUTC());
    CallOptions options = CallOptions.none().withRule(RETRY_500);

    CallTable call = client.withRulesFirstKept(options.rules());

    assertThat(PolicyLookup.policyFor(call.table, 500, "GET").isRetryable()).isTrue();
    assertThat(PolicyLookup.policyFor(call.table, 503, "GET").isRetryable())
        .as("the client's rule")
        .isTrue();
    assertThat(call.table.rules().get(0)).isEqualTo(RETRY_500);
    assertThat(client.withRulesFirstKept(options.rules())).isSameAs(call);
    assertThat(client.withRulesFirstKept(CallOptions.none().rules())).isSameAs(client);
    CallTable another =
        new CallTable(PolicyTable.ofDefaults(), RedirectSettings.ofDefaults(), Clock.systemUTC());
    assertThat(another.withRulesFirstKept(options.rules())).isNotSameAs(call);
  }

  @Test
  void mintedKeyIsAQuotedUuidAndNewEachTime() {
    String key = IdempotencyKeys.mint();

    assertThat(key)
        .matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
    assertThat(IdempotencyKeys.mint()).isNotEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({
    "POST,,true",
    "PATCH,,true",
    "POST,k,false",
    "POST,'',false",
    "PUT,,false",
    "GET,,false",
    "post,,false",
    "DELETE,,false"
  })
  void onlyPostAndPatchWithoutTheFieldGetAKey(String method, String key, boolean needs) {
    Headers headers = key == null ? Headers.empty() : Headers.of("Idempotency-Key", key);
    RequestView request =
        RequestView.of(method, URI.create("https://api.example/orders"), headers, true, true);

    assertThat(IdempotencyKeys.needsKey(request)).isEqualTo(needs);
  }

  @Test
  void conflictRuleIsAddedOnlyWhenEnabledAndNoRuleOfTheUserDecides409() {
    PolicyTable defaults = PolicyTable.ofDefaults();
    PolicyTable user409 =
        PolicyTable.builder()
            .rule(PolicyRule.forCode(409).withRetryability(Retryability.NEVER))
            .build();

    assertThat(IdempotencyKeys.table(defaults, false)).isSameAs(defaults);
    assertThat(IdempotencyKeys.table(user409, true)).isSameAs(user409);
    PolicyTable keyed = IdempotencyKeys.table(defaults, true);
    assertThat(keyed.rules()).containsExactly(IdempotencyKeys.CONFLICT_IN_FLIGHT);
    assertThat(PolicyLookup.policyFor(keyed, 409, "POST").isRetryable()).isTrue();
    assertThat(PolicyLookup.policyFor(keyed, 409, "PUT").isRetryable()).isFalse();
    assertThat(PolicyLookup.policyFor(defaults, 409, "POST").isRetryable()).isFalse();
  }
}
