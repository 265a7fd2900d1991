package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {

  private static RateLimit limits(String... lines) {
    return RateLimit.parse(List.of(lines), List.of());
  }

  @Test
  void readsTheDraftExample() {
    RateLimit rl = limits("\"default\";r=50;t=30");

    assertThat(rl.limits())
        .containsExactly(
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
    RateLimit rl =
        RateLimit.parse(
            List.of("\"perhr\";r=0"), List.of("\"permin\";q=50;w=60,\"perhr\";q=1000;w=3600"));

    assertThat(rl.policies())
        .extracting(RateLimit.QuotaPolicy::name)
        .containsExactly("permin", "perhr");
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
  @ValueSource(
      strings = {
        "",
        "   ",
        "\"default\";t=30",
        "\"default\";r=-1;t=30",
        "\"default\";r=0;t=-1",
        "\"default\";r=0.5;t=30",
        "\"default\";r=\"0\";t=30",
        "\"default\";r=0;t=30,",
        "\"default\";r=0;t=30 garbage",
        "(\"a\" \"b\");r=0",
        "\"unterminated;r=0",
        "12;r=0;t=3",
        "\"default\";R=0;t=3",
        "\"default\";r=0;t=9999999999999999",
        "\"default\";r",
        "\"default\";r=0;t",
        "\"d\u00e9fault\";r=0;t=3",
        "\"default\";r=0;;t=3",
        "limit=100, remaining=0, reset=30"
      })
  void ignoresAMalformedFieldWithAReason(String value) {
    RateLimit rl = limits(value);

    assertThat(rl.limits()).isEmpty();
    assertThat(rl.exhaustedWait()).isEmpty();
    assertThat(rl.problems())
        .singleElement()
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
    assertThat(rl.problems())
        .extracting(RateLimit.Problem::field)
        .containsExactly("RateLimit-Policy");
  }

  @Test
  void refusesAFieldLongerThanTheLimit() {
    String huge = "\"a\";r=1, ".repeat(500) + "\"a\";r=1";

    assertThat(limits(huge).problems())
        .singleElement()
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
  @ValueSource(
      strings = {
        "",
        "-1",
        "1.",
        ".5",
        "1.5.0",
        "1e3",
        "1.1234567890",
        "ten",
        "1234567890123456",
        "0x10",
        "+5",
        "\u0665"
      })
  void ignoresAMalformedLegacyValue(String value) {
    assertThat(RateLimit.parseLegacy(value, "5").problems())
        .extracting(RateLimit.Problem::field)
        .containsExactly("RateLimit-Remaining");
    assertThat(RateLimit.parseLegacy("0", value).problems())
        .extracting(RateLimit.Problem::field)
        .containsExactly("RateLimit-Reset");
    assertThat(RateLimit.parseLegacy("0", value).exhaustedWait()).isEmpty();
  }

  @Test
  void ignoresAnEpochResetWhenNoCurrentTimeIsGiven() {
    // Regression: read as delta-seconds, GitLab's epoch reset asked for a wait of 51 years.
    RateLimit rl = RateLimit.parseLegacy("0", "1609844400");

    assertThat(rl.exhaustedWait()).isEmpty();
    assertThat(rl.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("RateLimit-Reset");
              assertThat(p.detail()).contains("epoch seconds");
            });
  }

  /** Header values as the services document them, with the instant each was sent. */
  @ParameterizedTest(name = "{0}: reset {2} at {3} waits {4} ms")
  @CsvSource({
    // GitHub REST API: x-ratelimit-reset is the reset instant in UTC epoch seconds.
    "GitHub, 0, 1691591363, 1691591303, 60000",
    // Discord: the reset instant with a millisecond fraction (X-RateLimit-Reset-After says 1).
    "Discord, 0, 1470173023.123, 1470173022.123, 1000",
    // Reddit: x-ratelimit-remaining is a decimal, x-ratelimit-reset the seconds left.
    "Reddit, 0.0, 545, 1700000000, 545000",
    // A reset instant already past: the quota is back, no wait.
    "GitHub (past), 0, 1691591363, 1691591400, 0",
    // The smallest epoch value and the largest delay, either side of the threshold.
    "threshold, 0, 1000000000, 999999990, 10000",
    "largest delay, 0, 999999999, 1700000000, 999999999000"
  })
  void tellsEpochFromDeltaResetsByMagnitude(
      String service, String remaining, String reset, String now, long expectedMillis) {
    RateLimit rl = RateLimit.parseXRateLimit(remaining, reset, instant(now));

    assertThat(rl.problems()).isEmpty();
    assertThat(rl.exhaustedWait()).contains(Duration.ofMillis(expectedMillis));
  }

  @Test
  void readsGitLabsEpochResetOnTheUnprefixedPair() {
    // GitLab's documented 429: RateLimit-Reset 1609844400 is RateLimit-ResetTime
    // "Tue, 05 Jan 2021 11:00:00 GMT", sent with Retry-After: 30.
    Instant sent = Instant.parse("2021-01-05T10:59:30Z");

    RateLimit rl = RateLimit.parseLegacy("0", "1609844400", sent);

    assertThat(rl.exhaustedWait()).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue, 05 Jan 2021 11:00:00 GMT", sent).delay())
        .isEqualTo(rl.exhaustedWait());
  }

  @Test
  void readsARemainingQuotaWithAFractionByItsWholePart() {
    RateLimit rl = RateLimit.parseXRateLimit("598.0", "545", Instant.EPOCH);

    assertThat(rl.limits())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.remaining()).isEqualTo(598);
              assertThat(l.isExhausted()).isFalse();
            });
    assertThat(rl.exhaustedWait()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-1", "1.", "soon", "1234567890123456", "Tue, 05 Jan 2021 11:00:00 GMT"})
  void namesTheXFieldsInProblems(String value) {
    assertThat(RateLimit.parseXRateLimit(value, "5", Instant.EPOCH).problems())
        .extracting(RateLimit.Problem::field)
        .containsExactly("X-RateLimit-Remaining");
    assertThat(RateLimit.parseXRateLimit("0", value, Instant.EPOCH).problems())
        .extracting(RateLimit.Problem::field)
        .containsExactly("X-RateLimit-Reset");
  }

  private static Instant instant(String epochSeconds) {
    int dot = epochSeconds.indexOf('.');
    if (dot < 0) {
      return Instant.ofEpochSecond(Long.parseLong(epochSeconds));
    }
    return Instant.ofEpochSecond(
        Long.parseLong(epochSeconds.substring(0, dot)),
        Long.parseLong(epochSeconds.substring(dot + 1)) * 1_000_000);
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
      assertThat(rl.problems())
          .extracting(RateLimit.Problem::field)
          .containsExactly(RateLimit.LEGACY_RESET_FIELD);
    }
  }

  @Test
  void legacyPairWithAFieldAbsentIsAbsent() {
    assertThat(RateLimit.parseLegacy(List.of("0"), List.of())).isSameAs(RateLimit.absent());
  }
}
