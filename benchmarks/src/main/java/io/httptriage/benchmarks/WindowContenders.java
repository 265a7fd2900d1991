package io.httptriage.benchmarks;

import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.RetryInterceptor;
import com.github.mizosoft.methanol.RetryInterceptor.BackoffStrategy;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.okhttp.FailsafeCall;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.httptriage.jdk.TriageHttpClient;
import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The contenders of the 429-window benchmark ({@link RateLimitWindow}), each with its natural
 * retry-on-429 configuration and the caller's deadline wherever the library has a setting for one:
 *
 * <ul>
 *   <li><b>bare</b> OkHttp and JDK client: no retry (neither retries a 429), OkHttp with {@code
 *       callTimeout(deadline)}.
 *   <li><b>resilience4j</b>: its defaults (3 attempts, 500 ms) told to retry 429 and 503, and an
 *       interval function that waits for Retry-After when there is one. No deadline setting.
 *   <li><b>Failsafe</b>: its defaults (3 attempts) told to retry 429 and 503, with a delay function
 *       that waits for Retry-After. No deadline setting (a Timeout policy would be a second one).
 *   <li><b>Methanol</b>: its {@code RetryInterceptor} defaults (5 retries) on 429 and 503, backoff
 *       {@code retryAfterOr(none())}, {@code timeout(deadline)}.
 *   <li><b>httptriage</b>: its defaults (3 attempts, Retry-After honoured up to 30 s) with {@code
 *       deadline(deadline)}, once with the origins' cool-down off ({@code coolDown(false)}) and
 *       once on (the default).
 * </ul>
 *
 * <p>Each contender is one line of {@link #WINDOW} or {@link #ORIGINS}: a client label, a name, and
 * a factory from the caller's deadline to one shared client.
 */
final class WindowContenders {
  /** A peer's wait when a 429 carries no usable Retry-After: resilience4j's default. */
  private static final Duration NO_RETRY_AFTER = Duration.ofMillis(500);

  private WindowContenders() {}

  /** One logical GET on a client shared by every caller; returns the status the caller gets. */
  interface Caller {
    int get(String uri) throws Throwable;
  }

  /** One row of the benchmark: a client shared by all callers, built for a deadline. */
  record Contender(String client, String name, Function<Duration, Caller> factory) {}

  static final String OKHTTP = "OkHttp";
  static final String JDK = "JDK HttpClient";

  /** The contenders of the 64-caller window, in table order. */
  static final List<Contender> WINDOW =
      List.of(
          new Contender(OKHTTP, "bare", d -> okHttp(d, b -> b)),
          new Contender(
              OKHTTP,
              "resilience4j",
              d ->
                  okHttp(
                      d,
                      b ->
                          b.addInterceptor(
                              new Resilience4jRetryInterceptor(
                                  Retry.of(
                                      "window",
                                      resilience4j(
                                          Response::code,
                                          r -> Optional.ofNullable(r.header("Retry-After")))))))),
          new Contender(OKHTTP, "failsafe", WindowContenders::okHttpFailsafe),
          new Contender(
              OKHTTP,
              "httptriage (cool-down off)",
              d ->
                  okHttp(
                      d,
                      b -> {
                        TriageInterceptor.install(b, httptriage(d, false));
                        return b;
                      })),
          new Contender(
              OKHTTP,
              "httptriage (cool-down on)",
              d ->
                  okHttp(
                      d,
                      b -> {
                        TriageInterceptor.install(b, httptriage(d, true));
                        return b;
                      })),
          new Contender(JDK, "bare", d -> jdk(bareJdk())),
          new Contender(JDK, "resilience4j", WindowContenders::jdkResilience4j),
          new Contender(JDK, "failsafe", WindowContenders::jdkFailsafe),
          new Contender(
              JDK,
              "methanol_retry",
              d ->
                  jdk(
                      Methanol.newBuilder()
                          .version(HttpClient.Version.HTTP_1_1)
                          .interceptor(
                              RetryInterceptor.newBuilder()
                                  .onStatus(429, 503)
                                  .backoff(BackoffStrategy.retryAfterOr(BackoffStrategy.none()))
                                  .timeout(d)
                                  .build())
                          .build())),
          new Contender(
              JDK,
              "httptriage (cool-down off)",
              d -> jdk(TriageHttpClient.wrap(bareJdk(), httptriage(d, false)))),
          new Contender(
              JDK,
              "httptriage (cool-down on)",
              d -> jdk(TriageHttpClient.wrap(bareJdk(), httptriage(d, true)))));

  /**
   * The contenders of the 4-origin run: the bare clients and every httptriage row, so that a new
   * httptriage row of {@link #WINDOW} runs here too.
   */
  static final List<Contender> ORIGINS =
      WINDOW.stream()
          .filter(c -> c.name().equals("bare") || c.name().startsWith("httptriage"))
          .toList();

  /** httptriage's defaults with the caller's deadline, the origins' cool-down on or off. */
  static TriageConfig httptriage(Duration deadline, boolean coolDown) {
    return TriageConfig.builder()
        .retry(RetrySettings.ofDefaults().toBuilder().deadline(deadline).build())
        .coolDown(coolDown)
        .build();
  }

  private interface Customizer {
    OkHttpClient.Builder apply(OkHttpClient.Builder b);
  }

  private static Caller okHttp(Duration deadline, Customizer customizer) {
    OkHttpClient client =
        customizer.apply(new OkHttpClient.Builder().callTimeout(deadline)).build();
    return uri -> {
      try (Response response = client.newCall(new Request.Builder().url(uri).build()).execute()) {
        response.body().bytes();
        return response.code();
      }
    };
  }

  private static Caller okHttpFailsafe(Duration deadline) {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(deadline).build();
    FailsafeExecutor<Response> failsafe =
        Failsafe.with(failsafe(Response::code, r -> Optional.ofNullable(r.header("Retry-After"))));
    return uri -> {
      try (Response response =
          FailsafeCall.with(failsafe)
              .compose(client.newCall(new Request.Builder().url(uri).build()))
              .execute()) {
        response.body().bytes();
        return response.code();
      }
    };
  }

  private static HttpClient bareJdk() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private static Caller jdk(HttpClient client) {
    return uri -> client.send(request(uri), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Caller jdkResilience4j(Duration deadline) {
    HttpClient client = bareJdk();
    Retry retry =
        Retry.of(
            "window",
            WindowContenders.<HttpResponse<Void>>resilience4j(
                HttpResponse::statusCode, r -> r.headers().firstValue("Retry-After")));
    return uri ->
        retry
            .executeCheckedSupplier(
                () -> client.send(request(uri), HttpResponse.BodyHandlers.discarding()))
            .statusCode();
  }

  private static Caller jdkFailsafe(Duration deadline) {
    HttpClient client = bareJdk();
    FailsafeExecutor<HttpResponse<Void>> failsafe =
        Failsafe.with(
            WindowContenders.<HttpResponse<Void>>failsafe(
                HttpResponse::statusCode, r -> r.headers().firstValue("Retry-After")));
    return uri ->
        failsafe
            .get(() -> client.send(request(uri), HttpResponse.BodyHandlers.discarding()))
            .statusCode();
  }

  private static HttpRequest request(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).GET().build();
  }

  private static boolean limited(int status) {
    return status == 429 || status == 503;
  }

  /** resilience4j's defaults on 429 and 503, waiting for Retry-After when the response has one. */
  private static <R> RetryConfig resilience4j(
      ToIntFunction<R> status, Function<R, Optional<String>> retryAfter) {
    return RetryConfig.<R>custom()
        .retryOnResult(r -> limited(status.applyAsInt(r)))
        .intervalBiFunction(
            (attempt, outcome) ->
                outcome.isRight()
                    ? seconds(retryAfter.apply(outcome.get())).orElse(NO_RETRY_AFTER).toMillis()
                    : NO_RETRY_AFTER.toMillis())
        .build();
  }

  /** Failsafe's defaults on 429 and 503, waiting for Retry-After when the response has one. */
  private static <R> RetryPolicy<R> failsafe(
      ToIntFunction<R> status, Function<R, Optional<String>> retryAfter) {
    return RetryPolicy.<R>builder()
        .handleResultIf(r -> limited(status.applyAsInt(r)))
        .withDelayFn(
            ctx -> {
              R last = ctx.getLastResult();
              return last == null
                  ? Duration.ZERO
                  : seconds(retryAfter.apply(last)).orElse(Duration.ZERO);
            })
        .build();
  }

  /** Retry-After as delta-seconds, the form the benchmark's server sends. */
  private static Optional<Duration> seconds(Optional<String> value) {
    try {
      return value.map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
