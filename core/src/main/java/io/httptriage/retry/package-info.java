/**
 * The retry engine: resends a request whose response the policy table allows to be retried, after
 * the wait the server asked for (Retry-After, RateLimit) or a jittered backoff, within a deadline
 * and a retry budget shared by all calls of one client, and only when resending is safe (an
 * idempotent request, a replayable body). Built on resilience4j-retry; every decision is reported
 * as a {@link io.httptriage.retry.RetryEvent}.
 */
@NullMarked
package io.httptriage.retry;

import org.jspecify.annotations.NullMarked;
