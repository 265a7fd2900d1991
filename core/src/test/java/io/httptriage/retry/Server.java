package io.httptriage.retry;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.ResponseView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A scripted server: each attempt takes the next scripted answer (the last one repeats), and every
 * send and discard is written to a shared timeline so that tests can check their order.
 */
final class Server {

  /** A client response: an id to follow it, a status and headers. */
  record Response(int id, int status, Headers headers) {
    ResponseView view() {
      return ResponseView.of(status, headers);
    }
  }

  /** One scripted answer: a status with headers, or an I/O failure. */
  private record Answer(int status, Headers headers, IOException failure) {}

  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> timeline;
  private final List<Integer> discarded = Collections.synchronizedList(new ArrayList<>());
  private Answer last = new Answer(200, Headers.empty(), null);
  private int sent;

  Server(List<String> timeline) {
    this.timeline = timeline;
  }

  Server() {
    this(Collections.synchronizedList(new ArrayList<>()));
  }

  /** Scripts responses of these statuses, without headers. */
  Server respond(int... statuses) {
    for (int s : statuses) {
      respond(s, Headers.empty());
    }
    return this;
  }

  Server respond(int status, Headers headers) {
    script.add(new Answer(status, headers, null));
    return this;
  }

  /** Scripts an I/O failure. */
  Server fail(IOException e) {
    script.add(new Answer(0, Headers.empty(), e));
    return this;
  }

  synchronized Response send() throws IOException {
    sent++;
    timeline.add("send " + sent);
    Answer a = script.isEmpty() ? last : script.poll();
    last = a;
    if (a.failure() != null) {
      throw a.failure();
    }
    return new Response(sent, a.status(), a.headers());
  }

  void discard(Response r) {
    discarded.add(r.id());
    timeline.add("discard " + r.id());
  }

  synchronized int sent() {
    return sent;
  }

  List<Integer> discarded() {
    return discarded;
  }

  List<String> timeline() {
    return timeline;
  }
}
