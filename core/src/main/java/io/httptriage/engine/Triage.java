package io.httptriage.engine;

import io.github.resilience4j.retry.Retry;
import io.httptriage.classify.Classifier;
import io.httptriage.cooldown.Admission;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * The runtime of one client. Adapters create one per client — the retry budget is shared by all of
 * that client's calls — and call {@link #execute} or {@link #executeAsync} with a {@link
 * ClientCall} that translates their types.
 *
 * <p>Each response is classified once, and one step (shared by both paths) turns the verdict into
 * an action: hand the response back, send the request again after a wait, or follow a redirect (in
 * {@link RedirectMode#POLICY}) after the wait its Retry-After asks for. A RETRY passes the gates in
 * order — replayable body, attempts left, wait cap, deadline, the origin's cool-down, budget — and
 * the first that refuses is named in the verdict reported ({@link
 * io.httptriage.classify.Verdict#refusedBy()}). Before every send, the first of a call too, the
 * origin's cool-down may hold the call back (the driver waits) or answer it without sending ({@link
 * ClientCall#heldBack}). The synchronous path sleeps through the settings' {@link
 * io.httptriage.retry.Sleeper}, the asynchronous one schedules; neither decides anything.
 * resilience4j's {@link #retry()} carries every retry out on both paths, so its events and metrics
 * agree with httptriage's meters.
 *
 * <p>One call may differ from the configuration: {@link ClientCall#options} gives its {@link
 * CallOptions}, read once when the call starts (attempts, deadline, rules tried before the policy
 * table's). With {@link TriageConfig#idempotencyKeys()}, a POST or PATCH without a key gets one
 * before its first send ({@link ClientCall#withHeader}).
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
  private final String clientName;
  private final Step step;

  private Triage(TriageConfig config, String adapterName) {
    this.config = config;
    TriageListener listener = ClientListeners.of(config, adapterName);
    this.clientName = ClientListeners.nameOf(config, listener, adapterName);
    this.step = new Step(config, listener, clientName);
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

  /**
   * {@return the client's name: the {@code client} tag of its meters and field of its log lines}
   */
  public String clientName() {
    return clientName;
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

  /**
   * {@return how many retries the budget allows now} What the {@code
   * httptriage.retry.budget.remaining} gauge reads: {@code max(minRetries, floor(ratio * healthy))}
   * less the retries made, over the settings' budget window.
   */
  public long budgetRemaining() {
    return step.budgetRemaining();
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
    CallOptions options = call.options(request);
    Q first = step.keyed(request, call);
    CallState<Q> state = null;
    R response = null;
    Action<Q> action = null;
    boolean tracked = step.observing() || !step.coolDown().idle();
    if (tracked) {
      state = step.state(first, options, start, startNanos);
      if (step.observing()) {
        step.observe(state, call, true);
      }
      R held = admitted(state, call);
      if (held != null) {
        return held;
      }
    }
    try {
      if (tracked) {
        response = sendOnce(state, call, send);
      } else {
        response = send.send(first);
        if (step.answeredQuickly(call, options, response)) {
          return response;
        }
        state = step.state(first, options, start, startNanos);
        state.requests = 1;
      }
    } catch (IOException e) {
      if (state == null) {
        state = step.state(first, options, start, startNanos);
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
        pause(state, call, action.waitMillis());
      }
      if (call.isCancelled()) {
        step.cancelled(state);
        throw new InterruptedIOException("Canceled");
      }
      R held = admitted(state, call);
      if (held != null) {
        return held;
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

  /** Sleeps through the settings' sleeper, which a cancellation of the call cuts short. */
  private <Q, R> void pause(CallState<Q> state, ClientCall<Q, R> call, long millis)
      throws InterruptedIOException {
    step.coolDown().waiting(state, millis);
    try {
      step.settings().sleeper().sleep(Duration.ofMillis(millis), call::isCancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      step.cancelled(state);
      throw new InterruptedIOException("interrupted while waiting to send again");
    }
  }

  /**
   * Waits out the origin's cool-down before a send: null when the call may send now, else the
   * answer made without sending (the adapter's; it may throw its client's exception instead).
   */
  private <Q, R> @Nullable R admitted(CallState<Q> state, ClientCall<Q, R> call)
      throws IOException {
    for (Admission a; (a = step.coolDown().admit(state, call)) != null; ) {
      if (a.kind() == Admission.Kind.REJECT) {
        return step.coolDown().heldBack(state, call, a);
      }
      pause(state, call, a.duration().toMillis());
      if (call.isCancelled()) {
        step.cancelled(state);
        throw new InterruptedIOException("Canceled");
      }
    }
    return null;
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
