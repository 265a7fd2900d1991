package io.httptriage.classify;

import io.httptriage.status.StatusCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do with one response: accept it, send the request again, follow a redirect, or hand it
 * back as a failure — with the status entry, the policy applied and the reasons.
 *
 * <p>A {@link Kind#RETRY} verdict says only that the status and request allow a retry; whether one
 * is made is decided by the gates ({@link Gate}: replayable body, attempts left, wait cap,
 * deadline, budget). A {@link Kind#FOLLOW} verdict says where and how; whether the client follows
 * (origin changes, downgrade, hop limit) is the redirect follower's. The verdict reported for the
 * response the caller receives never reads RETRY or FOLLOW: see {@link #asFinal}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Verdict v = classifier.classify(request, response);
 * switch (v.kind()) {
 *   case RETRY -> waitThenResend(v.retryAfter().orElse(backoff));
 *   case FOLLOW -> send(v.followMethod().orElseThrow(), v.location().orElseThrow(), v.keepsBody());
 *   default -> deliver(response);
 * }
 * }</pre>
 */
public final class Verdict {

  /** The outcomes. */
  public enum Kind {
    /** The response answers the request: a 2xx, a 304, a 101. */
    ACCEPT,
    /** The request may be sent again, after {@link Verdict#retryAfter()} if given. */
    RETRY,
    /** The response may be followed to {@link Verdict#location()}. */
    FOLLOW,
    /** The response is an error (or a redirect that cannot be followed): hand it back. */
    FAIL,
    /**
     * The response was an error (500, 502, 503, 504) after the retries, and a stored response its
     * stale-if-error window allowed was served instead (RFC 5861 §4); see {@link #asServedStale}.
     */
    SERVED_STALE
  }

  /**
   * The checks that turn a {@link Kind#RETRY} into "send again now" or into a final answer, in the
   * order they are applied (the first that refuses is named). A {@link Kind#FOLLOW} with a
   * Retry-After passes the wait cap and the deadline too (RFC 9110 §10.2.3). The name of the gate
   * that refused is a bounded meter tag ({@code refused_by}), a field of the retry log line and of
   * the CLI's report.
   */
  public enum Gate {
    /** The request body cannot be sent a second time (one-shot, or a consumed stream). */
    BODY_NOT_REPLAYABLE,
    /** The attempts of this hop are spent ({@code RetrySettings.maxAttempts}). */
    ATTEMPTS,
    /** The server asked for a longer wait than {@code RetrySettings.maxRetryAfter}. */
    WAIT_CAP,
    /** The wait would end at or past the call's deadline ({@code RetrySettings.deadline}). */
    DEADLINE,
    /**
     * The origin cools down for longer than the call can wait: a 429 or 503 with Retry-After, or an
     * exhausted rate-limit quota, held back every call of the client to that origin ({@code
     * TriageConfig.coolDown}). Also names a call answered at once without sending.
     */
    COOL_DOWN,
    /** The client's retry budget is spent. */
    BUDGET
  }

  private final Kind kind;
  private final StatusCode status;
  private final StatusPolicy policy;
  private final Optional<Duration> retryAfter;
  private final Optional<URI> location;
  private final Optional<String> followMethod;
  private final boolean keepsBody;

  /** Built on first use for a retry verdict classified on the fast path; see {@link #reasons()}. */
  private List<Reason> reasons;

  private final Optional<Gate> refusedBy;

  /** For a verdict whose reasons are built on demand: what they are built from. */
  private final String retryMethod;

  private final String retryAfterProblem;
  private final boolean anyRequest;

  @SuppressWarnings("ParameterNumber")
  Verdict(
      Kind kind,
      StatusCode status,
      StatusPolicy policy,
      Optional<Duration> retryAfter,
      Optional<URI> location,
      Optional<String> followMethod,
      boolean keepsBody,
      List<Reason> reasons) {
    this(
        kind,
        status,
        policy,
        retryAfter,
        location,
        followMethod,
        keepsBody,
        List.copyOf(reasons),
        Optional.empty());
  }

  @SuppressWarnings("ParameterNumber")
  private Verdict(
      Kind kind,
      StatusCode status,
      StatusPolicy policy,
      Optional<Duration> retryAfter,
      Optional<URI> location,
      Optional<String> followMethod,
      boolean keepsBody,
      List<Reason> reasons,
      Optional<Gate> refusedBy) {
    this.refusedBy = refusedBy;
    this.retryMethod = null;
    this.retryAfterProblem = null;
    this.anyRequest = false;
    this.kind = Objects.requireNonNull(kind);
    this.status = Objects.requireNonNull(status);
    this.policy = Objects.requireNonNull(policy);
    this.retryAfter = retryAfter;
    this.location = location;
    this.followMethod = followMethod;
    this.keepsBody = keepsBody;
    this.reasons = reasons;
  }

  /**
   * A {@link Kind#RETRY} of a registered status whose reasons are written only when someone reads
   * them: the retry path classifies every retryable response, and the words are for people.
   *
   * @param method the request method, for the RETRYABLE reason; null for a status retried whatever
   *     the method
   * @param retryAfterProblem why a Retry-After was ignored; null when none was
   */
  Verdict(
      StatusCode status,
      StatusPolicy policy,
      Optional<Duration> retryAfter,
      String method,
      String retryAfterProblem) {
    this.kind = Kind.RETRY;
    this.status = status;
    this.policy = policy;
    this.retryAfter = retryAfter;
    this.location = Optional.empty();
    this.followMethod = Optional.empty();
    this.keepsBody = false;
    this.refusedBy = Optional.empty();
    this.retryMethod = method;
    this.retryAfterProblem = retryAfterProblem;
    this.anyRequest = method == null;
  }

  /** {@return the outcome} */
  public Kind kind() {
    return kind;
  }

  /** {@return the registry entry of the response status} */
  public StatusCode status() {
    return status;
  }

  /** {@return the policy that decided} */
  public StatusPolicy policy() {
    return policy;
  }

  /**
   * {@return the wait the response asked for through Retry-After: before a retry, or before
   * following a 3xx (RFC 9110 §10.2.3)} Empty when absent or ignored.
   */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** {@return for {@link Kind#FOLLOW}: the resolved Location} */
  public Optional<URI> location() {
    return location;
  }

  /** {@return for {@link Kind#FOLLOW}: the method of the follow-up request} */
  public Optional<String> followMethod() {
    return followMethod;
  }

  /** {@return for {@link Kind#FOLLOW}: whether the follow-up request carries the original body} */
  public boolean keepsBody() {
    return keepsBody;
  }

  /** {@return why, in order of importance} */
  public List<Reason> reasons() {
    List<Reason> r = reasons;
    if (r == null) {
      r = retryReasons();
      reasons = r; // racy but idempotent: every thread builds an equal immutable list
    }
    return r;
  }

  private List<Reason> retryReasons() {
    String basis = policy.basis().retry();
    Reason wait =
        retryAfter.isPresent()
            ? new Reason(
                Reason.Kind.RETRY_AFTER,
                "server asks to wait " + retryAfter.get(),
                "RFC 9110 §10.2.3")
            : retryAfterProblem != null
                ? new Reason(Reason.Kind.RETRY_AFTER_IGNORED, retryAfterProblem, "RFC 9110 §10.2.3")
                : null;
    Reason retryable =
        anyRequest
            ? new Reason(
                Reason.Kind.RETRYABLE,
                status + " may be retried whatever the method: the request was not processed",
                basis)
            : new Reason(
                Reason.Kind.RETRYABLE, status + " may be retried for " + retryMethod, basis);
    return wait == null ? List.of(retryable) : List.of(wait, retryable);
  }

  /**
   * The gate that refused to retry (or to follow after its Retry-After) this response, on the
   * verdict of a final response that the classification alone would have retried or followed.
   *
   * @return the refused by
   */
  public Optional<Gate> refusedBy() {
    return refusedBy;
  }

  /**
   * The verdict of this response as the answer the caller receives: a {@link Kind#RETRY} or {@link
   * Kind#FOLLOW} that was not acted on becomes {@link Kind#FAIL} with the reason why, so that what
   * is reported is what was done; other verdicts are returned as they are.
   *
   * @param gate the gate that refused, if one did
   * @param why the reason the response was not retried or followed
   * @return the verdict of what was done
   */
  public Verdict asFinal(Optional<Gate> gate, Reason why) {
    if (kind != Kind.RETRY && kind != Kind.FOLLOW) {
      return this;
    }
    return with(Kind.FAIL, why, Objects.requireNonNull(gate, "gate"));
  }

  /**
   * The verdict of an origin's error answered by a stored response instead: {@link
   * Kind#SERVED_STALE}, with the reasons so far (and the gate that refused a retry, if one did)
   * followed by {@code why}. The status stays the origin's, so meters count the error it was.
   *
   * @param why the stale-if-error decision, with the staleness and the window
   * @return the verdict of the stored response served
   */
  public Verdict asServedStale(Reason why) {
    return with(Kind.SERVED_STALE, why, refusedBy);
  }

  /**
   * The verdict of a call answered at once without being sent, because its origin cools down for
   * longer than the call can wait: {@link Kind#FAIL}, refused by {@link Gate#COOL_DOWN}, with the
   * reasons so far followed by {@code why}, whatever this verdict's kind.
   *
   * @param why how long the origin stays closed, and why
   * @return the verdict of the call held back
   */
  public Verdict asCoolDown(Reason why) {
    return with(Kind.FAIL, why, Optional.of(Gate.COOL_DOWN));
  }

  /** This verdict as {@code kind}, with {@code why} after its reasons and {@code gate}. */
  private Verdict with(Kind kind, Reason why, Optional<Gate> gate) {
    List<Reason> known = reasons();
    Reason[] all = known.toArray(new Reason[known.size() + 1]);
    all[known.size()] = Objects.requireNonNull(why, "why");
    return new Verdict(
        kind, status, policy, retryAfter, location, followMethod, keepsBody, List.of(all), gate);
  }

  /**
   * {@return true when a reason of this kind was given}
   *
   * @param k the kind of reason
   */
  public boolean hasReason(Reason.Kind k) {
    if (reasons == null) {
      return k == Reason.Kind.RETRYABLE
          || (k == Reason.Kind.RETRY_AFTER && retryAfter.isPresent())
          || (k == Reason.Kind.RETRY_AFTER_IGNORED && retryAfterProblem != null);
    }
    for (int i = 0; i < reasons.size(); i++) {
      if (reasons.get(i).kind() == k) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(kind).append(' ').append(status);
    retryAfter.ifPresent(d -> sb.append(" after ").append(d));
    followMethod.ifPresent(
        m -> sb.append(" -> ").append(m).append(' ').append(location.orElse(null)));
    refusedBy.ifPresent(g -> sb.append(" refused by ").append(g));
    sb.append(' ').append(reasons());
    return sb.toString();
  }
}
