package io.httptriage.observe;

import io.httptriage.finding.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened to a call, with everything known about it, as a {@link TriageListener}
 * receives it: a retry decided ({@link AttemptDecided}), a finding of the redirect audit or the
 * conformance lint ({@link FindingReported}), the call answered ({@link ExchangeCompleted}). The
 * log lines, meters and observations of the default listener are written from these events and
 * nothing else.
 *
 * <p>Every URL is redacted (userinfo removed, query values replaced by {@code *}, see {@link
 * Finding#redactUrl(String)}) and no header value is carried, so events can go to logs and metrics
 * as they are.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * TriageListener listener = new TriageListener() {
 *   @Override
 *   public void attemptDecided(TriageEvent.AttemptDecided e) {
 *     e.gate().ifPresent(gate -> log.warn("{} {} not retried: {}", e.method(), e.target(), gate));
 *   }
 * };
 * }</pre>
 */
public sealed interface TriageEvent
    permits TriageEvent.AttemptDecided, TriageEvent.FindingReported, TriageEvent.ExchangeCompleted {

  /** {@return the client's name: the {@code client} tag and field} */
  String client();

  /** {@return the method of the request concerned} */
  String method();

  /** {@return the redacted URL of the request concerned; empty when it could not be read} */
  Optional<String> target();

  /**
   * httptriage decided whether to send a request again after one of its responses (or after a
   * transport failure or a cancellation): the retry is made after {@link #waitTime()}, or it is
   * not, and {@link #gate()} names what refused.
   *
   * <p>These are the decisions that resilience4j's {@code Retry} carries out: its event publisher
   * reports the same retries ({@code onRetry} for each {@link Outcome#RETRY_SCHEDULED}, {@code
   * onSuccess} for {@link Outcome#ANSWERED_AFTER_RETRY}, {@code onError} for {@link
   * Outcome#GAVE_UP_ATTEMPTS}), without the target, the wait's source or the other gates.
   *
   * @param client the client's name
   * @param method the request method
   * @param target the redacted URL of the request
   * @param hop the redirect hop the request belongs to, 0 for the caller's request (the scheme of
   *     {@link Finding}'s "Hop numbers")
   * @param attempt the number of the attempt that got the response decided about, from 1
   * @param maxAttempts the attempts a hop may make ({@code RetrySettings.maxAttempts})
   * @param status the status decided about; 0 when no response was involved
   * @param outcome what was decided
   * @param waitTime for a retry, the wait before it; for a refusal because of a wait, the wait that
   *     would have applied; empty otherwise
   * @param waitSource where {@code waitTime} came from, present exactly when it is: {@code
   *     RETRY_AFTER} (the Retry-After field, RFC 9110 §10.2.3), {@code RATE_LIMIT} (the reset of an
   *     exhausted quota in the RateLimit fields) or {@code BACKOFF} (exponential backoff with full
   *     jitter, when the server gave no wait): the {@code source} tag of {@code
   *     httptriage.retry.waits}
   * @param gate the gate that refused a possible retry, as the {@code refused_by} tag of the meters
   *     and the {@code gate} field of the log line: {@code BODY_NOT_REPLAYABLE}, {@code ATTEMPTS},
   *     {@code WAIT_CAP}, {@code DEADLINE}, {@code BUDGET}, ...; empty when the retry is made or no
   *     gate was involved
   * @param errorType the class name of the transport failure decided about (status 0); empty when a
   *     response was
   * @param elapsed the time since the call started
   * @param ignoredHeaders names of fields ignored as malformed, e.g. {@code Retry-After}
   * @param failure the kind of the transport failure decided about, as the {@code error} tag of
   *     {@code httptriage.retries} writes it ({@code not_sent}, {@code sent_no_response}, {@code
   *     never_retried}); empty when a response was
   */
  record AttemptDecided(
      String client,
      String method,
      Optional<String> target,
      int hop,
      int attempt,
      int maxAttempts,
      int status,
      Outcome outcome,
      Optional<Duration> waitTime,
      Optional<String> waitSource,
      Optional<String> gate,
      Optional<String> errorType,
      Duration elapsed,
      List<String> ignoredHeaders,
      Optional<String> failure)
      implements TriageEvent {

    /** What was decided. */
    public enum Outcome {
      /**
       * The request is sent again after {@link AttemptDecided#waitTime()}; the response was
       * discarded.
       */
      RETRY_SCHEDULED,
      /** A retry got a response that needs no further retry; it goes back to the caller. */
      ANSWERED_AFTER_RETRY,
      /** The last allowed attempt also failed; its response goes back to the caller. */
      GAVE_UP_ATTEMPTS,
      /** The wait would end at or past the deadline; the response goes back at once. */
      GAVE_UP_DEADLINE,
      /**
       * The server asked (Retry-After, or a RateLimit reset) for a longer wait than the configured
       * cap; the response goes back at once instead of sleeping.
       */
      GAVE_UP_RETRY_AFTER_TOO_LONG,
      /** The client's retry budget is spent; the response goes back, the refusal is counted. */
      GAVE_UP_BUDGET,
      /**
       * The origin cools down (another call of the client was told to stay away) for longer than
       * this call can wait; the response, or an answer made without sending, goes back at once.
       */
      GAVE_UP_COOL_DOWN,
      /**
       * The status, or a transport failure that got no response (RFC 9110 §9.2.2), allows a retry
       * of idempotent requests only, and this one is not: a POST or PATCH without an {@code
       * Idempotency-Key}, and no explicit opt-in.
       */
      NOT_IDEMPOTENT,
      /** The request body cannot be sent a second time (one-shot or a consumed stream). */
      BODY_NOT_REPLAYABLE,
      /**
       * The policy table does not allow retrying this response for this request, e.g. a 413 without
       * Retry-After (RFC 9110 §15.5.14) or an override rule; or the transport failure is never
       * retried (a TLS handshake or certificate failure).
       */
      NOT_RETRYABLE,
      /**
       * A retry attempt failed with an exception that is not retried (a TLS failure, a
       * cancellation, or not a transport failure at all): it reaches the caller, unwrapped.
       */
      RETRY_FAILED_IO,
      /**
       * The caller cancelled the asynchronous call, or interrupted the synchronous one while it
       * waited: no further attempt is made.
       */
      CANCELLED
    }

    /**
     * Checks the fields and freezes the list.
     *
     * @param client the client's name
     * @param method the request method
     * @param target the redacted URL of the request
     * @param hop the redirect hop the request belongs to, 0 for the caller's request (the scheme of
     *     {@link Finding}'s "Hop numbers")
     * @param attempt the number of the attempt that got the response decided about, from 1
     * @param maxAttempts the attempts a hop may make ({@code RetrySettings.maxAttempts})
     * @param status the status decided about; 0 when no response was involved
     * @param outcome what was decided
     * @param waitTime for a retry, the wait before it; for a refusal because of a wait, the wait
     *     that would have applied; empty otherwise
     * @param waitSource where {@code waitTime} came from: {@code RETRY_AFTER}, {@code RATE_LIMIT}
     *     or {@code BACKOFF}; present exactly when it is
     * @param gate the gate that refused a possible retry, as the meters' {@code refused_by} tag;
     *     empty when the retry is made or no gate was involved
     * @param errorType the class name of the transport failure decided about (status 0); empty when
     *     a response was
     * @param elapsed the time since the call started
     * @param ignoredHeaders names of fields ignored as malformed, e.g. {@code Retry-After}
     * @param failure the kind of the transport failure decided about; empty when a response was
     */
    public AttemptDecided {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(waitTime, "waitTime");
      Objects.requireNonNull(waitSource, "waitSource");
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(failure, "failure");
      ignoredHeaders = List.copyOf(ignoredHeaders);
    }

    /** {@return true when the request is sent again} */
    public boolean retries() {
      return outcome == Outcome.RETRY_SCHEDULED;
    }
  }

  /**
   * The redirect audit or the conformance lint found something about one hop of a call. Findings of
   * the same kind, hop and explanation in one call are reported once.
   *
   * @param client the client's name
   * @param method the method of the caller's request
   * @param target the redacted URL of the caller's request
   * @param finalStatus the status of the response the caller received
   * @param finding what was found; {@link Finding#hopIndex()} names the hop, counted from 0 for the
   *     caller's request and never {@link Finding#FINAL}: the final response is the last hop
   */
  record FindingReported(
      String client, String method, Optional<String> target, int finalStatus, Finding finding)
      implements TriageEvent {

    /**
     * Checks the fields.
     *
     * @param client the client's name
     * @param method the method of the caller's request
     * @param target the redacted URL of the caller's request
     * @param finalStatus the status of the response the caller received
     * @param finding what was found; {@link Finding#hopIndex()} names the hop, counted from 0 for
     *     the caller's request and never {@link Finding#FINAL}: the final response is the last hop
     */
    public FindingReported {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(finding, "finding");
    }
  }

  /**
   * A call is over: the caller receives a response with this status, or, when the call ended in a
   * transport failure ({@code failure} present, status 0, the exchange's final hop without a
   * response), the client's exception — or the stored response served instead ({@code
   * SERVED_STALE}). Sent after the call's {@link FindingReported} events.
   *
   * @param client the client's name
   * @param method the method of the caller's request
   * @param target the redacted URL of the caller's request
   * @param status the status of the final response
   * @param verdict the verdict on the final response as the caller receives it, as the {@code
   *     verdict} tag of the meters: {@code ACCEPT}, {@code FAIL} or {@code SERVED_STALE}, never
   *     RETRY or FOLLOW; a response that could have been retried or followed and was not is a FAIL
   *     naming the gate that refused, when one did
   * @param refusedBy the gate that refused a possible retry or follow of the final response, as the
   *     {@code refused_by} tag of the meters; empty when none did
   * @param attempts the requests sent for the call, every hop and retry included
   * @param hops the redirects followed before the final response, by httptriage or the client
   * @param duration the time from the first request to the final response
   * @param findings every finding of the call, as also reported one by one
   * @param failure the kind of the transport failure that ended the call, as the {@code error} tag
   *     writes it ({@code not_sent}, {@code sent_no_response}, {@code never_retried}); empty when a
   *     response came
   */
  record ExchangeCompleted(
      String client,
      String method,
      Optional<String> target,
      int status,
      String verdict,
      Optional<String> refusedBy,
      int attempts,
      int hops,
      Duration duration,
      List<Finding> findings,
      Optional<String> failure)
      implements TriageEvent {

    /**
     * Checks the fields and freezes the list.
     *
     * @param client the client's name
     * @param method the method of the caller's request
     * @param target the redacted URL of the caller's request
     * @param status the status of the final response
     * @param verdict the verdict on the final response: {@code ACCEPT}, {@code FAIL} or {@code
     *     SERVED_STALE}
     * @param refusedBy the gate that refused a possible retry or follow of the final response
     * @param attempts the requests sent for the call, every hop and retry included
     * @param hops the redirects followed before the final response, by httptriage or the client
     * @param duration the time from the first request to the final response
     * @param findings every finding of the call, as also reported one by one
     * @param failure the kind of the transport failure that ended the call; empty when a response
     *     came
     */
    public ExchangeCompleted {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(refusedBy, "refusedBy");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(failure, "failure");
      findings = List.copyOf(findings);
    }
  }
}
