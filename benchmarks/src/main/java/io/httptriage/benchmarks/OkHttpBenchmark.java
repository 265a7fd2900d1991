package io.httptriage.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One successful OkHttp GET, bare and through each retry layer, on two transports:
 *
 * <ul>
 *   <li>{@code canned} — the chain is answered in-process by {@link CannedResponse}: the figure
 *       that separates the contenders, in time and in bytes.
 *   <li>{@code loopback} — a real exchange with {@link LoopbackServer} on 127.0.0.1 over a
 *       kept-alive connection. Its bytes per call are the client's alone (the server allocates
 *       nothing); its time is dominated by the kernel and the scheduler and swings from run to run.
 * </ul>
 *
 * <p>{@code noop} is an application interceptor that only proceeds: what OkHttp itself charges for
 * any interceptor, the floor under httptriage and the resilience4j interceptor.
 *
 * <p>Targets for httptriage on a successful call: at most +128 B and +60 ns over bare, below every
 * peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OkHttpBenchmark {
  @Param({"canned", "loopback"})
  public String transport;

  @Param({
    "bare",
    "httptriage",
    "httptriage_interceptor",
    "httptriage_interceptor_no_resend",
    "failsafe",
    "resilience4j",
    "noop"
  })
  public String contender;

  private LoopbackServer server;
  private OkHttpContender.Caller caller;
  private Request request;

  @Setup
  public void setUp() throws IOException {
    boolean canned = transport.equals("canned");
    String url = "http://127.0.0.1:9/";
    if (!canned) {
      server = LoopbackServer.start(LoopbackServer.OK);
      url = server.uri();
    }
    caller =
        OkHttpContender.of(contender)
            .create(OkHttpContender.Policies.EQUIVALENT, canned ? new CannedResponse() : null);
    request = new Request.Builder().url(url).build();
    int status = call();
    if (status != 200) {
      throw new IllegalStateException(contender + " over " + transport + " answered " + status);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Sends the request, reads the body to the end so the connection is reused, closes. */
  @Benchmark
  public int call() throws IOException {
    try (Response response = caller.execute(request)) {
      ResponseBody body = response.body();
      body.source().skip(body.contentLength());
      return response.code();
    }
  }
}
