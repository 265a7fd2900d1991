package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationTest {
  private static final URI BASE = URI.create("https://api.example/a/b?x=1");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/c                        | https://api.example/c",
        "c                         | https://api.example/a/c",
        "../c?y=2                  | https://api.example/c?y=2",
        "//cdn.example/d           | https://cdn.example/d",
        "http://other.example:8080/ | http://other.example:8080/",
        "'  /padded  '             | https://api.example/padded",
        "https:///no-host          | https://no-host/",
        "?y=2                      | https://api.example/a/b?y=2",
        "''                        | https://api.example/a/b?x=1",
      })
  void resolvesReferencesAgainstTheRequestUri(String location, String expected) {
    assertThat(Location.resolve(BASE, location)).contains(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "javascript:alert(1)",
        "ftp://files.example/x",
        "https://bad host/",
        "http://[::1",
        "mailto:someone@example.com",
        "https://api.example:0/",
        "https://api.example:65536/",
        "//api.example:70000/x",
        "https://api.example:99999999999/",
      })
  void rejectsWhatIsNotAnHttpUriReference(String location) {
    assertThat(Location.resolve(BASE, location)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "'' -> https://api.example/a/b?x=1#top",
        "/c -> https://api.example/c#top",
        "/c#other -> https://api.example/c#other",
        "/c# -> https://api.example/c#",
      })
  void inheritsTheRequestFragmentWhenTheLocationHasNone(String location, String expected) {
    URI base = URI.create("https://api.example/a/b?x=1#top");
    assertThat(Location.resolve(base, location)).contains(URI.create(expected));
  }

  @Test
  void repeatedIdenticalLinesAreOneLocationAndDifferentOnesNone() {
    assertThat(Location.fieldValue(List.of("/a", "/a"))).contains("/a");
    assertThat(Location.fieldValue(List.of())).isEmpty();
    String conflicting = Location.fieldValue(List.of("/a", "/b")).orElseThrow();
    assertThat(Location.isRepeated(conflicting)).isTrue();
    assertThat(Location.resolve(BASE, conflicting)).isEmpty();
  }

  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void neverThrowsForAnyText(@ForAll String location) {
    Location.resolve(BASE, location);
  }
}
