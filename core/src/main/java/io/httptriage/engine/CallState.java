package io.httptriage.engine;

import io.github.resilience4j.retry.Retry;
import io.httptriage.classify.FailureKind;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.Origin;
import io.httptriage.exchange.RequestView;
import io.httptriage.triage.CallOptions;
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

  /** The policy the call runs by: its client's, or with the rules of its {@link CallOptions}. */
  final CallTable table;

  /** The attempts per hop of this call, its options' or its client's. */
  final int maxAttempts;

  /** The clock's reading at which the call's deadline passes. */
  final long deadlineAtMillis;

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

  /**
   * The attempt that is core's own resend at once of a dropped GET or HEAD ({@link FailedSend}), 0
   * when the attempt in flight is not one: its failure ends the pair.
   */
  int droppedResend;

  /** The kind of the last transport failure, for the events decided about it; null until one. */
  @Nullable FailureKind failure;

  /** The transport failures of earlier attempts, oldest first; null until the first. */
  @Nullable List<Throwable> failures;

  /** The call's observations while they are open; null when calls are not observed. */
  @Nullable CallObservation observation;

  /** The origin this call's request in flight probes after its cool-down; null when none. */
  @Nullable Origin probe;

  /** True once the call was answered without sending, its origin cooling down. */
  boolean heldBack;

  /**
   * When the last wait the drivers slept or scheduled for this call ended, by the clock's reading
   * when it began plus its length: the call's own time is never earlier, even on a clock that a
   * test does not move ({@link CoolDownGate}).
   */
  long resumeMillis;

  CallState(
      Q original,
      long startMillis,
      long startNanos,
      CallTable table,
      int maxAttempts,
      long deadlineMillis) {
    this.original = original;
    this.current = original;
    this.startMillis = startMillis;
    this.startNanos = startNanos;
    this.table = table;
    this.maxAttempts = maxAttempts;
    this.deadlineAtMillis = startMillis + deadlineMillis;
  }

  /** The hops followed so far, oldest first; empty before the first (no list is made for it). */
  List<Hop> hopsSoFar() {
    return hops == null ? List.of() : hops;
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
    droppedResend = 0;
    retryContext = null;
  }
}
