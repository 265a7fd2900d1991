package io.httptriage.okhttp;

import io.httptriage.cache.StaleIfError;
import io.httptriage.cache.StoredResponse;
import io.httptriage.engine.ClientCall.CacheLookup;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.CacheControl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp's cache as stale-if-error asks it: a stored response found without the network, and the
 * caller's request put on it, marked {@link ServedStale}. Stateless.
 */
final class OkHttpStore {
  private OkHttpStore() {}

  /**
   * OkHttp's cache, asked without the network: the same request with {@code FORCE_CACHE} ({@code
   * only-if-cached}, any staleness). OkHttp allows one open response per call, so the error's body
   * (up to {@value OkHttpCall#MAX_COPIED_ERROR} bytes; a larger one is handed back as it is, with
   * no look) is first copied into memory and the error released. OkHttp answers a stored response
   * with {@code cacheResponse()} set and no {@code networkResponse()}; with no cache, or nothing
   * stored, a synthetic 504 from neither, which is closed here. After a transport failure ({@code
   * answer} null) there is nothing to copy, and the cache is asked at once.
   */
  static CacheLookup<Response> lookUp(
      Interceptor.Chain chain, Request request, @Nullable Response answer) {
    if (answer == null) {
      return found(chain, request, null);
    }
    Response error;
    try {
      ResponseBody copy = answer.peekBody(OkHttpCall.MAX_COPIED_ERROR + 1);
      if (copy.contentLength() > OkHttpCall.MAX_COPIED_ERROR) {
        return CacheLookup.none(answer);
      }
      error = answer.newBuilder().body(copy).build();
    } catch (IOException e) {
      return CacheLookup.none(answer);
    }
    answer.close();
    return found(chain, request, error);
  }

  /** What OkHttp's cache alone answers for {@code request}; {@code error} is handed back as is. */
  private static CacheLookup<Response> found(
      Interceptor.Chain chain, Request request, @Nullable Response error) {
    Response found;
    try {
      found = chain.proceed(request.newBuilder().cacheControl(CacheControl.FORCE_CACHE).build());
    } catch (IOException e) {
      return CacheLookup.none(error);
    }
    if (found.cacheResponse() == null || found.networkResponse() != null) {
      found.close();
      return CacheLookup.none(error);
    }
    return new CacheLookup<>(
        error,
        found,
        new StoredResponse(
            new OkHttpResponseView(found),
            Instant.ofEpochMilli(found.sentRequestAtMillis()),
            Instant.ofEpochMilli(found.receivedResponseAtMillis())));
  }

  /** The caller's own request, tagged {@link ServedStale}, on the stored response. */
  static Response servedStale(
      Request request, Response stored, int originStatus, StaleIfError decision) {
    ServedStale mark =
        new ServedStale(
            originStatus,
            decision.age(),
            decision.staleness(),
            decision.window().orElse(Duration.ZERO),
            decision.reason());
    return stored
        .newBuilder()
        .request(request.newBuilder().tag(ServedStale.class, mark).build())
        .build();
  }
}
