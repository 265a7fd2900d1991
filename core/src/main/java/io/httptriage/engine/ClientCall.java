package io.httptriage.engine;

import io.httptriage.cache.StaleIfError;
import io.httptriage.cache.StoredResponse;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.RedirectMode;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

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
   * {@return the status of a response, without building a view: core asks this first on every call,
   * so adapters should answer it directly}
   *
   * @param response the client's response
   */
  default int status(R response) {
    return responseView(response).status();
  }

  /**
   * {@return true when the response has the header field, without building a view: while origin
   * cool-downs are on, core asks this of every response for the rate-limit fields, so adapters
   * should answer it directly}
   *
   * @param response the client's response
   * @param name the field name, matched case-insensitively
   */
  default boolean hasHeader(R response, String name) {
    return responseView(response).header(name).isPresent();
  }

  /**
   * {@return the exchange as the client reports it, when the client followed redirects itself
   * ({@link RedirectMode#CLIENT}): the earlier hops from OkHttp's {@code priorResponse()} or the
   * JDK's {@code previousResponse()} chain, and whether the client was set to follow}
   *
   * @param request the request the caller made
   * @param response the final response the client returned
   */
  Exchange reportedExchange(Q request, R response);

  /**
   * {@return the follow-up request for a redirect core decided to follow ({@link
   * RedirectMode#POLICY}): the plan's method and URI, the original body only when {@link
   * FollowDecision.Follow#keepsBody()}, and without the header fields the plan removes}
   *
   * @param request the request that was redirected
   * @param plan the method, target and headers core decided on
   */
  Q followUp(Q request, FollowDecision.Follow plan);

  /**
   * {@return true when the client followed at least one redirect to produce this response (OkHttp's
   * {@code priorResponse() != null}, the JDK's {@code previousResponse().isPresent()})} Lets core
   * skip the audit on the common single-hop exchange.
   *
   * @param response the client's response
   */
  boolean isRedirected(R response);

  /**
   * {@return the options the caller gave this call (OkHttp: the request's {@code CallOptions} tag;
   * JDK: those of {@code TriageHttpClient.withOptions}); {@link CallOptions#none()} when none} Core
   * asks once, when the call starts. The default: none.
   *
   * @param request the caller's request
   */
  default CallOptions options(Q request) {
    return CallOptions.none();
  }

  /**
   * {@return a copy of {@code request} with one more header field} Core asks for it to add a minted
   * {@code Idempotency-Key} ({@link io.httptriage.triage.TriageConfig#idempotencyKeys()}) before
   * the first send. The default refuses, for adapters that cannot add a field: keys cannot be
   * minted on them.
   *
   * @param request the request
   * @param name the field name
   * @param value the field value
   * @throws UnsupportedOperationException when the adapter cannot add a field
   */
  default Q withHeader(Q request, String name, String value) {
    throw new UnsupportedOperationException(
        "this adapter cannot add header fields, so TriageConfig idempotencyKeys cannot be used");
  }

  /**
   * {@return true once the caller cancelled this call: a pending retry wait ends and no further
   * attempt or follow-up starts} The default never cancels.
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
   * How many times the client sent the request again by itself, below httptriage, before the send
   * failed with {@code failure} (OkHttp's {@code retryOnConnectionFailure}, the JDK client's resend
   * of a GET or HEAD whose connection closed before any response byte). Each counts as an attempt
   * of the hop and is charged to the retry budget, and the attempts gate keeps room for as many
   * again before it lets a retry through. The default is 0: the adapter switched such resends off.
   *
   * @param request the request whose send failed
   * @param failure what the client threw, unwrapped
   * @return the number of resends the client made by itself
   */
  default int resentByClient(Q request, Throwable failure) {
    return 0;
  }

  /**
   * Looks into the client's cache, without the network, for the response it stores for this request
   * (OkHttp: the same request with {@code FORCE_CACHE}), for stale-if-error (RFC 5861 §4). Core
   * asks only for a GET or a HEAD whose final answer, after the retries, is a 500, 502, 503 or 504,
   * and decides with {@link io.httptriage.cache.StaleIfError} whether to serve what was found; a
   * stored response it does not serve is passed to {@link #discard}.
   *
   * <p>A client that allows one open response per call (OkHttp) cannot read its cache while the
   * error is open: the adapter may hand back, as {@link CacheLookup#answer()}, a copy of the error
   * with its body in memory and release the original, or give up the look (a cache that cannot be
   * read, an error body too large to copy) by returning {@link CacheLookup#none}. The default: no
   * cache.
   *
   * @param request the request whose origin failed
   * @param answer the origin's error, which the caller gets unless a stored response is served;
   *     null after a transport failure
   * @return what was found, and the error as it must now be handed back
   */
  default CacheLookup<R> lookUpStored(Q request, @Nullable R answer) {
    return CacheLookup.none(answer);
  }

  /**
   * {@return the stored response as the caller receives it when core serves it stale, marked so
   * that the caller can tell (OkHttp: a {@code ServedStale} tag on its request)} The default
   * returns it unmarked.
   *
   * @param request the caller's request
   * @param stored the stored response, as {@link #lookUpStored} found it
   * @param originStatus the origin's final error status; 0 after a transport failure
   * @param decision core's decision, with age, staleness and window
   */
  default R servedStale(Q request, R stored, int originStatus, StaleIfError decision) {
    return stored;
  }

  /**
   * The field that marks an answer made without the network for a call held back ({@link
   * #heldBack}): the milliseconds its origin is expected to stay closed.
   */
  String COOL_DOWN_FIELD = "X-Httptriage-Cool-Down";

  /**
   * The fields of the answer to a call held back, as core reports it and an adapter that answers
   * with a response of its client's sets them: {@code Retry-After} in whole seconds rounded up, so
   * that no caller comes back early (RFC 9110 §10.2.3), and {@link #COOL_DOWN_FIELD} with the
   * milliseconds.
   *
   * @param retryAfter how long the origin is expected to stay closed
   * @return the two fields
   */
  static Headers coolDownFields(Duration retryAfter) {
    long millis = retryAfter.toMillis();
    return Headers.of(
        "Retry-After",
        Long.toString((millis + 999) / 1000),
        COOL_DOWN_FIELD,
        Long.toString(millis));
  }

  /**
   * The answer to a call that core held back without sending it: its origin asked every caller to
   * stay away (a 429 or 503 with Retry-After, a spent rate-limit quota) for longer than the call
   * can wait. Core has reported it (verdict FAIL, refused by {@code COOL_DOWN}); the adapter hands
   * its client's form of it to the caller, something the caller can tell from a server's answer:
   * OkHttp a 429 made without the network and marked so, the JDK an {@link IOException} of its own.
   * The default throws a plain IOException saying so.
   *
   * @param request the request that was not sent
   * @param retryAfter how long the origin is expected to stay closed
   * @return the client's answer
   * @throws IOException when the client's form of the answer is an exception
   */
  default R heldBack(Q request, Duration retryAfter) throws IOException {
    throw new IOException(
        "httptriage did not send this request: its origin asked to be left alone for another "
            + retryAfter.toMillis()
            + " ms, longer than the call can wait");
  }

  /**
   * What a look into the client's cache found.
   *
   * @param answer the origin's error as the caller gets it when nothing is served: the response
   *     passed in, or the adapter's copy of it; null after a transport failure
   * @param stored the stored response, body unread; null when none was found
   * @param view its status, header fields and times as stored; null exactly when {@code stored} is
   * @param <R> the client's response type
   */
  record CacheLookup<R>(@Nullable R answer, @Nullable R stored, @Nullable StoredResponse view) {
    /**
     * Validates the fields.
     *
     * @param answer the origin's error as the caller gets it when nothing is served; null after a
     *     transport failure
     * @param stored the stored response, or null
     * @param view what core reads of it, or null
     */
    public CacheLookup {
      if ((stored == null) != (view == null)) {
        throw new IllegalArgumentException("stored and view: both or neither");
      }
    }

    /**
     * {@return a look that found nothing}
     *
     * @param answer the origin's error as the caller gets it; null after a transport failure
     * @param <R> the client's response type
     */
    public static <R> CacheLookup<R> none(@Nullable R answer) {
      return new CacheLookup<>(answer, null, null);
    }
  }

  /**
   * Releases a response that will not reach the caller (closes its body, frees its connection).
   *
   * @param response the response to release
   */
  void discard(R response);
}
