package io.httptriage.okhttp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one network interceptor {@link TriageInterceptor#install} adds. It tells a guarded request
 * body the status its attempt received ({@link StatusResendGuard}), and it keeps, per call, the requests OkHttp really sent on each hop of a
 * redirect chain — with the headers its bridge adds (cookies from the CookieJar), which the
 * application-level {@code priorResponse()} chain does not show. It records nothing for a call
 * until a hop answers with a redirect, so single-hop calls cost a map lookup and no allocation.
 */
final class NetworkHops implements Interceptor {
  /** One recorder for every client: calls are distinct keys, and no per-call object needs a field. */
  static final NetworkHops SHARED = new NetworkHops();

  private final Map<Call, List<Request>> byCall = Collections.synchronizedMap(new WeakHashMap<>());

  private NetworkHops() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    List<Request> hops = byCall.get(chain.call());
    if (hops != null) {
      hops.add(request);
    }
    Response response = chain.proceed(request);
    StatusResendGuard.tell(request, response);
    if (hops == null && response.code() >= 300 && response.code() <= 399) {
      List<Request> started = Collections.synchronizedList(new ArrayList<>(4));
      started.add(request);
      byCall.put(chain.call(), started);
    }
    return response;
  }

  /**
   * The requests recorded for a call, oldest first, and forgets them; empty when none. When core
   * retried a chain, every attempt's hops are there: the last ones belong to the final response.
   */
  List<Request> take(Call call) {
    List<Request> hops = byCall.remove(call);
    return hops == null ? List.of() : List.copyOf(hops);
  }
}
