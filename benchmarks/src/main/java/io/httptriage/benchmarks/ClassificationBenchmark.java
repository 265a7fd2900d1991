package io.httptriage.benchmarks;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.PolicyTable;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of asking the registry and the policy table about a status, and of a full verdict.
 * Targets: a known code in at most 2 ns and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassificationBenchmark {
  private final PolicyTable table = PolicyTable.ofDefaults();
  private final Classifier classifier = Classifier.ofDefaults();
  private final RequestView get = RequestView.of("GET", URI.create("https://api.example.test/x"));
  private final ResponseView ok = ResponseView.of(200);
  private final ResponseView tooMany = ResponseView.of(429, Headers.of("Retry-After", "3"));
  // Not final, so the JIT cannot fold the codes into constants.
  private int known = 404;
  private int unknown = 477;

  /** Registry entry and policy of a registered code. */
  @Benchmark
  public StatusPolicy knownCodeLookupAndPolicy() {
    StatusCode sc = StatusRegistry.lookup(known);
    return sc.isKnown() ? PolicyLookup.policyFor(table, sc.code()) : null;
  }

  /** Registry entry and policy of an unregistered code. */
  @Benchmark
  public StatusPolicy unknownCodeLookupAndPolicy() {
    StatusCode sc = StatusRegistry.lookup(unknown);
    return PolicyLookup.policyFor(table, sc.code());
  }

  /** The verdict for a 200: the hot path of every successful call. */
  @Benchmark
  public Verdict verdictFor200() {
    return classifier.classify(get, ok);
  }

  /** The verdict for a 429 with Retry-After: parses the header, builds reasons. */
  @Benchmark
  public Verdict verdictFor429WithRetryAfter() {
    return classifier.classify(get, tooMany);
  }
}
