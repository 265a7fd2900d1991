package io.httptriage.okhttp;

import io.httptriage.engine.ClientCall;
import io.httptriage.engine.Triage;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Installs httptriage into an OkHttp client as an application interceptor: retries by the policy
 * table, the redirect audit, the conformance lint, logs and metrics — and, in {@link
 * RedirectMode#POLICY}, redirects followed by core's policy instead of OkHttp's.
 *
 * <p>Every decision is core's ({@link Triage}); this class only runs it on OkHttp's chain. Each
 * discarded response is closed before the next attempt, one-shot and duplex request bodies are
 * never sent twice, {@code Call.cancel()} ends a pending retry wait within about 50 ms, and {@code
 * enqueue} behaves as {@code execute} (OkHttp runs interceptors for both). Works with OkHttp 5.x
 * ({@code okhttp-jvm}) and 4.12.
 *
 * <p>Installed with {@link #install}, it also adds a network interceptor that stops OkHttp from
 * sending a request again by itself on a 408 or a 503 with {@code Retry-After: 0}, and shields the
 * caller from OkHttp's NumberFormatException on a Retry-After past 2^31: core alone decides what is
 * resent, so the same configuration sends the same requests as the JDK adapter. Added by hand with
 * {@code addInterceptor(create(...))} and no network interceptor, OkHttp's own resends still happen
 * (on OkHttp 5 only the 503 one: its 408 resend follows {@code retryOnConnectionFailure}, switched
 * off per call below); each is then counted as an attempt and charged to the budget.
 *
 * <p>Transport failures (refused, reset, timeouts...) are retried by core, by their {@code
 * FailureKind} and under the same gates (RFC 9110 §9.2.2), never by OkHttp under it: {@link
 * #install} builds the client with {@code retryOnConnectionFailure(false)}; on a client built
 * otherwise OkHttp 5's chain is switched off per call, and on 4.12, whose chain cannot be, the
 * resends OkHttp made are counted as attempts and charged to the budget. A GET whose connection
 * dropped before any response byte is resent once at once by core, as the JDK client does by
 * itself. The caller gets OkHttp's own exception, the last attempt's, with the earlier ones
 * suppressed.
 *
 * <p>Fails fast, with an {@link IllegalStateException} saying how to fix it, when a second
 * httptriage runs on the same call, and in POLICY mode when the client follows redirects itself
 * (seen through {@code Chain.getFollowRedirects()} on OkHttp 5, and by the prior response on 4.12).
 *
 * <p>Thread-safe: one interceptor serves all calls of a client, and its retry budget counts them
 * all. Use one interceptor per client.
 *
 * <pre>{@code
 * OkHttpClient client = TriageInterceptor.install(new OkHttpClient.Builder(),
 *         TriageConfig.builder().meterRegistry(registry).build())
 *     .build();
 * }</pre>
 */
public final class TriageInterceptor implements Interceptor {
  /**
   * The header field on a 429 that httptriage made without the network, because the origin asked
   * every caller to stay away (a 429 or 503 with Retry-After, a spent rate-limit quota) for longer
   * than the call could wait ({@code TriageConfig.coolDown}). Its value is the milliseconds the
   * origin is expected to stay closed; {@code Retry-After} carries the same in whole seconds. A
   * server's own 429 never has it (a server that sends it is not believed: check {@code
   * networkResponse() == null} as well).
   */
  public static final String COOL_DOWN_HEADER = ClientCall.COOL_DOWN_FIELD;

  static final String TWICE =
      "httptriage is installed twice on this OkHttpClient (two"
          + " TriageInterceptors on one call): every request would be retried by both. Keep one:"
          + " TriageInterceptor.install(builder, config) adds it once; do not also addInterceptor it";
  static final String FOLLOWS_REDIRECTS =
      "httptriage is in RedirectMode.POLICY but this OkHttpClient"
          + " follows redirects itself, so OkHttp would follow them unaudited by the policy. Install it"
          + " with TriageInterceptor.install(builder, config), which turns OkHttp's following off, or"
          + " build the client with followRedirects(false)";

  private final Triage triage;
  private final boolean policyMode;
  private final NetworkShield networkInterceptor = new NetworkShield();

  /** Whether OkHttp's Chain exposes getFollowRedirects (5.x); null until the first call asks. */
  private volatile Boolean chainTellsFollowRedirects;

  /**
   * Whether OkHttp's Chain can switch its connection-failure retries off per call (5.x); null until
   * the first call asks.
   */
  private volatile Boolean chainSwitchesRetries;

  private TriageInterceptor(TriageConfig config) {
    this.triage = Triage.of(config, "okhttp");
    this.policyMode = config.redirectMode() == RedirectMode.POLICY;
  }

  /** {@return an interceptor with {@link TriageConfig#ofDefaults()}} */
  public static TriageInterceptor create() {
    return new TriageInterceptor(TriageConfig.ofDefaults());
  }

  /**
   * An interceptor with this configuration. In {@link RedirectMode#POLICY} the client must not
   * follow redirects itself: use {@link #install} or set {@code followRedirects(false)}.
   *
   * <p>On OkHttp 5, a client that resends after a connection failure by itself (OkHttp's default)
   * gets every call sent on a copy of its chain with that switched off, so that core alone decides
   * what is resent: one object more per call (112 bytes on 5.5.1). A client built by {@link
   * #install}, or with {@code retryOnConnectionFailure(false)}, has nothing to switch off and needs
   * no copy.
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
   * Adds an interceptor with this configuration to a client builder, with its {@link
   * #networkInterceptor()}; turns OkHttp's own resending after a connection failure off ({@code
   * retryOnConnectionFailure(false)}), so that httptriage alone retries transport failures, under
   * its gates; and, in {@link RedirectMode#POLICY}, turns OkHttp's own redirect following off so
   * that core follows instead.
   *
   * @param builder the client builder
   * @param config the configuration
   * @return the same builder
   * @throws IllegalArgumentException when an argument is null, or the builder already holds a
   *     TriageInterceptor (every request would be triaged and retried twice)
   */
  public static OkHttpClient.Builder install(OkHttpClient.Builder builder, TriageConfig config) {
    if (builder == null) {
      throw new IllegalArgumentException("builder: must not be null");
    }
    for (Interceptor i : builder.interceptors()) {
      if (i instanceof TriageInterceptor) {
        throw new IllegalArgumentException("builder: " + TWICE);
      }
    }
    TriageInterceptor interceptor = create(config);
    if (config.redirectMode() == RedirectMode.POLICY) {
      builder.followRedirects(false).followSslRedirects(false);
    }
    builder.retryOnConnectionFailure(false);
    return builder
        .addInterceptor(interceptor)
        .addNetworkInterceptor(interceptor.networkInterceptor());
  }

  /**
   * {@return the network interceptor {@link #install} adds} It keeps OkHttp from sending a request
   * again by itself on a 408 or a 503 with {@code Retry-After: 0} (and from throwing on a
   * Retry-After it cannot parse), and lets the audit see the headers OkHttp really sent on each
   * redirect hop (cookies from a CookieJar among them). Add it yourself with {@code
   * addNetworkInterceptor} when you add this interceptor by hand. It holds no state.
   */
  public Interceptor networkInterceptor() {
    return networkInterceptor;
  }

  /** {@return the runtime behind this interceptor, e.g. for {@code triage().retry()}} */
  public Triage triage() {
    return triage;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    OkHttpCall outer = OkHttpCall.CURRENT.get();
    if (outer != null && outer.runs(chain.call())) {
      throw new IllegalStateException(TWICE);
    }
    if (policyMode && followsRedirects(chain)) {
      throw new IllegalStateException(FOLLOWS_REDIRECTS);
    }
    // The thread's idle instance is reused; a call nested in another (an interceptor calling out
    // on this thread) gets its own, and the outer one is put back afterwards.
    OkHttpCall call = outer != null && outer.isIdle() ? outer : new OkHttpCall();
    Chain sending = withoutClientRetries(chain);
    call.begin(sending == null ? chain : sending, policyMode, sending == null);
    OkHttpCall.CURRENT.set(call);
    try {
      return triage.execute(chain.request(), call, call);
    } finally {
      call.end();
      OkHttpCall.CURRENT.set(outer != null ? outer : call);
    }
  }

  /**
   * The chain to send on without OkHttp's own resending after a connection failure: the chain
   * itself when the client was built without it ({@link #install} does that), else, on OkHttp 5, a
   * copy with {@code withRetryOnConnectionFailure(false)} (a GET's too: OkHttp 5 would send a GET
   * on a dropped pooled connection three times, where core resends it once at once, the pair every
   * client makes); null on 4.12, whose chain cannot say or switch, so that the resends OkHttp made
   * are counted instead ({@link OkHttpCall#resentByClient(okhttp3.Request, Throwable)}).
   */
  private Chain withoutClientRetries(Chain chain) {
    Boolean known = chainSwitchesRetries;
    if (known == null || known) {
      try {
        Chain sending =
            chain.getRetryOnConnectionFailure() ? chain.withRetryOnConnectionFailure(false) : chain;
        chainSwitchesRetries = Boolean.TRUE;
        return sending;
      } catch (LinkageError olderOkHttp) {
        chainSwitchesRetries = Boolean.FALSE;
      }
    }
    return null;
  }

  /**
   * OkHttp 5 says whether the client follows redirects; 4.12 cannot, and is checked per response.
   */
  private boolean followsRedirects(Chain chain) {
    Boolean known = chainTellsFollowRedirects;
    if (known == null || known) {
      try {
        boolean follows = chain.getFollowRedirects();
        chainTellsFollowRedirects = Boolean.TRUE;
        return follows;
      } catch (LinkageError olderOkHttp) {
        chainTellsFollowRedirects = Boolean.FALSE;
      }
    }
    return false;
  }
}
