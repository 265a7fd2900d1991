package io.httptriage.benchmarks;

import com.github.mizosoft.methanol.RetryInterceptor;
import com.github.mizosoft.methanol.RetryInterceptor.BackoffStrategy;
import dev.failsafe.RetryPolicy;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.httptriage.classify.PolicyLookup;
import io.httptriage.policy.PolicyTable;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * The retry policies of the peers, written once for both clients ({@code R} is OkHttp's {@code
 * Response} or the JDK's {@code HttpResponse}).
 *
 * <p>Two flavours. <b>Equivalent</b> (the JMH benchmarks): what a user would write to get
 * httptriage's default behaviour from the peer — the same statuses ({@link
 * PolicyTable#ofDefaults()}), 3 attempts, exponential backoff from 200 ms to 10 s with jitter, I/O
 * errors not retried. <b>Defaults</b> (the storm): the peer's own defaults plus the one line every
 * user must add to make it look at statuses at all — resilience4j and Failsafe retry only on
 * exceptions out of the box; Methanol's interceptor retries nothing until given a condition.
 */
final class Peers {
  private static final int CODES = 600;
  private static final boolean[] RETRY_ON = retryOn();
  private static final Duration BASE = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(10);

  private Peers() {}

  /** True for the statuses httptriage retries by default; never throws. */
  static boolean retryable(int status) {
    return status >= 0 && status < CODES && RETRY_ON[status];
  }

  /** resilience4j configured like httptriage's defaults. */
  static <R> RetryConfig resilience4jEquivalent(ToIntFunction<R> status) {
    return RetryConfig.<R>custom()
        .maxAttempts(3)
        .retryOnResult(r -> retryable(status.applyAsInt(r)))
        .retryOnException(e -> false)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(BASE, 2.0, 0.5, MAX))
        .build();
  }

  /**
   * resilience4j's defaults (3 attempts, a fixed wait) told to retry httptriage's statuses, with
   * the wait given here: the default 500 ms would make the storm last minutes without changing the
   * count of requests.
   */
  static <R> RetryConfig resilience4jDefaults(ToIntFunction<R> status, Duration wait) {
    return RetryConfig.<R>custom()
        .retryOnResult(r -> retryable(status.applyAsInt(r)))
        .waitDuration(wait)
        .build();
  }

  /** Failsafe configured like httptriage's defaults. */
  static <R> RetryPolicy<R> failsafeEquivalent(ToIntFunction<R> status) {
    return RetryPolicy.<R>builder()
        .handleResultIf(r -> retryable(status.applyAsInt(r)))
        .withMaxAttempts(3)
        .withBackoff(BASE, MAX)
        .withJitter(0.5)
        .build();
  }

  /** Failsafe's defaults (3 attempts, no delay) told to retry httptriage's statuses. */
  static <R> RetryPolicy<R> failsafeDefaults(ToIntFunction<R> status) {
    return RetryPolicy.<R>builder().handleResultIf(r -> retryable(status.applyAsInt(r))).build();
  }

  /** Methanol's interceptor configured like httptriage's defaults (it honours Retry-After). */
  static RetryInterceptor methanolEquivalent() {
    return RetryInterceptor.newBuilder()
        .maxRetries(2)
        .onStatus(Peers::retryable)
        .backoff(BackoffStrategy.retryAfterOr(BackoffStrategy.exponential(BASE, MAX).withJitter()))
        .build();
  }

  /** Methanol's defaults (5 retries, no backoff) told to retry httptriage's statuses. */
  static RetryInterceptor methanolDefaults() {
    return RetryInterceptor.newBuilder().onStatus(Peers::retryable).build();
  }

  private static boolean[] retryOn() {
    boolean[] table = new boolean[CODES];
    for (int code = 0; code < CODES; code++) {
      table[code] = PolicyLookup.policyFor(PolicyTable.ofDefaults(), code).isRetryable();
    }
    return table;
  }
}
