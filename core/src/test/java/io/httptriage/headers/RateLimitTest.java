package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

  private static RateLimit limits(String... lines) {
    return RateLimit.parse(List.of(lines), List.of());
  }

  @Test
  void readsTheDraftExample() {
    RateLimit rl = limits("\"default\";r=50;t=30");

    assertThat(rl.limits()).containsExactly(
        new RateLimit.ServiceLimit("default", 50, Optional.of(Duration.ofSeconds(30))));
    assertThat(rl.problems()).isEmpty();
    assertThat(rl.exhaustedWait()).isEmpty();
  }

  @Test
  void waitsForTheResetWhenNoQuotaRemains() {
    assertThat(limits("\"default\";r=0;t=30").exhaustedWait()).contains(Duration.ofSeconds(30));
  }

  @Test
  void acceptsATokenAsPolicyIdentifier() {
    assertThat(limits("default;r=0;t=7").exhaustedWait()).contains(Duration.ofSeconds(7));
  }

  @Test
  void waitsForTheLongestResetAmongExhaustedLimits() {
    RateLimit rl = limits("\"burst\";r=0;t=5, \"daily\";r=0;t=40", "\"hourly\";r=3;t=3000");

    assertThat(rl.limits()).hasSize(3);
    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(40));
  }

  @Test
  void fallsBackToThePolicyWindowWhenTheResetIsMissing() {
    RateLimit rl = RateLimit.parse(List.of("\"perhr\";r=0"),
        List.of("\"permin\";q=50;w=60,\"perhr\";q=1000;w=3600"));

    assertThat(rl.policies()).extracting(RateLimit.QuotaPolicy::name).containsExactly("permin", "perhr");
    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(3600));
  }

  @Test
  void knowsNoWaitWhenAnExhaustedLimitHasNeitherResetNorWindow() {
    assertThat(limits("\"default\";r=0").exhaustedWait()).isEmpty();
  }

  @Test
  void ignoresUnknownParametersAndPartitionKeys() {
    RateLimit rl = limits("\"peruser\";r=0;t=9;pk=:dHJpYWwxMjEzMjM=:;acme-burst=?1;acme-x=1.5");

    assertThat(rl.problems()).isEmpty();
    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(9));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "\"default\";t=30", "\"default\";r=-1;t=30", "\"default\";r=0;t=-1",
      "\"default\";r=0.5;t=30", "\"default\";r=\"0\";t=30", "\"default\";r=0;t=30,",
      "\"default\";r=0;t=30 garbage", "(\"a\" \"b\");r=0", "\"unterminated;r=0", "12;r=0;t=3",
      "\"default\";R=0;t=3", "\"default\";r=0;t=9999999999999999", "\"default\";r", "\"default\";r=0;t",
      "\"d\u00e9fault\";r=0;t=3", "\"default\";r=0;;t=3", "limit=100, remaining=0, reset=30"})
  void ignoresAMalformedFieldWithAReason(String value) {
    RateLimit rl = limits(value);

    assertThat(rl.limits()).isEmpty();
    assertThat(rl.exhaustedWait()).isEmpty();
    assertThat(rl.problems()).singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("RateLimit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@", "\"a\";r=0;x=@", "-", "\"a\";r=-"})
  void ignoresANumberMarkerAtTheEndOfTheField(String value) {
    // Regression: a lone '@' or '-' at the end made the parser read past the end of the value.
    assertThat(limits(value).problems()).hasSize(1);
  }

  @Test
  void dropsTheWholeFieldWhenOneItemIsMalformed() {
    RateLimit rl = limits("\"a\";r=0;t=5, \"b\";r=x");

    assertThat(rl.limits()).isEmpty();
    assertThat(rl.problems()).hasSize(1);
  }

  @Test
  void keepsValidLimitsWhenOnlyThePolicyFieldIsMalformed() {
    RateLimit rl = RateLimit.parse(List.of("\"a\";r=0"), List.of("\"a\";w=0"));

    assertThat(rl.limits()).hasSize(1);
    assertThat(rl.policies()).isEmpty();
    assertThat(rl.problems()).extracting(RateLimit.Problem::field).containsExactly("RateLimit-Policy");
  }

  @Test
  void refusesAFieldLongerThanTheLimit() {
    String huge = "\"a\";r=1, ".repeat(500) + "\"a\";r=1";

    assertThat(limits(huge).problems()).singleElement()
        .satisfies(p -> assertThat(p.detail()).contains("longer than"));
  }

  @Test
  void quotesNoControlCharactersInProblems() {
    RateLimit rl = limits("\"a\";r=\u0000\n");

    assertThat(rl.problems().get(0).detail()).doesNotContain("\u0000", "\n");
  }

  @Test
  void readsTheLegacyPair() {
    RateLimit rl = RateLimit.parseLegacy("0", " 12 ");

    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(12));
    assertThat(rl.limits().get(0).policy()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "1.5", "ten", "1234567890123456", "0x10"})
  void ignoresAMalformedLegacyValue(String value) {
    assertThat(RateLimit.parseLegacy(value, "5").problems()).extracting(RateLimit.Problem::field)
        .containsExactly("RateLimit-Remaining");
    assertThat(RateLimit.parseLegacy("0", value).problems()).extracting(RateLimit.Problem::field)
        .containsExactly("RateLimit-Reset");
    assertThat(RateLimit.parseLegacy("0", value).exhaustedWait()).isEmpty();
  }

  @Test
  void isAbsentWithoutFields() {
    assertThat(RateLimit.parse(List.of(), List.of())).isSameAs(RateLimit.absent());
  }

  @Test
  void legacyResetRepeatedWithTheSameValueCountsOnce() {
    RateLimit rl = RateLimit.parseLegacy(List.of("0"), List.of("12", "12 "));

    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(12));
    assertThat(rl.problems()).isEmpty();
  }

  /** Issue 13: OkHttp's view read the last RateLimit-Reset line and the JDK's the first. */
  @Test
  void legacyResetRepeatedWithDifferentValuesIsIgnoredWhicheverComesFirst() {
    for (List<String> reset : List.of(List.of("2", "600"), List.of("600", "2"))) {
      RateLimit rl = RateLimit.parseLegacy(List.of("0"), reset);

      assertThat(rl.exhaustedWait()).isEmpty();
      assertThat(rl.problems()).extracting(RateLimit.Problem::field)
          .containsExactly(RateLimit.LEGACY_RESET_FIELD);
    }
  }

  @Test
  void legacyPairWithAFieldAbsentIsAbsent() {
    assertThat(RateLimit.parseLegacy(List.of("0"), List.of())).isSameAs(RateLimit.absent());
  }
}
