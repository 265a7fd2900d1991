package io.httptriage.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
  private static final String JMH_JSON =
      "[\n"
          + run(
              "OkHttpBenchmark.call",
              "\"contender\" : \"bare\", \"transport\" : \"canned\"",
              "500.0",
              "20.0",
              "1000.0")
          + ",\n"
          + run(
              "OkHttpBenchmark.call",
              "\"contender\" : \"httptriage\", \"transport\" : \"canned\"",
              "530.0",
              "20.0",
              "1100.0")
          + ",\n"
          + run(
              "OkHttpBenchmark.call",
              "\"contender\" : \"resilience4j\", \"transport\" : \"canned\"",
              "600.0",
              "\"NaN\"",
              "1216.0")
          + "\n]";

  private static String run(String name, String params, String score, String error, String bytes) {
    return "{ \"jmhVersion\" : \"1.37\", \"benchmark\" : \"io.httptriage.benchmarks."
        + name
        + "\","
        + " \"jdkVersion\" : \"17.0.15\", \"vmName\" : \"OpenJDK\", \"vmVersion\" : \"17\","
        + " \"params\" : { "
        + params
        + " },"
        + " \"primaryMetric\" : { \"score\" : "
        + score
        + ", \"scoreError\" : "
        + error
        + ","
        + " \"scoreUnit\" : \"ns/op\", \"rawData\" : [ [ 1.0, 2.0e0 ] ] },"
        + " \"secondaryMetrics\" : { \"gc.alloc.rate.norm\" : { \"score\" : "
        + bytes
        + ","
        + " \"scoreError\" : 0.01, \"scoreUnit\" : \"B/op\" } } }";
  }

  @Test
  void readsJmhJsonWithParamsAndNaNErrors() {
    List<JmhResult> results = JmhResult.parse(JMH_JSON);

    assertThat(results).hasSize(3);
    JmhResult r4j = results.get(2);
    assertThat(r4j.shortName()).isEqualTo("OkHttpBenchmark.call");
    assertThat(r4j.param("contender")).isEqualTo("resilience4j");
    assertThat(r4j.score()).isEqualTo(600.0);
    assertThat(r4j.scoreError()).isNaN();
    assertThat(r4j.bytes()).isEqualTo(1216.0);
  }

  @Test
  void tablesShowDeltasToBare() {
    String table =
        new ReportWriter(JmhResult.parse(JMH_JSON), List.of())
            .contenders(
                "OkHttpBenchmark.call", "transport", "canned", "contender", ReportWriter.OKHTTP);

    assertThat(table)
        .contains(
            "| + httptriage (install: interceptor + network hop recorder) | 530.0 ± 20 | +30 ± 28 | 1.060× | 1,100 ± 0.01 | +100 |");
    assertThat(table).contains("| + failsafe-okhttp | not measured |");
  }

  @Test
  void judgesTargetsOnTheirIntervals() {
    String targets = new ReportWriter(JmhResult.parse(JMH_JSON), List.of()).targets();

    assertThat(targets)
        .contains("| OkHttp canned: httptriage ≤ +128 B over bare | +100 B ± 0.01 | yes |");
    // The whole interval, +30 ± 28 ns, is under 60 ns.
    assertThat(targets)
        .contains("| OkHttp canned: httptriage ≤ +60 ns over bare | +30 ns ± 28 | yes |");
    assertThat(targets)
        .contains("below every peer in bytes | httptriage +100 B; resilience4j +216 B | yes |");
    assertThat(targets)
        .contains("| JDK: httptriage ≤ +256 B over bare, below Methanol | not measured");
  }

  @Test
  void aDifferenceInsideItsIntervalIsUnresolved() {
    assertThat(ReportWriter.atMost(50, 5, 60)).isEqualTo(ReportWriter.YES);
    assertThat(ReportWriter.atMost(50, 20, 60)).isEqualTo(ReportWriter.UNRESOLVED);
    assertThat(ReportWriter.atMost(90, 20, 60)).isEqualTo(ReportWriter.NO);
    assertThat(ReportWriter.atMost(50, Double.NaN, 60)).isEqualTo(ReportWriter.YES);
  }

  @Test
  void anExactTieInBytesIsNotBelow() {
    assertThat(ReportWriter.below(0, 0.02)).isEqualTo(ReportWriter.NO);
    assertThat(ReportWriter.below(-16, 0.02)).isEqualTo(ReportWriter.YES);
    assertThat(ReportWriter.below(-16, 300)).isEqualTo(ReportWriter.UNRESOLVED);
  }
}
