package io.httptriage.okhttp;

import io.httptriage.cache.StaleIfError;
import io.httptriage.engine.ClientCall;
import io.httptriage.engine.Triage;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.triage.CallOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp call a thread is running through httptriage, translated for core, and what
 * httptriage's two interceptors share about it: the requests OkHttp really sent on each hop of a
 * redirect chain it followed (with the headers its bridge adds, cookies among them, which {@code
 * priorResponse()} does not show), and the Retry-After values the network interceptor held back
 * from OkHttp's own follow-up step.
 *
 * <p>OkHttp runs a call's whole interceptor chain, application and network interceptors alike, on
 * one thread ({@code execute} on the caller's, {@code enqueue} on a dispatcher thread), so the call
 * in progress is found through {@link #CURRENT}. Each thread keeps one instance and reuses it for
 * its next call, so that the common call allocates nothing here; between calls it holds nothing
 * (see {@link #end()}), and nothing one client or call learns reaches another. The thread's call
 * also tells a second httptriage under the first that it is one too many.
 */
final class OkHttpCall implements ClientCall<Request, Response>, Triage.Send<Request, Response> {
  /** The call this thread runs through httptriage; idle (no chain) between calls. */
  static final ThreadLocal<OkHttpCall> CURRENT = new ThreadLocal<>();

  private static final byte[] EMPTY = new byte[0];

  /** The largest error body copied to look into the cache: 1 MiB (see {@link OkHttpStore}). */
  static final long MAX_COPIED_ERROR = 1024 * 1024;

  private Interceptor.@Nullable Chain chain;
  private boolean policyMode;

  /** True when OkHttp may resend after a connection failure below this call (4.12, by hand). */
  private boolean clientResends;

  /** Requests sent on the network, from the first one answered with a redirect; null before. */
  private @Nullable List<Request> hops;

  /** The Retry-After values of the last network response, when they were held back from OkHttp. */
  private @Nullable List<String> heldRetryAfter;

  /**
   * Starts running {@code chain} on this thread; {@code clientResends} when OkHttp's own resending
   * after a connection failure could not be switched off for it.
   */
  void begin(Interceptor.Chain chain, boolean policyMode, boolean clientResends) {
    this.chain = chain;
    this.policyMode = policyMode;
    this.clientResends = clientResends;
  }

  /** The call is over: forget everything about it. */
  void end() {
    chain = null;
    hops = null;
    heldRetryAfter = null;
  }

  boolean isIdle() {
    return chain == null;
  }

  /** True while this runs {@code call}. */
  boolean runs(Call call) {
    Interceptor.Chain c = chain;
    return c != null && c.call() == call;
  }

  /** The call this thread runs through httptriage when it is {@code call}; null otherwise. */
  static @Nullable OkHttpCall of(Call call) {
    OkHttpCall current = CURRENT.get();
    return current != null && current.runs(call) ? current : null;
  }

  /** The network interceptor sent {@code request}; it was answered with {@code status}. */
  void sent(Request request, int status) {
    if (hops != null) {
      hops.add(request);
    } else if (status >= 300 && status <= 399) {
      hops = new ArrayList<>(4);
      hops.add(request);
    }
  }

  void holdRetryAfter(List<String> values) {
    heldRetryAfter = values;
  }

  /** The values held back from the last response, and forgets them; null when none were. */
  private @Nullable List<String> takeRetryAfter() {
    List<String> values = heldRetryAfter;
    heldRetryAfter = null;
    return values;
  }

  /**
   * The requests recorded, oldest first, and forgets them; empty when none. When core retried a
   * chain, every attempt's hops are there: the last ones belong to the final response.
   */
  private List<Request> takeHops() {
    List<Request> taken = hops == null ? List.of() : List.copyOf(hops);
    hops = null;
    return taken;
  }

  private Interceptor.Chain chain() {
    Interceptor.Chain c = chain;
    if (c == null) {
      throw new IllegalStateException(
          "no OkHttp call is running through httptriage on this thread");
    }
    return c;
  }

  /**
   * Sends one attempt on the chain. The Retry-After values the network interceptor held back from
   * OkHttp are put back, so core reads what the server sent. Without that interceptor, OkHttp's own
   * failure to parse a Retry-After past 2^31 reaches here as a NumberFormatException; it is turned
   * into an IOException that says how to avoid it, so that it never escapes as a runtime exception.
   */
  @Override
  public Response send(Request request) throws IOException {
    Response response;
    takeRetryAfter(); // nothing held from an earlier attempt may reach this one
    try {
      response = chain().proceed(request);
    } catch (NumberFormatException e) {
      throw new IOException(
          "OkHttp could not parse the Retry-After of a 408 or 503 and gave up;"
              + " install httptriage with TriageInterceptor.install(builder, config), whose network"
              + " interceptor shields OkHttp from such values",
          e);
    }
    List<String> held = takeRetryAfter();
    if (held != null) {
      Response.Builder restored = response.newBuilder().removeHeader("Retry-After");
      for (String value : held) {
        restored.addHeader("Retry-After", value);
      }
      response = restored.build();
    }
    if (policyMode && followedByOkHttp(response)) {
      response.close();
      throw new IllegalStateException(TriageInterceptor.FOLLOWS_REDIRECTS);
    }
    return response;
  }

  /** True when OkHttp followed a redirect itself to produce this response. */
  private static boolean followedByOkHttp(Response response) {
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if (prior.code() >= 300 && prior.code() <= 399) {
        return true;
      }
    }
    return false;
  }

  /**
   * The requests OkHttp resent by itself below httptriage without the network interceptor: each
   * prior response with the status of OkHttp's own resends (408, 503) to the same request. With the
   * network interceptor there are none: OkHttp is never shown a status it resends on.
   */
  @Override
  public int resentByClient(Response response) {
    int n = 0;
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if ((prior.code() == 408 || prior.code() == 503)
          && prior.request().url().equals(response.request().url())) {
        n++;
      }
    }
    return n;
  }

  /** The request's typed tag: {@code request.newBuilder().tag(CallOptions.class, options)}. */
  @Override
  public CallOptions options(Request request) {
    CallOptions options = request.tag(CallOptions.class);
    return options == null ? CallOptions.none() : options;
  }

  /** A copy with the field set; tags, body and the rest carry over. */
  @Override
  public Request withHeader(Request request, String name, String value) {
    return request.newBuilder().header(name, value).build();
  }

  /**
   * The requests OkHttp resent by itself after a connection failure before giving up: its {@code
   * RetryAndFollowUpInterceptor} adds each failure it recovered from, and resent after, to the one
   * it throws, as a suppressed exception. Counted only where OkHttp's resending could not be
   * switched off (OkHttp 4.12 with the interceptor added by hand on a client built with {@code
   * retryOnConnectionFailure(true)}); elsewhere it is off and OkHttp resends nothing. A resend that
   * then succeeded leaves no trace on the response, and is not counted.
   */
  @Override
  public int resentByClient(Request request, Throwable failure) {
    if (!clientResends) {
      return 0;
    }
    int n = 0;
    for (Throwable recovered : failure.getSuppressed()) {
      if (recovered instanceof IOException) {
        n++;
      }
    }
    return n;
  }

  @Override
  public int status(Response response) {
    return response.code();
  }

  @Override
  public boolean hasHeader(Response response, String name) {
    return response.header(name) != null;
  }

  @Override
  public RequestView requestView(Request request) {
    return new OkHttpRequestView(request);
  }

  @Override
  public ResponseView responseView(Response response) {
    return new OkHttpResponseView(response);
  }

  @Override
  public boolean isRedirected(Response response) {
    return response.priorResponse() != null;
  }

  /**
   * The hops from {@code priorResponse()}, oldest first, with the header names OkHttp really sent
   * on each hop when the network interceptor recorded them. OkHttp never cuts a chain short (it
   * throws after 20 follow-ups), so a redirect handed back as final with no prior responses means
   * the client was not set to follow it.
   */
  @Override
  public Exchange reportedExchange(Request request, Response response) {
    List<Response> chainOfResponses = new ArrayList<>(4);
    for (Response r = response; r != null; r = r.priorResponse()) {
      chainOfResponses.add(0, r);
    }
    List<Request> recorded = takeHops();
    int hops = chainOfResponses.size();
    boolean useSent = recorded.size() >= hops;
    List<Request> sent =
        useSent ? recorded.subList(recorded.size() - hops, recorded.size()) : List.of();
    Exchange.Builder exchange = Exchange.builder();
    for (int i = 0; i < chainOfResponses.size(); i++) {
      Response r = chainOfResponses.get(i);
      Hop hop =
          Hop.of(
              new OkHttpRequestView(useSent ? sent.get(i) : r.request()),
              new OkHttpResponseView(r));
      if (i < chainOfResponses.size() - 1) {
        exchange.hop(hop);
      } else {
        exchange.finalHop(hop);
      }
    }
    boolean finalIsRedirect = response.code() >= 300 && response.code() <= 399;
    return exchange.followsRedirects(response.priorResponse() != null || !finalIsRedirect).build();
  }

  @Override
  public Request followUp(Request request, FollowDecision.Follow plan) {
    RequestBody body = plan.keepsBody() ? request.body() : null;
    if (body == null && requiresBody(plan.method())) {
      body = RequestBody.create(EMPTY, null);
    }
    Request.Builder next =
        request.newBuilder().url(HttpUrl.get(plan.uri().toString())).method(plan.method(), body);
    for (String name : plan.headersToRemove()) {
      next.removeHeader(name);
    }
    return next.build();
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST")
        || method.equals("PUT")
        || method.equals("PATCH")
        || method.equals("PROPPATCH")
        || method.equals("REPORT");
  }

  @Override
  public boolean isCancelled() {
    return chain().call().isCanceled();
  }

  /** OkHttp's cache, asked without the network ({@link OkHttpStore#lookUp}). */
  @Override
  public CacheLookup<Response> lookUpStored(Request request, @Nullable Response answer) {
    return OkHttpStore.lookUp(chain(), request, answer);
  }

  /** The caller's own request, tagged {@link ServedStale}, on the stored response. */
  @Override
  public Response servedStale(
      Request request, Response stored, int originStatus, StaleIfError decision) {
    return OkHttpStore.servedStale(request, stored, originStatus, decision);
  }

  /**
   * A 429 made without the network for a call core held back, its origin cooling down, the way
   * OkHttp itself answers an {@code only-if-cached} request it cannot serve (a 504 with neither a
   * network nor a cache response): the caller's request, {@code Retry-After} in whole seconds
   * rounded up, {@link TriageInterceptor#COOL_DOWN_HEADER} with the milliseconds left, an empty
   * body, and no {@code networkResponse()}.
   */
  @Override
  public Response heldBack(Request request, Duration retryAfter) {
    long now = System.currentTimeMillis();
    Response.Builder answer =
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(429)
            .message("Too Many Requests")
            .body(ResponseBody.create(EMPTY, null))
            .sentRequestAtMillis(now)
            .receivedResponseAtMillis(now);
    io.httptriage.exchange.Headers fields = ClientCall.coolDownFields(retryAfter);
    for (String name : fields.names()) {
      for (String value : fields.all(name)) {
        answer.addHeader(name, value);
      }
    }
    return answer.build();
  }

  @Override
  public void discard(Response response) {
    response.close();
  }
}
