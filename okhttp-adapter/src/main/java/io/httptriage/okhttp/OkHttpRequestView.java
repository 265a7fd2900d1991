package io.httptriage.okhttp;

import io.httptriage.exchange.RequestView;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;
import okhttp3.RequestBody;

/** An OkHttp request as core sees it. */
final class OkHttpRequestView implements RequestView {
  private final Request request;

  OkHttpRequestView(Request request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public URI uri() {
    return request.url().uri();
  }

  /**
   * The first value, as the JDK view gives it; OkHttp's own {@code header(name)} gives the last.
   */
  @Override
  public Optional<String> header(String name) {
    List<String> values = request.headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public List<String> headers(String name) {
    return request.headers(name);
  }

  @Override
  public Set<String> headerNames() {
    return request.headers().names();
  }

  @Override
  public boolean hasBody() {
    return request.body() != null;
  }

  /** One-shot and duplex bodies can be written only once (RequestBody#isOneShot). */
  @Override
  public boolean bodyReplayable() {
    RequestBody body = request.body();
    return body == null || !(body.isOneShot() || body.isDuplex());
  }
}
