package io.httptriage.finding;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://api.example/a                      | https://api.example/a",
        "https://u:p@api.example/a                  | https://api.example/a",
        "https://user@api.example:8443/a            | https://api.example:8443/a",
        "https://a%40b:p%2Fw@api.example/           | https://api.example/",
        "//u:p@cdn.example/x                        | //cdn.example/x",
        "https://api.example/a?token=s3cret&page=2  | https://api.example/a?token=*&page=*",
        "https://api.example/a?flag&empty=&x=1      | https://api.example/a?*&empty=&x=*",
        "https://api.example/login;jsessionid=AB12  | https://api.example/login;*",
        "https://api.example/a;v=1/b;k=2?x=1        | https://api.example/a;*/b;*?x=*",
        "https://api.example/?SECRETTOKEN&x=1       | https://api.example/?*&x=*",
        "https://api.example/?a%20b=1&=2&&c.d-e_f=3 | https://api.example/?*=*&*=*&&c.d-e_f=*",
        "https://api.example/a?ok=1&x=2             | https://api.example/a?ok=*&x=*",
        "https://api.example/a?x=1=2                | https://api.example/a?x=*",
        "https://api.example/a#frag?token=1         | https://api.example/a",
        "https://api.example/a?t=1#top              | https://api.example/a?t=*",
        "/relative/path?sig=abc                     | /relative/path?sig=*",
        "/users/@me?x=1                             | /users/@me?x=*",
        "not a url ?key=value                       | not a url ?key=*",
        "''                                         | ''",
      })
  void keepsNamesAndDropsSecrets(String raw, String redacted) {
    assertThat(UrlRedaction.redact(raw)).isEqualTo(redacted);
  }

  @Test
  void replacesLineBreaksSoAUrlCannotForgeALogLine() {
    assertThat(UrlRedaction.redact("https://a.example/x\r\nlevel=ERROR"))
        .isEqualTo("https://a.example/x__level=ERROR");
  }

  @Test
  void cutsVeryLongUrls() {
    String longPath = "https://a.example/" + "p".repeat(2000) + "?k=v";

    assertThat(UrlRedaction.redact(longPath)).hasSize(UrlRedaction.MAX_LENGTH);
  }

  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void neverThrowsAndRedactingTwiceChangesNothing(@ForAll String raw) {
    String once = UrlRedaction.redact(raw);

    assertThat(UrlRedaction.redact(once)).isEqualTo(once);
  }

  @Property // jqwik.tries.default
  void noQueryValueOrPasswordSurvives(
      @ForAll("secrets") String secret, @ForAll("secrets") String password) {
    String raw =
        "https://user:"
            + password
            + "@api.example/p?name="
            + secret
            + "&b="
            + secret
            + "#"
            + secret;

    String redacted = UrlRedaction.redact(raw);

    assertThat(redacted)
        .doesNotContain(secret)
        .doesNotContain(password)
        .isEqualTo("https://api.example/p?name=*&b=*");
  }

  /**
   * Issue 13: path parameters and value-less query tokens were logged in clear. A secret is put in
   * every place that must not survive — userinfo, a path parameter, a query value, a value-less
   * token, a name that is not name-like, the fragment — around any other URL text.
   */
  @Property(tries = 2_000)
  void noGeneratedSecretSurvivesInAnyPlace(
      @ForAll("secrets") String secret,
      @ForAll("places") int place,
      @ForAll("noise") String before,
      @ForAll("noise") String after) {
    String url =
        switch (place) {
          case 0 -> "https://" + secret + "@h.example/" + before;
          case 1 -> "https://u:" + secret + "@h.example/" + before;
          case 2 -> "https://h.example/" + before + ";jsessionid=" + secret + "/" + after;
          case 3 -> "https://h.example/" + before + ";" + secret;
          case 4 -> "https://h.example/" + before + "?a=" + after + "&b=" + secret;
          case 5 -> "https://h.example/" + before + "?" + secret + "&x=1";
          case 6 -> "https://h.example/" + before + "?x=1&" + secret;
          case 7 -> "https://h.example/" + before + "?" + secret + "%20=1";
          case 8 -> "https://h.example/" + before + "?" + "n".repeat(65) + secret + "=1";
          case 9 -> "/relative;" + secret + "?x=" + secret;
          default -> "https://h.example/" + before + "#" + secret;
        };

    assertThat(UrlRedaction.redact(url)).doesNotContain(secret);
  }

  @Provide
  Arbitrary<Integer> places() {
    return Arbitraries.integers().between(0, 10);
  }

  /** URL text without the characters that would move a secret into a name-keeping place. */
  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("abc/.-_~%20").ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> secrets() {
    // Characters that cannot be mistaken for URL structure, long enough to be unique.
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .ofMinLength(12)
        .ofMaxLength(40)
        .map(s -> "S" + s);
  }
}
