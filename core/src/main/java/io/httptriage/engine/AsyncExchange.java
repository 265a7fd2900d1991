package io.httptriage.engine;

import io.httptriage.cooldown.Admission;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous driver of one call: sends, hands each response to the {@link Step}, and
 * schedules what it says — it decides nothing. Waits go to the scheduler; no thread is blocked.
 * Cancelling the caller's future cancels the send or the wait in flight; no attempt starts after
 * it, and a response that still arrives is discarded. A transport failure goes to the step as a
 * response does, and is retried, answered from the cache or passed on as the step says.
 *
 * <p>Steps run one after another (each starts when the previous completed or its wait ran out), so
 * the call state is touched by one thread at a time.
 */
final class AsyncExchange<Q, R> {
  private final Step step;
  private final ClientCall<Q, R> call;
  private final Triage.SendAsync<Q, R> send;
  private final ScheduledExecutorService scheduler;
  private final CallState<Q> state;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  private final AtomicReference<Future<?>> inFlight = new AtomicReference<>();

  /** True while a retry or follow-up waits or is in flight, for the cancellation's event. */
  private volatile boolean pending;

  AsyncExchange(
      Step step,
      Q request,
      ClientCall<Q, R> call,
      Triage.SendAsync<Q, R> send,
      ScheduledExecutorService scheduler) {
    this.step = step;
    this.call = call;
    this.send = send;
    this.scheduler = scheduler;
    long start = step.begin();
    this.state =
        step.state(step.keyed(request, call), call.options(request), start, System.nanoTime());
  }

  CompletableFuture<R> start() {
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            Future<?> f = inFlight.get();
            cancel(f);
            if (pending) {
              step.cancelled(state);
            } else {
              step.ended(state, new CancellationException("the caller cancelled the call"));
            }
          }
        });
    if (step.observing()) {
      step.observe(state, call, false);
    }
    attempt();
    return result;
  }

  private void attempt() {
    if (result.isDone()) {
      return;
    }
    Admission admission;
    try {
      admission = step.coolDown().admit(state, call);
    } catch (RuntimeException e) {
      end(e);
      return;
    }
    if (admission != null) {
      coolingDown(admission);
      return;
    }
    CompletableFuture<R> sent;
    // The attempt's scope is open while the send starts, so that the client's own
    // instrumentation on this thread nests under it.
    Observation.Scope scope = step.sending(state, call);
    try {
      sent = send.send(state.current);
    } catch (RuntimeException e) {
      close(scope);
      step.broke(state, e);
      result.completeExceptionally(e);
      return;
    }
    close(scope);
    inFlight.set(sent);
    if (result.isCancelled()) {
      cancel(sent);
    }
    sent.whenComplete(this::onResponse);
  }

  private void onResponse(R response, Throwable error) {
    if (error != null) {
      onFailure(unwrap(error));
      return;
    }
    if (result.isDone()) {
      call.discard(response);
      return;
    }
    Action<Q> action;
    try {
      action = step.decide(state, call, response);
    } catch (RuntimeException e) {
      call.discard(response);
      end(e);
      return;
    }
    if (action instanceof Action.Answer<Q> answer) {
      pending = false;
      complete(answer.deliver(response, call));
      return;
    }
    call.discard(response);
    next(action);
  }

  /**
   * A send failed: a transport failure ({@code IOException}) goes to the step like a response;
   * anything else, or a failure after the caller cancelled, ends the call as it is.
   */
  private void onFailure(Throwable cause) {
    if (result.isDone()) {
      return;
    }
    if (!(cause instanceof IOException io)) {
      step.broke(state, cause);
      result.completeExceptionally(cause);
      return;
    }
    Action<Q> action;
    try {
      action = step.failed(state, call, io);
    } catch (RuntimeException bug) {
      io.addSuppressed(bug);
      end(io);
      return;
    }
    if (action == null) {
      pending = false;
      result.completeExceptionally(io);
    } else if (action instanceof Action.Answer<Q> answer) {
      pending = false;
      complete(answer.served(call));
    } else {
      next(action);
    }
  }

  /** Sends again, or the follow-up, after the action's wait. */
  private void next(Action<Q> action) {
    pending = true;
    long wait = action.waitMillis();
    if (action instanceof Action.Follow && wait == 0) {
      attempt();
      return;
    }
    schedule(wait);
  }

  /** The origin cools down: the next attempt waits for its end, or the call is answered now. */
  private void coolingDown(Admission admission) {
    if (admission.kind() == Admission.Kind.WAIT) {
      schedule(admission.duration().toMillis());
      return;
    }
    pending = false;
    R answer;
    try {
      answer = step.coolDown().heldBack(state, call, admission);
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    complete(answer);
  }

  private void schedule(long waitMillis) {
    step.coolDown().waiting(state, waitMillis);
    try {
      inFlight.set(scheduler.schedule(this::attempt, waitMillis, TimeUnit.MILLISECONDS));
    } catch (RuntimeException e) {
      end(e);
      return;
    }
    if (result.isCancelled()) {
      cancel(inFlight.get());
    }
  }

  /** Hands the answer to the caller; one that comes after the caller cancelled is discarded. */
  private void complete(R answer) {
    if (!result.complete(answer)) {
      call.discard(answer);
    }
  }

  /** The call ends with {@code error}: its observation and probe end, the caller gets the error. */
  private void end(Throwable error) {
    step.ended(state, error);
    result.completeExceptionally(error);
  }

  /** Cancels a send or wait; a stage that cannot be cancelled delivers late and is discarded. */
  private static void cancel(Future<?> f) {
    if (f == null) {
      return;
    }
    try {
      f.cancel(true);
    } catch (UnsupportedOperationException minimalStage) {
      // its response, when it comes, finds the call done and is discarded
    }
  }

  /** Closes an attempt's scope, when there is one, before anything else ends. */
  static void close(Observation.@Nullable Scope scope) {
    if (scope != null) {
      scope.close();
    }
  }

  static Throwable unwrap(Throwable t) {
    if ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      return t.getCause();
    }
    return t;
  }
}
