package io.httptriage.jdk;

import io.httptriage.exchange.RequestView;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A java.net.http request as core sees it: the user's request, or one the client sent on a hop,
 * plus the cookies the client's CookieHandler added to it, which {@code HttpRequest.headers()}
 * never shows.
 */
final class JdkRequestView implements RequestView {
  private final HttpRequest request;
  private final List<String> handlerCookies;

  JdkRequestView(HttpRequest request) {
    this(request, List.of());
  }

  /**
   * @param handlerCookies the {@code name=value} pairs the client's CookieHandler sent
   */
  JdkRequestView(HttpRequest request, List<String> handlerCookies) {
    this.request = request;
    this.handlerCookies = handlerCookies;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public Optional<String> header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = request.headers().allValues(name);
    if (handlerCookies.isEmpty() || !name.equalsIgnoreCase("Cookie")) {
      return values;
    }
    List<String> all = new ArrayList<>(values);
    all.addAll(handlerCookies);
    return all;
  }

  /** The user's header fields, and Cookie when the handler sent one; matched case-insensitively. */
  @Override
  public Set<String> headerNames() {
    if (handlerCookies.isEmpty()) {
      return request.headers().map().keySet();
    }
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(request.headers().map().keySet());
    names.add("Cookie");
    return names;
  }

  /**
   * A publisher of known length zero ({@code noBody()}) sends no content; an unknown length (-1)
   * counts as content.
   */
  @Override
  public boolean hasBody() {
    Optional<BodyPublisher> body = request.bodyPublisher();
    return body.isPresent() && body.get().contentLength() != 0;
  }

  @Override
  public boolean bodyReplayable() {
    Optional<BodyPublisher> body = request.bodyPublisher();
    return body.isEmpty() || ReplayablePublishers.isReplayable(body.get());
  }
}
