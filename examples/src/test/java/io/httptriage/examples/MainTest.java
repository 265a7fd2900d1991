package io.httptriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MainTest {

  private static String run(Locale locale) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), locale);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsAVerdictForEveryScenario() {
    String out = run(Locale.ENGLISH);
    assertThat(out)
        .contains("429 Too Many Requests [standard]", "RETRY after 30s")
        .contains("302 Found", "FAIL")
        .contains("as GET https://api.example.test/orders")
        .contains("as POST https://eu.api.example.test/orders (body kept)")
        .contains("305 Use Proxy [deprecated]")
        .contains("522 Connection Timed Out [unofficial]")
        .contains("299 Unknown 2xx [unknown]")
        .contains("999 Invalid Status [invalid]");
  }

  @Test
  void printsTraditionalChineseDescriptionsWhenAsked() {
    assertThat(run(Locale.forLanguageTag("zh-TW"))).containsPattern("[\\u4e00-\\u9fff]");
  }
}
