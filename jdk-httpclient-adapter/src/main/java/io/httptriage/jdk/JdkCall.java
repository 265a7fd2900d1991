package io.httptriage.jdk;

import io.httptriage.engine.ClientCall;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.triage.CallOptions;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One exchange on the JDK client, translated for core. Cancellation is not polled: a synchronous
 * send is cancelled by interrupting its thread (the retry wait and the JDK's {@code send} both
 * answer that), an asynchronous one by cancelling its future, which core watches itself.
 *
 * @param <T> the body type of the caller's BodyHandler
 */
final class JdkCall<T> implements ClientCall<HttpRequest, HttpResponse<T>> {
  private final boolean followsRedirects;
  private final Optional<CookieHandler> cookies;
  private final CallOptions options;

  /** A call on a client without a cookie handler. */
  JdkCall(boolean followsRedirects) {
    this(followsRedirects, Optional.empty(), CallOptions.none());
  }

  /**
   * @param followsRedirects whether the delegate follows redirects itself
   * @param cookies the delegate's cookie handler, whose cookies the hops' requests carried
   * @param options the options the caller gave with {@link TriageHttpClient#withOptions}
   */
  JdkCall(boolean followsRedirects, Optional<CookieHandler> cookies, CallOptions options) {
    this.followsRedirects = followsRedirects;
    this.cookies = cookies;
    this.options = options;
  }

  @Override
  public CallOptions options(HttpRequest request) {
    return options;
  }

  /**
   * A copy with the field set, through the JDK's own {@code HttpRequest.newBuilder(request,
   * filter)}: method, body, timeout, version and expect-continue carry over.
   */
  @Override
  public HttpRequest withHeader(HttpRequest request, String name, String value) {
    return HttpRequest.newBuilder(request, (n, v) -> true).setHeader(name, value).build();
  }

  /** The JDK's own resend before a failure, counted as an attempt: see {@link JdkResends}. */
  @Override
  public int resentByClient(HttpRequest request, Throwable failure) {
    return JdkResends.resentBy(request, failure);
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
  public boolean hasHeader(HttpResponse<T> response, String name) {
    return response.headers().firstValue(name).isPresent();
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
    List<HttpResponse<?>> chain = new ArrayList<>(4);
    for (Optional<HttpResponse<T>> r = Optional.of(response);
        r.isPresent();
        r = r.get().previousResponse()) {
      chain.add(0, r.get());
    }
    Exchange.Builder exchange = Exchange.builder();
    for (int i = 0; i < chain.size(); i++) {
      HttpResponse<?> r = chain.get(i);
      Hop hop =
          Hop.of(new JdkRequestView(r.request(), handlerCookies(chain, i)), new JdkResponseView(r));
      if (i < chain.size() - 1) {
        exchange.hop(hop);
      } else {
        exchange.finalHop(hop);
      }
    }
    return exchange.followsRedirects(followsRedirects).build();
  }

  /**
   * The cookies the CookieHandler added to hop {@code i}, which the JDK keeps out of {@code
   * request().headers()}: what the handler holds for that URI now, less the cookies set by this or
   * a later response of the chain, which did not exist yet when the hop was sent. A cookie a later
   * response replaced is missed; the credential audit then falls short, it never raises a false
   * alarm for it.
   */
  private List<String> handlerCookies(List<HttpResponse<?>> chain, int i) {
    if (cookies.isEmpty()) {
      return List.of();
    }
    Set<String> setLater = new HashSet<>();
    for (int j = i; j < chain.size(); j++) {
      for (String c : chain.get(j).headers().allValues("Set-Cookie")) {
        int semicolon = c.indexOf(';');
        setLater.add((semicolon < 0 ? c : c.substring(0, semicolon)).strip());
      }
    }
    try {
      List<String> sent = new ArrayList<>();
      for (String line :
          cookies
              .get()
              .get(chain.get(i).request().uri(), Map.of())
              .getOrDefault("Cookie", List.of())) {
        for (String pair : line.split(";")) {
          String p = pair.strip();
          if (!p.isEmpty() && !p.startsWith("$") && !setLater.contains(p)) {
            sent.add(p);
          }
        }
      }
      return sent;
    } catch (IOException | RuntimeException e) {
      return List.of(); // a broken handler must not cost the caller the response
    }
  }

  /**
   * Copies the request with the plan's target and method. The header fields are copied through the
   * JDK's own {@code HttpRequest.newBuilder(request, filter)}: they passed the builder's checks
   * once (restricted names such as Host or Content-Length never reach a user's request), so they
   * pass them again. Timeout, version and expect-continue carry over.
   */
  @Override
  public HttpRequest followUp(HttpRequest request, FollowDecision.Follow plan) {
    HttpRequest.Builder next =
        HttpRequest.newBuilder(request, (name, value) -> !plan.headersToRemove().contains(name))
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

  /**
   * The JDK client has no response without a server (the body comes from the caller's handler): a
   * call held back by its origin's cool-down throws a {@link CoolDownException}.
   */
  @Override
  public HttpResponse<T> heldBack(HttpRequest request, Duration retryAfter)
      throws CoolDownException {
    throw new CoolDownException(request.uri(), retryAfter);
  }

  @Override
  public void discard(HttpResponse<T> response) {
    DiscardedBodies.release(response.body());
  }
}
