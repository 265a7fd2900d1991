package io.httptriage.headers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the List type of Structured Field Values (RFC 9651 §4.2.1), just enough for the
 * RateLimit fields: every member must be an Item (inner lists are refused), and each Item's bare
 * value and parameter values are read into {@link Value}s.
 *
 * <p>Any syntax error fails the whole field, as RFC 9651 §4.2 requires; the caller then ignores it.
 */
final class StructuredList {

  /** The bare item types of RFC 9651 §3.3. */
  enum Type {
    INTEGER,
    DECIMAL,
    STRING,
    TOKEN,
    BYTES,
    BOOLEAN,
    DATE,
    DISPLAY_STRING
  }

  /**
   * A bare item: its type, its text (the content of a string, the token itself, the digits of a
   * number) and, for integers and dates, its value.
   */
  record Value(Type type, String text, long integer) {}

  /** One list member: a bare item and its parameters, in order, keys unique (last one wins). */
  record Member(Value value, Map<String, Value> parameters) {}

  /** Why a field failed to parse; carries no stack trace, it is only control flow. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final String s;
  private int pos;

  private StructuredList(String s) {
    this.s = s;
  }

  /**
   * Parses a field value (several field lines already joined with ", ").
   *
   * @throws Malformed when the value is not a valid List of Items
   */
  static List<Member> parse(String fieldValue) throws Malformed {
    return new StructuredList(fieldValue).list();
  }

  private List<Member> list() throws Malformed {
    skipSpaces();
    List<Member> members = new ArrayList<>();
    while (pos < s.length()) {
      members.add(item());
      skipOws();
      if (pos >= s.length()) {
        return members;
      }
      expect(',');
      skipOws();
      if (pos >= s.length()) {
        throw new Malformed("trailing comma");
      }
    }
    return members;
  }

  private Member item() throws Malformed {
    if (peek() == '(') {
      throw new Malformed("inner list where an item was expected");
    }
    Value value = bareItem();
    Map<String, Value> params = new LinkedHashMap<>();
    while (pos < s.length() && peek() == ';') {
      pos++;
      skipSpaces();
      String key = key();
      Value v = new Value(Type.BOOLEAN, "?1", 1);
      if (pos < s.length() && peek() == '=') {
        pos++;
        v = bareItem();
      }
      params.put(key, v);
    }
    return new Member(value, params);
  }

  private Value bareItem() throws Malformed {
    if (pos >= s.length()) {
      throw new Malformed("value expected at end of field");
    }
    char c = peek();
    if (c == '-' || isDigit(c)) {
      return number();
    }
    switch (c) {
      case '"':
        return string();
      case ':':
        return bytes();
      case '?':
        return bool();
      case '@':
        pos++;
        Value n = number();
        if (n.type() != Type.INTEGER) {
          throw new Malformed("date is not an integer");
        }
        return new Value(Type.DATE, n.text(), n.integer());
      case '%':
        return displayString();
      default:
        if (isAlpha(c) || c == '*') {
          return token();
        }
        throw new Malformed("unexpected character at " + pos);
    }
  }

  private Value number() throws Malformed {
    int start = pos;
    boolean negative = false;
    if (pos < s.length() && peek() == '-') {
      negative = true;
      pos++;
    }
    int digitsStart = pos;
    while (pos < s.length() && isDigit(peek())) {
      pos++;
    }
    int intDigits = pos - digitsStart;
    if (intDigits == 0) {
      throw new Malformed("digit expected at " + pos);
    }
    if (pos < s.length() && peek() == '.') {
      if (intDigits > 12) {
        throw new Malformed("decimal with more than 12 integer digits");
      }
      pos++;
      int fracStart = pos;
      while (pos < s.length() && isDigit(peek())) {
        pos++;
      }
      int fracDigits = pos - fracStart;
      if (fracDigits < 1 || fracDigits > 3) {
        throw new Malformed("decimal needs 1 to 3 fractional digits");
      }
      return new Value(Type.DECIMAL, s.substring(start, pos), 0);
    }
    if (intDigits > 15) {
      throw new Malformed("integer with more than 15 digits");
    }
    long v = Long.parseLong(s, digitsStart, pos, 10);
    return new Value(Type.INTEGER, s.substring(start, pos), negative ? -v : v);
  }

  private Value string() throws Malformed {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\\') {
        if (pos >= s.length()) {
          throw new Malformed("unterminated escape");
        }
        char next = s.charAt(pos++);
        if (next != '"' && next != '\\') {
          throw new Malformed("invalid escape in string");
        }
        sb.append(next);
      } else if (c == '"') {
        return new Value(Type.STRING, sb.toString(), 0);
      } else if (c < 0x20 || c > 0x7e) {
        throw new Malformed("invalid character in string");
      } else {
        sb.append(c);
      }
    }
    throw new Malformed("unterminated string");
  }

  private Value token() {
    int start = pos;
    pos++;
    while (pos < s.length() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
      pos++;
    }
    return new Value(Type.TOKEN, s.substring(start, pos), 0);
  }

  private Value bytes() throws Malformed {
    int start = ++pos;
    while (pos < s.length() && peek() != ':') {
      char c = peek();
      if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
        throw new Malformed("invalid character in byte sequence");
      }
      pos++;
    }
    if (pos >= s.length()) {
      throw new Malformed("unterminated byte sequence");
    }
    String text = s.substring(start, pos++);
    return new Value(Type.BYTES, text, 0);
  }

  private Value bool() throws Malformed {
    pos++;
    if (pos < s.length() && (peek() == '0' || peek() == '1')) {
      char c = s.charAt(pos++);
      return new Value(Type.BOOLEAN, "?" + c, c - '0');
    }
    throw new Malformed("boolean must be ?0 or ?1");
  }

  private Value displayString() throws Malformed {
    pos++;
    if (pos >= s.length() || s.charAt(pos) != '"') {
      throw new Malformed("display string must start with %\"");
    }
    int start = ++pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '"') {
        return new Value(Type.DISPLAY_STRING, s.substring(start, pos++), 0);
      }
      if (c == '%') {
        if (pos + 2 >= s.length()
            || !isLowerHex(s.charAt(pos + 1))
            || !isLowerHex(s.charAt(pos + 2))) {
          throw new Malformed("invalid percent-encoding in display string");
        }
        pos += 3;
      } else if (c < 0x20 || c > 0x7e) {
        throw new Malformed("invalid character in display string");
      } else {
        pos++;
      }
    }
    throw new Malformed("unterminated display string");
  }

  private String key() throws Malformed {
    if (pos >= s.length() || !(isLowerAlpha(peek()) || peek() == '*')) {
      throw new Malformed("parameter key expected at " + pos);
    }
    int start = pos++;
    while (pos < s.length()) {
      char c = peek();
      if (isLowerAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
        pos++;
      } else {
        break;
      }
    }
    return s.substring(start, pos);
  }

  private void expect(char c) throws Malformed {
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw new Malformed("'" + c + "' expected at " + pos);
    }
    pos++;
  }

  private char peek() {
    return s.charAt(pos);
  }

  private void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private void skipOws() {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLowerAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isAlpha(char c) {
    return isLowerAlpha(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLowerHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
  }

  /** RFC 9110 §5.6.2 tchar. */
  private static boolean isTchar(char c) {
    return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
