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
    assertThat(Origin.of(URI.create("https://Api.Example/x"))).get()
        .hasToString("https://api.example:443")
        .matches(Origin::isSecure);
  }

  @org.junit.jupiter.api.Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> new Origin("https", "a.example", 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }
}
