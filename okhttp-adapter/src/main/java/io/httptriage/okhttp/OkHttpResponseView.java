package io.httptriage.okhttp;

import io.httptriage.cache.StoredResponse;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.ResponseView;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * The first value, as the JDK view gives it; OkHttp's own {@code header(name)} gives the last.
   */
  @Override
  public Optional<String> header(String name) {
    List<String> values = response.headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public List<String> headers(String name) {
    return response.headers(name);
  }

  /**
   * A response OkHttp's cache answered without the network carries the stored request and receipt
   * times; its age counts from them to now, on the system clock OkHttp itself stamps them with.
   */
  @Override
  public Optional<Duration> cacheAge() {
    if (response.cacheResponse() == null || response.networkResponse() != null) {
      return Optional.empty();
    }
    StoredResponse stored =
        new StoredResponse(
            ResponseView.of(response.code(), Headers.copyOf(response.headers().toMultimap())),
            Instant.ofEpochMilli(response.sentRequestAtMillis()),
            Instant.ofEpochMilli(response.receivedResponseAtMillis()));
    return Optional.of(stored.age(Instant.now()));
  }
}
