package io.httptriage.triage;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.redirect.FollowDecision;

/**
 * What an adapter provides so that {@link Triage} can run an exchange on its client: translations
 * between the client's request type {@code Q} / response type {@code R} and core's views, and the
 * few actions core asks for. Every decision is core's; an implementation only translates.
 *
 * <p>Implementations are called from the thread that runs the exchange and must be thread-safe if
 * shared between exchanges.
 *
 * <pre>{@code
 * final class OkHttpCall implements ClientCall<Request, Response> {
 *   public RequestView requestView(Request r) { return new OkHttpRequestView(r); }
 *   public ResponseView responseView(Response r) { return new OkHttpResponseView(r); }
 *   ...
 * }
 * }</pre>
 *
 * @param <Q> the client's request type
 * @param <R> the client's response type
 */
public interface ClientCall<Q, R> {

  /**
   * {@return the request as core sees it}
   *
   * @param request the client's request
   */
  RequestView requestView(Q request);

  /**
   * {@return the response as core sees it}
   *
   * @param response the client's response
   */
  ResponseView responseView(R response);

  /**
   * {@return the status of a response, without building a view: core asks this first on every call, so
   * adapters should answer it directly}
   *
   * @param response the client's response
   */
  default int status(R response) {
    return responseView(response).status();
  }

  /**
   * {@return the exchange as the client reports it, when the client followed redirects itself ({@link
   * RedirectMode#CLIENT}): the earlier hops from OkHttp's {@code priorResponse()} or the JDK's
   * {@code previousResponse()} chain, and whether the client was set to follow}
   *
   * @param request the request the caller made
   * @param response the final response the client returned
   */
  Exchange reportedExchange(Q request, R response);

  /**
   * {@return the follow-up request for a redirect core decided to follow ({@link RedirectMode#POLICY}): the
   * plan's method and URI, the original body only when {@link FollowDecision.Follow#keepsBody()},
   * and without the header fields the plan removes}
   *
   * @param request the request that was redirected
   * @param plan the method, target and headers core decided on
   */
  Q followUp(Q request, FollowDecision.Follow plan);

  /**
   * {@return true when the client followed at least one redirect to produce this response (OkHttp's {@code
   * priorResponse() != null}, the JDK's {@code previousResponse().isPresent()})} Lets core skip the
   * audit on the common single-hop exchange.
   *
   * @param response the client's response
   */
  boolean isRedirected(R response);

  /**
   * {@return true once the caller cancelled this call: a pending retry wait ends and no further attempt or
   * follow-up starts} The default never cancels.
   */
  default boolean isCancelled() {
    return false;
  }

  /**
   * How many times the client sent the request again by itself, below httptriage, to produce this
   * response (OkHttp resends on a 408 or a 503 with {@code Retry-After: 0} when its network
   * interceptor is not installed). Each counts as an attempt of the hop and is charged to the retry
   * budget. The default is 0: the adapter prevents such resends.
   *
   * @param response the client's response
   * @return the number of resends the client made by itself
   */
  default int resentByClient(R response) {
    return 0;
  }

  /**
   * Releases a response that will not reach the caller (closes its body, frees its connection).
   *
   * @param response the response to release
   */
  void discard(R response);
}
