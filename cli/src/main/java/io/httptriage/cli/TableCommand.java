package io.httptriage.cli;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.policy.PolicyTable;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code table [--lang en|zh-TW] [--json]}: every known code, registered and unofficial, one
 * aligned line each (code, reason, standing, the four policy decisions, where it is defined, the
 * first sentence of its description), or one JSON object each in an array.
 */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Every known status code, one line (or JSON object) each.")
final class TableCommand implements Callable<Integer> {
  @ParentCommand private HttpTriageCli cli;

  @Option(
      names = "--lang",
      paramLabel = "en|zh-TW",
      converter = Lang.Converter.class,
      description = "language of the summaries (default: en)")
  private Lang lang = Lang.EN;

  @Option(names = "--json", description = "a JSON array of objects instead of text")
  private boolean json;

  private static final int REASON = 31;
  private static final int SPEC_WIDTH = 26;
  private static final int SUMMARY = 56;

  @Override
  public Integer call() {
    PrintStream out = cli.out();
    Style style = cli.style();
    if (json) {
      List<Object> all = new ArrayList<>();
      for (StatusCode sc : StatusRegistry.all()) {
        all.add(StatusJson.of(sc, lang));
      }
      out.println(JsonOutput.write(all));
      return HttpTriageCli.CLEAN;
    }
    String[] head =
        lang == Lang.EN
            ? new String[] {
              "code",
              "reason",
              "standing",
              "retry",
              "follow",
              "keeps",
              "cache",
              "defined in",
              "summary"
            }
            : new String[] {"代碼", "原因", "狀態", "重試", "跟隨", "保留", "快取", "定義於", "摘要"};
    // the standing words differ in width by language ("unofficial", "未使用（保留）")
    int standing =
        StatusRegistry.all().stream()
            .mapToInt(sc -> Columns.width(ExplainCommand.standing(sc, lang)))
            .max()
            .orElse(0);
    out.println(style.bold(row(head, standing)));
    PolicyTable table = PolicyTable.ofDefaults();
    for (StatusCode sc : StatusRegistry.all()) {
      StatusPolicy p = PolicyLookup.policyFor(table, sc.code());
      String line =
          row(
              new String[] {
                Integer.toString(sc.code()),
                sc.reason(),
                ExplainCommand.standing(sc, lang),
                lang.yesNo(p.isRetryable()),
                lang.yesNo(p.isRedirectSafe()),
                lang.yesNo(p.isMethodPreserving()),
                lang.yesNo(p.isHeuristicallyCacheable()),
                sc.spec(),
                firstSentence(sc.description(lang.locale()))
              },
              standing);
      out.println(sc.isKnown() && sc.standing().isRegistered() ? line : style.dim(line));
    }
    return HttpTriageCli.CLEAN;
  }

  private static String row(String[] cells, int standing) {
    return Columns.pad(cells[0], 5)
        + Columns.pad(Columns.clip(cells[1], REASON), REASON + 1)
        + Columns.pad(cells[2], standing + 1)
        + Columns.pad(cells[3], 6)
        + Columns.pad(cells[4], 7)
        + Columns.pad(cells[5], 6)
        + Columns.pad(cells[6], 6)
        + Columns.pad(Columns.clip(cells[7], SPEC_WIDTH), SPEC_WIDTH + 1)
        + Columns.clip(cells[8], SUMMARY);
  }

  /** Up to the first full stop: ". " in English, "。" in Chinese. */
  static String firstSentence(String text) {
    int zh = text.indexOf('。');
    int en = text.indexOf(". ");
    int end = zh >= 0 && (en < 0 || zh < en) ? zh + 1 : en >= 0 ? en + 1 : text.length();
    return text.substring(0, end);
  }
}
