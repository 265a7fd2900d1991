package io.httptriage.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.classify.Methods;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTableTest {
  private final PolicyTable defaults = PolicyTable.ofDefaults();

  @ParameterizedTest(name = "{0}: retry={1}")
  @CsvSource({
    "408, IDEMPOTENT",
    "413, IDEMPOTENT_WITH_RETRY_AFTER",
    "421, ANY_REQUEST",
    "425, ANY_REQUEST",
    "429, IDEMPOTENT",
    "500, NEVER",
    "501, NEVER",
    "502, IDEMPOTENT",
    "503, IDEMPOTENT",
    "504, IDEMPOTENT",
    "400, NEVER",
    "401, NEVER",
    "404, NEVER",
    "522, IDEMPOTENT",
    "525, NEVER",
    "555, NEVER",
    "999, NEVER",
  })
  void retryDecisionsFollowTheRfcs(int code, Retryability expected) {
    assertThat(PolicyLookup.policyFor(defaults, code).retryability()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: redirect={1} method={2}")
  @CsvSource({
    "300, FOLLOW_IF_LOCATION, PRESERVE",
    "301, FOLLOW, POST_BECOMES_GET",
    "302, FOLLOW, POST_BECOMES_GET",
    "303, FOLLOW, BECOMES_GET",
    "304, NOT_A_REDIRECT, NOT_APPLICABLE",
    "305, NEVER_FOLLOW, NOT_APPLICABLE",
    "306, NEVER_FOLLOW, NOT_APPLICABLE",
    "307, FOLLOW, PRESERVE",
    "308, FOLLOW, PRESERVE",
    "399, FOLLOW_IF_LOCATION, PRESERVE",
    "200, NOT_A_REDIRECT, NOT_APPLICABLE",
  })
  void redirectDecisionsFollowRfc9110Section15_4(
      int code, RedirectRule redirect, MethodRule method) {
    StatusPolicy p = PolicyLookup.policyFor(defaults, code);
    assertThat(p.redirect()).isEqualTo(redirect);
    assertThat(p.method()).isEqualTo(method);
  }

  @Test
  void heuristicallyCacheableSetIsRfc9110ListPlus451() {
    int[] heuristic = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501};
    int count = 0;
    for (int code = 100; code <= 599; code++) {
      if (PolicyLookup.policyFor(defaults, code).isHeuristicallyCacheable()) {
        count++;
      }
    }
    for (int code : heuristic) {
      assertThat(PolicyLookup.policyFor(defaults, code).cacheability())
          .as("%s", code)
          .isEqualTo(Cacheability.HEURISTIC);
    }
    assertThat(count).isEqualTo(heuristic.length);
    assertThat(PolicyLookup.policyFor(defaults, 299).cacheability())
        .as("unknown 2xx")
        .isEqualTo(Cacheability.EXPLICIT_ONLY);
    assertThat(PolicyLookup.policyFor(defaults, 421).cacheability())
        .isEqualTo(Cacheability.EXPLICIT_ONLY);
    assertThat(PolicyLookup.policyFor(defaults, 429).cacheability())
        .isEqualTo(Cacheability.NEVER_STORE);
    assertThat(PolicyLookup.policyFor(defaults, 103).cacheability())
        .isEqualTo(Cacheability.NEVER_STORE);
  }

  @Test
  void methodRulesChangeOnlyPostForMovedAndFoundAndEverythingButHeadForSeeOther() {
    assertThat(MethodRule.POST_BECOMES_GET.followMethod("POST")).isEqualTo("GET");
    assertThat(MethodRule.POST_BECOMES_GET.followMethod("PUT")).isEqualTo("PUT");
    assertThat(MethodRule.POST_BECOMES_GET.keepsBody("PUT")).isTrue();
    assertThat(MethodRule.POST_BECOMES_GET.keepsBody("POST")).isFalse();
    assertThat(MethodRule.BECOMES_GET.followMethod("HEAD")).isEqualTo("HEAD");
    assertThat(MethodRule.BECOMES_GET.followMethod("DELETE")).isEqualTo("GET");
    assertThat(MethodRule.BECOMES_GET.keepsBody("GET")).isFalse();
    assertThat(MethodRule.PRESERVE.followMethod("PATCH")).isEqualTo("PATCH");
    assertThat(MethodRule.PRESERVE.keepsBody("PATCH")).isTrue();
  }

  @Test
  void everyDecisionCitesItsBasis() {
    StatusPolicy p = PolicyLookup.policyFor(defaults, 429);
    assertThat(p.basis().retry()).isEqualTo("RFC 6585 §4");
    assertThat(p.basis().cache()).isEqualTo("RFC 6585 §4");
    assertThat(PolicyLookup.policyFor(defaults, 451).basis().cache()).isEqualTo("RFC 7725 §3");
    assertThat(PolicyLookup.policyFor(defaults, 308).basis().method()).contains("RFC 7538");
  }

  @Test
  void overrideByCodeAndMethodAppliesOnlyToThatMethod() {
    PolicyTable table =
        PolicyTable.builder()
            .rule(
                PolicyRule.forCode(500)
                    .onlyForMethods("GET")
                    .withRetryability(Retryability.IDEMPOTENT))
            .build();
    assertThat(PolicyLookup.policyFor(table, 500, "GET").retryability())
        .isEqualTo(Retryability.IDEMPOTENT);
    assertThat(PolicyLookup.policyFor(table, 500, "GET").basis().retry()).startsWith("override");
    assertThat(PolicyLookup.policyFor(table, 500, "POST").retryability())
        .isEqualTo(Retryability.NEVER);
    assertThat(PolicyLookup.policyFor(table, 500).retryability()).isEqualTo(Retryability.NEVER);
    assertThat(PolicyLookup.dependsOnMethod(table, 500)).isTrue();
    assertThat(PolicyLookup.dependsOnMethod(table, 502)).isFalse();
  }

  @Test
  void firstMatchingRuleWinsAndKeepsUnsetDecisions() {
    PolicyTable table =
        PolicyTable.builder()
            .rule(PolicyRule.forCode(522).withRetryability(Retryability.NEVER))
            .rule(PolicyRule.forRange(520, 529).withRetryability(Retryability.ANY_REQUEST))
            .rule(PolicyRule.forClass(5).withCacheability(Cacheability.NEVER_STORE))
            .build();
    assertThat(PolicyLookup.policyFor(table, 522).retryability()).isEqualTo(Retryability.NEVER);
    assertThat(PolicyLookup.policyFor(table, 522).cacheability())
        .as("unset by the first match")
        .isEqualTo(Cacheability.EXPLICIT_ONLY);
    assertThat(PolicyLookup.policyFor(table, 524).retryability())
        .isEqualTo(Retryability.ANY_REQUEST);
    assertThat(PolicyLookup.policyFor(table, 501).cacheability())
        .isEqualTo(Cacheability.NEVER_STORE);
    assertThat(PolicyLookup.policyFor(table, 501).retryability()).isEqualTo(Retryability.NEVER);
    assertThat(PolicyLookup.policyFor(table, 404)).isEqualTo(PolicyLookup.defaultPolicyFor(404));
  }

  @Test
  void toBuilderKeepsEarlierRulesAndDefaultsStayUntouched() {
    PolicyTable first =
        PolicyTable.builder()
            .rule(PolicyRule.forCode(307).withMethod(MethodRule.BECOMES_GET))
            .build();
    PolicyTable second =
        first.toBuilder().rule(PolicyRule.forCode(301).withMethod(MethodRule.PRESERVE)).build();
    assertThat(second.rules()).hasSize(2);
    assertThat(PolicyLookup.policyFor(second, 307).method()).isEqualTo(MethodRule.BECOMES_GET);
    assertThat(PolicyLookup.policyFor(second, 301).method()).isEqualTo(MethodRule.PRESERVE);
    assertThat(PolicyLookup.policyFor(PolicyTable.ofDefaults(), 301).method())
        .isEqualTo(MethodRule.POST_BECOMES_GET);
    assertThat(PolicyTable.ofDefaults().rules()).isEmpty();
  }

  @Test
  void invalidOverridesFailFastNamingTheParameter() {
    assertThatThrownBy(() -> PolicyRule.forCode(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("code:");
    assertThatThrownBy(() -> PolicyRule.forCode(600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("code:");
    assertThatThrownBy(() -> PolicyRule.forRange(510, 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to:");
    assertThatThrownBy(() -> PolicyRule.forRange(99, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("from:");
    assertThatThrownBy(() -> PolicyRule.forClass(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("digit:");
    assertThatThrownBy(() -> PolicyRule.forClass(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("digit:");
    assertThat(PolicyRule.forClass(1)).isEqualTo(PolicyRule.forRange(100, 199));
    assertThatThrownBy(() -> PolicyRule.forCode(500).onlyForMethods())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("methods:");
    assertThatThrownBy(() -> PolicyRule.forCode(500).onlyForMethods("GET", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("methods:");
    assertThatThrownBy(() -> PolicyRule.forCode(500).withRetryability(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retryability:");
    assertThatThrownBy(() -> PolicyTable.builder().rule(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule:");
    assertThatThrownBy(() -> PolicyTable.builder().rule(PolicyRule.forCode(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule:");
  }

  @Test
  void idempotentMethodsAreThoseOfRfc9110() {
    for (String m : new String[] {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"}) {
      assertThat(Methods.isIdempotent(m)).as(m).isTrue();
    }
    for (String m : new String[] {"POST", "PATCH", "CONNECT", "get", "PROPFIND"}) {
      assertThat(Methods.isIdempotent(m)).as(m).isFalse();
    }
  }

  // ---- the retryOn shortcut writes rules; the table explains every decision ------------------

  @Test
  void retryOnRetriesExactlyTheListedCodesAndTheBasisNamesIt() {
    PolicyTable table = PolicyTable.builder().retryOn(429, 503).build();

    assertThat(
            IntStream.rangeClosed(100, 999)
                .filter(c -> PolicyLookup.policyFor(table, c).isRetryable())
                .boxed())
        .containsExactly(429, 503);
    assertThat(PolicyLookup.policyFor(table, 502).basis().retry()).startsWith("retryOn(429, 503)");
    assertThat(PolicyLookup.policyFor(table, 503).basis().retry()).isEqualTo("RFC 9110 §15.6.4");
  }

  @Test
  void retryOnOfACodeTheTableNeverRetriesRetriesItForIdempotentRequests() {
    PolicyTable table = PolicyTable.builder().retryOn(500).build();

    assertThat(PolicyLookup.policyFor(table, 500).retryability())
        .isEqualTo(Retryability.IDEMPOTENT);
    assertThat(PolicyLookup.policyFor(table, 500).basis().retry()).startsWith("retryOn(500)");
  }

  @Test
  void retryOnKeepsTheOwnRetryabilityOfAListedCode() {
    PolicyTable table = PolicyTable.builder().retryOn(413, 425).build();

    assertThat(PolicyLookup.policyFor(table, 413).retryability())
        .isEqualTo(Retryability.IDEMPOTENT_WITH_RETRY_AFTER);
    assertThat(PolicyLookup.policyFor(table, 425).retryability())
        .isEqualTo(Retryability.ANY_REQUEST);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {Integer.MIN_VALUE, -1, 0, 99, 100, 200, 304, 399, 600, 999, Integer.MAX_VALUE})
  void retryOnRejectsACodeThatIsNotAnError(int code) {
    assertThatThrownBy(() -> PolicyTable.builder().retryOn(503, code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retryOn: " + code);
  }

  @Test
  void retryOnRejectsAnEmptyList() {
    assertThatThrownBy(() -> PolicyTable.builder().retryOn()).hasMessageStartingWith("retryOn:");
  }

  @Test
  void retryOnAfterARuleThatRetriesACodeItLeavesOutIsAContradiction() {
    PolicyTable.Builder builder =
        PolicyTable.builder()
            .rule(
                PolicyRule.forCode(500)
                    .onlyForMethods("GET")
                    .withRetryability(Retryability.IDEMPOTENT));

    assertThatThrownBy(() -> builder.retryOn(429))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retries 500")
        .hasMessageContaining("call retryOn before adding rules");
  }

  @Test
  void retryOnAfterARuleThatNeverRetriesAListedCodeIsAContradiction() {
    PolicyTable.Builder builder =
        PolicyTable.builder().rule(PolicyRule.forCode(503).withRetryability(Retryability.NEVER));

    assertThatThrownBy(() -> builder.retryOn(503))
        .hasMessageContaining("contradicting retryOn(503)");
  }

  @Test
  void rejectsARuleThatAnEarlierRuleShadows() {
    PolicyTable.Builder builder =
        PolicyTable.builder()
            .rule(PolicyRule.forRange(500, 599).withRetryability(Retryability.NEVER));

    assertThatThrownBy(
            () ->
                builder.rule(
                    PolicyRule.forCode(503)
                        .onlyForMethods("GET")
                        .withRetryability(Retryability.IDEMPOTENT)))
        .hasMessageContaining("never applies");
  }

  @Test
  void rejectsARetryRuleOnCodesThatAreNeverRetried() {
    assertThatThrownBy(
            () ->
                PolicyTable.builder()
                    .rule(PolicyRule.forRange(200, 399).withRetryability(Retryability.IDEMPOTENT)))
        .hasMessageContaining("would do nothing");
  }

  @Test
  void rejectsARedirectRuleOnCodesThatAreNeverFollowed() {
    assertThatThrownBy(
            () ->
                PolicyTable.builder().rule(PolicyRule.forCode(404).withMethod(MethodRule.PRESERVE)))
        .hasMessageContaining("would do nothing");
  }

  @Test
  void acceptsARuleNarrowerThanNoEarlierOne() {
    PolicyTable table =
        PolicyTable.builder()
            .rule(
                PolicyRule.forCode(503)
                    .onlyForMethods("DELETE")
                    .withRetryability(Retryability.NEVER))
            .rule(PolicyRule.forCode(503).withRetryability(Retryability.ANY_REQUEST))
            .build();

    assertThat(PolicyLookup.policyFor(table, 503, "DELETE").isRetryable()).isFalse();
    assertThat(PolicyLookup.policyFor(table, 503, "POST").retryability())
        .isEqualTo(Retryability.ANY_REQUEST);
  }

  @Test
  void explainNamesEachDecisionOfTheLookupTheEngineReadsAndItsBasis() {
    PolicyTable table =
        PolicyTable.builder()
            .rule(
                PolicyRule.forCode(500)
                    .onlyForMethods("GET")
                    .withRetryability(Retryability.IDEMPOTENT))
            .build();

    String get = table.explain(500, "GET");
    String post = table.explain(500, "POST");

    StatusPolicy p = PolicyLookup.policyFor(table, 500, "GET");
    assertThat(get)
        .startsWith("500 GET: retryability=IDEMPOTENT (" + p.basis().retry() + ")")
        .contains("redirect=" + p.redirect() + " (" + p.basis().redirect() + ")")
        .contains("method=" + p.method() + " (" + p.basis().method() + ")")
        .endsWith("cacheability=" + p.cacheability() + " (" + p.basis().cache() + ")");
    assertThat(get).contains("override");
    assertThat(post).startsWith("500 POST: retryability=NEVER (").doesNotContain("override");
    assertThat(PolicyTable.ofDefaults().explain(-1, "GET")).startsWith("-1 GET: retryability=");
  }
}
