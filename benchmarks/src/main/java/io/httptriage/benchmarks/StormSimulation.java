package io.httptriage.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Request;
import okhttp3.Response;

/**
 * How much load each retry layer adds when a server fails: sends a bounded number of logical GET
 * requests, one after the other, to a {@link LoopbackServer} on 127.0.0.1 and counts the requests
 * the server saw and the logical requests that ended in a 200.
 *
 * <ul>
 *   <li><b>outage</b> — every response is a 503 without Retry-After. Target for httptriage: at most
 *       1.10 server requests per logical request.
 *   <li><b>flaky</b> — a pseudo-random 20% of responses are a 503 with {@code Retry-After: 0}
 *       (deterministic per contender, so every run sees the same sequence). Target: at least 99%
 *       success and at most 1.3 server requests per logical request.
 * </ul>
 *
 * <p>Every layer runs on its own defaults (see {@link OkHttpContender.Policies#DEFAULTS}: waits are
 * shortened so that the run takes seconds; the counts do not depend on them, except that
 * httptriage's budget counts over 10 s and the whole run is shorter, which is its strictest case).
 * OkHttp itself resends a 503 carrying {@code Retry-After: 0} once, so the OkHttp rows of the flaky
 * scenario include that.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.httptriage.benchmarks.StormSimulation OUT.tsv
 * [requests]}; writes one tab-separated row per scenario and contender. Each contender stops after
 * {@code requests} logical requests or 60 s, whichever comes first.
 */
public final class StormSimulation {
  private static final int DEFAULT_REQUESTS = 5_000;
  private static final long TIME_LIMIT_NANOS = Duration.ofSeconds(60).toNanos();
  private static final long SEED = 0x5EED_2026L;

  /** Sends one logical request and returns the status the caller gets. */
  private interface LogicalCall {
    int status() throws Throwable;
  }

  private interface Client {
    LogicalCall open(String uri);
  }

  private StormSimulation() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: StormSimulation OUT.tsv [requests]");
      System.exit(2);
    }
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_REQUESTS;
    List<String> rows = new ArrayList<>();
    rows.add("scenario\tclient\tcontender\tlogical\tserver_requests\tsuccesses\tmillis");
    for (String scenario : List.of("outage", "flaky")) {
      for (OkHttpContender c : OkHttpContender.values()) {
        if (c == OkHttpContender.NOOP
            || c == OkHttpContender.HTTPTRIAGE_OBSERVED
            || c == OkHttpContender.HTTPTRIAGE_INTERCEPTOR_NO_RESEND) {
          continue; // retries nothing, or as httptriage: the same load as bare, or as httptriage
        }
        rows.add(run(scenario, "OkHttp", c.label(), okHttp(c), requests));
      }
      for (String c : jdkContenders()) {
        rows.add(run(scenario, "JDK HttpClient", c, jdk(c), requests));
      }
    }
    Path out = Path.of(args[0]);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      rows.forEach(w::println);
    }
  }

  private static List<String> jdkContenders() {
    return List.of("bare", "httptriage", "methanol_retry", "resilience4j", "failsafe");
  }

  private static String run(
      String scenario, String client, String contender, Client factory, int requests)
      throws IOException {
    try (LoopbackServer server = start(scenario)) {
      LogicalCall call = factory.open(server.uri());
      int successes = 0;
      int sent = 0;
      long start = System.nanoTime();
      while (sent < requests && System.nanoTime() - start < TIME_LIMIT_NANOS) {
        sent++;
        try {
          if (call.status() == 200) {
            successes++;
          }
        } catch (Error e) {
          throw e;
        } catch (Throwable failed) {
          // a failed logical request; the server counted whatever reached it
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      String row =
          String.join(
              "\t",
              scenario,
              client,
              contender,
              Integer.toString(sent),
              Long.toString(server.requests()),
              Integer.toString(successes),
              Long.toString(millis));
      System.err.printf(
          Locale.ROOT,
          "storm: %-6s %-14s %-14s %.3f requests/logical, %.1f%% ok%n",
          scenario,
          client,
          contender,
          server.requests() / (double) sent,
          100.0 * successes / sent);
      return row;
    }
  }

  private static LoopbackServer start(String scenario) throws IOException {
    if (scenario.equals("outage")) {
      return LoopbackServer.start(LoopbackServer.UNAVAILABLE);
    }
    byte[][] responses = {LoopbackServer.OK, LoopbackServer.UNAVAILABLE_RETRY_NOW};
    return LoopbackServer.start(
        responses, n -> Long.remainderUnsigned(mix(SEED + n), 5) == 0 ? 1 : 0);
  }

  /** SplitMix64's finaliser: a well-spread hash of the request number, allocation-free. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Client okHttp(OkHttpContender contender) {
    return uri -> {
      OkHttpContender.Caller caller = contender.create(OkHttpContender.Policies.DEFAULTS, null);
      Request request = new Request.Builder().url(uri).build();
      return () -> {
        try (Response response = caller.execute(request)) {
          response.body().bytes();
          return response.code();
        }
      };
    };
  }

  private static Client jdk(String contender) {
    return uri -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).GET().build();
      HttpResponse.BodyHandler<Void> discard = HttpResponse.BodyHandlers.discarding();
      switch (contender) {
        case "resilience4j":
          {
            HttpClient client = JdkContender.BARE.create(false);
            Retry retry =
                Retry.of(
                    "storm",
                    Peers.<HttpResponse<Void>>resilience4jDefaults(
                        HttpResponse::statusCode, Duration.ofMillis(1)));
            return () ->
                retry.executeCheckedSupplier(() -> client.send(request, discard)).statusCode();
          }
        case "failsafe":
          {
            HttpClient client = JdkContender.BARE.create(false);
            FailsafeExecutor<HttpResponse<Void>> failsafe =
                Failsafe.with(Peers.<HttpResponse<Void>>failsafeDefaults(HttpResponse::statusCode));
            return () -> failsafe.get(() -> client.send(request, discard)).statusCode();
          }
        default:
          {
            HttpClient client = JdkContender.of(contender).create(false);
            return () -> client.send(request, discard).statusCode();
          }
      }
    };
  }
}
