package io.httptriage.retry;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetryEvent.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a request again when its response may be retried: after the wait the server asked for
 * (Retry-After, or the reset of an exhausted RateLimit quota) or a jittered backoff, within a
 * deadline, and within a retry budget shared by every call made through this engine. Make one
 * engine per client, so that the budget sees all of that client's traffic. What is retried, and
 * why the defaults are what they are, is described in {@link RetrySettings}; the order of the
 * checks is first-refusal-wins: status listed, body replayable, policy (idempotency), attempts
 * left, wait within the cap, deadline, budget.
 *
 * <p>Both paths are client-neutral: the caller passes a function that performs one attempt and
 * returns its client's response type {@code R}, a function that views an {@code R} as a {@link
 * ResponseView}, and a discard callback. Every response that is not handed back to the caller is
 * passed to the discard callback before the next attempt starts (in fact before the wait), so that
 * adapters can close it and free its connection. A response that is accepted at once costs a budget
 * count and a table lookup, no more: the retry machinery is set up only when a response calls for a
 * decision.
 *
 * <h2>resilience4j</h2>
 *
 * Attempts are counted and retry events published by a resilience4j {@link Retry}, exposed by
 * {@link #retry()} for its event publisher and metrics (create it in a registry with {@link
 * RetrySettings.Builder#retryRegistry} for Micrometer's {@code TaggedRetryMetrics}). The engine
 * shows resilience4j a decision per response; its result predicate and interval function only read
 * that decision, so resilience4j stops exactly where the engine refuses (a refusal is a result it
 * does not retry, never a negative interval) and waits exactly the interval the engine computed.
 * Two consequences are deliberate:
 *
 * <ul>
 *   <li>The synchronous path drives resilience4j through {@link Retry#asyncContext()}, which returns
 *       the interval instead of sleeping: resilience4j's synchronous context sleeps through a
 *       static, JVM-wide function, which cannot be injected per engine and would make tests sleep.
 *       The engine sleeps through the {@link Sleeper} of its settings.
 *   <li>A call whose first response is accepted never reaches resilience4j, so its metrics count
 *       only calls that met a retryable status: "successful without retry" are those where the
 *       engine refused at once (e.g. a POST), "failed with retry" those that ran out of attempts.
 *       {@link RetryEvent}s give the reason for every refusal.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * An {@link IOException} from an attempt is not retried here (clients retry connection failures
 * themselves); it propagates unchanged, after a {@link Outcome#RETRY_FAILED_IO} event when it was a
 * retry. Runtime exceptions from the caller's functions propagate too.
 *
 * <p>Thread-safe: one engine serves any number of concurrent calls.
 *
 * <pre>{@code
 * RetryEngine engine = RetryEngine.of(RetrySettings.builder().retryOn(429, 503).build());
 * Response response = engine.execute(requestView,
 *     () -> client.newCall(request).execute(),                                  // one attempt
 *     r -> ResponseView.of(r.code(), Headers.copyOf(r.headers().toMultimap())), // R -> view
 *     Response::close);                                     // closes what is not returned
 * }</pre>
 */
public final class RetryEngine {
  private static final BooleanSupplier NEVER_CANCELLED = () -> false;


  /**
   * Performs one attempt of a request and returns the client's response.
   *
   * @param <R> the client's response type
   */
  @FunctionalInterface
  public interface Attempt<R> {
    /**
     * Sends the request once.
     *
     * @return the response
     * @throws IOException when the exchange fails
     */
    R send() throws IOException;
  }

  private final RetrySettings settings;
  private final PolicyTable table;
  private final RetryBudget budget;
  private final RetryDecider decider;
  private final Retry retry;

  private RetryEngine(RetrySettings settings, PolicyTable table) {
    this.settings = settings;
    this.table = table;
    this.budget = new RetryBudget(settings.clock(), settings.budgetRatio(),
        settings.budgetMinRetriesPerSecond(), settings.budgetWindow().toMillis());
    this.decider = new RetryDecider(settings, table, budget);
    this.retry = createRetry(settings);
  }

  /**
   * An engine with these settings on the default policy table.
   *
   * @param settings the limits and timing of retries
   * @return the engine
   * @throws IllegalArgumentException when {@code settings} is null, or its registry already holds
   *     a different Retry of the same name
   */
  public static RetryEngine of(RetrySettings settings) {
    return of(settings, PolicyTable.ofDefaults());
  }

  /**
   * An engine with these settings on a policy table, which decides which requests may be resent
   * for each listed status.
   *
   * @param settings the limits and timing of retries
   * @param table the policy table
   * @return the engine
   * @throws IllegalArgumentException when an argument is null, or the settings' registry already
   *     holds a different Retry of the same name
   */
  public static RetryEngine of(RetrySettings settings, PolicyTable table) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: must not be null");
    }
    if (table == null) {
      throw new IllegalArgumentException("table: must not be null");
    }
    return new RetryEngine(settings, table);
  }

  /** {@return the settings} */
  public RetrySettings settings() {
    return settings;
  }

  /** {@return the policy table} */
  public PolicyTable policyTable() {
    return table;
  }

  /** {@return the resilience4j Retry that counts attempts and publishes retry events} */
  public Retry retry() {
    return retry;
  }

  /** {@return how many retries the budget has refused since this engine was built} */
  public long budgetRefusals() {
    return budget.refusals();
  }

  /**
   * Performs a request, retrying as the settings allow; the calling thread waits between attempts
   * through the settings' {@link Sleeper}.
   *
   * @param request the request, as core sees it
   * @param attempt sends the request once
   * @param view views a response
   * @param discard receives each response that will not be returned, before the next attempt
   * @param <R> the client's response type
   * @return the response to hand to the caller
   * @throws IOException from an attempt, unchanged; {@link InterruptedIOException} when the thread
   *     is interrupted while waiting (the last response was already discarded)
   */
  public <R> R execute(
      RequestView request,
      Attempt<? extends R> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard)
      throws IOException {
    return execute(request, attempt, view, discard, NEVER_CANCELLED);
  }

  /**
   * As {@link #execute(RequestView, Attempt, Function, Consumer)}, for a call that can be cancelled
   * (OkHttp's {@code Call.cancel()}): a wait ends early when {@code cancelled} turns true, and no
   * attempt starts after it.
   *
   * @param cancelled polled before each retry and during its wait
   * @param <R> the client's response type
   * @param request the request as core sees it
   * @param attempt sends the request once
   * @param view the response as core sees it
   * @param discard releases a response that will not reach the caller
   * @return the final response
   * @throws IOException from an attempt, unchanged; {@link InterruptedIOException} ("Canceled")
   *     when the call was cancelled while a retry was pending (the last response was already
   *     discarded)
   */
  public <R> R execute(
      RequestView request,
      Attempt<? extends R> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      BooleanSupplier cancelled)
      throws IOException {
    long start = begin();
    R response = attempt.send();
    ResponseView seen = viewOrDiscard(view, discard, response);
    if (!mayRetry(seen.status())) {
      return response;
    }
    return retryLoop(request, attempt, view, discard, start, response, seen, cancelled);
  }

  /**
   * Counts one logical request in the retry budget, for a caller that sends the first attempt
   * itself and asks {@link #mayRetry(int)} before handing over with {@link #continueAfter}.
   *
   * @return the start time, to pass to {@link #continueAfter}
   */
  public long begin() {
    return budget.onRequest();
  }

  /**
   * {@return true when the settings list this status as one to retry; false means the response is final}
   *
   * @param status the response status
   */
  public boolean mayRetry(int status) {
    return settings.retries(status);
  }

  /**
   * Goes on from a first response the caller already has (after {@link #begin()}), exactly as
   * {@link #execute(RequestView, Attempt, Function, Consumer, BooleanSupplier)} would after its
   * first attempt. Lets a caller keep the common, final first response free of any allocation.
   *
   * @param first the first response, whose status {@link #mayRetry(int)} accepted
   * @param start what {@link #begin()} returned
   * @param <R> the client's response type
   * @param request the request as core sees it
   * @param attempt sends the request once
   * @param view the response as core sees it
   * @param discard releases a response that will not reach the caller
   * @param cancelled polled before each retry and during its wait
   * @return the final response
   * @throws IOException from an attempt, unchanged
   */
  public <R> R continueAfter(
      RequestView request,
      R first,
      long start,
      Attempt<? extends R> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      BooleanSupplier cancelled)
      throws IOException {
    ResponseView seen = viewOrDiscard(view, discard, first);
    return retryLoop(request, attempt, view, discard, start, first, seen, cancelled);
  }

  private <R> R retryLoop(
      RequestView request,
      Attempt<? extends R> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      long start,
      R first,
      ResponseView firstView,
      BooleanSupplier cancelled)
      throws IOException {
    budget.onFailedFirstAttempt(); // the first answer needs a retry: it earns the budget nothing
    Retry.AsyncContext<Decision> context = retry.asyncContext();
    R response = first;
    ResponseView seen = firstView;
    for (int n = 1; ; n++) {
      Decision decision = decider.decide(request, seen, n, start);
      long wait = context.onResult(decision);
      decider.report(decision, request, seen.status(), n, start);
      if (!decision.retries()) {
        context.onComplete();
        return response;
      }
      discard.accept(response);
      try {
        settings.sleeper().sleep(Duration.ofMillis(wait), cancelled);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        decider.report(Decision.CANCELLED, request, seen.status(), n, start);
        throw new InterruptedIOException(
            "interrupted while waiting to retry " + request.method());
      }
      if (cancelled.getAsBoolean()) {
        decider.report(Decision.CANCELLED, request, seen.status(), n, start);
        throw new InterruptedIOException("Canceled");
      }
      try {
        response = attempt.send();
      } catch (IOException e) {
        context.onError(e);
        decider.report(Decision.of(Outcome.RETRY_FAILED_IO), request, 0, n + 1, start);
        throw e;
      }
      seen = viewOrDiscard(view, discard, response);
    }
  }

  /**
   * Performs a request asynchronously, retrying as the settings allow. Waits are scheduled on
   * {@code scheduler} through resilience4j's {@link Retry#executeCompletionStage}; no thread is
   * blocked (the {@link Sleeper} is not used). The first attempt starts on the calling thread,
   * later ones on the scheduler's.
   *
   * <p>Cancelling the returned future stops further attempts: no attempt starts after it, the one
   * in flight is cancelled when its stage allows, and any response that still arrives is
   * discarded. A wait already scheduled runs out on the scheduler and then does nothing.
   *
   * @param request the request, as core sees it
   * @param attempt starts one attempt
   * @param view views a response
   * @param discard receives each response that will not be returned, before the next attempt
   * @param scheduler schedules the waits
   * @param <R> the client's response type
   * @return the response to hand to the caller, or the attempt's failure
   */
  public <R> CompletionStage<R> executeAsync(
      RequestView request,
      Supplier<? extends CompletionStage<? extends R>> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      ScheduledExecutorService scheduler) {
    long start = budget.onRequest();
    CompletableFuture<R> result = new CompletableFuture<>();
    CompletionStage<? extends R> first;
    try {
      first = attempt.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    if (first instanceof Future) {
      // Cancelling the caller's future cancels the first attempt too, not only later ones.
      Future<?> inFlight = (Future<?>) first;
      result.whenComplete((r, e) -> {
        if (result.isCancelled()) {
          try {
            inFlight.cancel(true);
          } catch (UnsupportedOperationException minimalStage) {
            // a stage that cannot be cancelled: its late response is discarded below
          }
        }
      });
    }
    first.whenComplete((response, error) -> {
      try {
        if (error != null) {
          result.completeExceptionally(unwrap(error));
        } else if (result.isDone()) {
          discard.accept(response);
        } else {
          ResponseView seen = viewOrDiscard(view, discard, response);
          if (!settings.retries(seen.status())) {
            if (!result.complete(response)) {
              discard.accept(response);
            }
          } else {
            budget.onFailedFirstAttempt();
            new AsyncRun<R>(this, request, attempt, view, discard, scheduler, result, start)
                .start(response, seen);
          }
        }
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  RetryDecider decider() {
    return decider;
  }

  /** Views a response; when the view fails, the response is discarded before the error goes on. */
  static <R> ResponseView viewOrDiscard(
      Function<? super R, ? extends ResponseView> view, Consumer<? super R> discard, R response) {
    try {
      return view.apply(response);
    } catch (RuntimeException e) {
      discard.accept(response);
      throw e;
    }
  }

  static Throwable unwrap(Throwable t) {
    if ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      return t.getCause();
    }
    return t;
  }

  private static Retry createRetry(RetrySettings settings) {
    RetryConfig config = RetryConfig.<Decision>custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnResult(Decision::wantsRetry)
        // Only called for results the predicate retries, whose wait is never negative.
        .intervalBiFunction((attempt, result) ->
            result.isRight() ? Math.max(0L, result.get().waitMillis()) : 0L)
        .retryOnException(e -> false)
        .failAfterMaxAttempts(false)
        .build();
    if (settings.retryRegistry().isEmpty()) {
      return Retry.of(settings.name(), config);
    }
    RetryRegistry registry = settings.retryRegistry().get();
    Retry retry = registry.retry(settings.name(), config);
    if (retry.getRetryConfig() != config) {
      throw new IllegalArgumentException("name: the registry already holds a Retry named '"
          + settings.name() + "'; give each engine its own name");
    }
    return retry;
  }
}
