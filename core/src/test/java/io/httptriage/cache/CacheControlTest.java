package io.httptriage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheControlTest {

  @ParameterizedTest(name = "[{index}] {0} → {1}={2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // RFC 9111 §5.2: token or quoted-string arguments, case-insensitive names
        "max-age=60                          | max-age        | 60",
        "MAX-AGE=60                          | max-age        | 60",
        "max-age=\"60\"                      | max-age        | 60",
        "public, max-age=60, stale-if-error=300 | stale-if-error | 300",
        "' max-age = 60 '                    | max-age        | 60",
        ",, max-age=60 ,,                    | max-age        | 60",
        "max-age=007                         | max-age        | 7",
        // §1.2.2: past 2^31 counts as 2^31, however many digits
        "max-age=2147483648                  | max-age        | 2147483648",
        "max-age=99999999999999999999999999  | max-age        | 2147483648",
        // §4.2.1: the first of a repeated directive counts
        "max-age=10, max-age=20              | max-age        | 10",
        // malformed arguments leave the directive out
        "max-age=-1                          | max-age        | null",
        "max-age=1.5                         | max-age        | null",
        "max-age=                            | max-age        | null",
        "max-age                             | max-age        | null",
        "max-age=\"60                        | max-age        | null",
        "stale-if-error=abc                  | stale-if-error | null",
        "stale-if-error=300;x                | stale-if-error | null",
      })
  void readsDeltaSecondsTolerantly(String field, String directive, Long expected) {
    CacheControl cc = CacheControl.parse(List.of(field));
    if (expected == null) {
      assertThat(cc.seconds(directive)).isEmpty();
    } else {
      assertThat(cc.seconds(directive)).hasValue(expected);
    }
  }

  @Test
  void readsEveryFieldLine() {
    CacheControl cc = CacheControl.parse(List.of("max-age=60", "must-revalidate"));
    assertThat(cc.seconds("max-age")).hasValue(60);
    assertThat(cc.has("must-revalidate")).isTrue();
    assertThat(cc.problems()).isEmpty();
  }

  @Test
  void keepsACommaInsideAQuotedArgument() {
    CacheControl cc = CacheControl.parse(List.of("no-cache=\"Set-Cookie, X-Foo\", max-age=5"));
    assertThat(cc.has("no-cache")).isTrue();
    assertThat(cc.seconds("max-age")).hasValue(5);
    assertThat(cc.problems()).isEmpty();
  }

  @Test
  void saysWhyAMalformedDirectiveIsIgnored() {
    CacheControl cc = CacheControl.parse(List.of("max-age=abc, stale-if-error=-5, x y"));
    assertThat(cc.isInvalid("max-age")).isTrue();
    assertThat(cc.isInvalid("stale-if-error")).isTrue();
    assertThat(cc.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("max-age ignored").contains("'abc'"))
        .anySatisfy(p -> assertThat(p).contains("stale-if-error ignored"))
        .anySatisfy(p -> assertThat(p).contains("malformed directive 'x y'"));
  }

  @Test
  void keepsARestrictiveDirectiveGivenAnArgument() {
    CacheControl cc = CacheControl.parse(List.of("must-revalidate=1"));
    assertThat(cc.has("must-revalidate")).isTrue();
    assertThat(cc.problems()).singleElement().asString().contains("takes no argument");
  }

  @Test
  void acceptsMaxStaleWithoutAnArgument() {
    CacheControl cc = CacheControl.parse(List.of("max-stale"));
    assertThat(cc.has("max-stale")).isTrue();
    assertThat(cc.seconds("max-stale")).isEmpty();
    assertThat(cc.problems()).isEmpty();
  }

  @Test
  void neverPrintsAControlCharacterOfTheFieldInAProblem() {
    CacheControl cc = CacheControl.parse(List.of("max-age=1\r\nX-Forged: yes"));
    assertThat(cc.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).doesNotContain("\r", "\n"));
  }

  @Test
  void readsAtMost64Directives() {
    String many = "a, ".repeat(100) + "max-age=5";
    CacheControl cc = CacheControl.parse(List.of(many));
    assertThat(cc.has("max-age")).isFalse();
    assertThat(cc.problems()).anySatisfy(p -> assertThat(p).contains("more than 64"));
  }
}
