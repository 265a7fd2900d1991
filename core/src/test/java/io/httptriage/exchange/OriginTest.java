package io.httptriage.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginTest {

  @ParameterizedTest
  @CsvSource({
    "https://api.example/x,       https://API.example:443/y?q=1, true",
    "http://api.example/,         http://api.example:80/,        true",
    "http://api.example/,         https://api.example/,          false",
    "https://api.example/,        https://api.example:8443/,     false",
    "https://api.example/,        https://cdn.example/,          false",
    "https://u:p@api.example/,    https://api.example/,          true",
  })
  void comparesSchemeHostAndPortWithDefaultPorts(String a, String b, boolean same) {
    assertThat(Origin.same(URI.create(a), URI.create(b))).isEqualTo(same);
  }

  @ParameterizedTest
  @CsvSource({"ftp://files.example/", "/relative/path", "mailto:a@b.example", "ws://chat.example/"})
  void hasNoOriginOutsideHttp(String uri) {
    assertThat(Origin.of(URI.create(uri))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void printsWithThePortFilledIn() {
    assertThat(Origin.of(URI.create("https://Api.Example/x")))
        .get()
        .hasToString("https://api.example:443")
        .matches(Origin::isSecure);
  }

  /** Regression: java.net.URI takes port 70000, and of() threw building the Origin from it. */
  @ParameterizedTest
  @CsvSource({"https://a.example:65536/", "http://a.example:70000/x", "http://[::1]:99999/"})
  void hasNoOriginBeyondTheLastPort(String uri) {
    assertThat(Origin.of(URI.create(uri))).isEmpty();
    assertThat(Origin.same(URI.create(uri), URI.create(uri))).isFalse();
  }

  @org.junit.jupiter.api.Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> new Origin("https", "a.example", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }
}
