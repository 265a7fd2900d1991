package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.status.StatusClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README's "Meters" section, read as data: one table of meters (name, type, Prometheus name,
 * tags) and one of tags (tag, the meters it is on, its values). Tests compare it with a Prometheus
 * scrape and with the enums the tag values come from, so the README cannot drift from the code.
 */
final class MeterTable {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern SAMPLE =
      Pattern.compile("^(httptriage_[a-z_]+)\\{([^}]*)\\} (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

  /**
   * One row of the meter table: a Micrometer type ({@code counter}, {@code gauge}, {@code timer},
   * {@code distribution summary}) and every series name Prometheus gets from it.
   */
  record Meter(String name, String type, Set<String> prometheus, Set<String> tags) {}

  /** One row of the tag table: the values a tag takes on some meters. */
  record Tag(String name, Set<String> meters, List<String> values) {}

  private final Map<String, Meter> meters;
  private final List<Tag> tags;

  private MeterTable(Map<String, Meter> meters, List<Tag> tags) {
    this.meters = meters;
    this.tags = tags;
  }

  /** The README of the checkout the tests run in, found from the module directory upwards. */
  static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      Path readme = dir.resolve("README.md");
      try {
        if (Files.isRegularFile(readme)
            && Files.isRegularFile(pom)
            && Files.readString(pom).contains("<artifactId>httptriage-parent</artifactId>")
            && Files.readString(pom).contains("<modules>")) {
          return readme;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new AssertionError(
        "no README.md of the httptriage root above " + Path.of("").toAbsolutePath());
  }

  static MeterTable fromReadme() {
    try {
      return parse(Files.readString(readme(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MeterTable parse(String markdown) {
    List<String> section = section(markdown, "Meters");
    List<List<String[]>> tables = tables(section);
    assertThat(tables).as("the Meters section's tables").hasSize(2);
    Map<String, Meter> meters = new LinkedHashMap<>();
    for (String[] row : tables.get(0)) {
      Meter m =
          new Meter(
              one(row[0]),
              row[1].strip(),
              new LinkedHashSet<>(codes(row[2])),
              new LinkedHashSet<>(codes(row[3])));
      meters.put(m.name(), m);
    }
    List<Tag> tags = new ArrayList<>();
    for (String[] row : tables.get(1)) {
      Set<String> on =
          row[1].strip().equals("every meter")
              ? meters.keySet()
              : new LinkedHashSet<>(codes(row[1]));
      tags.add(new Tag(one(row[0]), on, codes(row[2])));
    }
    return new MeterTable(meters, tags);
  }

  Map<String, Meter> meters() {
    return meters;
  }

  /** The values the README lists for {@code tag} on {@code meter}. */
  List<String> values(String tag, String meter) {
    return tags.stream()
        .filter(t -> t.name().equals(tag) && t.meters().contains(meter))
        .findFirst()
        .map(Tag::values)
        .orElseThrow(() -> new AssertionError("README lists no values of " + tag + " on " + meter));
  }

  /**
   * Checks a scrape taken after calls that wrote every meter: the same meters as the table, each
   * with its Prometheus name, type and tags, every tag value one the table allows; and the table's
   * value lists equal to the enums they come from.
   */
  void assertMatches(String scrape, String clientName) {
    Map<String, Meter> byPrometheus = new LinkedHashMap<>();
    meters.values().forEach(m -> m.prometheus().forEach(p -> byPrometheus.put(p, m)));
    Set<String> seen = new LinkedHashSet<>();
    Set<String> seenSeries = new LinkedHashSet<>();
    for (String line : scrape.lines().filter(l -> l.startsWith("httptriage_")).toList()) {
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
      Meter meter = byPrometheus.get(sample.group(1));
      assertThat(meter).as("README row for %s", sample.group(1)).isNotNull();
      seen.add(meter.name());
      seenSeries.add(sample.group(1));
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher label = LABEL.matcher(sample.group(2));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      assertThat(labels.keySet())
          .as("tags of %s", line)
          .containsExactlyInAnyOrderElementsOf(meter.tags());
      labels.forEach(
          (tag, value) ->
              assertThat(allows(tag, meter.name(), value))
                  .as("README allows %s=%s on %s", tag, value, meter.name())
                  .isTrue());
      assertThat(scrape)
          .as("TYPE of %s", meter.name())
          .containsPattern(typeLine(meter, sample.group(1)));
    }
    assertThat(seen)
        .as("meters written by the calls")
        .containsExactlyInAnyOrderElementsOf(meters.keySet());
    assertThat(seenSeries)
        .as("Prometheus series written by the calls")
        .containsExactlyInAnyOrderElementsOf(byPrometheus.keySet());
    assertThat(values("client", "httptriage.responses")).contains(clientName);
    assertValueListsMatchTheCode();
  }

  /**
   * The {@code # TYPE} line Prometheus writes for one series of a meter: a counter's family drops
   * {@code _total}; a timer's or summary's {@code _count} and {@code _sum} belong to a summary, its
   * {@code _max} is a gauge of its own.
   */
  private static String typeLine(Meter meter, String series) {
    String family;
    String type;
    switch (meter.type()) {
      case "counter":
        family = series.replaceAll("_total$", "") + "(_total)?";
        type = "counter";
        break;
      case "gauge":
        family = series;
        type = "gauge";
        break;
      case "timer":
      case "distribution summary":
        boolean max = series.endsWith("_max");
        family = max ? series : series.replaceAll("_(count|sum)$", "");
        type = max ? "gauge" : "summary";
        break;
      default:
        throw new AssertionError("README type of " + meter.name() + ": " + meter.type());
    }
    return "(?m)^# TYPE " + family + " " + type + "$";
  }

  private boolean allows(String tag, String meter, String value) {
    if (tag.equals("code") && value.matches("[1-9][0-9][0-9]")) {
      return true;
    }
    return values(tag, meter).contains(value);
  }

  private void assertValueListsMatchTheCode() {
    // a final response was accepted, failed, or (an error) answered from the cache: RETRY and
    // FOLLOW are never what was done with it
    assertThat(values("verdict", "httptriage.responses"))
        .containsExactly(
            Verdict.Kind.ACCEPT.name(), Verdict.Kind.FAIL.name(), Verdict.Kind.SERVED_STALE.name());
    assertThat(values("refused_by", "httptriage.responses"))
        .containsExactlyElementsOf(
            Stream.concat(Stream.of("none"), names(Verdict.Gate.values()).stream()).toList());
    assertThat(values("class", "httptriage.responses"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(StatusClass.values()).map(StatusClass::label).toList());
    assertThat(values("verdict", "httptriage.calls"))
        .containsExactlyElementsOf(values("verdict", "httptriage.responses"));
    assertThat(values("outcome", "httptriage.calls"))
        .containsExactlyInAnyOrderElementsOf(
            names(io.micrometer.core.instrument.binder.http.Outcome.values()));
    assertThat(values("error", "httptriage.calls"))
        .containsExactlyElementsOf(
            Stream.concat(
                    Stream.of("none"),
                    Arrays.stream(io.httptriage.classify.FailureKind.values())
                        .map(io.httptriage.classify.FailureKind::tag))
                .toList());
    assertThat(values("error", "httptriage.retries"))
        .containsExactlyElementsOf(values("error", "httptriage.calls"));
    assertThat(values("source", "httptriage.retry.waits"))
        .containsExactlyElementsOf(names(WaitSource.values()));
    assertThat(values("outcome", "httptriage.retries"))
        .containsExactlyElementsOf(names(AttemptDecided.Outcome.values()));
    for (String meter :
        List.of("httptriage.redirect.findings", "httptriage.conformance.findings")) {
      boolean redirect = meter.contains("redirect");
      assertThat(values("kind", meter))
          .as("kind on %s", meter)
          .containsExactlyElementsOf(
              Arrays.stream(Finding.Kind.values())
                  .filter(k -> k.isRedirect() == redirect)
                  .map(Enum::name)
                  .toList());
      assertThat(values("severity", meter))
          .containsExactlyElementsOf(names(Finding.Severity.values()));
    }
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** The lines under the heading titled {@code title}, at any depth, up to the next heading. */
  private static List<String> section(String markdown, String title) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("## ") || line.startsWith("### ")) {
        in = line.replaceFirst("^#+ ", "").strip().equals(title);
        continue;
      }
      if (in) {
        out.add(line);
      }
    }
    assertThat(out).as("README section %s", title).isNotEmpty();
    return out;
  }

  /** The body rows of each table, cells split (header and separator rows dropped). */
  private static List<List<String[]>> tables(List<String> lines) {
    List<List<String[]>> tables = new ArrayList<>();
    List<String[]> current = null;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        current = null;
        continue;
      }
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
      if (current == null) {
        current = new ArrayList<>();
        tables.add(current); // this line is the header
      } else if (!line.matches("\\|[ :|-]+\\|?\\s*")) {
        current.add(cells);
      }
    }
    return tables;
  }

  private static List<String> codes(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String one(String cell) {
    List<String> c = codes(cell);
    assertThat(c).as("one code span in %s", cell).hasSize(1);
    return c.get(0);
  }
}
