package io.httptriage.retry;

import io.github.resilience4j.retry.Retry;
import io.httptriage.engine.ClientCall;
import io.httptriage.engine.Triage;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.PolicyTable;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The triage runtime seen from the retry tests: one client's runtime, driven by a scripted server
 * through a minimal {@link ClientCall}, with the settings and table under test and no listener.
 */
final class Engine {
  /** Sends the request once. */
  @FunctionalInterface
  interface Attempt<R> {
    R send() throws IOException;
  }

  private final Triage triage;

  /** The scheduler of the call under way: the runtime is built before a test names it. */
  private volatile ScheduledExecutorService scheduler;

  private Engine(TriageConfig config) {
    ScheduledExecutorService delegating =
        (ScheduledExecutorService)
            Proxy.newProxyInstance(
                Engine.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class},
                (proxy, method, args) -> {
                  try {
                    return method.invoke(scheduler, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    this.triage = Triage.of(config.toBuilder().scheduler(delegating).build());
  }

  static Engine of(RetrySettings settings) {
    return of(settings, PolicyTable.ofDefaults());
  }

  /**
   * Where the engines built next report their decisions; set by each new {@link Harness}, so that
   * the retry tests read the decisions the runtime reports to its listener.
   */
  static volatile TriageListener listener = TriageListener.noop();

  static Engine of(RetrySettings settings, PolicyTable table) {
    return new Engine(
        TriageConfig.builder().retry(settings).policyTable(table).listener(listener).build());
  }

  /** An engine whose origins never cool down: each call keeps to its own retries. */
  static Engine withoutCoolDown(RetrySettings settings) {
    return new Engine(
        TriageConfig.builder().retry(settings).listener(listener).coolDown(false).build());
  }

  Retry retry() {
    return triage.retry();
  }

  long budgetRefusals() {
    return triage.budgetRefusals();
  }

  long budgetRemaining() {
    return triage.budgetRemaining();
  }

  <R> R execute(
      RequestView request,
      Attempt<? extends R> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard)
      throws IOException {
    return triage.execute(request, new Call<R>(view, discard), r -> attempt.send());
  }

  <R> CompletionStage<R> executeAsync(
      RequestView request,
      Supplier<? extends CompletionStage<? extends R>> attempt,
      Function<? super R, ? extends ResponseView> view,
      Consumer<? super R> discard,
      ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    return triage.executeAsync(
        request, new Call<R>(view, discard), r -> future(attempt.get(), discard));
  }

  /**
   * The stage itself when it is a future, so that cancelling reaches it; else a future of it, and a
   * response the stage still delivers after that future was cancelled is discarded.
   */
  @SuppressWarnings("unchecked")
  private static <R> CompletableFuture<R> future(
      CompletionStage<? extends R> stage, Consumer<? super R> discard) {
    if (stage instanceof CompletableFuture) {
      return (CompletableFuture<R>) stage;
    }
    CompletableFuture<R> relay = new CompletableFuture<>();
    stage.whenComplete(
        (r, e) -> {
          if (e != null) {
            relay.completeExceptionally(e);
          } else if (!relay.complete(r)) {
            discard.accept(r);
          }
        });
    return relay;
  }

  private static final class Call<R> implements ClientCall<RequestView, R> {
    private final Function<? super R, ? extends ResponseView> view;
    private final Consumer<? super R> discard;

    Call(Function<? super R, ? extends ResponseView> view, Consumer<? super R> discard) {
      this.view = view;
      this.discard = discard;
    }

    @Override
    public RequestView requestView(RequestView request) {
      return request;
    }

    @Override
    public ResponseView responseView(R response) {
      return view.apply(response);
    }

    @Override
    public Exchange reportedExchange(RequestView request, R response) {
      return Exchange.single(Hop.of(request, responseView(response)));
    }

    @Override
    public RequestView followUp(RequestView request, FollowDecision.Follow plan) {
      throw new IllegalArgumentException("the retry tests follow no redirect");
    }

    @Override
    public boolean isRedirected(R response) {
      return false;
    }

    @Override
    public void discard(R response) {
      discard.accept(response);
    }
  }
}
