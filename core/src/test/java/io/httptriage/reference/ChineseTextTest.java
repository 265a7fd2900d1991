package io.httptriage.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.policy.Cacheability;
import io.httptriage.policy.MethodRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.RedirectRule;
import io.httptriage.policy.Retryability;
import io.httptriage.status.HeaderRule;
import io.httptriage.status.Obligation;
import io.httptriage.status.OtherMeaning;
import io.httptriage.status.Standing;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every zh-TW string is Traditional Chinese but for names, code and RFC references (see {@link
 * LatinWords}): the registry's descriptions, the reference's labels, the registry facts the
 * reference translates, and the generated docs/status-codes.zh-TW.md.
 */
class ChineseTextTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final StatusReference REFERENCE = StatusReference.of(PolicyTable.ofDefaults());

  @Test
  void everyChineseDescriptionIsChinese() throws IOException {
    Properties zh = new Properties();
    try (InputStream in = StatusCode.class.getResourceAsStream("descriptions_zh_TW.properties");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      zh.load(reader);
    }
    assertThat(zh).isNotEmpty();
    for (String key : zh.stringPropertyNames()) {
      assertChinese("descriptions_zh_TW " + key, zh.getProperty(key));
    }
    List<StatusCode> codes = new ArrayList<>(StatusRegistry.all());
    codes.add(StatusRegistry.lookup(299));
    codes.add(StatusRegistry.lookup(999));
    for (StatusCode sc : codes) {
      assertChinese(sc + " description", sc.description(Locale.TAIWAN));
      for (OtherMeaning m : sc.otherMeanings()) {
        assertChinese(sc + " " + m.id(), m.description(Locale.TAIWAN));
      }
    }
  }

  @Test
  void everyRegistryFactIsShownInChinese() {
    for (StatusCode sc : StatusRegistry.all()) {
      assertChinese(sc + " spec", StatusReference.localized(sc.spec(), Locale.TAIWAN));
      sc.origin()
          .ifPresent(
              o -> assertChinese(sc + " origin", StatusReference.localized(o, Locale.TAIWAN)));
      for (HeaderRule r : sc.headerRules()) {
        assertChinese(
            sc + " " + r.field(), StatusReference.localized(r.condition(), Locale.TAIWAN));
        assertChinese(sc + " " + r.field(), StatusReference.localized(r.spec(), Locale.TAIWAN));
      }
      for (OtherMeaning m : sc.otherMeanings()) {
        assertChinese(sc + " " + m.id(), StatusReference.localized(m.origin(), Locale.TAIWAN));
      }
      for (String line : REFERENCE.usage(sc.code(), Locale.TAIWAN)) {
        assertChinese(sc + " usage", line);
      }
    }
  }

  @Test
  void everyChineseLabelIsChinese() {
    ReferenceLabels zh = ReferenceLabels.ZH_TW;
    List<String> labels =
        new ArrayList<>(
            List.of(
                zh.title(),
                zh.intro(),
                zh.unlistedHeading(),
                zh.unlisted(),
                zh.usageHeading(),
                zh.standingLabel(),
                zh.classLabel(),
                zh.specLabel(),
                zh.originLabel(),
                zh.formerLabel(),
                zh.headersLabel(),
                zh.noContent(),
                zh.noContentLength(),
                zh.otherMeaningsLabel(),
                zh.when(),
                zh.or()));
    for (Standing s : Standing.values()) {
      labels.add(zh.standing(s));
    }
    for (Obligation o : Obligation.values()) {
      labels.add(zh.obligation(o));
    }
    for (Retryability r : Retryability.values()) {
      labels.add(zh.retryLine(r));
    }
    for (RedirectRule r : RedirectRule.values()) {
      labels.add(zh.redirectLine(r));
    }
    for (MethodRule m : MethodRule.values()) {
      labels.add(zh.methodLine(m));
    }
    for (Cacheability c : Cacheability.values()) {
      labels.add(zh.cacheLine(c));
    }
    for (String label : labels) {
      assertChinese("label", label);
    }
  }

  @Test
  void generatedChineseReferenceIsChinese() throws IOException {
    assertChinese(
        StatusReference.CHINESE_FILE,
        Files.readString(ROOT.resolve(StatusReference.CHINESE_FILE), StandardCharsets.UTF_8));
    assertChinese("render", REFERENCE.render(Locale.TAIWAN));
  }

  @Test
  void englishLeftInAChineseLineIsFound() {
    // what the command line printed for 509 before: an English origin after a Chinese label
    assertThat(LatinWords.outsideAllowList("使用者 shared-hosting bandwidth modules (cPanel)"))
        .containsExactly("shared-hosting", "bandwidth", "modules");
    assertThat(
            LatinWords.outsideAllowList(
                "回應帶有 Retry-After 時，依 RFC 9110 §15.6.4 比照 5xx（nginx、HTTP/2）"))
        .isEmpty();
  }

  @Test
  void englishFactsStayAsWritten() {
    String origin = StatusRegistry.lookup(509).origin().orElseThrow();
    assertThat(StatusReference.localized(origin, Locale.ENGLISH)).isEqualTo(origin);
    assertThat(StatusReference.localized(origin, Locale.TAIWAN)).isEqualTo("共享主機的頻寬管理模組（cPanel）");
    assertThat(StatusReference.localized("nginx", Locale.TAIWAN)).isEqualTo("nginx");
  }

  private static void assertChinese(String where, String text) {
    List<String> words = LatinWords.outsideAllowList(text);
    assertThat(words).as("English words %s in %s: %s", words, where, text).isEmpty();
  }
}
