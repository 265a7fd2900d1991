package io.httptriage.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRegistryTest {

  @ParameterizedTest(name = "{0} -> {1}, behaves as {2}")
  @CsvSource({
    "-2147483648, INVALID, 500",
    "-1, INVALID, 500",
    "0, INVALID, 500",
    "99, INVALID, 500",
    "100, STANDARD, 100",
    "199, UNKNOWN, 100",
    "299, UNKNOWN, 200",
    "420, UNKNOWN, 400",
    "599, UNKNOWN, 500",
    "600, INVALID, 500",
    "999, INVALID, 500",
    "1000, INVALID, 500",
    "2147483647, INVALID, 500",
  })
  void lookupOfAnyIntGivesAnEntryThatSaysHowToTreatIt(int code, Standing standing, int equivalent) {
    StatusCode sc = StatusRegistry.lookup(code);
    assertThat(sc.code()).isEqualTo(code);
    assertThat(sc.standing()).isEqualTo(standing);
    assertThat(sc.equivalentCode()).isEqualTo(equivalent);
    assertThat(sc.description(Locale.ENGLISH)).isNotBlank();
    assertThat(sc.description(Locale.TAIWAN)).isNotBlank();
  }

  @Test
  void invalidCodesAreHandledAsServerErrors() {
    assertThat(StatusRegistry.lookup(999).statusClass()).isEqualTo(StatusClass.INVALID);
    assertThat(StatusRegistry.lookup(999).statusClass().effective())
        .isEqualTo(StatusClass.SERVER_ERROR);
    assertThat(StatusRegistry.find(999)).isEmpty();
    assertThat(StatusRegistry.find(299)).isEmpty();
    assertThat(StatusRegistry.find(404)).contains(StatusRegistry.lookup(404));
  }

  @Test
  void usesRfc9110CurrentNamesAndKeepsFormerOnes() {
    assertThat(StatusRegistry.lookup(413).reason()).isEqualTo("Content Too Large");
    assertThat(StatusRegistry.lookup(413).formerReasons())
        .containsExactly("Payload Too Large", "Request Entity Too Large");
    assertThat(StatusRegistry.lookup(422).reason()).isEqualTo("Unprocessable Content");
    assertThat(StatusRegistry.lookup(422).formerReasons()).contains("Unprocessable Entity");
    assertThat(StatusRegistry.lookup(418).formerReasons()).contains("I'm a teapot");
  }

  @Test
  void standingsOfTheSpecialCodes() {
    assertThat(StatusRegistry.lookup(104).standing()).isEqualTo(Standing.TEMPORARY);
    assertThat(StatusRegistry.lookup(102).standing()).isEqualTo(Standing.DEPRECATED);
    assertThat(StatusRegistry.lookup(305).standing()).isEqualTo(Standing.DEPRECATED);
    assertThat(StatusRegistry.lookup(306).standing()).isEqualTo(Standing.UNUSED);
    assertThat(StatusRegistry.lookup(418).standing()).isEqualTo(Standing.UNUSED);
    assertThat(StatusRegistry.lookup(510).standing()).isEqualTo(Standing.OBSOLETED);
  }

  @Test
  void unofficialCodesNameTheirOrigin() {
    assertThat(StatusRegistry.lookup(444).origin()).contains("nginx");
    assertThat(StatusRegistry.lookup(499).origin()).contains("nginx");
    assertThat(StatusRegistry.lookup(522).origin()).contains("Cloudflare");
    assertThat(StatusRegistry.lookup(460).origin())
        .hasValueSatisfying(o -> assertThat(o).contains("AWS"));
    assertThat(StatusRegistry.lookup(449).origin()).contains("Microsoft");
    assertThat(StatusRegistry.lookup(419).origin()).contains("Laravel");
    assertThat(StatusRegistry.lookup(509).reason()).isEqualTo("Bandwidth Limit Exceeded");
    for (int code :
        new int[] {
          419, 430, 440, 444, 449, 460, 463, 464, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522,
          523, 524, 525, 526, 529, 530, 561
        }) {
      assertThat(StatusRegistry.lookup(code).standing())
          .as("%s", code)
          .isEqualTo(Standing.UNOFFICIAL);
    }
    assertThat(StatusRegistry.lookup(200).origin()).isEmpty();
  }

  @Test
  void numbersWithOtherMeaningsRecordThem() {
    assertThat(StatusRegistry.lookup(451).otherMeanings())
        .anySatisfy(
            m -> {
              assertThat(m.reason()).isEqualTo("Redirect");
              assertThat(m.origin()).contains("Exchange");
              assertThat(m.kind()).isEqualTo(OtherMeaning.Kind.COLLISION);
            });
    assertThat(StatusRegistry.lookup(103).otherMeanings())
        .extracting(OtherMeaning::reason)
        .contains("Checkpoint");
    assertThat(StatusRegistry.lookup(421).otherMeanings())
        .extracting(OtherMeaning::id)
        .contains("connection-limit", "destination-locked");
    assertThat(StatusRegistry.lookup(425).otherMeanings())
        .extracting(OtherMeaning::reason)
        .contains("Unordered Collection");
    assertThat(StatusRegistry.lookup(426).otherMeanings())
        .extracting(OtherMeaning::id)
        .contains("tls-upgrade");
    assertThat(StatusRegistry.lookup(422).otherMeanings())
        .extracting(OtherMeaning::id)
        .contains("webdav");
    assertThat(StatusRegistry.lookup(499).otherMeanings())
        .extracting(OtherMeaning::reason)
        .contains("Token Required");
  }

  @Test
  void everyEntryAndOtherMeaningHasItsOwnDescriptionInBothLanguages() {
    DescriptionSource texts = DescriptionSource.shared();
    for (StatusCode sc : StatusRegistry.all()) {
      String key = Integer.toString(sc.code());
      assertThat(texts.has(key)).as("descriptions for %s", key).isTrue();
      assertThat(sc.descriptions().zhTw())
          .as("zh-TW of %s", key)
          .isNotEqualTo(sc.descriptions().en());
      for (OtherMeaning m : sc.otherMeanings()) {
        assertThat(texts.has(key + "." + m.id()))
            .as("descriptions for %s.%s", key, m.id())
            .isTrue();
      }
    }
  }

  @Test
  void traditionalChineseIsChosenForTaiwanHongKongAndHant() {
    StatusCode sc = StatusRegistry.lookup(404);
    assertThat(sc.description(Locale.TAIWAN)).isEqualTo(sc.descriptions().zhTw());
    assertThat(sc.description(Locale.forLanguageTag("zh-Hant")))
        .isEqualTo(sc.descriptions().zhTw());
    assertThat(sc.description(Locale.forLanguageTag("zh-HK"))).isEqualTo(sc.descriptions().zhTw());
    assertThat(sc.description(Locale.SIMPLIFIED_CHINESE)).isEqualTo(sc.descriptions().en());
    assertThat(sc.description(Locale.GERMAN)).isEqualTo(sc.descriptions().en());
  }

  @Test
  void responsesThatMustCarryAHeaderSayWhich() {
    assertThat(mustFields(401)).containsExactly("WWW-Authenticate");
    assertThat(mustFields(405)).containsExactly("Allow");
    assertThat(mustFields(407)).containsExactly("Proxy-Authenticate");
    assertThat(mustFields(101)).containsExactly("Upgrade");
    assertThat(mustFields(426)).containsExactly("Upgrade");
    assertThat(mustFields(206)).containsExactly("Content-Range");
    assertThat(StatusRegistry.lookup(206).headerRules().get(0).unlessContentType())
        .contains("multipart/byteranges");
    assertThat(StatusRegistry.lookup(416).headerRules())
        .anySatisfy(
            r -> {
              assertThat(r.field()).isEqualTo("Content-Range");
              assertThat(r.obligation()).isEqualTo(Obligation.SHOULD);
            });
    for (int code : new int[] {301, 302, 303, 307, 308}) {
      assertThat(StatusRegistry.lookup(code).headerRules())
          .extracting(HeaderRule::field)
          .as("%s", code)
          .contains("Location");
    }
  }

  @Test
  void contentRulesFollowRfc9110() {
    for (int code : new int[] {100, 101, 103, 204, 205, 304}) {
      assertThat(StatusRegistry.lookup(code).contentForbidden()).as("%s", code).isTrue();
    }
    assertThat(StatusRegistry.lookup(200).contentForbidden()).isFalse();
    assertThat(StatusRegistry.lookup(204).contentLengthForbidden()).isTrue();
    assertThat(StatusRegistry.lookup(100).contentLengthForbidden()).isTrue();
    assertThat(StatusRegistry.lookup(304).contentLengthForbidden()).isFalse();
    assertThat(StatusRegistry.lookup(199).contentForbidden()).isTrue();
  }

  @Test
  void allIsSortedAndHoldsOnlyKnownCodes() {
    assertThat(StatusRegistry.all())
        .isSortedAccordingTo((a, b) -> Integer.compare(a.code(), b.code()));
    assertThat(StatusRegistry.all()).allMatch(StatusCode::isKnown);
    assertThat(StatusRegistry.all()).extracting(StatusCode::code).doesNotHaveDuplicates();
  }

  @Test
  void lookingUpAKnownCodeAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    int sink = 0;
    for (int i = 0; i < 10_000; i++) {
      sink += StatusRegistry.lookup(200 + (i % 300)).code();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      sink += StatusRegistry.lookup(100 + (i % 500)).code();
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(sink).isPositive();
    // The measurement itself may allocate a few bytes; 100 000 allocating lookups would be
    // megabytes.
    assertThat(allocated).isLessThan(1024);
  }

  private static java.util.List<String> mustFields(int code) {
    return StatusRegistry.lookup(code).headerRules().stream()
        .filter(r -> r.obligation() == Obligation.MUST && r.isUnconditional())
        .map(HeaderRule::field)
        .toList();
  }
}
