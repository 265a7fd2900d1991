package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's JSON, written by Jackson: valid, one element per line, in key order. */
class JsonTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "quote \" and backslash \\",
        "line\nbreak\r\ttab",
        "\u0000\u0001\u001f",
        "bell\u0007 backspace\b formfeed\f",
        "§ 中文 é",
        "emoji \ud83d\ude00",
        "</script>"
      })
  void anyStringSurvivesTheRoundTrip(String s) {
    String json = JsonOutput.write(s);
    assertThat(json).doesNotContain("\n", "\r", "\u0000");
    assertThat(JsonReader.parse(json)).isEqualTo(s);
  }

  @Test
  void escapesControlCharactersAsJsonAsks() {
    assertThat(JsonOutput.write("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void writesNestedValuesInKeyOrderOneElementPerLine() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("z", 1);
    o.put("a", List.of(true, false));
    o.put("n", null);
    o.put("long", 12_345_678_901L);
    o.put("half", 0.5);
    o.put("empty", Map.of());
    o.put("none", List.of());
    String json = JsonOutput.write(o);
    assertThat(json).startsWith("{\n  \"z\": 1,\n  \"a\": [\n    true,");
    Map<String, Object> back = JsonReader.object(json);
    assertThat(back.keySet()).containsExactly("z", "a", "n", "long", "half", "empty", "none");
    assertThat(back)
        .containsEntry("long", 12_345_678_901L)
        .containsEntry("half", 0.5)
        .containsEntry("n", null)
        .containsEntry("a", Arrays.asList(true, false));
  }
}
