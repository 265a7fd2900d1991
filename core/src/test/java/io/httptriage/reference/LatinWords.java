package io.httptriage.reference;

import io.httptriage.status.HeaderRule;
import io.httptriage.status.OtherMeaning;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Latin-script words in a Traditional Chinese text that are neither names nor references,
 * for the tests that keep zh-TW output all Chinese. Allowed, and so removed before the words are
 * counted:
 *
 * <ul>
 *   <li>quoted text, as 「…」, "…" or `…`: a reason phrase, a message or code, given verbatim;
 *   <li>every reason phrase, former name and header field name of the registry, and its placeholder
 *       names for codes it does not know ("Unknown 2xx", "Invalid Status");
 *   <li>references: {@code RFC 9110 §15.4}, {@code RFC 9110 附錄 B.3}, Internet-Drafts, [MS-…];
 *   <li>the product and vendor names of {@link #NAMES};
 *   <li>words that are code by their shape: acronyms (HTTP, GET, TLS), words with a digit, dot,
 *       slash or underscore (5xx, Node.js, ngx_http_request.h), inner capitals (WebDAV, cPanel,
 *       HttpStatus), header-field shape (Retry-After, Wi-Fi), and the lower-case tokens of {@link
 *       #CODE_WORDS}.
 * </ul>
 */
public final class LatinWords {
  /** Products, vendors and services whose names are not translated. */
  public static final List<String> NAMES =
      List.of(
          "Outlook Web Access",
          "Application Load Balancer",
          "Microsoft Learn",
          "Qualys SSL Labs",
          "Esri ArcGIS Server",
          "Google Gears",
          "Node.js",
          "Exchange",
          "Microsoft",
          "Cloudflare",
          "nginx",
          "Shopify",
          "Laravel",
          "Spring",
          "Netty",
          "Node",
          "Apache",
          "Anthropic",
          "Pantheon",
          "Esri",
          "Google",
          "Chrome",
          "Firefox",
          "Safari");

  /**
   * Lower-case protocol tokens: URI schemes, link relations, directives, range units, XML elements.
   */
  public static final Set<String> CODE_WORDS =
      Set.of(
          "http",
          "https",
          "rel",
          "blocked-by",
          "preload",
          "preconnect",
          "max-age",
          "no-store",
          "no-cache",
          "bytes",
          "multistatus",
          "infinity",
          "httptriage",
          "laravel");

  /** Header field names of one word (those with a hyphen are recognised by their shape). */
  public static final Set<String> FIELD_NAMES =
      Set.of(
          "Accept",
          "Age",
          "Allow",
          "Authorization",
          "Connection",
          "Cookie",
          "Date",
          "Depth",
          "ETag",
          "Expect",
          "Expires",
          "Host",
          "Link",
          "Location",
          "Origin",
          "Range",
          "Referer",
          "Server",
          "Upgrade",
          "Vary",
          "Via");

  private static final Pattern QUOTED = Pattern.compile("「[^」]*」|\"[^\"]*\"|`[^`]*`");
  private static final Pattern REFERENCE =
      Pattern.compile(
          "RFC \\d+(?: (?:§\\d+(?:\\.\\d+)*|附錄 [A-Z](?:\\.\\d+)*))?|draft-[a-z0-9-]+|\\[MS-[A-Z]+\\]");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_./'][A-Za-z0-9]+)*");
  private static final List<String> NAMES_LONGEST_FIRST = names();

  private LatinWords() {}

  /**
   * The words of {@code text} that break the rule, in order of first appearance.
   *
   * @param text Traditional Chinese text
   * @return the offending words; empty when the text is all Chinese but for names and references
   */
  public static List<String> outsideAllowList(String text) {
    String rest = QUOTED.matcher(text).replaceAll(" ");
    for (String name : NAMES_LONGEST_FIRST) {
      rest = withoutWord(rest, name);
    }
    rest = REFERENCE.matcher(rest).replaceAll(" ");
    Set<String> bad = new LinkedHashSet<>();
    Matcher m = WORD.matcher(rest);
    while (m.find()) {
      String w = m.group();
      if (!isAllowed(w)) {
        bad.add(w);
      }
    }
    return List.copyOf(bad);
  }

  /** Removes a name where it stands as a whole: "Accept" goes, "Accept-Language" stays whole. */
  private static String withoutWord(String text, String name) {
    return Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(name) + "(?![A-Za-z0-9-])")
        .matcher(text)
        .replaceAll(" ");
  }

  private static boolean isAllowed(String w) {
    return !w.matches(".*[A-Za-z].*")
        || w.matches("[A-Z]{2,}(-[A-Z]+)*s?")
        || w.matches(".*[0-9_./].*")
        || w.matches("[A-Za-z]+[A-Z][A-Za-z]*") && w.matches(".*[a-z].*")
        || w.matches("[A-Z][a-z]*(-[A-Z][A-Za-z]*)+")
        || CODE_WORDS.contains(w)
        || FIELD_NAMES.contains(w);
  }

  private static List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (StatusCode sc : StatusRegistry.all()) {
      names.add(sc.reason());
      names.addAll(sc.formerReasons());
      for (HeaderRule r : sc.headerRules()) {
        names.add(r.field());
      }
      for (OtherMeaning o : sc.otherMeanings()) {
        names.add(o.reason());
      }
    }
    // the registry's placeholder names for codes it does not know: "Unknown 2xx", "Invalid Status"
    for (int code : new int[] {199, 299, 399, 499, 599, 999}) {
      names.add(StatusRegistry.lookup(code).reason());
    }
    names.addAll(NAMES);
    List<String> longestFirst = new ArrayList<>(names);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return longestFirst;
  }
}
