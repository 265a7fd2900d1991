package io.httptriage.reference;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.policy.PolicyTable;
import io.httptriage.status.HeaderRule;
import io.httptriage.status.OtherMeaning;
import io.httptriage.status.Standing;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders the status-code reference — a heading per code, its description, and a "usage" section
 * with the handling policy and the rule behind each decision — from the registry and a policy
 * table. The output is deterministic, so a test can compare it with the checked-in files.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * String markdown = StatusReference.of(PolicyTable.ofDefaults()).render(Locale.TAIWAN);
 * }</pre>
 */
public final class StatusReference {
  /** The English reference, relative to the repository root. */
  public static final String ENGLISH_FILE = "docs/status-codes.md";

  /** The Traditional Chinese reference, relative to the repository root. */
  public static final String CHINESE_FILE = "docs/status-codes.zh-TW.md";

  private final PolicyTable table;

  private StatusReference(PolicyTable table) {
    this.table = table;
  }

  /**
   * A reference of the given policy table.
   *
   * @param table the policy table whose decisions the reference shows
   * @return the reference
   * @throws IllegalArgumentException when {@code table} is null
   */
  public static StatusReference of(PolicyTable table) {
    if (table == null) {
      throw new IllegalArgumentException("table: must not be null");
    }
    return new StatusReference(table);
  }

  /**
   * Writes both files under a repository root.
   *
   * @param args one argument: the repository root (default: the current directory)
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    StatusReference ref = of(PolicyTable.ofDefaults());
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(
        root.resolve(ENGLISH_FILE), ref.render(Locale.ENGLISH), StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve(CHINESE_FILE), ref.render(Locale.TAIWAN), StandardCharsets.UTF_8);
  }

  /**
   * {@return the whole reference in English, or in Traditional Chinese for a zh-TW/zh-Hant locale}
   *
   * @param locale the language
   */
  public String render(Locale locale) {
    ReferenceLabels l = labels(locale);
    StringBuilder md = new StringBuilder(64 * 1024);
    md.append("# ").append(l.title()).append("\n\n").append(l.intro()).append("\n\n");
    for (StatusCode sc : StatusRegistry.all()) {
      entry(md, sc, l, locale);
    }
    md.append("## ").append(l.unlistedHeading()).append("\n\n").append(l.unlisted()).append('\n');
    return md.toString();
  }

  /**
   * {@return a fact of the registry in the language} Origins, vendor documents, header conditions
   * and policy bases are written in English; for a zh-TW/zh-Hant locale they come in Traditional
   * Chinese, while names (nginx, {@code ngx_http_request.h}) and RFC references stay as they are.
   *
   * <pre>{@code
   * StatusReference.localized(StatusRegistry.lookup(509).origin().orElseThrow(), Locale.TAIWAN);
   * // "共享主機的頻寬管理模組（cPanel）"
   * }</pre>
   *
   * @param fact an origin, spec, header condition or policy basis from the registry or policy table
   * @param locale the language
   */
  public static String localized(String fact, Locale locale) {
    return isChinese(locale) ? ChineseTerms.zhTw(fact) : fact;
  }

