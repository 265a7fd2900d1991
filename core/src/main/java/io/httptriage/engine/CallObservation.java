package io.httptriage.engine;

import io.httptriage.classify.FailureKind;
import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import io.httptriage.observe.DefaultTriageObservationConvention;
import io.httptriage.observe.TriageObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Micrometer observations of one call: the call's, open from before the first request until the
 * caller gets the final response, and as its children one per request sent, each started before its
 * send and stopped once its response was decided about. The synchronous driver opens the call's
 * scope on the caller's thread, so that the client's own instrumentation and anything else observed
 * there nests under the call; the asynchronous one names the parent explicitly, and each attempt
 * starts inside the call's scope so that a tracer parents it to the call, not to a span the
 * caller's thread holds.
 *
 * <p>Findings become events on the attempt that received the response of their hop while it is open
 * (the final one), else on the call, naming the hop.
 *
 * <p>Built only when the configuration has an observation registry that is not a no-op. Used by one
 * call, from one thread at a time.
 */
final class CallObservation {
  private static final ObservationConvention<TriageObservationContext> DEFAULT =
      new DefaultTriageObservationConvention();

  private final ObservationRegistry registry;
  private final ObservationConvention<TriageObservationContext> convention;
  private final TriageObservationContext callContext;
  private final Observation call;
  private Observation.@Nullable Scope scope;
  private @Nullable Observation attempt;
  private @Nullable TriageObservationContext attemptContext;
  private int sent;
  private boolean stopped;

  private CallObservation(
      ObservationRegistry registry,
      @Nullable ObservationConvention<TriageObservationContext> custom,
      String client,
      String method,
      Optional<String> target) {
    this.registry = registry;
    this.callContext = TriageObservationContext.ofCall(client, method, target);
    this.convention = custom != null ? custom : DEFAULT;
    this.call =
        Observation.createNotStarted(
                TriageObservationContext.CALL_NAME, () -> callContext, registry)
            .observationConvention(convention);
  }

  /** Starts the call's observation; {@code scoped} opens its scope on this thread. */
  static CallObservation start(
      ObservationRegistry registry,
      @Nullable ObservationConvention<TriageObservationContext> custom,
      String client,
      String method,
      Optional<String> target,
      boolean scoped) {
    CallObservation o = new CallObservation(registry, custom, client, method, target);
    o.call.start();
    if (scoped) {
      o.scope = o.call.openScope();
    }
    return o;
  }

  /**
   * A request is about to be sent: the attempt's observation starts, as a child of the call. Its
   * scope is returned open, for the driver to close once the send has started (before anything else
   * ends), so that the client's own instrumentation nests under the attempt.
   */
  Observation.Scope attemptStarted(
      int hop, int attemptOfHop, String method, Optional<String> target) {
    TriageObservationContext context =
        TriageObservationContext.ofAttempt(
            callContext.client(), method, target, hop, attemptOfHop, sent);
    sent++;
    Observation o =
        Observation.createNotStarted(TriageObservationContext.ATTEMPT_NAME, () -> context, registry)
            .observationConvention(convention)
            .parentObservation(call);
    // A tracer prefers the thread's current span to the parent observation's: when the call's
    // scope is not open here (the async driver), open it while the attempt starts, or the first
    // attempt would become a child of whatever span the caller's thread holds.
    Observation.Scope callScope =
        registry.getCurrentObservation() == call ? null : call.openScope();
    try {
      o.start();
    } finally {
      if (callScope != null) {
        callScope.close();
      }
    }
    attempt = o;
    attemptContext = context;
    return o.openScope();
  }

  /** The response of the attempt in flight was decided about: it ends. */
  void attemptEnded(int status, Verdict.Kind verdict, Optional<Verdict.Gate> gate) {
    Observation o = attempt;
    if (o == null) {
      return;
    }
    attemptContext.response(status, verdict.name(), gate.map(Enum::name));
    o.stop();
    attempt = null;
    attemptContext = null;
  }

  /** The attempt in flight failed without a response; {@code kind} when it was a transport one. */
  void attemptFailed(Throwable error, @Nullable FailureKind kind) {
    Observation o = attempt;
    if (o == null) {
      return;
    }
    attemptContext.failure(kind == null ? null : kind.tag());
    o.error(error);
    o.stop();
    attempt = null;
    attemptContext = null;
  }

  /**
   * A finding of the call: an event on the attempt of its hop while open, else on the call. The
   * event names the finding's own hop ({@link Finding#hopIndex()}, resolved by then).
   *
   * @param hop the hop of the attempt that saw the finding's response
   */
  void finding(Finding f, int hop) {
    Observation.Event event =
        Observation.Event.of(
            "httptriage.finding." + f.kind().name(),
            f.kind().name()
                + " ("
                + f.severity()
                + ") hop "
                + f.hopIndex()
                + ": "
                + f.explanation());
    Observation o = attempt;
    if (o != null && attemptContext != null && attemptContext.hop() == hop) {
      o.event(event);
    } else {
      call.event(event);
    }
  }

  /** The call is over with this final response. */
  void completed(int status, Verdict.Kind verdict, Optional<Verdict.Gate> gate, int hops) {
    completed(status, verdict, gate, hops, null);
  }

  /** The call ended with a failure that is not a transport one. */
  void failed(Throwable error) {
    failed(error, null);
  }

  /** The call is over with this final response; {@code failure} when the origin gave none. */
  void completed(
      int status,
      Verdict.Kind verdict,
      Optional<Verdict.Gate> gate,
      int hops,
      @Nullable FailureKind failure) {
    callContext.completed(
        status, verdict.name(), gate.map(Enum::name), hops, sent); // 0: held back by a cool-down
    callContext.failure(failure == null ? null : failure.tag());
    stop();
  }

  /** The call ended with a failure instead of a response; {@code kind} when a transport one. */
  void failed(Throwable error, @Nullable FailureKind kind) {
    Observation o = attempt;
    if (o != null) {
      attemptFailed(error, kind);
    }
    if (kind != null) {
      callContext.completed(0, "FAIL", Optional.empty(), 0, Math.max(1, sent));
      callContext.failure(kind.tag());
    }
    call.error(error);
    stop();
  }

  private void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    Observation.Scope s = scope;
    if (s != null) {
      scope = null;
      s.close();
    }
    call.stop();
  }
}
