/**
 * httptriage for {@code java.net.http}: {@link io.httptriage.jdk.TriageHttpClient} decorates an
 * {@code HttpClient} with core's policy.
 *
 * <pre>{@code
 * module my.service {
 *   requires io.httptriage.jdk;
 * }
 * }</pre>
 */
module io.httptriage.jdk {
  requires transitive io.httptriage.core;
  requires transitive java.net.http;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.httptriage.jdk;
}
