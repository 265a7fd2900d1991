package io.httptriage.benchmarks;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The last application interceptor of a canned-response chain: answers every request with a 200
 * built in-process, so that no socket, connection pool or server thread takes part. What remains is
 * OkHttp's call and interceptor chain and whatever a retry layer adds to it, which is stable to a
 * few nanoseconds where a loopback exchange swings by tens of microseconds.
 *
 * <p>The body is empty and shared (an empty buffer can be read and closed any number of times); the
 * {@link Response} is built per call, as a real exchange would.
 */
final class CannedResponse implements Interceptor {
  private static final Headers HEADERS =
      Headers.of("Content-Type", "text/plain", "Content-Length", "0");
  private static final ResponseBody EMPTY = ResponseBody.create(new byte[0], null);

  @Override
  public Response intercept(Chain chain) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .headers(HEADERS)
        .body(EMPTY)
        .build();
  }
}
