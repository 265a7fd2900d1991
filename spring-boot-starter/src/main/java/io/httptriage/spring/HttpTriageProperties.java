package io.httptriage.spring;

import io.httptriage.triage.RedirectMode;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code httptriage.*} properties from which the starter builds its {@link
 * io.httptriage.triage.TriageConfig}. A property left unset keeps the builder's default; a value
 * the builder refuses fails the application context with the builder's own {@link
 * IllegalArgumentException}, so the rules and messages are core's, not repeated here.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * httptriage.retry.max-attempts=4
 * httptriage.retry.max-retry-after=20s
 * httptriage.retry-on=429,503
 * httptriage.redirect-mode=policy
 * }</pre>
 *
 * @param enabled false turns the whole starter off; default true
 * @param clientName the {@code client} tag of the meters and field of the log lines; default {@code
 *     jdk}
 * @param redirectMode who follows redirects: {@code client} (default: the JDK client, as {@code
 *     spring.http.clients.redirects} says, audited) or {@code policy} (httptriage)
 * @param retryOn the status codes retried, replacing the policy table's retryable codes ({@code
 *     PolicyTable.Builder.retryOn}); default the table's own (RFC) choice
 * @param staleIfError whether a stored response the origin allowed to be served stale answers an
 *     error once the retries are spent; default true
 * @param coolDown whether a 429 or 503 with Retry-After, or a spent rate-limit quota, holds back
 *     every call of a client to that origin until the time it named; default true
 * @param idempotencyKeys whether a POST or PATCH without an {@code Idempotency-Key} gets one minted
 *     for the call, which makes it retryable; default false
 * @param retry the limits and timing of retries
 * @param redirects the limits of redirects httptriage follows in {@code policy} mode
 */
@ConfigurationProperties("httptriage")
public record HttpTriageProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable String clientName,
    @Nullable RedirectMode redirectMode,
    @Nullable List<Integer> retryOn,
    @Nullable Boolean staleIfError,
    @Nullable Boolean coolDown,
    @Nullable Boolean idempotencyKeys,
    @DefaultValue Retry retry,
    @DefaultValue Redirects redirects) {

  /**
   * {@code httptriage.retry.*}: the limits and timing of retries ({@code RetrySettings}).
   *
   * @param maxAttempts attempts in all per hop, the first included; default 3
   * @param maxRetryAfter the longest wait honoured (Retry-After, RateLimit, backoff); default 30s
   * @param deadline no wait is scheduled that would end past this time from the call's start;
   *     default 60s
   * @param backoff the backoff when the server names no wait
   * @param budget the retry budget of each client
   */
  public record Retry(
      @Nullable Integer maxAttempts,
      @Nullable Duration maxRetryAfter,
      @Nullable Duration deadline,
      @DefaultValue Backoff backoff,
      @DefaultValue Budget budget) {}

  /**
   * {@code httptriage.retry.backoff.*}: exponential backoff with full jitter.
   *
   * @param base the first ceiling; default 200ms
   * @param max the largest ceiling; default 10s
   */
  public record Backoff(@Nullable Duration base, @Nullable Duration max) {}

  /**
   * {@code httptriage.retry.budget.*}: how much retrying a client may do in total.
   *
   * @param ratio retries allowed per healthy first answer over the window; default 0.5
   * @param minRetriesPerSecond the floor that lets a quiet client retry; default 1
   * @param window the window the budget counts over; default 10s
   */
  public record Budget(
      @Nullable Double ratio, @Nullable Integer minRetriesPerSecond, @Nullable Duration window) {}

  /**
   * {@code httptriage.redirects.*}: the limits of redirects httptriage follows ({@code
   * TriageConfig.Builder.maxHops} and {@code allowHttpsDowngrade}, used in {@code policy} mode).
   *
   * @param maxHops the longest chain followed; default 20
   * @param allowHttpsDowngrade whether an https→http hop is followed; default false
   */
  public record Redirects(@Nullable Integer maxHops, @Nullable Boolean allowHttpsDowngrade) {}
}
