package io.httptriage.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.policy.PolicyTable;
import io.httptriage.status.Standing;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The checked-in reference must be exactly what the generator produces. To regenerate after a
 * registry or policy change: {@code mvn -pl core test -Dtest=StatusReferenceTest
 * -Dhttptriage.regenerateDocs=true}.
 */
class StatusReferenceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final StatusReference REFERENCE = StatusReference.of(PolicyTable.ofDefaults());

  @Test
  void checkedInEnglishReferenceIsCurrent() throws IOException {
    assertCurrent(StatusReference.ENGLISH_FILE, REFERENCE.render(Locale.ENGLISH));
  }

  @Test
  void checkedInChineseReferenceIsCurrent() throws IOException {
    assertCurrent(StatusReference.CHINESE_FILE, REFERENCE.render(Locale.TAIWAN));
  }

  @Test
  void everyKnownCodeHasAHeadingAndAUsageSection() {
    String md = REFERENCE.render(Locale.ENGLISH);
    for (StatusCode sc : StatusRegistry.all()) {
      assertThat(md).as("%s", sc).contains(sc.code() + " " + sc.reason());
    }
    assertThat(md.split("\n### usage\n", -1)).hasSize(StatusRegistry.all().size() + 1);
    assertThat(md).contains("## ~~305 Use Proxy~~", "Retry: yes, whatever the method");
  }

  @Test
  void chineseReferenceUsesChineseLabelsAndDescriptions() {
    String md = REFERENCE.render(Locale.TAIWAN);
    assertThat(md).contains("重試：", "快取：", StatusRegistry.lookup(404).descriptions().zhTw());
  }

  @Test
  void usageLinesAreTheOnesTheReferencePrints() {
    String md = REFERENCE.render(Locale.ENGLISH);
    for (String line : REFERENCE.usage(429, Locale.ENGLISH)) {
      assertThat(md).contains("- " + line + "\n");
    }
    assertThat(REFERENCE.usage(429, Locale.ENGLISH))
        .hasSize(5)
        .first()
        .asString()
        .startsWith("Retry: yes")
        .endsWith("RFC 6585 §4");
    assertThat(REFERENCE.usage(999, Locale.TAIWAN).get(0)).startsWith("重試：");
    assertThat(StatusReference.standingName(Standing.DEPRECATED, Locale.TAIWAN)).isEqualTo("已棄用");
    assertThat(StatusReference.standingName(Standing.UNKNOWN, Locale.ENGLISH)).isEqualTo("unknown");
  }

  @Test
  void showsWhatOkHttpsCacheDoesNextToThePolicy() {
    assertThat(REFERENCE.usage(206, Locale.ENGLISH))
        .last()
        .asString()
        .startsWith("OkHttp's cache: never stores it (unlike the policy above)")
        .endsWith("OkHttp CacheStrategy.isCacheable (5.x, 4.12)");
    assertThat(REFERENCE.usage(451, Locale.TAIWAN))
        .last()
        .asString()
        .startsWith("OkHttp 快取：一律不儲存（與上列政策不同）");
    assertThat(REFERENCE.usage(200, Locale.ENGLISH))
        .last()
        .asString()
        .startsWith("OkHttp's cache: stores it")
        .doesNotContain("unlike");
    assertThat(REFERENCE.usage(307, Locale.ENGLISH))
        .last()
        .asString()
        .startsWith("OkHttp's cache: stores it only with")
        .doesNotContain("unlike");
  }

  private static void assertCurrent(String relative, String generated) throws IOException {
    Path file = ROOT.resolve(relative);
    if (Boolean.getBoolean("httptriage.regenerateDocs")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(file).as("%s is missing: regenerate it", relative).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it with -Dhttptriage.regenerateDocs=true", relative)
        .isEqualTo(generated);
  }
}
