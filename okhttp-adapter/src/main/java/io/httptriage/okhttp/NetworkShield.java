package io.httptriage.okhttp;

import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor {@link TriageInterceptor#install} adds. Below it, OkHttp's own follow-up
 * step would send a request again by itself on a 408 (unless Retry-After names a wait) and on a 503
 * with {@code Retry-After: 0}, whatever its method — and it parses Retry-After as an int, so that a
 * value past 2^31 ({@code 2147483648}, {@code 99999999999999999999}) throws a NumberFormatException
 * at the caller. So on a 408 or a 503 this interceptor shows OkHttp {@code Retry-After: 1}, which
 * it neither resends on nor fails to parse, and holds the real values in the call's {@link
 * OkHttpCall}, from which the application interceptor puts them back before core sees the response.
 * Core alone then decides, by the policy table, whether that request is sent again, and counts the
 * attempt and the budget; both clients send the same number of requests.
 *
 * <p>It also records the requests OkHttp really sent on each hop of a redirect chain it followed,
 * for the audit. It keeps no state of its own; calls not run through its {@link TriageInterceptor}
 * pass through untouched.
 */
final class NetworkShield implements Interceptor {
  /** The value OkHttp is shown: positive, so never resent; small, so never unparseable. */
  static final String SHOWN_RETRY_AFTER = "1";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    OkHttpCall record = OkHttpCall.of(chain.call());
    Response response = chain.proceed(request);
    if (record == null) {
      return response;
    }
    int code = response.code();
    record.sent(request, code);
    if (code == 408 || code == 503) {
      List<String> values = response.headers("Retry-After");
      record.holdRetryAfter(values);
      return response.newBuilder().header("Retry-After", SHOWN_RETRY_AFTER).build();
    }
    return response;
  }
}
