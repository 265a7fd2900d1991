package io.httptriage.triage;

import io.github.resilience4j.retry.Retry;
import io.httptriage.classify.Classifier;
import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.retry.RetrySettings;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The runtime of one client. Adapters create one per client — the retry budget is shared by all of
 * that client's calls — and call {@link #execute} or {@link #executeAsync} with a {@link
 * ClientCall} that translates their types.
 *
 * <p>Each response is classified once, and one step (shared by both paths) turns the verdict into
 * an action: hand the response back, send the request again after a wait, or follow a redirect (in
 * {@link RedirectMode#POLICY}) after the wait its Retry-After asks for. A RETRY passes the gates in
 * order — replayable body, attempts left, wait cap, deadline, budget — and the first that refuses
 * is named in the verdict reported ({@link io.httptriage.classify.Verdict#refusedBy()}). The
 * synchronous path sleeps through the settings' {@link io.httptriage.retry.Sleeper}, the
 * asynchronous one schedules; neither decides anything. resilience4j's {@link #retry()} carries
 * every retry out on both paths, so its events and metrics agree with httptriage's meters.
 *
 * <p>What is reported is what was done: the verdict on the response the caller gets never reads
 * RETRY or FOLLOW. The final response always reaches the caller: a stopped redirect (downgrade,
 * loop, too many hops, 305) comes back as it is, with its finding. Every other response is passed
 * to {@link ClientCall#discard} before the next request starts.
 *
 * <p>Thread-safe. Listener failures are logged and never reach the caller.
 *
 * <pre>{@code
 * Triage triage = Triage.of(TriageConfig.ofDefaults());
 * Response response = triage.execute(request, okHttpCall, chain::proceed);
 * }</pre>
 */
public final class Triage {
  /** Sends one request on the client and returns its response. */
  @FunctionalInterface
  public interface Send<Q, R> {
    /**
     * Sends {@code request} once.
     *
     * @param request the request
     * @return its response
     * @throws IOException when the request fails
     */
    R send(Q request) throws IOException;
  }

  /** Sends one request on the client asynchronously. */
  @FunctionalInterface
  public interface SendAsync<Q, R> {
    /**
     * Sends {@code request} once; the future completes with its response.
     *
     * @param request the request
     * @return the response, when it comes
     */
    CompletableFuture<R> send(Q request);
  }

  private final TriageConfig config;
  private final Step step;

  private Triage(TriageConfig config, String adapterName) {
    this.config = config;
    this.step = new Step(config, config.listenerFor(adapterName), adapterName);
  }

  /**
   * The runtime of a configuration. Make one per client and keep it.
   *
   * @param config the configuration
   * @return the runtime
   * @throws IllegalArgumentException when {@code config} is null, or its retry registry already
   *     holds a different Retry of the same name
   */
  public static Triage of(TriageConfig config) {
    return of(config, DefaultTriageListener.UNNAMED_CLIENT);
  }

  /**
   * As {@link #of(TriageConfig)}, the adapter naming its clients when the config does not.
   *
   * @param config the configuration
   * @param adapterName the client's name when the configuration names none
   * @return the runtime
   */
  public static Triage of(TriageConfig config, String adapterName) {
    if (config == null) {
      throw new IllegalArgumentException("config: must not be null");
    }
    return new Triage(config, adapterName);
  }

  /** {@return the configuration} */
  public TriageConfig config() {
    return config;
  }

  /**
   * {@return the resilience4j Retry that carries out every retry of this client} Subscribe to its
   * event publisher, or create it in a registry ({@link RetrySettings.Builder#retryRegistry}) for
   * Micrometer's {@code TaggedRetryMetrics}. A call whose answers needed no retry never reaches it.
   */
  public Retry retry() {
    return step.retry();
  }

  /** {@return how many retries the budget has refused since this runtime was built} */
  public long budgetRefusals() {
    return step.budgetRefusals();
  }

  /** {@return the classifier of this configuration's policy table} */
  public Classifier classifier() {
    return step.classifier();
  }

  /**
   * Runs one exchange synchronously.
   *
   * @param request the caller's request
   * @param call the adapter's translations
   * @param send sends one request on the client
   * @param <Q> the client's request type
   * @param <R> the client's response type
   * @return the final response; never one that was discarded
   * @throws IOException from the client, unchanged and unwrapped: a transport failure the step did
   *     not retry, the last attempt's, with the earlier attempts' failures as suppressed exceptions
   *     (RFC 9110 §9.2.2 decides which are retried); {@link InterruptedIOException} when the thread
   *     was interrupted ("interrupted while waiting", interrupt flag set again) or the call
   *     cancelled ("Canceled") while a retry or follow-up was pending
   */
  public <Q, R> R execute(Q request, ClientCall<Q, R> call, Send<Q, R> send) throws IOException {
    long start = step.begin();
    long startNanos = System.nanoTime();
    CallState<Q> state = null;
    R response = null;
    Action<Q> action = null;
    try {
      if (step.observing()) {
        state = new CallState<>(request, start, startNanos);
        step.observe(state, call, true);
        response = sendOnce(state, call, send);
      } else {
        response = send.send(request);
        if (step.answeredQuickly(call, response)) {
          return response;
        }
        state = new CallState<>(request, start, startNanos);
        state.requests = 1;
      }
    } catch (IOException e) {
      if (state == null) {
        state = new CallState<>(request, start, startNanos);
        state.requests = 1;
      }
      action = afterFailure(state, call, e);
      if (action instanceof Action.Answer<Q> served) {
        return served.served(call);
      }
    }
    while (true) {
      if (action == null) {
        try {
          action = step.decide(state, call, response);
        } catch (RuntimeException e) {
          call.discard(response);
          step.ended(state, e);
          throw e;
        }
        if (action instanceof Action.Answer<Q> answer) {
          return answer.deliver(response, call);
        }
        call.discard(response);
      }
      if (action instanceof Action.Retry || action.waitMillis() > 0) {
        try {
          step.settings()
              .sleeper()
              .sleep(Duration.ofMillis(action.waitMillis()), call::isCancelled);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          step.cancelled(state);
          throw new InterruptedIOException("interrupted while waiting to send again");
        }
      }
      if (call.isCancelled()) {
        step.cancelled(state);
        throw new InterruptedIOException("Canceled");
      }
      action = null;
      try {
        response = sendOnce(state, call, send);
      } catch (IOException e) {
        action = afterFailure(state, call, e);
        if (action instanceof Action.Answer<Q> served) {
          return served.served(call);
        }
      }
    }
  }

  /**
   * The step's action after a failed send: a retry, or a stored response served instead; throws
   * {@code e}, with the earlier attempts' failures suppressed, when the call ends with it.
   */
  private <Q, R> Action<Q> afterFailure(CallState<Q> state, ClientCall<Q, R> call, IOException e)
      throws IOException {
    Action<Q> next;
    try {
      next = step.failed(state, call, e);
    } catch (RuntimeException bug) {
      e.addSuppressed(bug);
      step.ended(state, e);
      throw e;
    }
    if (next == null) {
      throw e;
    }
    return next;
  }

  /** Sends the call's current request once, its attempt observed when the call is. */
  private <Q, R> R sendOnce(CallState<Q> state, ClientCall<Q, R> call, Send<Q, R> send)
      throws IOException {
    Observation.Scope scope = step.sending(state, call);
    R response;
    try {
      response = send.send(state.current);
    } catch (RuntimeException e) {
      AsyncExchange.close(scope);
      step.broke(state, e);
      throw e;
    } catch (IOException e) {
      AsyncExchange.close(scope);
      throw e;
    }
    AsyncExchange.close(scope);
    return response;
  }

  /**
   * Runs one exchange asynchronously; waits are scheduled, never slept. Cancelling the returned
   * future stops further attempts and follow-ups.
   *
   * @param request the caller's request
   * @param call the adapter's translations
   * @param send sends one request on the client
   * @param <Q> the client's request type
   * @param <R> the client's response type
   * @return the final response
   */
  public <Q, R> CompletableFuture<R> executeAsync(
      Q request, ClientCall<Q, R> call, SendAsync<Q, R> send) {
    return new AsyncExchange<>(step, request, call, send, scheduler()).start();
  }

  private ScheduledExecutorService scheduler() {
    return config.scheduler().orElseGet(SharedScheduler::get);
  }

  /** One daemon thread for the asynchronous waits of every client without a scheduler. */
  private static final class SharedScheduler {
    private static final ScheduledExecutorService INSTANCE = create();

    static ScheduledExecutorService get() {
      return INSTANCE;
    }

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "httptriage-retry-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
