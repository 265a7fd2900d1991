package io.httptriage.okhttp;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.redirect.FollowDecision;
import io.httptriage.triage.ClientCall;
import io.httptriage.triage.Triage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One OkHttp call, translated for core: one instance per intercepted chain. */
final class OkHttpCall implements ClientCall<Request, Response>, Triage.Send<Request, Response> {
  private static final byte[] EMPTY = new byte[0];

  private final Interceptor.Chain chain;
  private final CallRecord record;
  private final boolean policyMode;

  OkHttpCall(Interceptor.Chain chain, CallRecord record, boolean policyMode) {
    this.chain = chain;
    this.record = record;
    this.policyMode = policyMode;
  }

  /**
   * Sends one attempt on the chain. The Retry-After values the network interceptor held back from
   * OkHttp are put back, so core reads what the server sent. Without that interceptor, OkHttp's own
   * failure to parse a Retry-After past 2^31 reaches here as a NumberFormatException; it is turned
   * into an IOException that says how to avoid it, so that it never escapes as a runtime
   * exception.
   */
  @Override
  public Response send(Request request) throws IOException {
    Response response;
    record.takeRetryAfter(); // nothing held from an earlier attempt may reach this one
    try {
      response = chain.proceed(request);
    } catch (NumberFormatException e) {
      throw new IOException("OkHttp could not parse the Retry-After of a 408 or 503 and gave up;"
          + " install httptriage with TriageInterceptor.install(builder, config), whose network"
          + " interceptor shields OkHttp from such values", e);
    }
    List<String> held = record.takeRetryAfter();
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
   * prior response with the status of OkHttp's own resends (408, 503) to the same request.
   */
  @Override
  public int resentByClient(Response response) {
    if (record.networkSeen) {
      return 0;
    }
    int n = 0;
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if ((prior.code() == 408 || prior.code() == 503)
          && prior.request().url().equals(response.request().url())) {
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
   * The hops from {@code priorResponse()}, oldest first, with the header names OkHttp really sent on
   * each hop when the network interceptor recorded them. OkHttp never cuts a chain short (it throws
   * after 20 follow-ups), so a redirect handed back as final with no prior responses means the
   * client was not set to follow it.
   */
  @Override
  public Exchange reportedExchange(Request request, Response response) {
    List<Response> chainOfResponses = new ArrayList<>(4);
    for (Response r = response; r != null; r = r.priorResponse()) {
      chainOfResponses.add(0, r);
    }
    List<Request> recorded = record.takeHops();
    int hops = chainOfResponses.size();
    boolean useSent = recorded.size() >= hops;
    List<Request> sent = useSent ? recorded.subList(recorded.size() - hops, recorded.size()) : List.of();
    Exchange.Builder exchange = Exchange.builder();
    for (int i = 0; i < chainOfResponses.size(); i++) {
      Response r = chainOfResponses.get(i);
      Hop hop = Hop.of(new OkHttpRequestView(useSent ? sent.get(i) : r.request()), new OkHttpResponseView(r));
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
    Request.Builder next = request.newBuilder()
        .url(HttpUrl.get(plan.uri().toString()))
        .method(plan.method(), body);
    for (String name : plan.headersToRemove()) {
      next.removeHeader(name);
    }
    return next.build();
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("PROPPATCH") || method.equals("REPORT");
  }

  @Override
  public boolean isCancelled() {
    return chain.call().isCanceled();
  }

  @Override
  public void discard(Response response) {
    response.close();
  }
}
