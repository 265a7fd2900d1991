package io.httptriage.benchmarks;

import io.httptriage.triage.TriageConfig;
import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpClient;

/**
 * PLACEHOLDER UNTIL THE JDK ADAPTER IS MERGED — builds httptriage's contender for the JDK client:
 * {@code io.httptriage.jdk.TriageHttpClient} wrapping a bare HTTP/1.1 client. Used by {@link
 * JdkHttpClientBenchmark} ({@code client=httptriage}) and by the storm.
 *
 * <p>This branch was written before {@code TriageHttpClient} existed, so {@link #wrap} finds it
 * reflectively, once per client; every call then goes straight through the returned client, so
 * the figures are unaffected. While the class is absent from the jar, {@code run.sh} leaves {@code
 * client=httptriage} out and the storm leaves the contender out. After the merge, {@link #wrap}'s
 * body can become {@code return TriageHttpClient.wrap(bare, config);} (with its import) and {@link
 * #present()} can return {@code true}; nothing else needs to change.
 */
final class JdkTriageContender {
  static final String ADAPTER = "io.httptriage.jdk.TriageHttpClient";

  private JdkTriageContender() {}

  /** True when the JDK adapter's decorating client is on the class path. */
  static boolean present() {
    try {
      Class.forName(ADAPTER, false, JdkTriageContender.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** {@code TriageHttpClient.wrap(bare, config)}. */
  static HttpClient wrap(HttpClient bare, TriageConfig config) {
    try {
      return (HttpClient) Class.forName(ADAPTER)
          .getMethod("wrap", HttpClient.class, TriageConfig.class)
          .invoke(null, bare, config);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(ADAPTER + " is not on the class path: merge the JDK adapter", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(ADAPTER + ".wrap failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(ADAPTER + ".wrap(HttpClient, TriageConfig) not found", e);
    }
  }
}
