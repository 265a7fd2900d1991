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

  /** The first value, as the JDK view gives it; OkHttp's own {@code header(name)} gives the last. */
  @Override
  public Optional<String> header(String name) {
    List<String> values = response.headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public List<String> headers(String name) {
    return response.headers(name);
  }
}
