package io.httptriage.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
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
 * One successful GET on the JDK's {@link HttpClient} over loopback, body discarded: bare, Methanol
 * alone (its own cost), Methanol with its RetryInterceptor, and httptriage's decorating client
 * ({@link io.httptriage.jdk.TriageHttpClient}).
 *
 * <p>The JDK client has no interceptor chain to answer in-process, so loopback is the only
 * transport; its bytes per call (the server allocates nothing) separate the contenders, its time
 * does not. Target for httptriage: at most +256 B per call over bare, below Methanol.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JdkHttpClientBenchmark {
  @Param({"bare", "httptriage", "methanol", "methanol_retry"})
  public String client;

  private LoopbackServer server;
  private HttpClient httpClient;
  private HttpRequest request;

  @Setup
  public void setUp() throws IOException, InterruptedException {
    server = LoopbackServer.start(LoopbackServer.OK);
    httpClient = JdkContender.of(client).create(true);
    request = HttpRequest.newBuilder(URI.create(server.uri())).GET().build();
    int status = send();
    if (status != 200) {
      throw new IllegalStateException(client + " answered " + status);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    server.close();
  }

  @Benchmark
  public int send() throws IOException, InterruptedException {
    return httpClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
