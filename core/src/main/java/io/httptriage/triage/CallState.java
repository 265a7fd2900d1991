package io.httptriage.triage;

import io.github.resilience4j.retry.Retry;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one logical call stands: the request being sent, the hops followed so far, the attempt of
 * the current hop and its resilience4j context, and whether the budget has judged the call's first
 * answer. The sync driver uses it from one thread; the async driver from one step at a time, each
 * after the previous completed, so the plain fields are safe (a happens-before edge links steps).
 *
 * @param <Q> the client's request type
 */
final class CallState<Q> {
  final Q original;

  /** The clock's reading when the call started: the deadline counts from here. */
  final long startMillis;

  Q current;

  /** The view of {@link #current}, built only when a decision needs it. */
  @Nullable RequestView view;

  /** The hops followed (POLICY mode), oldest first; null until the first. */
  @Nullable List<Hop> hops;

  /** The number of the attempt of the current hop that is in flight or answered, from 1. */
  int attempt = 1;

  /** The resilience4j context of the current hop, from its first retryable answer on. */
  Retry.@Nullable AsyncContext<Decision> retryContext;

  /** True once the budget counted the call's first answer that was not a redirect to follow. */
  boolean judged;

  /** The status of the last answer, for a cancellation's event. */
  int lastStatus;

  /** {@link System#nanoTime()} when the call started, for its duration. */
  final long startNanos;

  /** The requests sent so far, every hop and retry included, and the client's own resends. */
  int requests;

  /** The transport failures of earlier attempts, oldest first; null until the first. */
  @Nullable List<Throwable> failures;

  /** The call's observations while they are open; null when calls are not observed. */
  @Nullable CallObservation observation;

  CallState(Q original, long startMillis, long startNanos) {
    this.original = original;
    this.current = original;
    this.startMillis = startMillis;
    this.startNanos = startNanos;
  }

  /** Keeps a failure of an attempt that is retried, to be suppressed by the one thrown at last. */
  void failedAttempt(Throwable error) {
    if (failures == null) {
      failures = new ArrayList<>(4);
    }
    failures.add(error);
  }

  /** Moves on to a follow-up request, recording the hop just answered. */
  void follow(Q next, Hop answered) {
    if (hops == null) {
      hops = new ArrayList<>(4);
    }
    hops.add(answered);
    current = next;
    view = null;
    attempt = 1;
    retryContext = null;
  }
}
