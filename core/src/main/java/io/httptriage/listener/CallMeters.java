package io.httptriage.listener;

import io.httptriage.classify.FailureKind;
import io.httptriage.classify.Verdict;
import io.httptriage.classify.WaitSource;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageEvent.ExchangeCompleted;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of whole calls and of retry waits, next to the counters of {@link TriageMeters}: a
 * timer of the logical call by outcome, final verdict and the kind of transport failure that ended
 * it ({@code error}: {@code none} when a response did), a distribution summary of the requests sent
 * per call, and a timer of the waits before retries by where the wait came from. Every tag is from
 * an enum or the client's name.
 *
 * <p>Thread-safe; meters are registered on first use and kept.
 */
final class CallMeters {
  static final String CALLS = "httptriage.calls";
  static final String ATTEMPTS = "httptriage.call.attempts";
  static final String WAITS = "httptriage.retry.waits";

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Verdict.Kind[] VERDICTS = Verdict.Kind.values();
  private static final WaitSource[] SOURCES = WaitSource.values();

  /** The {@code error} tag's values: {@code none}, then each {@link FailureKind}'s tag. */
  private static final int ERRORS = FailureKind.values().length + 1;

  private final MeterRegistry registry;
  private final String client;
  private final AtomicReferenceArray<Timer> calls =
      new AtomicReferenceArray<>(OUTCOMES.length * VERDICTS.length * ERRORS);
  private final AtomicReferenceArray<Timer> waits = new AtomicReferenceArray<>(SOURCES.length);
  private final DistributionSummary attempts;

  CallMeters(MeterRegistry registry, String client) {
    this.registry = registry;
    this.client = client;
    this.attempts =
        DistributionSummary.builder(ATTEMPTS)
            .description("Requests sent per logical call, retries and redirects included")
            .tag("client", client)
            .register(registry);
  }

  /**
   * Times the call and records its requests.
   *
   * @param verdict the event's {@link ExchangeCompleted#verdict()}, as the listener parsed it
   */
  void completed(ExchangeCompleted e, Verdict.Kind verdict) {
    Outcome outcome = Outcome.forStatus(e.status());
    int error = e.failure().map(CallMeters::errorSlot).orElse(0);
    int slot = (outcome.ordinal() * VERDICTS.length + verdict.ordinal()) * ERRORS + error;
    Timer timer = calls.get(slot);
    if (timer == null) {
      timer =
          Timer.builder(CALLS)
              .description(
                  "Logical calls, from the first request to the response the caller receives")
              .tag("client", client)
              .tag("outcome", outcome.name())
              .tag("verdict", verdict.name())
              .tag("error", e.failure().orElse("none"))
              .register(registry);
      calls.set(slot, timer);
    }
    timer.record(e.duration().toNanos(), TimeUnit.NANOSECONDS);
    attempts.record(e.attempts());
  }

  void decided(AttemptDecided e) {
    if (!e.retries() || e.waitTime().isEmpty() || e.waitSource().isEmpty()) {
      return;
    }
    WaitSource source = WaitSource.valueOf(e.waitSource().get());
    Timer timer = waits.get(source.ordinal());
    if (timer == null) {
      timer =
          Timer.builder(WAITS)
              .description("Waits before retries, by where the wait came from")
              .tag("client", client)
              .tag("source", source.name())
              .register(registry);
      waits.set(source.ordinal(), timer);
    }
    timer.record(e.waitTime().get().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The slot of an {@code error} tag value: 1 + the ordinal of the kind that writes it. */
  private static int errorSlot(String tag) {
    for (FailureKind k : FailureKind.values()) {
      if (k.tag().equals(tag)) {
        return k.ordinal() + 1;
      }
    }
    return 0;
  }
}
