package io.httptriage.jdk;

import io.httptriage.engine.Triage;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HttpClient} that sends through the user's own client and triages every exchange: retries
 * by the policy table and its gates, the redirect audit, the conformance lint, logs and metrics —
 * and, in {@link RedirectMode#POLICY}, redirects followed by core's policy instead of the JDK's.
 * The same {@link TriageConfig} gives the same verdicts, retries, findings and metrics as the
 * OkHttp adapter.
 *
 * <p>Every decision is core's ({@link Triage}); this class only runs it on the JDK client. {@code
 * send} and both {@code sendAsync} go through it; the getters and {@link #newWebSocketBuilder()}
 * are the delegate's. Compared with the bare JDK client:
 *
 * <ul>
 *   <li>Statuses the policy retries (429, 503... as configured) are sent again after the wait the
 *       server asked for; {@code sendAsync} schedules that wait on the configuration's scheduler
 *       and blocks no thread. Cancelling the returned future stops further attempts; interrupting a
 *       thread in {@code send} ends its wait with an {@link InterruptedException}.
 *   <li>Every response that does not reach the caller is released whatever the BodyHandler: an
 *       {@code InputStream} or {@code Stream} body is closed, a {@code Publisher} body cancelled;
 *       other handlers have read their body already.
 *   <li>A request body is sent again only when its publisher replays its content: {@code noBody()},
 *       {@code ofString}, {@code ofByteArray} and {@code ofFile}. {@code ofInputStream}, {@code
 *       ofByteArrays}, {@code concat}, {@code fromPublisher} and the user's own publishers count as
 *       one-shot, so such a request is never retried nor its body resent on a followed 307/308.
 *   <li>With a delegate that follows redirects ({@link RedirectMode#CLIENT}), the chain it reports
 *       through {@code previousResponse()} is audited: a POST turned into GET on 301/302, and the
 *       3xx the JDK hands back as final after its redirect limit (4 followed by default), are
 *       reported.
 *   <li>One call can differ from the configuration ({@link CallOptions}: attempts, deadline, its
 *       own policy rules) with a request from {@link #withOptions}.
 *   <li>Transport failures are retried by core's rules (RFC 9110 §9.2.2: a request that never left
 *       whatever its method, one that got no response only when idempotent or carrying an {@code
 *       Idempotency-Key}) under the same gates. The JDK's own resends are switched off where a
 *       setting allows and counted as attempts where none does: see the module's README.
 *   <li>In {@link RedirectMode#POLICY} the delegate must not follow ({@link
 *       HttpClient.Redirect#NEVER}); 307/308 keep method and body, 303 becomes GET, https→http is
 *       refused, credentials are dropped on a cross-origin hop, and loops are stopped.
 * </ul>
 *
 * <p>On JDK 21 and later, {@link #close()}, {@link #shutdown()}, {@link #shutdownNow()}, {@link
 * #awaitTermination(Duration)} and {@link #isTerminated()} reach the delegate; on JDK 17 the
 * delegate has no lifecycle, and they do nothing ({@code isTerminated} and {@code awaitTermination}
 * answer false).
 *
 * <p>Thread-safe: one instance serves all calls, and its retry budget counts them all. Make one per
 * delegate and keep it.
 *
 * <pre>{@code
 * HttpClient client = TriageHttpClient.build(
 *     HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
 *     TriageConfig.builder().redirectMode(RedirectMode.POLICY).meterRegistry(registry).build());
 * HttpResponse<String> response = client.send(
 *     HttpRequest.newBuilder(URI.create("https://api.example/items")).build(),
 *     HttpResponse.BodyHandlers.ofString());
 * // or around a client that already exists, with the defaults:
 * HttpClient triaged = TriageHttpClient.wrap(existingClient);
 * }</pre>
 */
public final class TriageHttpClient extends HttpClient implements AutoCloseable {
  static {
    // Before the first exchange of the JVM reads it, if none has yet: see JdkResends.
    JdkResends.load();
  }

  private final HttpClient delegate;
  private final Triage triage;
  private final boolean followsRedirects;

  private TriageHttpClient(HttpClient delegate, TriageConfig config) {
    this.delegate = delegate;
    this.triage = Triage.of(config, "jdk");
    this.followsRedirects = delegate.followRedirects() != Redirect.NEVER;
  }

  /**
   * Wraps a client with {@link TriageConfig#ofDefaults()}: the client keeps following redirects as
   * it is set to, and its chains are audited.
   *
   * @param delegate the client that sends
   * @return the wrapping client
   * @throws IllegalArgumentException when {@code delegate} is null or already a TriageHttpClient
   */
  public static TriageHttpClient wrap(HttpClient delegate) {
    return wrap(delegate, TriageConfig.ofDefaults());
  }

  /**
   * Wraps a client with this configuration.
   *
   * @param delegate the client that sends
   * @param config the configuration
   * @return the wrapping client
   * @throws IllegalArgumentException when an argument is null; when {@code delegate} is already a
   *     TriageHttpClient (every exchange would be triaged twice); when the configuration is in
   *     {@link RedirectMode#POLICY} and {@code delegate} follows redirects itself — build it with
   *     {@code followRedirects(Redirect.NEVER)}, or use {@link #build}
   */
  public static TriageHttpClient wrap(HttpClient delegate, TriageConfig config) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate: must not be null");
    }
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    if (delegate instanceof TriageHttpClient) {
      throw new IllegalArgumentException(
          "delegate: is already a TriageHttpClient; wrapping it again would triage and retry every"
              + " exchange twice. Use it as it is, or wrap the HttpClient it wraps");
    }
    if (config.redirectMode() == RedirectMode.POLICY
        && delegate.followRedirects() != Redirect.NEVER) {
      throw new IllegalArgumentException(
          "delegate: follows redirects ("
              + delegate.followRedirects()
              + ") but the redirect mode is POLICY; build it with followRedirects(Redirect.NEVER)"
              + " or use TriageHttpClient.build(builder, config)");
    }
    return new TriageHttpClient(delegate, config);
  }

  /**
   * Builds the delegate from {@code builder} and wraps it. In {@link RedirectMode#POLICY} it first
   * sets {@code followRedirects(Redirect.NEVER)} on the builder, so that core follows instead.
   *
   * @param builder the delegate's builder
   * @param config the configuration
   * @return the wrapping client
   * @throws IllegalArgumentException when an argument is null
   */
  public static TriageHttpClient build(HttpClient.Builder builder, TriageConfig config) {
    if (builder == null) {
      throw new IllegalArgumentException("builder: must not be null");
    }
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    if (config.redirectMode() == RedirectMode.POLICY) {
      builder.followRedirects(Redirect.NEVER);
    }
    return wrap(builder.build(), config);
  }

  /**
   * Attaches per-call options to a request: the JDK's {@code HttpRequest} has no tags, so the
   * request returned decorates {@code request} and carries {@code options}. A TriageHttpClient
   * takes the options and sends the request it decorates, so the delegate never sees the
   * decoration; any other HttpClient sends it as {@code request}. Attaching options to a request
   * that carries some replaces them.
   *
   * <pre>{@code
   * HttpRequest once = TriageHttpClient.withOptions(
   *     HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString(json)).build(),
   *     CallOptions.none().noRetry());
   * client.send(once, BodyHandlers.ofString());
   * }</pre>
   *
   * @param request the request
   * @param options its call's options
   * @return the request, carrying the options
   * @throws IllegalArgumentException when an argument is null
   */
  public static HttpRequest withOptions(HttpRequest request, CallOptions options) {
    if (request == null) {
      throw new IllegalArgumentException("request: must not be null");
    }
    if (options == null) {
      throw new IllegalArgumentException("options: must not be null");
    }
    return new OptionsRequest(plain(request), options);
  }

  /** {@return the runtime behind this client, e.g. for {@code triage().retry()}} */
  public Triage triage() {
    return triage;
  }

  /**
   * Sends through the triage: retried, followed (in POLICY mode), audited and reported.
   *
   * @throws IOException from the delegate, unchanged
   * @throws InterruptedException when the thread is interrupted while sending or waiting to retry
   */
  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> responseBodyHandler)
      throws IOException, InterruptedException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
    try {
      return triage.execute(
          plain(request), call(request), attempt -> sendOnce(attempt, responseBodyHandler));
    } catch (InterruptedSend e) {
      throw e.interruption();
    } catch (InterruptedIOException e) {
      // Core ends an interrupted retry wait this way, with the interrupt flag set again.
      if (Thread.interrupted()) {
        InterruptedException interruption = new InterruptedException(e.getMessage());
        interruption.initCause(e);
        throw interruption;
      }
      throw e;
    }
  }

  /** The request to send: the one {@link #withOptions} decorated, or the caller's. */
  private static HttpRequest plain(HttpRequest request) {
    return request instanceof OptionsRequest r ? r.request() : request;
  }

  /** The exchange's translations, with the options {@link #withOptions} attached, if any. */
  private <T> JdkCall<T> call(HttpRequest request) {
    return new JdkCall<>(
        followsRedirects,
        delegate.cookieHandler(),
        request instanceof OptionsRequest r ? r.options() : CallOptions.none());
  }

  private <T> HttpResponse<T> sendOnce(HttpRequest attempt, BodyHandler<T> handler)
      throws IOException {
    try {
      return delegate.send(attempt, handler);
    } catch (InterruptedException e) {
      throw new InterruptedSend(e);
    }
  }

  /** Sends asynchronously through the triage; retry waits are scheduled, never slept. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> responseBodyHandler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
    return triage.executeAsync(
        plain(request), call(request), attempt -> delegate.sendAsync(attempt, responseBodyHandler));
  }

  /**
   * Sends asynchronously through the triage. Each attempt passes {@code pushPromiseHandler} to the
   * delegate, so it also hears of pushes promised with responses that are then retried.
   */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      BodyHandler<T> responseBodyHandler,
      @Nullable PushPromiseHandler<T> pushPromiseHandler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
    return triage.executeAsync(
        plain(request),
        call(request),
        attempt -> delegate.sendAsync(attempt, responseBodyHandler, pushPromiseHandler));
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  /**
   * The delegate's policy; {@link HttpClient.Redirect#NEVER} in POLICY mode, where core follows.
   */
  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The delegate's WebSocket builder; WebSocket handshakes are not triaged. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  // The lifecycle methods below override HttpClient's on JDK 21+, whose defaults would do nothing
  // to the delegate. Only close() can say @Override (for AutoCloseable) under release 17.

  /** Closes the delegate (JDK 21+): waits for its exchanges to finish, then releases it. */
  @Override
  public void close() {
    Jdk21Lifecycle.close(delegate);
  }

  /** Starts an orderly shutdown of the delegate (JDK 21+). */
  public void shutdown() {
    Jdk21Lifecycle.shutdown(delegate);
  }

  /** Shuts the delegate down at once, failing its exchanges in flight (JDK 21+). */
  public void shutdownNow() {
    Jdk21Lifecycle.shutdownNow(delegate);
  }

  /**
   * Waits for the delegate to terminate (JDK 21+); false at once on JDK 17.
   *
   * @param duration the longest wait
   * @return true when the delegate terminated
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    return Jdk21Lifecycle.awaitTermination(delegate, duration);
  }

  /** {@return whether the delegate has terminated (JDK 21+); always false on JDK 17} */
  public boolean isTerminated() {
    return Jdk21Lifecycle.isTerminated(delegate);
  }

  @Override
  public String toString() {
    return "TriageHttpClient[" + delegate + ", " + triage.config() + "]";
  }

  /** Carries the delegate's InterruptedException through core, which passes IOExceptions on. */
  private static final class InterruptedSend extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    InterruptedSend(InterruptedException cause) {
      super(cause.getMessage());
      initCause(cause);
    }

    InterruptedException interruption() {
      return (InterruptedException) getCause();
    }
  }
}
