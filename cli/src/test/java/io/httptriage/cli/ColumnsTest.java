package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void wideCharactersTakeTwoColumns() {
    assertThat(Columns.width("abc")).isEqualTo(3);
    assertThat(Columns.width("重試：是")).isEqualTo(8);
    assertThat(Columns.width("e\u0301")).isEqualTo(1);
  }

  @Test
  void padsToColumnsNotCharacters() {
    assertThat(Columns.pad("狀態", 6)).isEqualTo("狀態  ");
    assertThat(Columns.pad("toolong", 3)).isEqualTo("toolong");
  }

  @Test
  void clipsWithAnEllipsisWithinTheWidth() {
    assertThat(Columns.clip("Upload Resumption Supported", 10)).isEqualTo("Upload Re…");
    assertThat(Columns.width(Columns.clip("伺服器已收到請求標頭", 7))).isLessThanOrEqualTo(7);
    assertThat(Columns.clip("short", 10)).isEqualTo("short");
  }

  @Test
  void wrapsEnglishAtSpacesAndKeepsCitationsWhole() {
    List<String> lines = Columns.wrap("Retry: yes, after Retry-After when given — RFC 6585 §4", 45);
    assertThat(lines).containsExactly("Retry: yes, after Retry-After when given —", "RFC 6585 §4");
  }

  @Test
  void wrapsChineseBetweenAnyTwoCharacters() {
    List<String> lines = Columns.wrap("用戶端在一段時間內送出太多請求", 10);
    assertThat(lines).containsExactly("用戶端在一", "段時間內送", "出太多請求");
    assertThat(Columns.wrap("標頭 Retry-After 中", 12)).containsExactly("標頭", "Retry-After", "中");
  }

  @Test
  void wrapsNothingToOneEmptyLine() {
    assertThat(Columns.wrap("", 10)).containsExactly("");
  }
}
