/**
 * httptriage for OkHttp: {@link io.httptriage.okhttp.TriageInterceptor} installs core's policy into
 * an {@code OkHttpClient}. Works with OkHttp 5 ({@code okhttp-jvm}) and 4.12; both jars are named
 * {@code okhttp3} in the module system.
 *
 * <pre>{@code
 * module my.service {
 *   requires io.httptriage.okhttp;
 * }
 * }</pre>
 */
module io.httptriage.okhttp {
  requires transitive io.httptriage.core;
  requires transitive okhttp3;
  requires static org.jspecify;

  exports io.httptriage.okhttp;
}
