package io.httptriage.jdk;

import io.httptriage.exchange.ResponseView;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** A java.net.http response as core sees it. */
final class JdkResponseView implements ResponseView {
  private final HttpResponse<?> response;

  JdkResponseView(HttpResponse<?> response) {
    this.response = response;
  }

  @Override
  public int status() {
    return response.statusCode();
  }

  @Override
  public Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  @Override
  public List<String> headers(String name) {
    return response.headers().allValues(name);
  }
}
