package io.httptriage.headers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 3986 §2.1) as the resolver needs it: UTF-8, upper-case hex, escapes that
 * are already there kept, a stray {@code %} encoded. Stateless and thread-safe.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Percent-encodes {@code s[from, to)}: controls, the encode set, a {@code %} that does not start
   * an escape and, unless {@code unicodeAllowed}, every non-ASCII character; drops tab, line feed,
   * form feed and carriage return.
   */
  static String encode(String s, int from, int to, String encodeSet, boolean unicodeAllowed) {
    StringBuilder out = null;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      boolean drop = cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r';
      boolean escape =
          !drop
              && (cp < 0x20
                  || cp == 0x7f
                  || cp >= 0x80
                      && (!unicodeAllowed
                          || Character.isISOControl(cp)
                          || Character.isSpaceChar(cp)
                          || Character.isSurrogate((char) cp))
                  || cp < 0x80 && encodeSet.indexOf(cp) >= 0
                  || cp == '%' && !isEscape(s, i, to));
      if (drop || escape) {
        if (out == null) {
          out = new StringBuilder(to - from + 16).append(s, from, i);
        }
        if (escape) {
          byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
          for (byte b : bytes) {
            out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
          }
        }
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += n;
    }
    return out == null ? s.substring(from, to) : out.toString();
  }

  private static boolean isEscape(String s, int i, int limit) {
    return i + 2 < limit
        && Character.digit(s.charAt(i + 1), 16) >= 0
        && Character.digit(s.charAt(i + 2), 16) >= 0;
  }

  /** The text with every valid escape decoded as UTF-8; stray {@code %} signs stay. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == '%' && isEscape(s, i, s.length())) {
        bytes.write(
            Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
        i += 3;
      } else {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
