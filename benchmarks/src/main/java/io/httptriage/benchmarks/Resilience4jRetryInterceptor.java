package io.httptriage.benchmarks;

import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * resilience4j's Retry wired into OkHttp by hand, as users do (resilience4j ships no OkHttp
 * module): an application interceptor that shows each response to a {@link Retry.Context}, closes
 * the responses it will resend, and lets I/O errors through as httptriage does.
 *
 * <p>Thread-safe when the {@link Retry} is (it is).
 */
final class Resilience4jRetryInterceptor implements Interceptor {
  private final Retry retry;

  Resilience4jRetryInterceptor(Retry retry) {
    this.retry = retry;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Retry.Context<Response> context = retry.context();
    Response response = chain.proceed(request);
    // onResult waits the interval itself before answering true.
    while (context.onResult(response)) {
      response.close();
      response = chain.proceed(request);
    }
    context.onComplete();
    return response;
  }
}
