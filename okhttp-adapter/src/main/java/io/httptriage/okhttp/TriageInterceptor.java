package io.httptriage.okhttp;

import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.Triage;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Installs httptriage into an OkHttp client as an application interceptor: retries by the policy
 * table and the retry engine, the redirect audit, the conformance lint, logs and metrics — and, in
 * {@link RedirectMode#POLICY}, redirects followed by core's policy instead of OkHttp's.
 *
 * <p>Every decision is core's ({@link Triage}); this class only runs it on OkHttp's chain. Each
 * discarded response is closed before the next attempt, one-shot and duplex request bodies are
 * never sent twice, {@code Call.cancel()} ends a pending retry wait within about 50 ms, and {@code
 * enqueue} behaves as {@code execute} (OkHttp runs interceptors for both). Works with OkHttp 5.x
 * ({@code okhttp-jvm}) and 4.12.
 *
 * <p>Installed with {@link #install}, it also stops OkHttp's own resending of a request body on a
 * 408 or a 503 with {@code Retry-After: 0}, so that a POST without an Idempotency-Key is never sent
 * twice on a status.
 *
 * <p>Thread-safe: one interceptor serves all calls of a client, and its retry budget counts them
 * all. Use one interceptor per client.
 *
 * <pre>{@code
 * OkHttpClient client = TriageInterceptor.install(new OkHttpClient.Builder(),
 *         TriageConfig.builder().meterRegistry(registry).build())
 *     .build();
 * // or, with the defaults and OkHttp following redirects itself:
 * OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(TriageInterceptor.create()).build();
 * }</pre>
 */
public final class TriageInterceptor implements Interceptor {
  private final Triage triage;

  private TriageInterceptor(TriageConfig config) {
    this.triage = Triage.of(config, "okhttp");
  }

  /** {@return an interceptor with {@link TriageConfig#ofDefaults()}} */
  public static TriageInterceptor create() {
    return new TriageInterceptor(TriageConfig.ofDefaults());
  }

  /**
   * An interceptor with this configuration. In {@link RedirectMode#POLICY} the client must not
   * follow redirects itself: use {@link #install} or set {@code followRedirects(false)}.
   *
   * @param config the configuration
   * @return the interceptor
   * @throws IllegalArgumentException when {@code config} is null
   */
  public static TriageInterceptor create(TriageConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    return new TriageInterceptor(config);
  }

  /**
   * Adds an interceptor with this configuration to a client builder and, in {@link
   * RedirectMode#POLICY}, turns OkHttp's own redirect following off so that core follows instead.
   * It also adds a network interceptor that keeps OkHttp from resending a request body by itself on
   * a 408 or a 503 with {@code Retry-After: 0} — which OkHttp does whatever the method, a POST
   * included — so that core alone decides which requests are sent again. An interceptor added with
   * {@code addInterceptor(create(...))} alone leaves OkHttp's own resending as it is.
   *
   * @param builder the client builder
   * @param config the configuration
   * @return the same builder
   * @throws IllegalArgumentException when an argument is null
   */
  public static OkHttpClient.Builder install(OkHttpClient.Builder builder, TriageConfig config) {
    if (builder == null) {
      throw new IllegalArgumentException("builder: must not be null");
    }
    TriageInterceptor interceptor = create(config);
    if (config.redirectMode() == RedirectMode.POLICY) {
      builder.followRedirects(false).followSslRedirects(false);
    }
    return builder.addInterceptor(interceptor).addNetworkInterceptor(interceptor.networkInterceptor());
  }

  /**
   * {@return the network interceptor {@link #install} adds} It keeps OkHttp from resending a request body by
   * itself on a 408 or a 503 with {@code Retry-After: 0}, and lets the audit see the headers OkHttp
   * really sent on each redirect hop (cookies from a CookieJar among them), which the {@code
   * priorResponse()} chain does not show. Add it yourself with {@code addNetworkInterceptor} when
   * you add this interceptor by hand.
   */
  public Interceptor networkInterceptor() {
    return NetworkHops.SHARED;
  }

  /** {@return the runtime behind this interceptor, e.g. for {@code triage().retryEngine().retry()}} */
  public Triage triage() {
    return triage;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    OkHttpCall call = new OkHttpCall(chain);
    return triage.execute(chain.request(), call, call);
  }
}
