package io.httptriage.follow;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link RedirectFollower} decided for one response: {@link Follow} with the plan of the next
 * request, or {@link Stop} with the reason the response is the final one.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * FollowDecision d = follower.decide(request, response, hops);
 * if (d instanceof FollowDecision.Follow f) {
 *   Request.Builder next = request.newBuilder().url(f.uri().toString())
 *       .method(f.method(), f.keepsBody() ? request.body() : null);
 *   f.headersToRemove().forEach(next::removeHeader);
 * } else {
 *   FollowDecision.Stop s = (FollowDecision.Stop) d;
 *   log.debug("not following: {} ({})", s.explanation(), s.spec());
 * }
 * }</pre>
 */
public sealed interface FollowDecision permits FollowDecision.Follow, FollowDecision.Stop {

  /** {@return true for {@link Follow}} */
  default boolean isFollow() {
    return this instanceof Follow;
  }

  /**
   * Send this request next.
   *
   * @param status the status of the redirect being followed
   * @param method the method of the next request (RFC 9110 §15.4, step 4)
   * @param uri the absolute target, the resolved Location (RFC 9110 §10.2.2)
   * @param keepsBody whether the next request carries the previous request's body
   * @param headersToRemove the header fields of the previous request to leave out: content-specific
   *     fields once the body is dropped (RFC 9110 §15.4, step 5) and credentials once the origin
   *     changes (step 3); matched case-insensitively
   * @param retryAfter how long the redirect asked to wait before the next request (RFC 9110
   *     §10.2.3)
   */
  record Follow(
      int status,
      String method,
      URI uri,
      boolean keepsBody,
      Set<String> headersToRemove,
      Optional<Duration> retryAfter)
      implements FollowDecision {

    /**
     * Validates the fields and freezes the header names.
     *
     * @param status the status of the redirect being followed
     * @param method the method of the next request (RFC 9110 §15.4, step 4)
     * @param uri the absolute target, the resolved Location (RFC 9110 §10.2.2)
     * @param keepsBody whether the next request carries the previous request's body
     * @param headersToRemove the header fields of the previous request to leave out:
     *     content-specific fields once the body is dropped (RFC 9110 §15.4, step 5) and credentials
     *     once the origin changes (step 3); matched case-insensitively
     * @param retryAfter how long the redirect asked to wait before the next request (RFC 9110
     *     §10.2.3)
     */
    public Follow {
      if (method == null || method.isBlank()) {
        throw new IllegalArgumentException("method: must not be blank");
      }
      if (uri == null) {
        throw new IllegalArgumentException("uri: must not be null");
      }
      if (headersToRemove == null || retryAfter == null) {
        throw new IllegalArgumentException(
            (retryAfter == null ? "retryAfter" : "headersToRemove") + ": must not be null");
      }
      headersToRemove = freeze(headersToRemove);
    }

    private static Set<String> freeze(Collection<String> names) {
      SortedSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      set.addAll(names);
      return Collections.unmodifiableSortedSet(set);
    }
  }

  /**
   * Do not follow: the response is the final one.
   *
   * @param reason why the redirect is not followed
   * @param explanation one line for a log reader; URLs in it are redacted
   * @param spec the rule behind the stop
   */
  record Stop(StopReason reason, String explanation, String spec) implements FollowDecision {
    /**
     * Validates the fields.
     *
     * @param reason why the redirect is not followed
     * @param explanation one line for a log reader; URLs in it are redacted
     * @param spec the rule behind the stop
     */
    public Stop {
      if (reason == null) {
        throw new IllegalArgumentException("reason: must not be null");
      }
      if (explanation == null || spec == null) {
        throw new IllegalArgumentException(
            (spec == null ? "spec" : "explanation") + ": must not be null");
      }
    }
  }

  /** Why a response is not followed. */
  enum StopReason {
    /** The response is not a redirect the policy follows (a 2xx, 4xx, 304...). */
    NOT_A_REDIRECT,
    /** The redirect has no Location. */
    LOCATION_MISSING,
    /** The redirect's Location does not resolve to an http(s) URI. */
    LOCATION_INVALID,
    /** 305 Use Proxy is never followed (RFC 9110 §15.4.6). */
    USE_PROXY_REFUSED,
    /** The policy never follows this redirect (306, or a user rule). */
    REDIRECT_REFUSED,
    /** The redirect leads from https to http and the settings refuse that. */
    DOWNGRADE_REFUSED,
    /** The next request was already sent twice in this exchange. */
    LOOP,
    /** The exchange already followed as many redirects as the settings allow. */
    TOO_MANY_HOPS,
    /** The next request needs the body again, and it cannot be sent a second time. */
    BODY_NOT_REPLAYABLE
  }
}
