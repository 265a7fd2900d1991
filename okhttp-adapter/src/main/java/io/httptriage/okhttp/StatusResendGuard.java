package io.httptriage.okhttp;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Keeps OkHttp from resending a request body on a status by itself, so that core alone decides.
 *
 * <p>Below the application interceptors, OkHttp's own follow-up step sends a request again on a
 * 408 (unless the client was built with {@code retryOnConnectionFailure(false)}) and on a 503 with
 * {@code Retry-After: 0}, whatever its method: a POST without an Idempotency-Key would be sent
 * twice before core sees a response. OkHttp never resends a body that says it is one-shot. So
 * each attempt's body is wrapped in a {@link Body} that says so once its network response was a
 * 408 or a 503, which the network interceptor ({@link NetworkHops}) tells it; it keeps its real answer
 * otherwise, so redirects (CLIENT mode), authentication challenges and connection retries are
 * OkHttp's as before. Core then retries the 408 or 503 itself, by the policy table.
 *
 * <p>Requests without a body (GET, HEAD...) are left alone: resending them is safe.
 */
final class StatusResendGuard {
  /** Tells a guarded body the status its attempt received; called by {@link NetworkHops}. */
  static void tell(Request request, Response response) {
    RequestBody body = request.body();
    if (body instanceof Body) {
      ((Body) body).lastStatus = response.code();
    }
  }

  private StatusResendGuard() {}

  /** The request with its body guarded, for one attempt; the same request when it has no body. */
  static Request guard(Request request) {
    RequestBody body = request.body();
    if (body == null) {
      return request;
    }
    RequestBody inner = body instanceof Body ? ((Body) body).delegate : body;
    return request.newBuilder().method(request.method(), new Body(inner)).build();
  }

  /** A request body that turns one-shot once a status OkHttp would resend it on came back. */
  static final class Body extends RequestBody {
    final RequestBody delegate;
    volatile int lastStatus;

    Body(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isDuplex() {
      return delegate.isDuplex();
    }

    @Override
    public boolean isOneShot() {
      return delegate.isOneShot() || lastStatus == 408 || lastStatus == 503;
    }
  }
}
