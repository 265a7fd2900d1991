package io.httptriage.okhttp;

import io.httptriage.exchange.ResponseView;
import java.util.List;
import java.util.Optional;
import okhttp3.Response;

/** An OkHttp response as core sees it. */
final class OkHttpResponseView implements ResponseView {
  private final Response response;

  OkHttpResponseView(Response response) {
    this.response = response;
  }

  @Override
  public int status() {
    return response.code();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(response.header(name));
  }

  @Override
  public List<String> headers(String name) {
    return response.headers(name);
  }
}
