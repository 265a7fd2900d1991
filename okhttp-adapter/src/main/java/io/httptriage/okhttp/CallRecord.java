package io.httptriage.okhttp;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * What httptriage's two interceptors share about the one call a thread is running: the requests
 * OkHttp really sent on each hop of a redirect chain it followed (with the headers its bridge adds,
 * cookies among them, which {@code priorResponse()} does not show), and the Retry-After values the
 * network interceptor held back from OkHttp's own follow-up step.
 *
 * <p>OkHttp runs a call's whole interceptor chain, application and network interceptors alike, on
 * one thread ({@code execute} on the caller's, {@code enqueue} on a dispatcher thread), so the
 * record of the call in progress is found through {@link #CURRENT}. It holds nothing once the call
 * returns (the previous value is put back), and nothing one client or call learns reaches another:
 * a record is created per call and dropped with it. A record also tells a second httptriage
 * under the first that it is one too many.
 */
final class CallRecord {
  /** The record of the call this thread is running through httptriage; null outside one. */
  static final ThreadLocal<CallRecord> CURRENT = new ThreadLocal<>();

  final Call call;
  /** Requests sent on the network, from the first one answered with a redirect; null before. */
  private @Nullable List<Request> hops;
  /** The Retry-After values of the last network response, when they were held back from OkHttp. */
  private @Nullable List<String> heldRetryAfter;
  /** True once the network interceptor saw a request of this call. */
  boolean networkSeen;

  CallRecord(Call call) {
    this.call = call;
  }

  /** The record of {@code call} when this thread runs it through httptriage; null otherwise. */
  static @Nullable CallRecord of(Call call) {
    CallRecord record = CURRENT.get();
    return record != null && record.call == call ? record : null;
  }

  /** The network interceptor sent {@code request}; it was answered with {@code status}. */
  void sent(Request request, int status) {
    networkSeen = true;
    if (hops != null) {
      hops.add(request);
    } else if (status >= 300 && status <= 399) {
      hops = new ArrayList<>(4);
      hops.add(request);
    }
  }

  /**
   * The requests recorded, oldest first, and forgets them; empty when none. When core retried a
   * chain, every attempt's hops are there: the last ones belong to the final response.
   */
  List<Request> takeHops() {
    List<Request> taken = hops == null ? List.of() : List.copyOf(hops);
    hops = null;
    return taken;
  }

  void holdRetryAfter(List<String> values) {
    heldRetryAfter = values;
  }

  /** The values held back from the last response, and forgets them; null when none were. */
  @Nullable List<String> takeRetryAfter() {
    List<String> values = heldRetryAfter;
    heldRetryAfter = null;
    return values;
  }
}
