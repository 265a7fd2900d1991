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

  OkHttpCall(Interceptor.Chain chain) {
    this.chain = chain;
  }

  /** Sends one attempt on the chain, its body guarded against OkHttp's own resending. */
  @Override
  public Response send(Request request) throws IOException {
    return chain.proceed(StatusResendGuard.guard(request));
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
    List<Request> recorded = NetworkHops.SHARED.take(chain.call());
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
