package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.CallOptionsContract;
import io.httptriage.contract.TestTls;
import io.httptriage.engine.Triage;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Builds real JDK clients with httptriage installed, for the contract suite and client tests. */
final class JdkClients {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** How a test sends: {@code send}, or one of the two {@code sendAsync}. */
  enum Sending {
    SEND,
    SEND_ASYNC,
    SEND_ASYNC_WITH_PUSH_PROMISES
  }

  private JdkClients() {}

  /**
   * A delegate builder as the contract wants it: HTTP/1.1 (the test server speaks it on plain http,
   * and the JDK's h2c upgrade attempt would only add noise), trusting the test certificate,
   * following redirects itself unless the mode is POLICY ({@link TriageHttpClient#build} turns that
   * off then).
   */
  static HttpClient.Builder builder(TestTls tls) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls.clientContext())
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL);
  }

  static TriageHttpClient client(TriageConfig config, TestTls tls) {
    return TriageHttpClient.build(builder(tls), config);
  }

  static HttpRequest request(AdapterContract.Call call) {
    return request(call, TIMEOUT);
  }

  /** The request; with no timeout when {@code timeout} is null. */
  static HttpRequest request(AdapterContract.Call call, @Nullable Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(call.uri());
    if (timeout != null) {
      b.timeout(timeout);
    }
    for (String[] h : call.headers()) {
      b.header(h[0], h[1]);
    }
    if (call.body().isPresent()) {
      b.header("Content-Type", "application/json");
      b.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().get()));
    } else if (call.method().equals("GET")) {
      b.GET();
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  /** Waits for an asynchronous answer, unwrapping the client's IOException. */
  static <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException
          ? (IOException) e.getCause()
          : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (TimeoutException e) {
      throw new IOException(e);
    }
  }

  /**
   * The client under test. {@code send} reads an {@code ofInputStream} body, the asynchronous ways
   * an {@code ofString} one, so that the contract runs with a streaming handler, whose discarded
   * bodies must be closed, as well as with a reading one.
   */
  static AdapterContract.ClientUnderTest underTest(
      TriageConfig config, TestTls tls, Sending sending) {
    return underTest(config, tls, sending, TIMEOUT);
  }

  /**
   * As above, with requests that have no timeout. JDK 17 keeps every exchange it redirected itself
   * until its request's timeout has passed (JDK 25 does not): 10 000 calls in a few seconds hold
   * tens of megabytes for that long, which a heap check would blame on httptriage.
   */
  static AdapterContract.ClientUnderTest underTestWithoutRequestTimeout(
      TriageConfig config, TestTls tls, Sending sending) {
    return underTest(config, tls, sending, null);
  }

  /** As above, with {@code timeout} as each request's timeout (the JDK client's read timeout). */
  static AdapterContract.ClientUnderTest underTest(
      TriageConfig config, TestTls tls, Sending sending, @Nullable Duration timeout) {
    return underTest(client(config, tls), sending, timeout);
  }

  /** A client the test built, e.g. with a cookie handler; requests without a timeout when null. */
  static AdapterContract.ClientUnderTest underTest(
      TriageHttpClient client, Sending sending, @Nullable Duration timeout) {
    return new AdapterContract.ClientUnderTest() {
      @Override
      public AdapterContract.Answer send(AdapterContract.Call call) throws IOException {
        return JdkClients.send(client, request(call, timeout), sending);
      }

      @Override
      public Triage triage() {
        return client.triage();
      }

      @Override
      public void close() {
        client.shutdownNow();
      }
    };
  }

  /** The client under test for per-call options, attached with {@code withOptions}. */
  static CallOptionsContract.OptionsClient optionsUnderTest(
      TriageConfig config, TestTls tls, Sending sending) {
    TriageHttpClient client = client(config, tls);
    return new CallOptionsContract.OptionsClient(
        underTest(client, sending, TIMEOUT),
        (call, options) ->
            send(client, TriageHttpClient.withOptions(request(call), options), sending));
  }

  /** Sends one way and reads the whole answer. */
  static AdapterContract.Answer send(TriageHttpClient client, HttpRequest request, Sending sending)
      throws IOException {
    switch (sending) {
      case SEND:
        return answerOfStream(sendBlocking(client, request));
      case SEND_ASYNC:
        return answer(await(client.sendAsync(request, BodyHandlers.ofString())));
      default:
        return answer(
            await(
                client.sendAsync(
                    request, BodyHandlers.ofString(), (initiating, pushed, accept) -> {})));
    }
  }

  private static HttpResponse<InputStream> sendBlocking(
      TriageHttpClient client, HttpRequest request) throws IOException {
    try {
      return client.send(request, BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static AdapterContract.Answer answer(HttpResponse<String> response) {
    return new AdapterContract.Answer(response.statusCode(), response.body());
  }

  private static AdapterContract.Answer answerOfStream(HttpResponse<InputStream> response)
      throws IOException {
    try (InputStream body = response.body()) {
      return new AdapterContract.Answer(
          response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
