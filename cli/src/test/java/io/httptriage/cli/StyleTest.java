package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.status.StatusClass;
import org.junit.jupiter.api.Test;

class StyleTest {

  @Test
  void coloursOnlyATerminalWithoutNoColor() {
    assertThat(Style.forTerminal(true, null).isAnsi()).isTrue();
    assertThat(Style.forTerminal(false, null).isAnsi()).isFalse();
    assertThat(Style.forTerminal(true, "1").isAnsi()).isFalse();
    assertThat(Style.forTerminal(true, "").isAnsi()).isFalse();
  }

  @Test
  void plainStyleAddsNothing() {
    Style plain = Style.plain();
    assertThat(plain.red("x") + plain.bold("y") + plain.status(StatusClass.SUCCESSFUL, "200"))
        .isEqualTo("xy200");
  }

  @Test
  void ansiStyleWrapsAndResets() {
    assertThat(Style.forTerminal(true, null).status(StatusClass.SERVER_ERROR, "503"))
        .isEqualTo("\u001b[31m503\u001b[0m");
  }

  @Test
  void aTestRunIsNotATerminal() {
    assertThat(Style.stdoutIsTerminal()).isFalse();
  }
}
