package io.httptriage.jdk;

import io.httptriage.exchange.RequestView;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A java.net.http request as core sees it: the user's request, or one the client sent on a hop. */
final class JdkRequestView implements RequestView {
  private final HttpRequest request;

  JdkRequestView(HttpRequest request) {
    this.request = request;
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
    return request.headers().firstValue(name);
  }

  @Override
  public List<String> headers(String name) {
    return request.headers().allValues(name);
  }

  /** The user's header fields; HttpHeaders keys them case-insensitively already. */
  @Override
  public Set<String> headerNames() {
    return request.headers().map().keySet();
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
