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
 * A network interceptor that keeps, per call, the requests OkHttp really sent on each hop of a
 * redirect chain — with the headers its bridge adds (cookies from the CookieJar), which the
 * application-level {@code priorResponse()} chain does not show. It records nothing for a call
 * until a hop answers with a redirect, so single-hop calls cost a map lookup and no allocation.
 */
final class NetworkHops implements Interceptor {
  private final Map<Call, List<Request>> byCall = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    List<Request> hops = byCall.get(chain.call());
    if (hops != null) {
      hops.add(request);
    }
    Response response = chain.proceed(request);
    if (hops == null && response.code() >= 300 && response.code() <= 399) {
      List<Request> started = Collections.synchronizedList(new ArrayList<>(4));
      started.add(request);
      byCall.put(chain.call(), started);
    }
    return response;
  }

  /** Forgets what was recorded for a call, before an attempt starts. */
  void forget(Call call) {
    byCall.remove(call);
  }

  /** The requests recorded for a call, oldest first, and forgets them; empty when none. */
  List<Request> take(Call call) {
    List<Request> hops = byCall.remove(call);
    return hops == null ? List.of() : List.copyOf(hops);
  }
}
