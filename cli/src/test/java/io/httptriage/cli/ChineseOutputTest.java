package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.reference.LatinWords;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code explain --lang zh-TW} prints Traditional Chinese but for names, code and RFC references,
 * for every known code and for an unknown and an invalid one. Lines are joined before the check, so
 * a name the text wrapped stays one name.
 */
class ChineseOutputTest {

  static List<Integer> codes() {
    List<Integer> codes = new ArrayList<>();
    for (StatusCode sc : StatusRegistry.all()) {
      codes.add(sc.code());
    }
    codes.add(299);
    codes.add(999);
    return codes;
  }

  @ParameterizedTest(name = "explain {0} --lang zh-TW")
  @MethodSource("codes")
  void explainInChineseHasNoEnglishWords(int code) {
    CliRun run = CliRun.of("explain", Integer.toString(code), "--lang", "zh-TW");

    assertThat(run.status()).isZero();
    String text = run.out().replaceAll("\\s*\\n\\s*", " ");
    List<String> words = LatinWords.outsideAllowList(text);
    assertThat(words).as("English words %s in: %s", words, text).isEmpty();
  }

  @ParameterizedTest(name = "explain {0} --lang zh-TW")
  @MethodSource("codes")
  void explainInChineseNamesWhoUsesAnUnofficialCode(int code) {
    StatusCode sc = StatusRegistry.lookup(code);
    String out = CliRun.of("explain", Integer.toString(code), "--lang", "zh-TW").out();

    sc.origin()
        .ifPresentOrElse(
            o -> assertThat(out).contains("採用者："), () -> assertThat(out).doesNotContain("採用者"));
  }
}
