package io.httptriage.okhttp;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.redirect.FollowDecision;
import io.httptriage.triage.ClientCall;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One OkHttp call, translated for core: one instance per intercepted chain. */
final class OkHttpCall implements ClientCall<Request, Response> {
  private static final byte[] EMPTY = new byte[0];

  private final Interceptor.Chain chain;

  OkHttpCall(Interceptor.Chain chain) {
    this.chain = chain;
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
   * The hops from {@code priorResponse()}, oldest first. OkHttp never cuts a chain short (it throws
   * after 20 follow-ups), so a redirect handed back as final with no prior responses means the
   * client was not set to follow it.
   */
  @Override
  public Exchange reportedExchange(Request request, Response response) {
    Exchange.Builder exchange = Exchange.builder().finalHop(hop(response));
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      exchange.earlierHop(hop(prior));
    }
    boolean finalIsRedirect = response.code() >= 300 && response.code() <= 399;
    return exchange.followsRedirects(response.priorResponse() != null || !finalIsRedirect).build();
  }

  private static Hop hop(Response response) {
    return Hop.of(new OkHttpRequestView(response.request()), new OkHttpResponseView(response));
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
