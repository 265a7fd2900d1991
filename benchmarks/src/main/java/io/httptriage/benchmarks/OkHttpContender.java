package io.httptriage.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.okhttp.FailsafeCall;
import io.github.resilience4j.retry.Retry;
import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OkHttp clients compared: the bare client, the same client with each retry layer, and with an
 * application interceptor that does nothing but proceed ({@link #NOOP}): OkHttp's own price for any
 * interceptor, which httptriage and the resilience4j interceptor pay too. The benchmarks build them
 * with {@link Policies#EQUIVALENT}, the storm with {@link Policies#DEFAULTS}.
 */
enum OkHttpContender {
  BARE,
  /** {@code TriageInterceptor.install}: the interceptor plus the network hop recorder. */
  HTTPTRIAGE,
  /**
   * {@code addInterceptor(TriageInterceptor.create())}: the interceptor alone, on a client that
   * resends after a connection failure by itself (OkHttp's default), which the interceptor switches
   * off per call with a copy of OkHttp's chain.
   */
  HTTPTRIAGE_INTERCEPTOR,
  /**
   * The interceptor alone on a client built with {@code retryOnConnectionFailure(false)}: nothing
   * to switch off, so no chain copy. The difference from {@link #HTTPTRIAGE_INTERCEPTOR} is the
   * copy's price.
   */
  HTTPTRIAGE_INTERCEPTOR_NO_RESEND,
  /**
   * {@code TriageInterceptor.install} observing every call ({@link #observedTriageConfig()}): the
   * price of a call observation and its attempt's. Run on demand ({@code -p
   * contender=httptriage_observed}); not in the default table or the storm.
   */
  HTTPTRIAGE_OBSERVED,
  FAILSAFE,
  RESILIENCE4J,
  NOOP;

  /** Which retry settings the layers get. */
  enum Policies {
    /** Every layer set up to behave like httptriage's defaults (see {@link Peers}). */
    EQUIVALENT,
    /**
     * Every layer on its own defaults, with waits made short so that the storm runs in seconds:
     * httptriage's backoff base is 1 ms instead of 200 ms, resilience4j's wait 1 ms instead of 500
     * ms; Failsafe waits nothing by default.
     */
    DEFAULTS
  }

  /** Sends one logical request and returns the response the caller gets. */
  interface Caller {
    Response execute(Request request) throws IOException;
  }

  /** The JMH parameter value, e.g. {@code "httptriage"}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OkHttpContender of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** The httptriage configuration the storm uses: the defaults with a 1 ms backoff base. */
  static TriageConfig stormTriageConfig() {
    return TriageConfig.builder()
        .retry(RetrySettings.ofDefaults().toBuilder().backoffBase(Duration.ofMillis(1)).build())
        .build();
  }

  /**
   * The defaults, observed by a registry whose one handler does nothing: what observing costs
   * httptriage itself, without any tracer's own price.
   */
  static TriageConfig observedTriageConfig() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(context -> true);
    return TriageConfig.builder().observationRegistry(registry).build();
  }

  /**
   * A caller on a new client.
   *
   * @param policies how the retry layer is set up
   * @param terminal when not null, the last application interceptor, which answers in-process
   */
  Caller create(Policies policies, Interceptor terminal) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    boolean defaults = policies == Policies.DEFAULTS;
    FailsafeExecutor<Response> failsafe = null;
    switch (this) {
      case HTTPTRIAGE:
        TriageInterceptor.install(
            builder, defaults ? stormTriageConfig() : TriageConfig.ofDefaults());
        break;
      case HTTPTRIAGE_OBSERVED:
        TriageInterceptor.install(builder, observedTriageConfig());
        break;
      case HTTPTRIAGE_INTERCEPTOR:
        builder.addInterceptor(
            TriageInterceptor.create(defaults ? stormTriageConfig() : TriageConfig.ofDefaults()));
        break;
      case HTTPTRIAGE_INTERCEPTOR_NO_RESEND:
        builder
            .retryOnConnectionFailure(false)
            .addInterceptor(
                TriageInterceptor.create(
                    defaults ? stormTriageConfig() : TriageConfig.ofDefaults()));
        break;
      case RESILIENCE4J:
        builder.addInterceptor(
            new Resilience4jRetryInterceptor(
                Retry.of(
                    "benchmark",
                    defaults
                        ? Peers.<Response>resilience4jDefaults(Response::code, Duration.ofMillis(1))
                        : Peers.<Response>resilience4jEquivalent(Response::code))));
        break;
      case FAILSAFE:
        failsafe =
            Failsafe.with(
                defaults
                    ? Peers.<Response>failsafeDefaults(Response::code)
                    : Peers.<Response>failsafeEquivalent(Response::code));
        break;
      case NOOP:
        builder.addInterceptor(chain -> chain.proceed(chain.request()));
        break;
      default:
        break;
    }
    if (terminal != null) {
      builder.addInterceptor(terminal);
    }
    OkHttpClient client = builder.build();
    if (failsafe != null) {
      FailsafeExecutor<Response> executor = failsafe;
      return request -> FailsafeCall.with(executor).compose(client.newCall(request)).execute();
    }
    return request -> client.newCall(request).execute();
  }
}
