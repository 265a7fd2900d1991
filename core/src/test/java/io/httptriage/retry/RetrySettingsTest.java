package io.httptriage.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetrySettingsTest {

  @Test
  void hasSafeDefaults() {
    RetrySettings s = RetrySettings.ofDefaults();

    assertThat(s.maxAttempts()).isEqualTo(3);
    assertThat(s.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.backoffBase()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.budgetRatio()).isEqualTo(0.5);
    assertThat(s.budgetMinRetriesPerSecond()).isEqualTo(1);
    assertThat(s.budgetWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.sleeper()).isSameAs(Sleeper.system());
    assertThat(s.retryRegistry()).isEmpty();
    assertThat(s.name()).isEqualTo("httptriage");
  }

  @Test
  void keepsEverySettingThroughToBuilder() {
    RetrySettings s =
        RetrySettings.builder()
            .maxAttempts(5)
            .maxRetryAfter(Duration.ofSeconds(5))
            .deadline(Duration.ofSeconds(20))
            .backoffBase(Duration.ofMillis(50))
            .backoffMax(Duration.ofSeconds(2))
            .budgetRatio(0.2)
            .budgetMinRetriesPerSecond(3)
            .budgetWindow(Duration.ofSeconds(30))
            .random(new Random(1))
            .retryRegistry(RetryRegistry.ofDefaults())
            .name("billing")
            .build();

    RetrySettings copy = s.toBuilder().build();

    assertThat(copy).usingRecursiveComparison().isEqualTo(s);
    assertThat(copy.toString()).contains("billing", "maxAttempts=5");
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        bad("maxAttempts", b -> b.maxAttempts(0)),
        bad("maxAttempts", b -> b.maxAttempts(101)),
        bad("maxRetryAfter", b -> b.maxRetryAfter(Duration.ofMillis(-1))),
        bad("maxRetryAfter", b -> b.maxRetryAfter(Duration.ofDays(2))),
        bad("maxRetryAfter", b -> b.maxRetryAfter(null)),
        bad("deadline", b -> b.deadline(Duration.ZERO)),
        bad("deadline", b -> b.deadline(null)),
        bad("backoffBase", b -> b.backoffBase(Duration.ofSeconds(-1))),
        bad("backoffMax", b -> b.backoffMax(Duration.ofDays(365))),
        bad(
            "backoffMax",
            b -> b.backoffBase(Duration.ofSeconds(2)).backoffMax(Duration.ofSeconds(1)).build()),
        bad("budgetRatio", b -> b.budgetRatio(-0.1)),
        bad("budgetRatio", b -> b.budgetRatio(Double.NaN)),
        bad("budgetRatio", b -> b.budgetRatio(Double.POSITIVE_INFINITY)),
        bad("budgetMinRetriesPerSecond", b -> b.budgetMinRetriesPerSecond(-1)),
        bad("budgetWindow", b -> b.budgetWindow(Duration.ofMillis(999))),
        bad("clock", b -> b.clock(null)),
        bad("sleeper", b -> b.sleeper(null)),
        bad("random", b -> b.random(null)),
        bad("name", b -> b.name(" ")),
        bad("retryRegistry", b -> b.retryRegistry(null)));
  }

  private static Arguments bad(String parameter, Consumer<RetrySettings.Builder> misuse) {
    return Arguments.of(parameter, misuse);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValues")
  void rejectsAnInvalidValueNamingTheParameter(
      String parameter, Consumer<RetrySettings.Builder> misuse) {
    assertThatThrownBy(() -> misuse.accept(RetrySettings.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(parameter + ":");
  }

  @Test
  void acceptsTheBoundaries() {
    RetrySettings s =
        RetrySettings.builder()
            .maxAttempts(1)
            .maxRetryAfter(Duration.ZERO)
            .deadline(Duration.ofMillis(1))
            .backoffBase(Duration.ZERO)
            .backoffMax(Duration.ZERO)
            .budgetRatio(0)
            .budgetMinRetriesPerSecond(0)
            .budgetWindow(Duration.ofSeconds(1))
            .build();

    assertThat(List.of(s.maxAttempts(), s.budgetMinRetriesPerSecond())).containsExactly(1, 0);
  }
}
