package io.httptriage.cache;

import io.httptriage.headers.FieldValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The directives of a Cache-Control field (RFC 9111 §5.2), from every field line of a request or a
 * response, read as tolerantly as real servers need and as strictly as safety needs.
 *
 * <ul>
 *   <li>Names are case-insensitive; arguments are a token or a quoted-string (§5.2), and
 *       delta-seconds arguments are accepted in either form. Empty list elements are skipped (RFC
 *       9110 §5.6.1).
 *   <li>Delta-seconds past 2<sup>31</sup> count as 2<sup>31</sup> (§1.2.2).
 *   <li>A directive that is repeated counts once, the first occurrence (§4.2.1).
 *   <li>A malformed element, or a delta-seconds directive whose argument is not delta-seconds, is
 *       left out, with a reason in {@link #problems()}. The callers are conservative about what is
 *       left out: an invalid max-age makes the response stale (§4.2.1), an invalid stale-if-error
 *       grants no window.
 *   <li>A directive that takes no argument but has one ({@code must-revalidate=1}) is kept, with a
 *       reason: the restrictive reading is the safe one.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class CacheControl {
  /** §1.2.2: the value a cache must use for delta-seconds it cannot represent. */
  static final long MAX_SECONDS = 1L << 31;

  private static final int MAX_DIRECTIVES = 64;

  private static final Set<String> DELTA_SECONDS =
      Set.of(
          "max-age",
          "s-maxage",
          "max-stale",
          "min-fresh",
          "stale-if-error",
          "stale-while-revalidate");

  /**
   * Directives that take no argument (§5.2.1, §5.2.2), apart from the qualified no-cache and
   * private.
   */
  private static final Set<String> NO_ARGUMENT =
      Set.of(
          "no-store",
          "no-transform",
          "only-if-cached",
          "must-revalidate",
          "must-understand",
          "proxy-revalidate",
          "public",
          "immutable");

  private static final CacheControl EMPTY = new CacheControl(Map.of(), Set.of(), List.of());

  /** Lower-case name to argument; an empty Optional for a directive given without one. */
  private final Map<String, Optional<String>> directives;

  /** Delta-seconds directives left out for an invalid argument. */
  private final Set<String> invalid;

  private final List<String> problems;

  private CacheControl(
      Map<String, Optional<String>> directives, Set<String> invalid, List<String> problems) {
    this.directives = directives;
    this.invalid = invalid;
    this.problems = problems;
  }

  /** The directives of every field line, in order; an empty list gives no directive. */
  static CacheControl parse(List<String> fieldLines) {
    if (fieldLines.isEmpty()) {
      return EMPTY;
    }
    Map<String, Optional<String>> directives = new HashMap<>();
    Set<String> invalid = new HashSet<>(0);
    List<String> problems = new ArrayList<>(0);
    int count = 0;
    for (String line : fieldLines) {
      for (String element : elements(line)) {
        if (++count > MAX_DIRECTIVES) {
          problems.add("more than " + MAX_DIRECTIVES + " directives; the rest are ignored");
          return new CacheControl(
              Map.copyOf(directives), Set.copyOf(invalid), List.copyOf(problems));
        }
        directive(element, directives, invalid, problems);
      }
    }
    return new CacheControl(Map.copyOf(directives), Set.copyOf(invalid), List.copyOf(problems));
  }

  /** True when the directive is present, with or without an argument. */
  boolean has(String name) {
    return directives.containsKey(name);
  }

  /** The delta-seconds argument of a directive; empty when absent or given without a value. */
  OptionalLong seconds(String name) {
    Optional<String> arg = directives.get(name);
    return arg == null || arg.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(deltaSeconds(arg.get()));
  }

  /** True when the delta-seconds directive was given with an argument that is not delta-seconds. */
  boolean isInvalid(String name) {
    return invalid.contains(name);
  }

  /** Why elements of the field were left out or read restrictively; empty for a clean field. */
  List<String> problems() {
    return problems;
  }

  private static void directive(
      String element,
      Map<String, Optional<String>> directives,
      Set<String> invalid,
      List<String> problems) {
    int eq = element.indexOf('=');
    String name = (eq < 0 ? element : element.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
    if (!isToken(name)) {
      problems.add("malformed directive '" + FieldValues.printable(element, 40) + "'");
      return;
    }
    Optional<String> argument = Optional.empty();
    if (eq >= 0) {
      String raw = element.substring(eq + 1).strip();
      String value = raw.startsWith("\"") ? unquote(raw) : (isToken(raw) ? raw : null);
      if (value == null) {
        problems.add(
            "malformed argument of " + name + ": '" + FieldValues.printable(raw, 40) + "'");
        return;
      }
      argument = Optional.of(value);
    }
    if (DELTA_SECONDS.contains(name) && !validSeconds(name, argument)) {
      problems.add(
          name
              + " ignored: its argument is not delta-seconds (RFC 9111 §1.2.2): '"
              + FieldValues.printable(argument.orElse(""), 40)
              + "'");
      if (!directives.containsKey(name)) {
        invalid.add(name);
      }
      return;
    }
    if (NO_ARGUMENT.contains(name) && argument.isPresent()) {
      problems.add(
          name
              + " takes no argument; '"
              + FieldValues.printable(argument.get(), 40)
              + "' is ignored and the directive kept");
      argument = Optional.empty();
    }
    if (directives.containsKey(name)) {
      problems.add("repeated " + name + "; the first one counts (RFC 9111 §4.2.1)");
      return;
    }
    directives.put(name, argument);
  }

  /** max-stale alone may come without an argument (§5.2.1.2); the others need delta-seconds. */
  private static boolean validSeconds(String name, Optional<String> argument) {
    if (argument.isEmpty()) {
      return "max-stale".equals(name);
    }
    String a = argument.get();
    if (a.isEmpty()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) < '0' || a.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Digits already checked; any number of them, saturating at 2^31 (§1.2.2). */
  private static long deltaSeconds(String digits) {
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      n = n * 10 + (digits.charAt(i) - '0');
      if (n >= MAX_SECONDS) {
        return MAX_SECONDS;
      }
    }
    return n;
  }

  /** The elements of one field line: split on commas outside quoted strings, blanks dropped. */
  private static List<String> elements(String line) {
    List<String> out = new ArrayList<>(4);
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        add(out, line.substring(start, i));
        start = i + 1;
      }
    }
    add(out, line.substring(start));
    return out;
  }

  private static void add(List<String> out, String element) {
    String e = element.strip();
    if (!e.isEmpty()) {
      out.add(e);
    }
  }

  /** The content of a quoted-string (RFC 9110 §5.6.4), or null when it is not exactly one. */
  private static String unquote(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        sb.append(raw.charAt(++i));
      } else if (c == '"') {
        return i == raw.length() - 1 ? sb.toString() : null;
      } else {
        sb.append(c);
      }
    }
    return null;
  }

  /** RFC 9110 §5.6.2: token = 1*tchar. */
  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean tchar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }
}
