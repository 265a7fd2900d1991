package io.httptriage.engine;

import io.httptriage.cache.StaleIfError;
import io.httptriage.cache.StoredResponse;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.triage.CallOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client for the runtime's tests: answers from a script (200 once the script is spent), records
 * what was sent and discarded, and builds follow-ups as a real client does — the plan's method and
 * target, the header fields minus those the plan removes.
 *
 * <p>Thread-safe enough for one exchange at a time, whose steps may run on different threads.
 */
class FakeClient implements ClientCall<RequestView, FakeClient.Resp> {
  /** A response of the fake client; {@code id} counts from 0 in the order sent. */
  record Resp(int status, Headers headers, int id) {}

  final Deque<Resp> script = new ArrayDeque<>();
  final List<RequestView> sent = Collections.synchronizedList(new ArrayList<>());
  final List<Resp> answered = Collections.synchronizedList(new ArrayList<>());
  final List<Resp> discarded = Collections.synchronizedList(new ArrayList<>());
  volatile boolean cancelled;

  /** Set to refuse every follow-up, as a client refuses a target it cannot address. */
  volatile boolean refusesTargets;

  /** What the fake cache holds, with its times; null for no cache. */
  volatile StoredResponse cached;

  /** Set to hand back a copy of the error on a look into the cache, as OkHttp's adapter does. */
  volatile boolean copiesErrors;

  /** The options every call of this client carries. */
  volatile CallOptions options = CallOptions.none();

  final List<Resp> servedStale = Collections.synchronizedList(new ArrayList<>());
  private int ids;

  /** Queues the next answer. */
  synchronized FakeClient answer(int status, String... headers) {
    return answer(status, Headers.of(headers));
  }

  /** Queues the next answer. */
  synchronized FakeClient answer(int status, Headers headers) {
    script.add(new Resp(status, headers, ids++));
    return this;
  }

  synchronized Resp send(RequestView request) {
    sent.add(request);
    Resp response = script.isEmpty() ? new Resp(200, Headers.empty(), ids++) : script.removeFirst();
    answered.add(response);
    return response;
  }

  @Override
  public CallOptions options(RequestView request) {
    return options;
  }

  @Override
  public RequestView requestView(RequestView request) {
    return request;
  }

  @Override
  public ResponseView responseView(Resp response) {
    return ResponseView.of(response.status(), response.headers());
  }

  @Override
  public boolean isRedirected(Resp response) {
    return false;
  }

  @Override
  public Exchange reportedExchange(RequestView request, Resp response) {
    return Exchange.single(Hop.of(request, responseView(response)));
  }

  @Override
  public RequestView followUp(RequestView request, FollowDecision.Follow plan) {
    if (refusesTargets) {
      throw new IllegalArgumentException("Invalid URL host: " + plan.uri());
    }
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : request.headerNames()) {
      if (!plan.headersToRemove().contains(name)) {
        kept.put(name, request.headers(name));
      }
    }
    return RequestView.of(
        plan.method(),
        plan.uri(),
        Headers.copyOf(kept),
        plan.keepsBody() && request.hasBody(),
        request.bodyReplayable());
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public CacheLookup<Resp> lookUpStored(RequestView request, Resp answer) {
    Resp error = answer;
    if (copiesErrors) {
      discarded.add(answer);
      error = new Resp(answer.status(), answer.headers(), 1000 + answer.id());
    }
    StoredResponse c = cached;
    return c == null
        ? CacheLookup.none(error)
        : new CacheLookup<>(error, new Resp(c.response().status(), Headers.empty(), 2000), c);
  }

  @Override
  public Resp servedStale(
      RequestView request, Resp stored, int originStatus, StaleIfError decision) {
    Resp marked =
        new Resp(
            stored.status(),
            Headers.of("X-Served-Stale", String.valueOf(originStatus)),
            stored.id());
    servedStale.add(marked);
    return marked;
  }

  @Override
  public void discard(Resp response) {
    discarded.add(response);
  }
}
