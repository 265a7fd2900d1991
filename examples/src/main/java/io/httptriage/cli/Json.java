package io.httptriage.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON (RFC 8259) from maps, lists, strings, numbers, booleans and null, indented by two
 * spaces, keys in the map's order. Strings are escaped so that any Java string gives valid JSON: the
 * quote, the backslash and every control character, U+2028/U+2029 (so the output can be embedded
 * in JavaScript), and lone surrogates, which UTF-8 cannot carry.
 *
 * <p>Stateless and thread-safe. No dependency: the command line needs writing only.
 */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * The JSON text of a value, ending without a newline.
   *
   * @throws IllegalArgumentException for a value of another type, or a non-finite number
   */
  static String write(Object value) {
    StringBuilder sb = new StringBuilder(256);
    write(value, sb, 0);
    return sb.toString();
  }

  private static void write(Object value, StringBuilder sb, int depth) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String) {
      quote((String) value, sb);
    } else if (value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof Integer || value instanceof Long) {
      sb.append(value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("value: JSON has no " + d);
      }
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (value instanceof Map) {
      object((Map<?, ?>) value, sb, depth);
    } else if (value instanceof List) {
      array((List<?>) value, sb, depth);
    } else {
      throw new IllegalArgumentException("value: cannot write a " + value.getClass().getName());
    }
  }

  private static void object(Map<?, ?> map, StringBuilder sb, int depth) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      newline(sb, depth + 1);
      quote(String.valueOf(e.getKey()), sb);
      sb.append(": ");
      write(e.getValue(), sb, depth + 1);
      if (it.hasNext()) {
        sb.append(',');
      }
    }
    newline(sb, depth);
    sb.append('}');
  }

  private static void array(List<?> list, StringBuilder sb, int depth) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      newline(sb, depth + 1);
      write(list.get(i), sb, depth + 1);
      if (i + 1 < list.size()) {
        sb.append(',');
      }
    }
    newline(sb, depth);
    sb.append(']');
  }

  private static void newline(StringBuilder sb, int depth) {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  /** Appends a JSON string literal. */
  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
            unicodeEscape(c, sb);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(c, sb);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder sb) {
    sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
  }
}
