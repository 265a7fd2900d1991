/**
 * The limits and timing of retries ({@link io.httptriage.retry.RetrySettings}: attempts, wait cap,
 * deadline, backoff, budget), how the synchronous path waits ({@link io.httptriage.retry.Sleeper});
 * each retry decision is reported to the listener as an {@link
 * io.httptriage.observe.TriageEvent.AttemptDecided}. Which responses are retried is the policy
 * table's decision alone; the triage runtime's step applies it, and resilience4j-retry carries each
 * retry out.
 */
@NullMarked
package io.httptriage.retry;

import org.jspecify.annotations.NullMarked;
