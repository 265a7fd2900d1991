package io.httptriage.finding;

import io.httptriage.headers.FieldValues;

/**
 * Makes a URL safe to log: drops userinfo and fragment, replaces the parameters of each path
 * segment ({@code ;jsessionid=...}, RFC 3986 §3.3) with {@code ;*}, every query value with {@code
 * *}, and every query name that does not look like a name ({@code [A-Za-z0-9_.-]{1,64}}), a
 * value-less token such as {@code ?SECRETTOKEN} included, with {@code *}; replaces control
 * characters, and cuts the result at {@value #MAX_LENGTH} characters.
 *
 * <p>Works on the raw text and never throws, so that a Location too broken to parse is redacted as
 * well as a valid URI. Redacting twice gives the same result as redacting once.
 */
final class UrlRedaction {
  static final int MAX_LENGTH = 512;
  static final String VALUE = "*";

  private UrlRedaction() {}

  static String redact(String raw) {
    String s = FieldValues.printable(raw);
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int q = s.indexOf('?');
    String base = q >= 0 ? s.substring(0, q) : s;
    StringBuilder out = new StringBuilder(s.length());
    appendWithoutPathParameters(out, withoutUserinfo(base));
    if (q >= 0) {
      out.append('?');
      appendQueryNames(out, s.substring(q + 1));
    }
    if (out.length() > MAX_LENGTH) {
      // Cut after redacting, and without a marker, so that redacting again changes nothing.
      out.setLength(MAX_LENGTH);
    }
    return out.toString();
  }

  /** Removes what stands between the authority's start and its last '@' (RFC 3986 §3.2.1). */
  private static String withoutUserinfo(String base) {
    int start = authorityStart(base);
    if (start < 0) {
      return opaqueWithoutUserinfo(base);
    }
    int end = base.indexOf('/', start);
    if (end < 0) {
      end = base.length();
    }
    int at = base.lastIndexOf('@', end - 1);
    if (at < start) {
      return base;
    }
    return base.substring(0, start) + base.substring(at + 1);
  }

  /**
   * For a reference without an authority ({@code javascript:u:pw@host}, {@code mailto:a@b}), where
   * what precedes an '@' may still be a credential: keeps the scheme and what follows the last '@'.
   */
  private static String opaqueWithoutUserinfo(String base) {
    int at = base.lastIndexOf('@');
    int colon = base.indexOf(':');
    if (at < 0 || colon <= 0 || colon > at || !isScheme(base, colon)) {
      return base; // a relative reference: an '@' in its path is no credential
    }
    return base.substring(0, colon + 1) + "*" + base.substring(at);
  }

  /** True when {@code s[0, end)} is a scheme: a letter, then letters, digits, '+', '-' or '.'. */
  private static boolean isScheme(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      boolean ok =
          c <= 0x7e
              && (Character.isLetter(c)
                  || i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Where the authority begins: after {@code scheme://} or a leading {@code //}; -1 when none. */
  private static int authorityStart(String s) {
    if (s.startsWith("//")) {
      return 2;
    }
    int colon = s.indexOf(':');
    if (colon <= 0 || !s.startsWith("//", colon + 1)) {
      return -1;
    }
    return isScheme(s, colon) ? colon + 3 : -1;
  }

  /** Every {@code ;...} up to the next '/' becomes {@code ;*}; the authority is left alone. */
  private static void appendWithoutPathParameters(StringBuilder out, String base) {
    int start = authorityStart(base);
    int pathStart = start < 0 ? 0 : indexOrLength(base, '/', start);
    out.append(base, 0, pathStart);
    int i = pathStart;
    while (i < base.length()) {
      int semicolon = base.indexOf(';', i);
      if (semicolon < 0) {
        out.append(base, i, base.length());
        return;
      }
      out.append(base, i, semicolon).append(";").append(VALUE);
      i = indexOrLength(base, '/', semicolon);
    }
  }

  private static int indexOrLength(String s, char c, int from) {
    int i = s.indexOf(c, from);
    return i < 0 ? s.length() : i;
  }

  private static void appendQueryNames(StringBuilder out, String query) {
    int from = 0;
    while (from <= query.length()) {
      int amp = query.indexOf('&', from);
      int to = amp < 0 ? query.length() : amp;
      String pair = query.substring(from, to);
      int eq = pair.indexOf('=');
      if (pair.isEmpty()) {
        // nothing to hide between two '&'
      } else if (eq < 0) {
        out.append(VALUE);
      } else {
        out.append(isName(pair, eq) ? pair.substring(0, eq) : VALUE).append('=');
        if (eq < pair.length() - 1) {
          out.append(VALUE);
        }
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      from = amp + 1;
    }
  }

  /** True when {@code pair[0, end)} matches {@code [A-Za-z0-9_.-]{1,64}}. */
  private static boolean isName(String pair, int end) {
    if (end < 1 || end > 64) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = pair.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '_'
              || c == '.'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
