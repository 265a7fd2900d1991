package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void deltaSecondsGiveTheDelay() {
    assertThat(RetryAfter.parse("120", NOW).delay()).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 7 ", NOW).delay()).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("0", NOW).delay()).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("0000000000000000000000005", NOW).delay())
        .contains(Duration.ofSeconds(5));
  }

  @Test
  void imfFixdateGivesTheTimeUntilThatDate() {
    RetryAfter ra = RetryAfter.parse("Sun, 22 Nov 2026 12:01:30 GMT", NOW);
    assertThat(ra.delay()).contains(Duration.ofSeconds(90));
    assertThat(ra.problem()).isEmpty();
  }

  @Test
  void obsoleteRfc850DateIsAccepted() {
    assertThat(RetryAfter.parse("Sunday, 22-Nov-26 12:00:10 GMT", NOW).delay())
        .contains(Duration.ofSeconds(10));
  }

  @Test
  void rfc850YearMoreThanFiftyYearsAheadIsInThePastCentury() {
    // "77" would be 2077, over 50 years ahead of 2026: RFC 9110 §5.6.7 makes it 1977, a past date.
    assertThat(RetryAfter.parse("Monday, 21-Nov-77 12:00:00 GMT", NOW).delay())
        .contains(Duration.ZERO);
  }

  @Test
  void asctimeDateIsAccepted() {
    assertThat(RetryAfter.parse("Sun Nov 22 12:00:05 2026", NOW).delay())
        .contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse("Sun Nov  1 12:00:00 2026", NOW).delay()).contains(Duration.ZERO);
  }

  @Test
  void pastDateMeansNoWait() {
    RetryAfter ra = RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW);
    assertThat(ra.delay()).contains(Duration.ZERO);
    assertThat(ra.problem()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-5",
        "+5",
        "",
        "   ",
        "soon",
        "1.5",
        "12s",
        "Sun, 32 Nov 2026 12:00:00 GMT",
        "Mon, 22 Nov 2026 12:00:00 GMT",
        "Sun, 22 Nov 2026 12:00:00 PST",
        "\u0000\u0001",
        "５",
        "Sun, 22 Nov 2026 12:00:00 GMT\r\nX-Injected: 1",
      })
  void badValuesAreIgnoredWithAReason(String value) {
    RetryAfter ra = RetryAfter.parse(value, NOW);
    assertThat(ra.delay()).isEmpty();
    assertThat(ra.problem()).isPresent();
    assertThat(ra.problem().get()).doesNotContain("\r", "\n", "\u0000");
  }

  @Test
  void absentValueHasNeitherDelayNorProblem() {
    assertThat(RetryAfter.absent().delay()).isEmpty();
    assertThat(RetryAfter.absent().problem()).isEmpty();
    assertThat(RetryAfter.absent().isPresent()).isFalse();
  }

  @Test
  void largestAcceptedDelayIsIntMaxSeconds() {
    assertThat(RetryAfter.parse("2147483647", NOW).delay())
        .contains(Duration.ofSeconds(Integer.MAX_VALUE));
  }

  /**
   * RFC 9111 §1.2.2: past 2^31, delta-seconds count as 2^31; before, such values were "invalid".
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2147483648",
        "2147483649",
        "99999999999",
        "18446744073709551616",
        "99999999999999999999",
        "000000000000000000000002147483648",
        "9999999999999999999999999999999999999999999999999999999999999999999999999999999999"
      })
  void delaySecondsPastTwoToTheThirtyFirstCountAsTwoToTheThirtyFirst(String value) {
    RetryAfter ra = RetryAfter.parse(value, NOW);
    assertThat(ra.delay()).contains(Duration.ofSeconds(1L << 31));
    assertThat(ra.problem()).isEmpty();
  }

  @Test
  void identicalRepeatedLinesCountAsOneValue() {
    assertThat(RetryAfter.parse(List.of("2", " 2"), NOW).delay()).contains(Duration.ofSeconds(2));
  }

  @Test
  void repeatedLinesWithDifferentValuesAreInvalidWhicheverComesFirst() {
    RetryAfter ab = RetryAfter.parse(List.of("2", "600"), NOW);
    RetryAfter ba = RetryAfter.parse(List.of("600", "2"), NOW);
    assertThat(ab.delay()).isEmpty();
    assertThat(ba.delay()).isEmpty();
    assertThat(ab.problem()).hasValueSatisfying(p -> assertThat(p).contains("different values"));
  }

  @Test
  void noLineIsAbsent() {
    assertThat(RetryAfter.parse(List.of(), NOW)).isSameAs(RetryAfter.absent());
  }
}
