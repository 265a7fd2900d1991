package io.httptriage.observe;

import io.micrometer.observation.Observation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an observation convention ({@link DefaultTriageObservationConvention} or yours) reads to
 * name and tag one observation of httptriage: either a whole logical call ({@link #ofCall}, the
 * parent) or one request sent for it ({@link #ofAttempt}, a child: the first attempt, each retry,
 * and the first request of each redirect hop httptriage follows).
 *
 * <p>httptriage fills it as the call goes: the request's fields before the observation starts, the
 * response's before it stops. Findings of the redirect audit and the conformance lint are
 * {@linkplain Observation#event events} on the attempt that received the response of their hop, or
 * on the call when that attempt is over.
 *
 * <p>Mutable, and not thread-safe: one call touches it from one thread at a time, as Micrometer's
 * other contexts.
 *
 * <pre>{@code
 * ObservationConvention<TriageObservationContext> convention =
 *     new DefaultTriageObservationConvention() {
 *   @Override
 *   public KeyValues getLowCardinalityKeyValues(TriageObservationContext context) {
 *     return super.getLowCardinalityKeyValues(context).and("team", "payments");
 *   }
 * };
 * }</pre>
 */
public final class TriageObservationContext extends Observation.Context {
  /** The name of the observation of a call. */
  public static final String CALL_NAME = "httptriage.call";

  /** The name of the observation of one request sent for a call. */
  public static final String ATTEMPT_NAME = "httptriage.attempt";

  private final boolean call;
  private final String client;
  private final String method;
  private final Optional<String> target;
  private int hop;
  private int attempt;
  private int resendCount;
  private int status;
  private @Nullable String verdict;
  private @Nullable String gate;
  private @Nullable String failure;

  /**
   * The context of a call's observation.
   *
   * @param client the client's name
   * @param method the request method
   * @param target the redacted URL of the caller's request
   * @return a context named {@value #CALL_NAME}
   */
  public static TriageObservationContext ofCall(
      String client, String method, Optional<String> target) {
    return new TriageObservationContext(true, client, method, target, 0, 1, 0);
  }

  /**
   * The context of one attempt's observation.
   *
   * @param client the client's name
   * @param method the request method
   * @param target the redacted URL of the request
   * @param hop the redirect hop, 0 for the caller's request
   * @param attempt the attempt within the hop, from 1
   * @param resendCount the requests of the call sent before this one, retries and redirects alike
   *     (OpenTelemetry's {@code http.request.resend_count})
   * @return a context named {@value #ATTEMPT_NAME}
   */
  public static TriageObservationContext ofAttempt(
      String client,
      String method,
      Optional<String> target,
      int hop,
      int attempt,
      int resendCount) {
    return new TriageObservationContext(false, client, method, target, hop, attempt, resendCount);
  }

  private TriageObservationContext(
      boolean call,
      String client,
      String method,
      Optional<String> target,
      int hop,
      int attempt,
      int resendCount) {
    this.call = call;
    this.client = client;
    this.method = method;
    this.target = target;
    this.hop = hop;
    this.attempt = attempt;
    this.resendCount = resendCount;
    setName(call ? CALL_NAME : ATTEMPT_NAME);
  }

  /** {@return true for a call's observation, false for an attempt's} */
  public boolean isCall() {
    return call;
  }

  /** {@return the client's name} */
  public String client() {
    return client;
  }

  /** {@return the request method} */
  public String method() {
    return method;
  }

  /** {@return the redacted URL of the request} */
  public Optional<String> target() {
    return target;
  }

  /** {@return the redirect hop of an attempt; for a call, the number of redirects followed} */
  public int hop() {
    return hop;
  }

  /** {@return the attempt within its hop, from 1; for a call, the requests sent} */
  public int attempt() {
    return attempt;
  }

  /** {@return the requests of the call sent before this one; for a call, all resends} */
  public int resendCount() {
    return resendCount;
  }

  /** {@return the status of the response; 0 until one arrived, or when none did} */
  public int status() {
    return status;
  }

  /**
   * {@return the verdict on the response, as the {@code verdict} tag of the meters: for a call, the
   * final one ({@code ACCEPT}, {@code FAIL}, {@code SERVED_STALE}); for an attempt also {@code
   * RETRY} or {@code FOLLOW}; empty until there is one}
   */
  public Optional<String> verdict() {
    return Optional.ofNullable(verdict);
  }

  /**
   * {@return the gate that refused a possible retry of this response, as the {@code refused_by} tag
   * of the meters; empty when none did}
   */
  public Optional<String> gate() {
    return Optional.ofNullable(gate);
  }

  /**
   * {@return the kind of the transport failure that ended this attempt, or the call; empty when a
   * response came}
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Records the kind of the transport failure that ended this attempt or call; called by httptriage
   * before the observation stops.
   *
   * @param kind the kind, as the {@code error} tag writes it ({@code not_sent}, {@code
   *     sent_no_response}, {@code never_retried}); null when the failure was not a transport one
   */
  public void failure(@Nullable String kind) {
    this.failure = kind;
  }

  /**
   * Records the response of an attempt; called by httptriage before the observation stops.
   *
   * @param statusCode the status
   * @param verdictKind the verdict on it, e.g. {@code RETRY}
   * @param refusedBy the gate that refused a possible retry, if one did, e.g. {@code BUDGET}
   */
  public void response(int statusCode, String verdictKind, Optional<String> refusedBy) {
    this.status = statusCode;
    this.verdict = verdictKind;
    this.gate = refusedBy.orElse(null);
  }

  /**
   * Records the end of a call; called by httptriage before the call's observation stops.
   *
   * @param statusCode the status of the final response
   * @param verdictKind the final verdict
   * @param refusedBy the gate that refused a possible retry of the final response, if one did
   * @param hopsFollowed the redirects followed
   * @param requests the requests sent, from 1
   */
  public void completed(
      int statusCode,
      String verdictKind,
      Optional<String> refusedBy,
      int hopsFollowed,
      int requests) {
    response(statusCode, verdictKind, refusedBy);
    this.hop = hopsFollowed;
    this.attempt = requests;
    this.resendCount = Math.max(0, requests - 1);
  }
}
