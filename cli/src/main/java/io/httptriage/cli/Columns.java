package io.httptriage.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in terminal columns, where a CJK character takes two: padding for aligned tables,
 * word wrapping for descriptions, clipping for table cells. Chinese text has no spaces, so it may
 * break between any two wide characters.
 *
 * <p>Stateless and thread-safe.
 */
final class Columns {
  private Columns() {}

  /** The columns a string takes on a terminal. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      w += width(c);
      i += Character.charCount(c);
    }
    return w;
  }

  /** The string followed by spaces up to {@code columns}; unchanged when already as wide. */
  static String pad(String s, int columns) {
    int missing = columns - width(s);
    return missing <= 0 ? s : s + " ".repeat(missing);
  }

  /** The string cut to fit {@code columns}, ending in an ellipsis when cut. */
  static String clip(String s, int columns) {
    if (width(s) <= columns) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (w + width(c) > columns - 1) {
        break;
      }
      sb.appendCodePoint(c);
      w += width(c);
      i += Character.charCount(c);
    }
    return sb.toString().stripTrailing() + "…";
  }

  /**
   * The text broken into lines of at most {@code columns}, at spaces or between wide characters. A
   * citation such as {@code RFC 9110 §15.4.3} is kept on one line.
   */
  static List<String> wrap(String text, int columns) {
    List<String> lines = new ArrayList<>();
    for (String line :
        breakLines(text.replace("RFC ", "RFC\u00a0").replace(" §", "\u00a0§"), columns)) {
      lines.add(line.replace('\u00a0', ' '));
    }
    return lines;
  }

  private static List<String> breakLines(String text, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineWidth = 0;
    for (String[] token : tokens(text)) {
      String word = token[1];
      boolean spaced = !token[0].isEmpty() && line.length() > 0;
      int need = width(word) + (spaced ? 1 : 0);
      if (line.length() > 0 && lineWidth + need > columns) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
        spaced = false;
        need = width(word);
      }
      if (spaced) {
        line.append(' ');
      }
      line.append(word);
      lineWidth += need;
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Words as {space-before-or-empty, word}: runs of narrow characters, or one wide character. */
  private static List<String[]> tokens(String text) {
    List<String[]> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean spaceBefore = false;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          tokens.add(new String[] {spaceBefore ? " " : "", word.toString()});
          word.setLength(0);
        }
        pendingSpace = true;
        continue;
      }
      if (word.length() == 0) {
        spaceBefore = pendingSpace;
        pendingSpace = false;
      }
      if (width(c) == 2) {
        if (word.length() > 0) {
          tokens.add(new String[] {spaceBefore ? " " : "", word.toString()});
          word.setLength(0);
          spaceBefore = false;
        }
        tokens.add(new String[] {spaceBefore ? " " : "", new String(Character.toChars(c))});
        spaceBefore = false;
      } else {
        word.appendCodePoint(c);
      }
    }
    if (word.length() > 0) {
      tokens.add(new String[] {spaceBefore ? " " : "", word.toString()});
    }
    return tokens;
  }

  /** 2 for East Asian wide and fullwidth characters, 0 for combining marks, 1 otherwise. */
  private static int width(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || c == 0x200b) {
      return 0;
    }
    boolean wide =
        (c >= 0x1100 && c <= 0x115f)
            || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f)
            || (c >= 0xac00 && c <= 0xd7a3)
            || (c >= 0xf900 && c <= 0xfaff)
            || (c >= 0xfe30 && c <= 0xfe4f)
            || (c >= 0xff00 && c <= 0xff60)
            || (c >= 0xffe0 && c <= 0xffe6)
            || (c >= 0x20000 && c <= 0x3fffd);
    return wide ? 2 : 1;
  }
}
