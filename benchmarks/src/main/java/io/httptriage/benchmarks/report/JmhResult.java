package io.httptriage.benchmarks.report;

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
    String benchmark, Map<String, String> params, double score, double scoreError, String unit,
    double bytes, double bytesError, String jdk, String vm) {

  /** The benchmark's class and method without the package, e.g. {@code OkHttpBenchmark.call}. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Every result in JMH's {@code -rf json} output. */
  @SuppressWarnings("unchecked")
  static List<JmhResult> parse(String json) {
    List<JmhResult> results = new ArrayList<>();
    for (Object item : (List<Object>) Json.parse(json)) {
      Map<String, Object> run = (Map<String, Object>) item;
      Map<String, String> params = new TreeMap<>();
      Object rawParams = run.get("params");
      if (rawParams instanceof Map) {
        ((Map<String, Object>) rawParams).forEach((k, v) -> params.put(k, String.valueOf(v)));
      }
      Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
      Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
      Map<String, Object> alloc = (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
      results.add(new JmhResult(
          (String) run.get("benchmark"),
          params,
          Json.number(primary.get("score")),
          Json.number(primary.get("scoreError")),
          String.valueOf(primary.get("scoreUnit")),
          alloc == null ? Double.NaN : Json.number(alloc.get("score")),
          alloc == null ? Double.NaN : Json.number(alloc.get("scoreError")),
          String.valueOf(run.get("jdkVersion")),
          run.get("vmName") + " " + run.get("vmVersion")));
    }
    return results;
  }
}
