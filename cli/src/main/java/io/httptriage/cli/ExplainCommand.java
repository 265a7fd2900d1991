package io.httptriage.cli;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.policy.PolicyTable;
import io.httptriage.reference.StatusReference;
import io.httptriage.status.HeaderRule;
import io.httptriage.status.OtherMeaning;
import io.httptriage.status.StatusClass;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code explain CODE [--lang en|zh-TW] [--json]}: the registry entry of one code and the policy
 * httptriage applies to it. Any number from 100 to 999 is accepted: an unregistered code is
 * explained as the registry handles it (as the x00 of its class, or as 500 from 600 up). Anything
 * else is a usage error.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "What a status code means, and how httptriage handles it.")
final class ExplainCommand implements Callable<Integer> {
  /**
   * The codes {@code explain} accepts: three digits, as a status line carries them (RFC 9110 §15).
   */
  static final int LOWEST = 100;

  static final int HIGHEST = 999;

  private static final int WIDTH = 92;
  private static final StatusReference REFERENCE = StatusReference.of(PolicyTable.ofDefaults());

  @ParentCommand private HttpTriageCli cli;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "a status code from 100 to 999, e.g. 429")
  private String code = "";

  @Option(
      names = "--lang",
      paramLabel = "en|zh-TW",
      converter = Lang.Converter.class,
      description = "language of the descriptions (default: en)")
  private Lang lang = Lang.EN;

  @Option(names = "--json", description = "one JSON object instead of text")
  private boolean json;

  private PrintStream out;
  private Style style;

  @Override
  public Integer call() {
    out = cli.out();
    style = cli.style();
    StatusCode sc = StatusRegistry.lookup(parseCode(code));
    if (json) {
      out.println(JsonOutput.write(StatusJson.of(sc, lang)));
    } else {
      print(sc, lang);
    }
    return HttpTriageCli.CLEAN;
  }

  /**
   * A status code as typed.
   *
   * @throws ParameterException when it is not an integer from 100 to 999
   */
  private int parseCode(String text) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < LOWEST || value > HIGHEST) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + text
              + "' is not a status code: expected a number from "
              + LOWEST
              + " to "
              + HIGHEST
              + ", such as 404");
    }
    return value;
  }

  private void print(StatusCode sc, Lang lang) {
    out.println(style.status(sc.statusClass(), style.bold(sc.code() + " " + sc.reason())));
    List<String> facts = new ArrayList<>();
    facts.add(standing(sc, lang));
    if (sc.statusClass() != StatusClass.INVALID) {
      facts.add(sc.statusClass().label());
    }
    facts.add(StatusReference.localized(sc.spec(), lang.locale()));
    sc.origin().ifPresent(o -> facts.add(lang.usedBy(StatusReference.localized(o, lang.locale()))));
    if (!sc.isKnown()) {
      facts.add(lang.handledAs(sc.equivalentCode()));
    }
    out.println(style.dim(String.join(" · ", facts)));
    if (!sc.formerReasons().isEmpty()) {
      out.println(style.dim(lang.formerNames() + String.join(", ", sc.formerReasons())));
    }
    out.println();
    paragraph(sc.description(lang.locale()), "  ", "  ");
    out.println();
    StatusPolicy p = PolicyLookup.policyFor(PolicyTable.ofDefaults(), sc.code());
    out.println(
        "  "
            + flag(lang.retryable(), p.isRetryable(), lang)
            + " · "
            + flag(lang.redirectSafe(), p.isRedirectSafe(), lang)
            + " · "
            + flag(lang.methodPreserving(), p.isMethodPreserving(), lang)
            + " · "
            + flag(lang.cacheable(), p.isHeuristicallyCacheable(), lang));
    out.println();
    for (String line : REFERENCE.usage(sc.code(), lang.locale())) {
      paragraph(line, "  ", "    ");
    }
    if (!sc.headerRules().isEmpty() || !sc.otherMeanings().isEmpty()) {
      out.println();
    }
    for (HeaderRule r : sc.headerRules()) {
      String rule =
          lang.headerField()
              + lang.obligation(r.obligation())
              + " "
              + r.field()
              + r.unlessContentType().map(ct -> " | Content-Type " + ct).orElse("")
              + (r.isUnconditional()
                  ? ""
                  : lang.parenthesis(StatusReference.localized(r.condition(), lang.locale())))
              + " — "
              + StatusReference.localized(r.spec(), lang.locale());
      paragraph(rule, "  ", "    ");
    }
    for (OtherMeaning m : sc.otherMeanings()) {
      paragraph(
          lang.otherMeaning()
              + sc.code()
              + " "
              + m.reason()
              + lang.parenthesis(StatusReference.localized(m.origin(), lang.locale()))
              + lang.colon()
              + m.description(lang.locale()),
          "  ",
          "    ");
    }
  }

  /** The standing in the language: the JSON word in English, the reference's word in Chinese. */
  static String standing(StatusCode sc, Lang lang) {
    return lang == Lang.EN
        ? StatusJson.standing(sc)
        : StatusReference.standingName(sc.standing(), lang.locale());
  }

  private String flag(String name, boolean value, Lang lang) {
    String word = lang.yesNo(value);
    return name + " " + (value ? style.green(word) : style.dim(word));
  }

  private void paragraph(String text, String first, String rest) {
    List<String> lines = Columns.wrap(text, WIDTH - Columns.width(rest));
    for (int i = 0; i < lines.size(); i++) {
      out.println((i == 0 ? first : rest) + lines.get(i));
    }
  }
}
