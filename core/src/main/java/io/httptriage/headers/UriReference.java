package io.httptriage.headers;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one reference resolver of httptriage: RFC 3986 §5.2 (transform references, §5.2.2; merge,
 * §5.2.3; remove_dot_segments, §5.2.4; recomposition, §5.3), read leniently for http and https the
 * way the WHATWG URL Standard's basic URL parser and OkHttp's {@code HttpUrl} read a Location.
 *
 * <p>For http and https (the reference's scheme, or the base's when it has none):
 *
 * <ul>
 *   <li>leading and trailing spaces, tabs and line breaks are dropped, and tabs and line breaks
 *       inside are removed;
 *   <li>{@code \} counts as {@code /} before the query;
 *   <li>{@code http:g} against an http base is relative ({@code http://a/b/c/g}), the
 *       backward-compatible reading RFC 3986 §5.4.2 allows, and any run of two or more slashes
 *       starts an authority ({@code ///g} is the host {@code g});
 *   <li>characters a URI cannot hold are percent-encoded as UTF-8, with OkHttp's encode sets and
 *       the stricter ones its {@code HttpUrl.uri()} adds for java.net.URI: in the path {@code space
 *       " < > ^ ` { } | [ ]}, in the query {@code space " ' < > \ ^ ` { | }}, in the fragment
 *       {@code space " # < > \ ^ ` { | }}; a {@code %} not followed by two hex digits becomes
 *       {@code %25};
 *   <li>{@code %2e} counts as a dot segment (WHATWG);
 *   <li>the host is percent-decoded, mapped to ASCII (IDNA) and lower-cased; an IPv6 literal is
 *       written in its RFC 5952 form; the scheme's default port and an empty port are dropped; an
 *       empty path is {@code /} (RFC 3986 §6.2.3).
 * </ul>
 *
 * Other schemes resolve by RFC 3986 §5.2 strictly. Stateless and thread-safe; never throws.
 */
final class UriReference {
  private static final String PATH_ENCODE = " \"<>^`{}|[]";
  private static final String QUERY_ENCODE = " \"'<>\\^`{|}";
  private static final String FRAGMENT_ENCODE = " \"#<>\\^`{|}";
  private static final String USERINFO_ENCODE = " \"':;<=>@[]^`{}|/\\?#";

  private UriReference() {}

  /** The five components of RFC 3986 §3; null for an undefined one (§5.2.1). */
  record Parts(
      @Nullable String scheme,
      @Nullable String authority,
      String path,
      @Nullable String query,
      @Nullable String fragment) {

    /** §5.3, component recomposition. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (scheme != null) {
        sb.append(scheme).append(':');
      }
      if (authority != null) {
        sb.append("//").append(authority);
      }
      sb.append(path);
      if (query != null) {
        sb.append('?').append(query);
      }
      if (fragment != null) {
        sb.append('#').append(fragment);
      }
      return sb.toString();
    }
  }

  /**
   * Resolves {@code reference} against {@code base}, an absolute URI.
   *
   * @return the target, or null when the reference cannot be resolved: an http(s) target without a
   *     valid host or port, or a base that is not absolute
   */
  static @Nullable String resolve(String base, String reference) {
    Parts b = split(base);
    if (b.scheme() == null) {
      return null;
    }
    String ref = trim(reference);
    String scheme = scheme(ref);
    String effective = (scheme != null ? scheme : b.scheme()).toLowerCase(Locale.ROOT);
    if (effective.equals("http") || effective.equals("https")) {
      return special(b, ref, scheme, effective);
    }
    Parts t = transform(b, split(ref));
    return t.toString();
  }

  /** Appendix B's regular expression, by hand: splits without judging. */
  static Parts split(String s) {
    String scheme = scheme(s);
    int i = scheme == null ? 0 : scheme.length() + 1;
    String authority = null;
    if (s.startsWith("//", i)) {
      int end = indexOfAny(s, "/?#", i + 2);
      authority = s.substring(i + 2, end);
      i = end;
    }
    int pathEnd = indexOfAny(s, "?#", i);
    String path = s.substring(i, pathEnd);
    String query = null;
    String fragment = null;
    int hash = s.indexOf('#', pathEnd);
    if (pathEnd < s.length() && s.charAt(pathEnd) == '?') {
      query = s.substring(pathEnd + 1, hash < 0 ? s.length() : hash);
    }
    if (hash >= 0) {
      fragment = s.substring(hash + 1);
    }
    return new Parts(scheme, authority, path, query, fragment);
  }

  /** §5.2.2, strict. */
  static Parts transform(Parts base, Parts r) {
    if (r.scheme() != null) {
      return new Parts(
          r.scheme(), r.authority(), removeDotSegments(r.path()), r.query(), r.fragment());
    }
    if (r.authority() != null) {
      return new Parts(
          base.scheme(), r.authority(), removeDotSegments(r.path()), r.query(), r.fragment());
    }
    String path;
    String query;
    if (r.path().isEmpty()) {
      path = base.path();
      query = r.query() != null ? r.query() : base.query();
    } else {
      path =
          r.path().startsWith("/")
              ? removeDotSegments(r.path())
              : removeDotSegments(merge(base, r.path()));
      query = r.query();
    }
    return new Parts(base.scheme(), base.authority(), path, query, r.fragment());
  }

  /** §5.2.3. */
  static String merge(Parts base, String path) {
    if (base.authority() != null && base.path().isEmpty()) {
      return "/" + path;
    }
    int slash = base.path().lastIndexOf('/');
    return slash < 0 ? path : base.path().substring(0, slash + 1) + path;
  }

  /** §5.2.4, step by step: the input buffer is consumed from the left. */
  static String removeDotSegments(String path) {
    StringBuilder out = new StringBuilder(path.length());
    String in = path;
    while (!in.isEmpty()) {
      if (in.startsWith("../")) {
        in = in.substring(3);
      } else if (in.startsWith("./")) {
        in = in.substring(2);
      } else if (in.startsWith("/./")) {
        in = in.substring(2);
      } else if (in.equals("/.")) {
        in = "/";
      } else if (in.startsWith("/../")) {
        in = in.substring(3);
        removeLastSegment(out);
      } else if (in.equals("/..")) {
        in = "/";
        removeLastSegment(out);
      } else if (in.equals(".") || in.equals("..")) {
        in = "";
      } else {
        int next = in.indexOf('/', in.startsWith("/") ? 1 : 0);
        int end = next < 0 ? in.length() : next;
        out.append(in, 0, end);
        in = in.substring(end);
      }
    }
    return out.toString();
  }

  private static void removeLastSegment(StringBuilder out) {
    int slash = out.lastIndexOf("/");
    out.setLength(Math.max(slash, 0));
  }

  // ---- http and https, leniently -----------------------------------------------------------

  private static @Nullable String special(
      Parts base, String ref, @Nullable String scheme, String effective) {
    int i = scheme == null ? 0 : scheme.length() + 1;
    int limit = ref.length();
    int slashes = 0;
    while (i + slashes < limit && isSlash(ref.charAt(i + slashes))) {
      slashes++;
    }
    boolean sameScheme = effective.equalsIgnoreCase(base.scheme());
    String authority;
    String path;
    String query;
    String fragment = null;
    int pathStart;
    if (slashes >= 2 || !sameScheme) {
      int start = i + slashes;
      int end = indexOfAny(ref, "/\\?#", start);
      authority = authority(ref.substring(start, end), effective);
      if (authority == null) {
        return null;
      }
      pathStart = end;
      path = "/";
      query = null;
    } else {
      if (base.authority() == null) {
        return null;
      }
      authority = authority(base.authority(), effective);
      if (authority == null) {
        return null;
      }
      pathStart = i;
      path = base.path().isEmpty() ? "/" : base.path();
      query = base.query();
    }
    int pathEnd = indexOfAny(ref, "?#", pathStart);
    String refPath = ref.substring(pathStart, pathEnd).replace('\\', '/');
    if (!refPath.isEmpty()) {
      String encoded = encodePath(refPath);
      // Absolute or relative by the first character as received, before tabs are dropped (OkHttp).
      path =
          removeDotSegments(
              refPath.startsWith("/")
                  ? encoded
                  : merge(new Parts(null, "", path, null, null), encoded));
      query = null;
    }
    int pos = pathEnd;
    if (pos < limit && ref.charAt(pos) == '?') {
      int hash = ref.indexOf('#', pos);
      int end = hash < 0 ? limit : hash;
      query = PercentEncoding.encode(ref, pos + 1, end, QUERY_ENCODE, false);
      pos = end;
    }
    if (pos < limit && ref.charAt(pos) == '#') {
      fragment = PercentEncoding.encode(ref, pos + 1, limit, FRAGMENT_ENCODE, true);
    }
    if (path.isEmpty()) {
      path = "/";
    }
    return new Parts(effective, authority, path, query, fragment).toString();
  }

  /** Each segment encoded, and {@code %2e} in any case read as a dot (WHATWG). */
  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    int from = 0;
    while (from <= path.length()) {
      int slash = path.indexOf('/', from);
      int end = slash < 0 ? path.length() : slash;
      String segment = PercentEncoding.encode(path, from, end, PATH_ENCODE, false);
      String lower = segment.toLowerCase(Locale.ROOT);
      if (lower.equals("%2e")) {
        segment = ".";
      } else if (lower.equals("%2e%2e") || lower.equals(".%2e") || lower.equals("%2e.")) {
        segment = "..";
      }
      out.append(segment);
      if (slash < 0) {
        break;
      }
      out.append('/');
      from = slash + 1;
    }
    return out.toString();
  }

  /** userinfo, host and port, each canonical; null when host or port is not valid. */
  private static @Nullable String authority(String raw, String scheme) {
    String s = raw;
    int at = s.lastIndexOf('@');
    String userinfo = at < 0 ? null : userinfo(s.substring(0, at));
    String hostPort = s.substring(at + 1);
    int colon = portColon(hostPort);
    String host = Hosts.canonical(PercentEncoding.decode(hostPort.substring(0, colon)));
    if (host == null) {
      return null;
    }
    int port = defaultPort(scheme);
    if (colon + 1 < hostPort.length()) {
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (port < 1 || port > 65535) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder();
    if (userinfo != null) {
      out.append(userinfo).append('@');
    }
    out.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    if (port != defaultPort(scheme)) {
      out.append(':').append(port);
    }
    return out.toString();
  }

  /** As OkHttp writes it: {@code user[:password]}, '@' inside encoded; null when both empty. */
  private static @Nullable String userinfo(String raw) {
    int colon = raw.indexOf(':');
    int userEnd = colon < 0 ? raw.length() : colon;
    String user = PercentEncoding.encode(raw, 0, userEnd, USERINFO_ENCODE, false);
    String password =
        colon < 0
            ? ""
            : PercentEncoding.encode(raw, colon + 1, raw.length(), USERINFO_ENCODE, false);
    if (user.isEmpty() && password.isEmpty()) {
      return null;
    }
    return password.isEmpty() ? user : user + ":" + password;
  }

  /** The first ':' outside an IPv6 literal's brackets, or the length. */
  private static int portColon(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        while (++i < s.length() && s.charAt(i) != ']') {
          // skip the literal
        }
      } else if (c == ':') {
        return i;
      }
    }
    return s.length();
  }

  static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** The scheme when {@code s} starts with one followed by ':' (RFC 3986 §3.1); else null. */
  static @Nullable String scheme(String s) {
    if (s.length() < 2 || !isAsciiLetter(s.charAt(0))) {
      return null;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return s.substring(0, i);
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return null;
      }
    }
    return null;
  }

  /** Without the leading and trailing spaces, tabs and line breaks a field value may carry. */
  static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isBlank(s.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
