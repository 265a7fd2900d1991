package io.httptriage.benchmarks;

import io.httptriage.observe.TriageListener;
import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call's {@link CallOptions} cost (issue 15): one OkHttp call through httptriage, answered
 * in-process, with no options, or with options built once and carried as the request's tag, as the
 * README says to use them. The target: a call with options allocates at most one small object more
 * than the same call without.
 *
 * <ul>
 *   <li>{@code answer=ok}: a 200 at once, the path nearly every call takes.
 *   <li>{@code answer=retried}: a 503, retried at once (no backoff, a budget that never refuses),
 *       then a 200: the path where the options are read by the gates. Its listener is a no-op, so
 *       that the retry's log line does not drown the figure.
 * </ul>
 *
 * <p>{@code options}: {@code none} (no tag), {@code attempts} ({@code withMaxAttempts(4)} and a
 * deadline: a resilience4j Retry of the call's limit, made once), {@code rule} (a 500 rule: the
 * call's policy table, built once and kept by the options).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallOptionsBenchmark {
  @Param({"ok", "retried"})
  public String answer;

  @Param({"none", "attempts", "rule"})
  public String options;

  private OkHttpClient client;
  private Request request;

  /** Answers 503 to every other request when {@code retried}, else 200 as the canned chain. */
  private final class Terminal implements Interceptor {
    private final CannedResponse ok = new CannedResponse();
    private boolean failNext = true;

    @Override
    public Response intercept(Chain chain) {
      boolean fail = answer.equals("retried") && failNext;
      failNext = !failNext;
      Response response = ok.intercept(chain);
      return fail
          ? response.newBuilder().code(503).message("Service Unavailable").build()
          : response;
    }
  }

  @Setup
  public void setUp() throws IOException {
    TriageConfig config =
        TriageConfig.builder()
            .retry(
                RetrySettings.builder()
                    .backoffBase(Duration.ZERO)
                    .backoffMax(Duration.ZERO)
                    .budgetMinRetriesPerSecond(1_000_000)
                    .sleeper(d -> {})
                    .build())
            .build();
    if (answer.equals("retried")) {
      // the retry's INFO log line would cost more than everything measured here, and vary more
      config = config.toBuilder().listener(TriageListener.noop()).build();
    }
    client =
        TriageInterceptor.install(new OkHttpClient.Builder(), config)
            .addInterceptor(new Terminal())
            .build();
    Request.Builder b = new Request.Builder().url("http://127.0.0.1:9/");
    switch (options) {
      case "attempts":
        b.tag(
            CallOptions.class,
            CallOptions.none().withMaxAttempts(4).withDeadline(Duration.ofSeconds(30)));
        break;
      case "rule":
        b.tag(
            CallOptions.class,
            CallOptions.none()
                .withRule(PolicyRule.forCode(500).withRetryability(Retryability.IDEMPOTENT)));
        break;
      default:
        break;
    }
    request = b.build();
    int status = call();
    if (status != 200) {
      throw new IllegalStateException(options + "/" + answer + " answered " + status);
    }
  }

  @Benchmark
  public int call() throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }
}
