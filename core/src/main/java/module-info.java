/**
 * httptriage core: the status registry, the policy table, the configuration both adapters take, and
 * the listener that logs and counts. Core never imports an HTTP client.
 *
 * <p>Exported to everyone: the packages whose types a user configures and listens with, and, for
 * now, the packages those types' signatures name (among them {@code io.httptriage.cache}, whose
 * {@code StaleIfError} a user's own cache can ask as the OkHttp adapter does); some of them also
 * hold the engine's plumbing the adapters implement or call ({@code ClientCall}, {@code Triage},
 * the request and response views). Exported only to the two adapters ({@code io.httptriage.okhttp},
 * {@code io.httptriage.jdk}): the header parsers, the lint, the cool-downs and the reference texts,
 * which are not API and may change in any release.
 *
 * <pre>{@code
 * module my.service {
 *   requires io.httptriage.okhttp; // or io.httptriage.jdk; both read io.httptriage.core
 * }
 * }</pre>
 */
module io.httptriage.core {
  requires transitive io.github.resilience4j.retry;
  requires io.github.resilience4j.core;
  requires transitive micrometer.core;
  // the observation settings and the convention name Micrometer's Observation and KeyValues types
  requires transitive micrometer.observation;
  requires transitive micrometer.commons;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports io.httptriage.cache;
  exports io.httptriage.classify;
  exports io.httptriage.exchange;
  exports io.httptriage.finding;
  exports io.httptriage.observe;
  exports io.httptriage.policy;
  exports io.httptriage.redirect;
  exports io.httptriage.retry;
  exports io.httptriage.status;
  exports io.httptriage.triage;
  exports io.httptriage.cooldown to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.headers to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.lint to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.reference to
      io.httptriage.okhttp,
      io.httptriage.jdk;
}