  private void entry(StringBuilder md, StatusCode sc, ReferenceLabels l, Locale locale) {
    boolean retired =
        sc.standing() == Standing.DEPRECATED
            || sc.standing() == Standing.OBSOLETED
            || sc.standing() == Standing.UNUSED;
    String heading = sc.code() + " " + sc.reason();
    md.append("## ").append(retired ? "~~" + heading + "~~" : heading).append("\n\n");
    md.append(sc.description(locale)).append("\n\n");
    md.append("- ")
        .append(l.standingLabel())
        .append(": ")
        .append(l.standing(sc.standing()))
        .append(" · ")
        .append(l.classLabel())
        .append(": ")
        .append(sc.statusClass().label())
        .append(" · ")
        .append(l.specLabel())
        .append(": ")
        .append(localized(sc.spec(), locale))
        .append('\n');
    sc.origin()
        .ifPresent(
            o ->
                md.append("- ")
                    .append(l.originLabel())
                    .append(": ")
                    .append(localized(o, locale))
                    .append('\n'));
    if (!sc.formerReasons().isEmpty()) {
      md.append("- ")
          .append(l.formerLabel())
          .append(": ")
          .append(String.join(", ", sc.formerReasons()))
          .append('\n');
    }
    for (HeaderRule r : sc.headerRules()) {
      md.append("- ")
          .append(l.headersLabel())
          .append(": ")
          .append(l.obligation(r.obligation()))
          .append(" `")
          .append(r.field())
          .append('`');
      r.unlessContentType()
          .ifPresent(ct -> md.append(' ').append(l.or()).append(" `").append(ct).append('`'));
      if (!r.isUnconditional()) {
        md.append(" (")
            .append(l.when())
            .append(' ')
            .append(localized(r.condition(), locale))
            .append(')');
      }
      md.append(" — ").append(localized(r.spec(), locale)).append('\n');
    }
    if (sc.contentForbidden()) {
      md.append("- ").append(l.noContent()).append('\n');
    }
    if (sc.contentLengthForbidden()) {
      md.append("- ").append(l.noContentLength()).append('\n');
    }
    if (!sc.otherMeanings().isEmpty()) {
      md.append("- ").append(l.otherMeaningsLabel()).append(":\n");
      for (OtherMeaning m : sc.otherMeanings()) {
        md.append("  - ")
            .append(sc.code())
            .append(' ')
            .append(m.reason())
            .append(" (")
            .append(localized(m.origin(), locale))
            .append("): ")
            .append(m.description(locale))
            .append('\n');
      }
    }
    md.append("\n### ").append(l.usageHeading()).append('\n');
    for (String line : usage(sc.code(), l)) {
      md.append("- ").append(line).append('\n');
    }
    md.append('\n');
  }

  /**
   * {@return the five lines of a code's "usage" section — retry, redirect, method, cache, and what
   * OkHttp's cache does with the code ({@link OkHttpCaching}) — each followed by the rule behind
   * it, in English or in Traditional Chinese for a zh-TW/zh-Hant locale} Lets a tool show one code
   * the way the reference shows it.
   *
   * <pre>{@code
   * StatusReference.of(PolicyTable.ofDefaults()).usage(429, Locale.ENGLISH).get(0);
   * // "Retry: yes, for idempotent requests (...) — RFC 6585 §4"
   * }</pre>
   *
   * @param code any int; unknown and invalid codes get the policy they are handled with
   * @param locale the language
   */
  public List<String> usage(int code, Locale locale) {
    return usage(code, labels(locale));
  }

  /**
   * {@return the reference's word for a standing ("deprecated", "已棄用")}
   *
   * @param standing the standing
   * @param locale the language
   */
  public static String standingName(Standing standing, Locale locale) {
    return labels(locale).standing(standing);
  }

  private List<String> usage(int code, ReferenceLabels l) {
    StatusPolicy p = PolicyLookup.policyFor(table, code);
    return List.of(
        l.retryLine(p.retryability()) + cite(p.basis().retry(), l),
        l.redirectLine(p.redirect()) + cite(p.basis().redirect(), l),
        l.methodLine(p.method()) + cite(p.basis().method(), l),
        l.cacheLine(p.cacheability()) + cite(p.basis().cache(), l),
        l.okHttpCacheLine(OkHttpCaching.of(code), p.cacheability()) + cite(OkHttpCaching.BASIS, l));
  }

  private static ReferenceLabels labels(Locale locale) {
    return isChinese(locale) ? ReferenceLabels.ZH_TW : ReferenceLabels.EN;
  }

  private static String cite(String basis, ReferenceLabels l) {
    return "-".equals(basis)
        ? ""
        : " — " + (l == ReferenceLabels.ZH_TW ? ChineseTerms.zhTw(basis) : basis);
  }

  private static boolean isChinese(Locale locale) {
    return "zh".equals(locale.getLanguage())
        && ("TW".equals(locale.getCountry())
            || "Hant".equals(locale.getScript())
            || "HK".equals(locale.getCountry())
            || "MO".equals(locale.getCountry()));
  }
}
