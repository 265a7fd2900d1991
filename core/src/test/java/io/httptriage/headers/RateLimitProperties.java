package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RateLimitProperties {

  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void neverThrowsAndNeverWaitsANegativeTime(
      @ForAll("fieldLines") List<String> rateLimit, @ForAll("fieldLines") List<String> policy) {
    RateLimit rl = RateLimit.parse(rateLimit, policy);

    rl.exhaustedWait().ifPresent(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ZERO));
    assertThat(rl.limits()).allSatisfy(l -> assertThat(l.remaining()).isNotNegative());
    assertThat(rl.limits().isEmpty() || rl.problems().stream()
        .noneMatch(p -> p.field().equals(RateLimit.FIELD))).isTrue();
  }

  @Property // jqwik.tries.default
  void legacyPairNeverThrows(@ForAll("values") String remaining, @ForAll("values") String reset) {
    RateLimit rl = RateLimit.parseLegacy(remaining, reset);

    assertThat(rl.limits().size() + rl.problems().size()).isEqualTo(1);
  }

  @Property(tries = 1000)
  void readsEveryWellFormedServiceLimit(
      @ForAll("names") String name, @ForAll("integers") long remaining, @ForAll("integers") long reset) {
    RateLimit rl = RateLimit.parse(
        List.of("\"" + name + "\";r=" + remaining + ";t=" + reset), List.of());

    assertThat(rl.problems()).isEmpty();
    assertThat(rl.limits()).singleElement().satisfies(l -> {
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
    Arbitrary<String> pieces = Arbitraries.of(
        "\"default\"", "daily", ";r=", ";t=", ";q=", ";w=", ";pk=", "0", "7", "-1", "1.5",
        "999999999999999", "9999999999999999", ",", ", ", " ", "\t", "\"", "\\", ":YWJj:", "?1",
        "?2", "@1700000000", "%\"caf%c3%a9\"", "(", ")", "*", "=", ";", "é", "\u0000")
        .list().ofMaxSize(12).map(l -> String.join("", l));
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789 -+.,;=\"rtqw:?@%()*").ofMaxLength(30),
        pieces);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)
        .filter(s -> s.indexOf('"') < 0 && s.indexOf('\\') < 0);
  }

  @Provide
  Arbitrary<Long> integers() {
    return Arbitraries.longs().between(0, 999_999_999_999_999L);
  }
}
