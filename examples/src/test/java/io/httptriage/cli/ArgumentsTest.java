package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static final Arguments.Spec SPEC = new Arguments.Spec("probe")
      .value("-X", "--request").repeatable("-H", "--header").flag("--json").positionals(1, 1, "a URL");

  @Test
  void readsValuesFlagsAndPositionalsInAnyOrder() {
    Arguments a = SPEC.parse(List.of("--json", "-H", "A: 1", "http://h/", "--header=B: 2", "--request=PUT"));

    assertThat(a.flag("--json")).isTrue();
    assertThat(a.value("-X")).contains("PUT");
    assertThat(a.values("-H")).containsExactly("A: 1", "B: 2");
    assertThat(a.positionals()).containsExactly("http://h/");
  }

  @Test
  void aNegativeNumberIsAnArgument() {
    assertThat(new Arguments.Spec("explain").positionals(1, 1, "a code").parse(List.of("-5")).positionals())
        .containsExactly("-5");
  }

  @Test
  void aValueMayLookLikeAnOption() {
    assertThat(SPEC.parse(List.of("http://h/", "-X", "--json")).value("-X")).contains("--json");
  }

  @Test
  void refusesWhatTheCommandDoesNotTake() {
    assertThatThrownBy(() -> SPEC.parse(List.of("http://h/", "-Z"))).hasMessage("unknown option '-Z' for probe");
    assertThatThrownBy(() -> SPEC.parse(List.of("http://h/", "-X", "A", "-X", "B")))
        .hasMessage("option -X given more than once");
    assertThatThrownBy(() -> SPEC.parse(List.of())).hasMessage("probe needs a URL");
    assertThatThrownBy(() -> SPEC.parse(List.of("a", "b"))).hasMessage("unexpected argument 'b' for probe");
  }
}
