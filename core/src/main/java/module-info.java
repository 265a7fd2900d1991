/**
 * httptriage core: the status registry, the policy table, the configuration both adapters take, and
 * the listener that logs and counts. Core never imports an HTTP client.
 *
 * <p>Exported to everyone, the API a user configures and listens with, and nothing its signatures
 * do not need: {@code triage} ({@code TriageConfig}, {@code RedirectMode}), {@code policy} (the
 * table, its rules and their four decisions), {@code retry} (limits and timing), {@code observe}
 * (the listener, its events, the observation context and default convention) and {@code finding}.
 *
 * <p>Exported only to the two adapters ({@code io.httptriage.okhttp}, {@code io.httptriage.jdk}),
 * as Methanol does: the plumbing they implement or call, which is not API and may change in any
 * release. {@code engine} (the {@code Triage} runtime, the step, the gates, the {@code ClientCall}
 * an adapter implements), {@code follow} (the redirect follower, the audit and their settings),
 * {@code classify} (the verdict, the classifier, the resolved {@code StatusPolicy}), {@code
 * exchange} (the request and response views, hops), {@code listener} (the default listener and what
 * it reads beyond the events), {@code status} (the registry), {@code cache} (stale-if-error),
 * {@code cooldown}, {@code headers}, {@code lint} and {@code reference}. The CLI, the Spring Boot
 * starter and the examples run on the class path and may read them too.
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

  exports io.httptriage.finding;
  exports io.httptriage.observe;
  exports io.httptriage.policy;
  exports io.httptriage.retry;
  exports io.httptriage.triage;
  exports io.httptriage.engine to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.follow to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.cache to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.classify to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.exchange to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.listener to
      io.httptriage.okhttp,
      io.httptriage.jdk;
  exports io.httptriage.status to
      io.httptriage.okhttp,
      io.httptriage.jdk;
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
