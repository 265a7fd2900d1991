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
  @CsvSource(delimiter = '|', value = {
      "https://api.example/a                      | https://api.example/a",
      "https://u:p@api.example/a                  | https://api.example/a",
      "https://user@api.example:8443/a            | https://api.example:8443/a",
      "https://a%40b:p%2Fw@api.example/           | https://api.example/",
      "//u:p@cdn.example/x                        | //cdn.example/x",
      "https://api.example/a?token=s3cret&page=2  | https://api.example/a?token=*&page=*",
      "https://api.example/a?flag&empty=&x=1      | https://api.example/a?flag&empty=&x=*",
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
    String raw = "https://user:" + password + "@api.example/p?name=" + secret + "&b=" + secret
        + "#" + secret;

    String redacted = UrlRedaction.redact(raw);

    assertThat(redacted).doesNotContain(secret).doesNotContain(password)
        .isEqualTo("https://api.example/p?name=*&b=*");
  }

  @Provide
  Arbitrary<String> secrets() {
    // Characters that cannot be mistaken for URL structure, long enough to be unique.
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(12).ofMaxLength(40)
        .map(s -> "S" + s);
  }
}
