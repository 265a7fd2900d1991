package io.httptriage.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingTest {

  @Test
  void redactsWhateverUrlsItIsGiven() {
    Finding f =
        new Finding(
            Kind.CREDENTIALS_CROSS_ORIGIN,
            Severity.SECURITY,
            0,
            Optional.of("https://me:pw@a.example/login?session=abc"),
            Optional.of("https://b.example/cb?code=xyz#state"),
            "Authorization set for the first origin reached another origin",
            "RFC 9110 §15.4");

    assertThat(f.from()).contains("https://a.example/login?session=*");
    assertThat(f.to()).contains("https://b.example/cb?code=*");
    assertThat(f.toString()).doesNotContain("pw", "abc", "xyz", "state");
  }

  @Test
  void keepsTheExplanationToOneLine() {
    Finding f =
        new Finding(
            Kind.UNKNOWN_STATUS,
            Severity.WARNING,
            Finding.FINAL,
            Optional.empty(),
            Optional.empty(),
            "first\nsecond",
            "RFC 9110 §15");

    assertThat(f.explanation()).isEqualTo("first_second");
    assertThat(f.isAboutFinalResponse()).isTrue();
  }

  @Test
  void withFinalHopNumbersOnlyAFindingAboutTheFinalResponse() {
    Finding last =
        new Finding(
            Kind.UNKNOWN_STATUS,
            Severity.WARNING,
            Finding.FINAL,
            Optional.of("https://a.example/x?k=v"),
            Optional.empty(),
            "odd",
            "RFC 9110 §15");
    Finding second =
        new Finding(
            Kind.UNKNOWN_STATUS,
            Severity.WARNING,
            1,
            Optional.empty(),
            Optional.empty(),
            "odd",
            "RFC 9110 §15");

    Finding numbered = last.withFinalHop(2);
    assertThat(numbered.hopIndex()).isEqualTo(2);
    assertThat(numbered.isAboutFinalResponse()).isFalse();
    assertThat(numbered.from()).isEqualTo(last.from());
    assertThat(numbered.explanation()).isEqualTo(last.explanation());
    assertThat(second.withFinalHop(2)).isSameAs(second);
    assertThatThrownBy(() -> last.withFinalHop(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("finalHop: must be 0 or more, was -1");
  }

  @Test
  void redactUrlIsThePublicFaceOfTheSameRedaction() {
    assertThat(Finding.redactUrl("https://u:p@a.example/?q=1#f"))
        .isEqualTo("https://a.example/?q=*");
  }

  @Test
  void everyKindBelongsToOneCheck() {
    assertThat(Kind.METHOD_REWRITTEN.isRedirect()).isTrue();
    assertThat(Kind.REQUIRED_HEADER_MISSING.isRedirect()).isFalse();
    assertThat(Severity.SECURITY.isSerious()).isTrue();
    assertThat(Severity.WARNING.isSerious()).isFalse();
  }

  @Test
  void rejectsBadFieldsNamingThem() {
    assertThatThrownBy(
            () ->
                new Finding(
                    Kind.USE_PROXY,
                    Severity.INFO,
                    -2,
                    Optional.empty(),
                    Optional.empty(),
                    "x",
                    "RFC 9110 §15.4.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("hopIndex");
    assertThatThrownBy(
            () ->
                new Finding(
                    Kind.USE_PROXY,
                    Severity.INFO,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    " ",
                    "RFC 9110 §15.4.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("explanation");
    assertThatThrownBy(
            () ->
                new Finding(
                    Kind.USE_PROXY, Severity.INFO, 0, Optional.empty(), Optional.empty(), "x", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spec");
  }
}
