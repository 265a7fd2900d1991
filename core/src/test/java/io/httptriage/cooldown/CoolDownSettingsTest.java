package io.httptriage.cooldown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoolDownSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    CoolDownSettings d = CoolDownSettings.ofDefaults();

    assertThat(d.maxOrigins()).isEqualTo(1024);
    assertThat(d.maxCoolDown()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.jitter()).isEqualTo(Duration.ofMillis(250));
    assertThat(d.probeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.forgetAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.toBuilder().build()).hasToString(d.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1024, 1 << 20})
  void acceptsEveryOriginBoundInRange(int max) {
    assertThat(CoolDownSettings.builder().maxOrigins(max).build().maxOrigins()).isEqualTo(max);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, (1 << 20) + 1, Integer.MAX_VALUE})
  void refusesAnOriginBoundOutOfRange(int max) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CoolDownSettings.builder().maxOrigins(max))
        .withMessageContaining("maxOrigins")
        .withMessageContaining(Integer.toString(max));
  }

  /** Each duration at and just past its bounds: 0 or 1 ms at the bottom, 1 day at the top. */
  @ParameterizedTest
  @CsvSource({
    "maxCoolDown, PT0.001S, true",
    "maxCoolDown, PT0S, false",
    "maxCoolDown, PT24H, true",
    "maxCoolDown, PT24H0.001S, false",
    "maxCoolDown, PT-1S, false",
    "jitter, PT0S, true",
    "jitter, PT-0.001S, false",
    "jitter, PT24H, true",
    "jitter, PT25H, false",
    "probeTimeout, PT0.001S, true",
    "probeTimeout, PT0S, false",
    "probeTimeout, PT24H0.001S, false",
    "forgetAfter, PT0S, true",
    "forgetAfter, PT-0.001S, false",
    "forgetAfter, PT24H, true",
    "forgetAfter, PT24H0.001S, false"
  })
  void checksEveryDurationAgainstItsBounds(String parameter, String value, boolean valid) {
    Duration d = Duration.parse(value);
    CoolDownSettings.Builder b = CoolDownSettings.builder();
    Runnable set =
        () -> {
          switch (parameter) {
            case "maxCoolDown" -> b.maxCoolDown(d);
            case "jitter" -> b.jitter(d);
            case "probeTimeout" -> b.probeTimeout(d);
            default -> b.forgetAfter(d);
          }
        };
    if (valid) {
      set.run();
      assertThat(b.build().toString()).contains(parameter + "=" + d);
    } else {
      assertThatIllegalArgumentException()
          .isThrownBy(set::run)
          .withMessageContaining(parameter)
          .withMessageContaining(d.toString());
    }
  }

  @Test
  void refusesNulls() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CoolDownSettings.builder().maxCoolDown(null))
        .withMessageContaining("maxCoolDown");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CoolDownSettings.builder().random(null))
        .withMessageContaining("random");
  }
}
