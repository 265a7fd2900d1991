package io.httptriage.benchmarks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's JSON results: the benchmark, its parameters, time per operation and bytes
 * allocated per operation ({@code gc.alloc.rate.norm}, present when run with {@code -prof gc}),
 * each with the half-width of JMH's 99.9% confidence interval (NaN when it could not be computed).
 */
record JmhResult(
    String benchmark,
    Map<String, String> params,
    double score,
    double scoreError,
    String unit,
    double bytes,
    double bytesError,
    String jdk,
    String vm) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The benchmark's class and method without the package, e.g. {@code OkHttpBenchmark.call}. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /**
   * Every result in JMH's {@code -rf json} output, read with Jackson.
   *
   * @throws UncheckedIOException when the text is not JSON
   */
  static List<JmhResult> parse(String json) {
    JsonNode runs;
    try {
      runs = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("JMH results are not JSON", e);
    }
    List<JmhResult> results = new ArrayList<>();
    for (JsonNode run : runs) {
      Map<String, String> params = new TreeMap<>();
      run.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode primary = run.path("primaryMetric");
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      results.add(
          new JmhResult(
              run.path("benchmark").asText(),
              params,
              number(primary.path("score")),
              number(primary.path("scoreError")),
              primary.path("scoreUnit").asText(),
              number(alloc.path("score")),
              number(alloc.path("scoreError")),
              run.path("jdkVersion").asText(),
              run.path("vmName").asText() + " " + run.path("vmVersion").asText()));
    }
    return results;
  }

  /**
   * A number; JMH writes an error it could not compute as the string {@code "NaN"}, and a missing
   * one is NaN too.
   */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }
}
