package io.httptriage.benchmarks;

import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.RetryInterceptor;
import io.httptriage.jdk.TriageHttpClient;
import io.httptriage.triage.TriageConfig;
import java.net.http.HttpClient;
import java.util.Locale;

/**
 * The JDK clients compared: the bare {@link HttpClient}, Methanol alone (its own cost), Methanol
 * with its {@link RetryInterceptor}, and httptriage's {@link TriageHttpClient} around a bare
 * client. All speak HTTP/1.1 to the loopback server.
 */
enum JdkContender {
  BARE,
  METHANOL,
  METHANOL_RETRY,
  HTTPTRIAGE,
  /** httptriage observing every call; run on demand ({@code -p client=httptriage_observed}). */
  HTTPTRIAGE_OBSERVED;

  /** The JMH parameter value, e.g. {@code "methanol_retry"}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static JdkContender of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /**
   * A new client.
   *
   * @param equivalent true for the benchmarks (retry layers set up like httptriage's defaults),
   *     false for the storm (each layer's own defaults, see {@link OkHttpContender.Policies})
   */
  HttpClient create(boolean equivalent) {
    switch (this) {
      case METHANOL:
        return Methanol.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      case METHANOL_RETRY:
        return Methanol.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .interceptor(equivalent ? Peers.methanolEquivalent() : Peers.methanolDefaults())
            .build();
      case HTTPTRIAGE:
        return TriageHttpClient.wrap(
            bare(), equivalent ? TriageConfig.ofDefaults() : OkHttpContender.stormTriageConfig());
      case HTTPTRIAGE_OBSERVED:
        return TriageHttpClient.wrap(bare(), OkHttpContender.observedTriageConfig());
      default:
        return bare();
    }
  }

  private static HttpClient bare() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }
}
