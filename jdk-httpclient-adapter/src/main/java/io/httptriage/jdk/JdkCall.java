package io.httptriage.jdk;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.redirect.FollowDecision;
import io.httptriage.triage.ClientCall;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * One exchange on the JDK client, translated for core. Cancellation is not polled: a synchronous
 * send is cancelled by interrupting its thread (the retry wait and the JDK's {@code send} both
 * answer that), an asynchronous one by cancelling its future, which core watches itself.
 *
 * @param <T> the body type of the caller's BodyHandler
 */
final class JdkCall<T> implements ClientCall<HttpRequest, HttpResponse<T>> {
  private final boolean followsRedirects;

  /**
   * @param followsRedirects whether the delegate follows redirects itself
   */
  JdkCall(boolean followsRedirects) {
    this.followsRedirects = followsRedirects;
  }

  @Override
  public RequestView requestView(HttpRequest request) {
    return new JdkRequestView(request);
  }

  @Override
  public ResponseView responseView(HttpResponse<T> response) {
    return new JdkResponseView(response);
  }

  @Override
  public boolean isRedirected(HttpResponse<T> response) {
    return response.previousResponse().isPresent();
  }

  /**
   * The hops from {@code previousResponse()}, oldest first; each response's {@code request()} is
   * the request the client sent for that hop, after its own method rewrite and header filtering.
   * The JDK client stops after a few redirects (4 by default, {@code
   * jdk.httpclient.redirects.retrylimit}) and hands the next 3xx back as final; reporting that it
   * follows redirects lets core's audit call that a truncated chain.
   */
  @Override
  public Exchange reportedExchange(HttpRequest request, HttpResponse<T> response) {
    Exchange.Builder exchange = Exchange.builder().finalHop(hop(response));
    for (Optional<HttpResponse<T>> prior = response.previousResponse(); prior.isPresent();
        prior = prior.get().previousResponse()) {
      exchange.earlierHop(hop(prior.get()));
    }
    return exchange.followsRedirects(followsRedirects).build();
  }

  private static Hop hop(HttpResponse<?> response) {
    return Hop.of(new JdkRequestView(response.request()), new JdkResponseView(response));
  }

  /**
   * Copies the request with the plan's target and method. The header fields are copied through the
   * JDK's own {@code HttpRequest.newBuilder(request, filter)}: they passed the builder's checks
   * once (restricted names such as Host or Content-Length never reach a user's request), so they
   * pass them again. Timeout, version and expect-continue carry over.
   */
  @Override
  public HttpRequest followUp(HttpRequest request, FollowDecision.Follow plan) {
    HttpRequest.Builder next = HttpRequest.newBuilder(request,
            (name, value) -> !plan.headersToRemove().contains(name))
        .uri(plan.uri());
    Optional<BodyPublisher> body = plan.keepsBody() ? request.bodyPublisher() : Optional.empty();
    if (body.isPresent()) {
      next.method(plan.method(), body.get());
    } else if (plan.method().equals("GET")) {
      next.GET();
    } else if (plan.method().equals("DELETE")) {
      next.DELETE();
    } else {
      next.method(plan.method(), BodyPublishers.noBody());
    }
    return next.build();
  }

  @Override
  public void discard(HttpResponse<T> response) {
    DiscardedBodies.release(response.body());
  }
}
