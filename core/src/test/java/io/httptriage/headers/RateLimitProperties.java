package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RateLimitProperties {

  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void neverThrowsAndNeverWaitsANegativeTime(
      @ForAll("fieldLines") List<String> rateLimit, @ForAll("fieldLines") List<String> policy) {
    RateLimit rl = RateLimit.parse(rateLimit, policy);

    rl.exhaustedWait().ifPresent(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ZERO));
    assertThat(rl.limits()).allSatisfy(l -> assertThat(l.remaining()).isNotNegative());
    assertThat(
            rl.limits().isEmpty()
                || rl.problems().stream().noneMatch(p -> p.field().equals(RateLimit.FIELD)))
        .isTrue();
  }

  @Property // jqwik.tries.default
  void legacyPairNeverThrows(@ForAll("values") String remaining, @ForAll("values") String reset) {
    RateLimit rl = RateLimit.parseLegacy(remaining, reset);

    assertThat(rl.limits().size() + rl.problems().size()).isEqualTo(1);
  }

  @Property // jqwik.tries.default
  void xRateLimitPairNeverThrowsAndNeverWaitsANegativeTime(
      @ForAll("values") String remaining,
      @ForAll("resets") String reset,
      @ForAll("instants") Instant now) {
    RateLimit rl = RateLimit.parseXRateLimit(remaining, reset, now);

    assertThat(rl.limits().size() + rl.problems().size()).isEqualTo(1);
    rl.limits()
        .forEach(
            l ->
                assertThat(l.reset())
                    .hasValueSatisfying(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ZERO)));
  }

  @Property // jqwik.tries.default
  void xRateLimitResetIsADelayBelowTheThresholdAndAnInstantFromIt(
      @ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long seconds,
      @ForAll @IntRange(min = 0, max = 999) int millis,
      @ForAll("instants") Instant now) {
    String reset = seconds + "." + String.format(java.util.Locale.ROOT, "%03d", millis);

    Duration wait = RateLimit.parseXRateLimit("0", reset, now).exhaustedWait().orElseThrow();

    Duration value = Duration.ofSeconds(seconds, millis * 1_000_000L);
    if (seconds < 1_000_000_000L) {
      assertThat(wait).isEqualTo(value);
    } else {
      Duration untilReset = Duration.between(now, Instant.EPOCH.plus(value));
      assertThat(wait).isEqualTo(untilReset.isNegative() ? Duration.ZERO : untilReset);
    }
  }

  @Property(tries = 1000)
  void readsEveryWellFormedServiceLimit(
      @ForAll("names") String name,
      @ForAll("integers") long remaining,
      @ForAll("integers") long reset) {
    RateLimit rl =
        RateLimit.parse(List.of("\"" + name + "\";r=" + remaining + ";t=" + reset), List.of());

    assertThat(rl.problems()).isEmpty();
    assertThat(rl.limits())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.policy()).isEqualTo(name);
              assertThat(l.remaining()).isEqualTo(remaining);
              assertThat(l.reset()).contains(Duration.ofSeconds(reset));
            });
  }

  @Provide
  Arbitrary<List<String>> fieldLines() {
    return values().list().ofMaxSize(3);
  }

  /** Garbage, and strings built from the pieces of structured fields, which reach deeper. */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> pieces =
        Arbitraries.of(
                "\"default\"",
                "daily",
                ";r=",
                ";t=",
                ";q=",
                ";w=",
                ";pk=",
                "0",
                "7",
                "-1",
                "1.5",
                "999999999999999",
                "9999999999999999",
                ",",
                ", ",
                " ",
                "\t",
                "\"",
                "\\",
                ":YWJj:",
                "?1",
                "?2",
                "@1700000000",
                "%\"caf%c3%a9\"",
                "(",
                ")",
                "*",
                "=",
                ";",
                "é",
                "\u0000")
            .list()
            .ofMaxSize(12)
            .map(l -> String.join("", l));
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789 -+.,;=\"rtqw:?@%()*").ofMaxLength(30),
        pieces);
  }

  /**
   * Reset values: numbers either side of the epoch threshold, with and without fractions, and
   * garbage.
   */
  @Provide
  Arbitrary<String> resets() {
    Arbitrary<String> numbers =
        Arbitraries.longs()
            .between(0, 999_999_999_999_999L)
            .edgeCases(c -> c.add(999_999_999L).add(1_000_000_000L).add(0L))
            .map(String::valueOf);
    Arbitrary<String> fractions =
        Arbitraries.strings()
            .numeric()
            .ofMinLength(0)
            .ofMaxLength(11)
            .map(f -> f.isEmpty() ? "" : "." + f);
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(numbers, fractions).as(String::concat), values());
  }

  /** Instants from 1900 to 2500, with the extremes a broken clock could give. */
  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-2_208_988_800L, 16_725_225_600L).map(Instant::ofEpochSecond),
        Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .ofMaxLength(20)
        .filter(s -> s.indexOf('"') < 0 && s.indexOf('\\') < 0);
  }

  @Provide
  Arbitrary<Long> integers() {
    return Arbitraries.longs().between(0, 999_999_999_999_999L);
  }
}
