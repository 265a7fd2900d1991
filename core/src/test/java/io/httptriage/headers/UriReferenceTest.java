package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 3986 §5.4: every normal (§5.4.1, 23) and abnormal (§5.4.2, 19) example on the RFC's base,
 * then network-path references and IPv6 literals. Where the RFC's target has an empty http path,
 * the resolver writes {@code /} (RFC 3986 §6.2.3); for {@code http:g} it gives the
 * backward-compatible reading §5.4.2 allows, as browsers and OkHttp do.
 */
class UriReferenceTest {
  private static final String BASE = "http://a/b/c/d;p?q";

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        // §5.4.1 normal examples
        "g:h            | g:h",
        "g              | http://a/b/c/g",
        "./g            | http://a/b/c/g",
        "g/             | http://a/b/c/g/",
        "/g             | http://a/g",
        "//g            | http://g/",
        "?y             | http://a/b/c/d;p?y",
        "g?y            | http://a/b/c/g?y",
        "#s             | http://a/b/c/d;p?q#s",
        "g#s            | http://a/b/c/g#s",
        "g?y#s          | http://a/b/c/g?y#s",
        ";x             | http://a/b/c/;x",
        "g;x            | http://a/b/c/g;x",
        "g;x?y#s        | http://a/b/c/g;x?y#s",
        "''             | http://a/b/c/d;p?q",
        ".              | http://a/b/c/",
        "./             | http://a/b/c/",
        "..             | http://a/b/",
        "../            | http://a/b/",
        "../g           | http://a/b/g",
        "../..          | http://a/",
        "../../         | http://a/",
        "../../g        | http://a/g",
        // §5.4.2 abnormal examples
        "../../../g     | http://a/g",
        "../../../../g  | http://a/g",
        "/./g           | http://a/g",
        "/../g          | http://a/g",
        "g.             | http://a/b/c/g.",
        ".g             | http://a/b/c/.g",
        "g..            | http://a/b/c/g..",
        "..g            | http://a/b/c/..g",
        "./../g         | http://a/b/g",
        "./g/.          | http://a/b/c/g/",
        "g/./h          | http://a/b/c/g/h",
        "g/../h         | http://a/b/c/h",
        "g;x=1/./y      | http://a/b/c/g;x=1/y",
        "g;x=1/../y     | http://a/b/c/y",
        "g?y/./x        | http://a/b/c/g?y/./x",
        "g?y/../x       | http://a/b/c/g?y/../x",
        "g#s/./x        | http://a/b/c/g#s/./x",
        "g#s/../x       | http://a/b/c/g#s/../x",
        "http:g         | http://a/b/c/g",
      })
  void resolvesEveryExampleOfRfc3986Section54(String reference, String target) {
    assertThat(UriReference.resolve(BASE, reference)).isEqualTo(target);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "//g/x/../y           | http://g/y",
        "//g:8080/p?q         | http://g:8080/p?q",
        "//G.Example:80/      | http://g.example/",
        "//u:pw@g/            | http://u:pw@g/",
        "https://g/../x       | https://g/x",
        "https:g              | https://g/",
        "///g/h               | http://g/h",
        "\\\\g\\h             | http://g/h",
        "//[::1]/x            | http://[::1]/x",
        "//[::1]:8080/x       | http://[::1]:8080/x",
        "//[2001:DB8:0:0:0:0:0:7]/ | http://[2001:db8::7]/",
        "//[2001:db8:0:0:1:0:0:1]/ | http://[2001:db8::1:0:0:1]/",
        "http://[::ffff:7f00:1]/   | http://127.0.0.1/",
      })
  void resolvesNetworkPathReferencesAndIpv6Literals(String reference, String target) {
    assertThat(UriReference.resolve(BASE, reference)).isEqualTo(target);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://[::1]:8080/a/b | ../c   | http://[::1]:8080/c",
        "http://[::1]:8080/a/b | //[fe80::1]/ | http://[fe80::1]/",
        "https://[2001:db8::7]/a?q | ?r | https://[2001:db8::7]/a?r",
      })
  void resolvesAgainstAnIpv6Base(String base, String reference, String target) {
    assertThat(UriReference.resolve(base, reference)).isEqualTo(target);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "//[::1",
        "//[::g]/",
        "//bad host/",
        "//h:0/",
        "//h:65536/",
        "//h:8x/",
        "//@/",
        "http://",
      })
  void refusesWhatNoClientCanAddress(String reference) {
    assertThat(UriReference.resolve(BASE, reference)).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "/a b -> http://a/a%20b",
        "/x?q=a b -> http://a/x?q=a%20b",
        "/x|y -> http://a/x%7Cy",
        "/x{y} -> http://a/x%7By%7D",
        "/p%zz -> http://a/p%25zz",
        "/p/%2e%2E/q -> http://a/q",
        "/p/%2E/q -> http://a/p/q",
        "/é?é#é -> http://a/%C3%A9?%C3%A9#é",
        "/a\tb -> http://a/ab",
      })
  void percentEncodesWhatAUriCannotHold(String reference, String target) {
    assertThat(UriReference.resolve(BASE, reference.replace("\\t", "\t"))).isEqualTo(target);
  }
}
