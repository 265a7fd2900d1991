package io.httptriage.triage;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.lint.ConformanceLint;
import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.redirect.FollowDecision;
import io.httptriage.redirect.RedirectAudit;
import io.httptriage.redirect.RedirectFollower;
import io.httptriage.retry.RetryEngine;
import io.httptriage.retry.RetryEvent;
import io.httptriage.retry.RetryListener;
import io.httptriage.retry.RetrySettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of one client: takes each exchange through the retry engine, policy-driven
 * redirects (in {@link RedirectMode#POLICY}), the redirect audit, the conformance lint, the
 * listener and the observer. Adapters create one per client — the retry budget is shared by all of
 * that client's calls — and call {@link #execute} or {@link #executeAsync} with a {@link
 * ClientCall} that translates their types.
 *
 * <p>The order for one exchange: each hop is sent through {@link RetryEngine} (retried there when
 * its status and request allow); in POLICY mode a redirect the {@link RedirectFollower} accepts is
 * discarded and followed with the follow-up request the adapter builds; the final response is
 * classified, the chain audited when there was one (or the final response is a redirect), the
 * final response linted, and the result reported. The final response always reaches the caller:
 * a stopped redirect (downgrade, loop, too many hops, 305) comes back as it is, with its finding.
 *
 * <p>Thread-safe. Listener and observer failures are logged and never reach the caller.
 *
 * <pre>{@code
 * Triage triage = Triage.of(TriageConfig.ofDefaults());
 * Response response = triage.execute(request, okHttpCall, chain::proceed);
 * }</pre>
 */
public final class Triage {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

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
  private final Classifier classifier;
  private final RetryEngine engine;
  private final RedirectFollower follower;
  private final RedirectAudit audit;
  private final ConformanceLint lint = ConformanceLint.ofDefaults();
  private final TriageListener listener;

  private Triage(TriageConfig config, String adapterName) {
    this.config = config;
    this.listener = config.listenerFor(adapterName);
    RetrySettings retry = config.retry();
    RetryListener userRetryListener = retry.listener();
    RetrySettings wired = retry.toBuilder()
        .listener(event -> {
          userRetryListener.onEvent(event);
          report(event);
        })
        .build();
    this.classifier = Classifier.of(config.policyTable(), retry.clock());
    this.engine = RetryEngine.of(wired, config.policyTable());
    this.follower = RedirectFollower.of(config.redirects(), classifier);
    this.audit = RedirectAudit.of(config.redirects(), config.policyTable());
  }

  /**
   * The runtime of a configuration. Make one per client and keep it.
   *
   * @param config the configuration
   * @return the runtime
   * @throws IllegalArgumentException when {@code config} is null
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

  /** {@return the retry engine, whose {@link RetryEngine#retry()} is the resilience4j Retry} */
  public RetryEngine retryEngine() {
    return engine;
  }

  /** {@return the classifier of this configuration's policy table} */
  public Classifier classifier() {
    return classifier;
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
   * @throws IOException from the client, unchanged
   */
  public <Q, R> R execute(Q request, ClientCall<Q, R> call, Send<Q, R> send) throws IOException {
    Q current = request;
    RequestView view = null; // built only when a decision needs it
    List<Hop> hops = null;
    while (true) {
      long start = engine.begin();
      R response = send.send(current);
      int status = call.status(response);
      if (engine.mayRetry(status)) {
        view = call.requestView(current);
        Attempt<Q, R> attempt = new Attempt<>(call, send, current);
        response = engine.continueAfter(view, response, start, attempt, attempt, attempt, attempt);
        status = call.status(response);
      }
      if (config.redirectMode() == RedirectMode.POLICY && isRedirection(status)) {
        view = view != null ? view : call.requestView(current);
        FollowDecision.Follow plan = followPlan(view, call, response, hops);
        Q next = plan == null ? null : followUp(call, current, plan);
        if (next != null) {
          hops = addHop(hops, view, call.responseView(response));
          call.discard(response);
          if (call.isCancelled()) {
            throw new InterruptedIOException("Canceled");
          }
          current = next;
          view = null;
          continue;
        }
      }
      if (hops != null || call.isRedirected(response) || !completeQuickly(status)) {
        complete(request, view != null ? view : call.requestView(current), response, call, hops);
      }
      return response;
    }
  }

  /**
   * Reports a single-hop exchange whose verdict depends on its status alone and whose response the
   * lint cannot fault (a 200, a 204...), without building any view: the path nearly every call
   * takes. False when the full report is needed.
   */
  private boolean completeQuickly(int status) {
    if (config.observer().isPresent() || isRedirection(status) || !lint.findsNothingFor(status)) {
      return false;
    }
    Optional<Verdict> verdict = classifier.statusOnlyVerdict(status);
    if (verdict.isEmpty()) {
      return false;
    }
    try {
      listener.exchangeCompleted(status, verdict.get().kind(), List.of());
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report an exchange; the response is returned unchanged", e);
    }
    return true;
  }

  /**
   * One hop's attempt, in the shapes the retry engine asks for — one object rather than four
   * lambdas, because every call pays for it.
   */
  private static final class Attempt<Q, R>
      implements RetryEngine.Attempt<R>, Function<R, ResponseView>, Consumer<R>, BooleanSupplier {
    private final ClientCall<Q, R> call;
    private final Send<Q, R> send;
    private final Q request;

    Attempt(ClientCall<Q, R> call, Send<Q, R> send, Q request) {
      this.call = call;
      this.send = send;
      this.request = request;
    }

    @Override
    public R send() throws IOException {
      return send.send(request);
    }

    @Override
    public ResponseView apply(R response) {
      return call.responseView(response);
    }

    @Override
    public void accept(R response) {
      call.discard(response);
    }

    @Override
    public boolean getAsBoolean() {
      return call.isCancelled();
    }
  }

  /**
   * Runs one exchange asynchronously; retry waits are scheduled, never slept. Cancelling the
   * returned future stops further attempts and follow-ups.
   *
   * @param request the caller's request
   * @param call the adapter's translations
   * @param send sends one request on the client
   * @param <Q> the client's request type
   * @param <R> the client's response type
   * @return the final response
   */
  public <Q, R> CompletableFuture<R> executeAsync(Q request, ClientCall<Q, R> call, SendAsync<Q, R> send) {
    CompletableFuture<R> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    result.whenComplete((r, e) -> {
      CompletableFuture<?> pending = inFlight.get();
      if (result.isCancelled() && pending != null) {
        pending.cancel(true);
      }
    });
    hopAsync(request, request, call.requestView(request), null, call, send, result, inFlight);
    return result;
  }

  private <Q, R> void hopAsync(
      Q original, Q current, RequestView view, List<Hop> hops, ClientCall<Q, R> call,
      SendAsync<Q, R> send, CompletableFuture<R> result, AtomicReference<CompletableFuture<?>> inFlight) {
    CompletableFuture<R> attempt;
    try {
      attempt = engine.<R>executeAsync(view, () -> send.send(current), call::responseView, call::discard,
          scheduler()).toCompletableFuture();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    inFlight.set(attempt);
    if (result.isCancelled()) {
      attempt.cancel(true);
    }
    attempt.whenComplete((response, error) -> {
      if (error != null) {
        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
        return;
      }
      if (result.isDone()) {
        call.discard(response);
        return;
      }
      try {
        FollowDecision.Follow plan = followPlan(view, call, response, hops);
        Q next = plan == null ? null : followUp(call, current, plan);
        if (next == null) {
          complete(original, view, response, call, hops);
          if (!result.complete(response)) {
            call.discard(response);
          }
          return;
        }
        List<Hop> more = addHop(hops, view, call.responseView(response));
        call.discard(response);
        hopAsync(original, next, call.requestView(next), more, call, send, result, inFlight);
      } catch (RuntimeException e) {
        call.discard(response);
        result.completeExceptionally(e);
      }
    });
  }

  /** In POLICY mode, the plan to follow this response; null when it is final. */
  private <Q, R> FollowDecision.Follow followPlan(
      RequestView request, ClientCall<Q, R> call, R response, List<Hop> hops) {
    if (config.redirectMode() != RedirectMode.POLICY) {
      return null;
    }
    ResponseView view = call.responseView(response);
    if (!isRedirection(view.status())) {
      return null;
    }
    FollowDecision decision = follower.decide(request, view, hops == null ? List.of() : hops);
    return decision instanceof FollowDecision.Follow ? (FollowDecision.Follow) decision : null;
  }

  /**
   * The adapter's request for a redirect core decided to follow; null when the client refuses to
   * address the target (OkHttp's HttpUrl rejects hosts and ports java.net.URI accepts), and the
   * redirect is then handed back as the final response rather than failing the call. Only the
   * exception's type is logged: its message may quote the target, query and all.
   */
  private static <Q, R> @Nullable Q followUp(ClientCall<Q, R> call, Q request, FollowDecision.Follow plan) {
    try {
      return call.followUp(request, plan);
    } catch (RuntimeException e) {
      LOG.debug("httptriage cannot follow a {} to a target this client refuses ({});"
          + " the redirect is returned as final", plan.status(), e.getClass().getName());
      return null;
    }
  }

  private static List<Hop> addHop(List<Hop> hops, RequestView request, ResponseView response) {
    List<Hop> list = hops == null ? new ArrayList<>(4) : hops;
    list.add(Hop.of(request, response));
    return list;
  }

  private <Q, R> void complete(Q original, RequestView lastRequest, R response, ClientCall<Q, R> call,
      List<Hop> hops) {
    try {
      ResponseView finalView = call.responseView(response);
      Verdict verdict = classifier.classify(lastRequest, finalView);
      List<Finding> lintFindings = lint.lint(lastRequest, finalView);
      Exchange exchange = null;
      List<Finding> findings = lintFindings;
      if (config.redirectMode() == RedirectMode.POLICY) {
        if (hops != null || isRedirection(finalView.status()) || config.observer().isPresent()) {
          exchange = Exchange.of(hops == null ? List.of() : hops, Hop.of(lastRequest, finalView), true);
        }
      } else if (call.isRedirected(response) || isRedirection(finalView.status())
          || config.observer().isPresent()) {
        exchange = call.reportedExchange(original, response);
      }
      if (exchange != null && (!exchange.hops().isEmpty() || isRedirection(finalView.status()))) {
        List<Finding> auditFindings = audit.audit(exchange);
        if (!auditFindings.isEmpty()) {
          List<Finding> all = new ArrayList<>(auditFindings.size() + lintFindings.size());
          all.addAll(auditFindings);
          all.addAll(lintFindings);
          findings = List.copyOf(all);
        }
      }
      listener.exchangeCompleted(finalView.status(), verdict.kind(), findings);
      if (exchange != null && config.observer().isPresent()) {
        config.observer().get().exchangeCompleted(exchange, verdict, findings);
      }
    } catch (RuntimeException e) {
      LOG.warn("httptriage could not report an exchange; the response is returned unchanged", e);
    }
  }

  private void report(RetryEvent event) {
    try {
      listener.retryDecided(event.outcome().name(), event.status(), event.method());
    } catch (RuntimeException e) {
      LOG.warn("httptriage listener failed on a retry decision", e);
    }
  }

  private ScheduledExecutorService scheduler() {
    return config.scheduler().orElseGet(SharedScheduler::get);
  }

  private static boolean isRedirection(int status) {
    return status >= 300 && status <= 399;
  }

  /** One daemon thread for the asynchronous retry waits of every client without a scheduler. */
  private static final class SharedScheduler {
    private static final ScheduledExecutorService INSTANCE = create();

    static ScheduledExecutorService get() {
      return INSTANCE;
    }

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "httptriage-retry-scheduler");
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
