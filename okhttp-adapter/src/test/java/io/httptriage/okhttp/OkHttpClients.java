package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.CallOptionsContract;
import io.httptriage.contract.TestTls;
import io.httptriage.engine.Triage;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Builds real OkHttp clients with httptriage installed, for the contract suite and client tests.
 */
final class OkHttpClients {
  private static final MediaType JSON = MediaType.get("application/json");

  private OkHttpClients() {}

  static OkHttpClient client(TriageConfig config, TestTls tls) {
    return client(config, tls, Duration.ofSeconds(10));
  }

  static OkHttpClient client(TriageConfig config, TestTls tls, Duration readTimeout) {
    return TriageInterceptor.install(new OkHttpClient.Builder(), config)
        .sslSocketFactory(tls.clientSockets(), tls.clientTrustManager())
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** The runtime of the TriageInterceptor installed on {@code client}. */
  static Triage triageOf(OkHttpClient client) {
    return client.interceptors().stream()
        .filter(TriageInterceptor.class::isInstance)
        .map(i -> ((TriageInterceptor) i).triage())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TriageInterceptor on " + client));
  }

  static Request request(AdapterContract.Call call) {
    Request.Builder b = new Request.Builder().url(call.uri().toString());
    for (String[] h : call.headers()) {
      b.addHeader(h[0], h[1]);
    }
    RequestBody body = call.body().map(text -> RequestBody.create(text, JSON)).orElse(null);
    return b.method(call.method(), body).build();
  }

  static AdapterContract.Answer answer(Response response) throws IOException {
    try (Response r = response) {
      return new AdapterContract.Answer(r.code(), r.body() == null ? "" : r.body().string());
    }
  }

  /** Enqueues {@code call} and waits, at most 20 s, for its response or failure. */
  static Response enqueue(Call call) throws IOException {
    return enqueue(call, response -> response);
  }

  /** What a callback makes of the response it is given, on the dispatcher's thread. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(Response response) throws IOException;
  }

  /**
   * Enqueues {@code call}, hands its response to {@code reading} inside the callback, and waits, at
   * most 20 s, for what that gives or for the failure.
   */
  private static <T> T enqueue(Call call, Reading<T> reading) throws IOException {
    CompletableFuture<T> done = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            done.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            try {
              done.complete(reading.read(response));
            } catch (IOException e) {
              done.completeExceptionally(e);
            }
          }
        });
    try {
      return done.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IOException(e);
    }
  }

  /** The client under test sending with {@code execute()} or {@code enqueue()}. */
  static AdapterContract.ClientUnderTest underTest(
      TriageConfig config, TestTls tls, boolean async) {
    return underTest(config, tls, async, Duration.ofSeconds(10));
  }

  static AdapterContract.ClientUnderTest underTest(
      TriageConfig config, TestTls tls, boolean async, Duration readTimeout) {
    return underTest(client(config, tls, readTimeout), async);
  }

  /** A client built by the test, which keeps it to look at its connection pool. */
  static AdapterContract.ClientUnderTest underTest(OkHttpClient client, boolean async) {
    return new AdapterContract.ClientUnderTest() {
      @Override
      public AdapterContract.Answer send(AdapterContract.Call call) throws IOException {
        return OkHttpClients.send(client, request(call), async);
      }

      @Override
      public Triage triage() {
        return triageOf(client);
      }

      @Override
      public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
    };
  }

  /** The client under test for per-call options, which travel as a typed request tag. */
  static CallOptionsContract.OptionsClient optionsUnderTest(
      TriageConfig config, TestTls tls, boolean async) {
    OkHttpClient client = client(config, tls);
    return new CallOptionsContract.OptionsClient(
        underTest(client, async),
        (call, options) ->
            send(
                client, request(call).newBuilder().tag(CallOptions.class, options).build(), async));
  }

  /** Sends with {@code execute()} or {@code enqueue()} and reads the whole answer. */
  static AdapterContract.Answer send(OkHttpClient client, Request request, boolean async)
      throws IOException {
    Call c = client.newCall(request);
    return async ? enqueue(c, OkHttpClients::answer) : answer(c.execute());
  }
}
