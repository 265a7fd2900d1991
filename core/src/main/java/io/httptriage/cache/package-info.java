/**
 * Cache semantics a client-side cache needs and does not implement: the Cache-Control directives
 * (RFC 9111 §5.2), the age and freshness of a stored response (RFC 9111 §4.2), and whether it may
 * be served stale when the origin fails (stale-if-error, RFC 5861 §4). Exported to everyone: a
 * cache of the user's own can ask {@link io.httptriage.cache.StaleIfError} as the OkHttp adapter
 * does.
 */
@NullMarked
package io.httptriage.cache;

import org.jspecify.annotations.NullMarked;
