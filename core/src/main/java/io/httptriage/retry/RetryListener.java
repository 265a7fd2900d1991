package io.httptriage.retry;

/**
 * Receives every retry decision of a client's triage runtime as a {@link RetryEvent}: for metrics and logs.
 *
 * <p>Called on the thread that made the decision (the caller's thread on the synchronous path, a
 * client or scheduler thread on the asynchronous one), so implementations must be thread-safe and
 * quick. An exception thrown by a listener is swallowed: observing a call must not change its
 * outcome or leak the response it was about to close.
 *
 * <p>The same decisions reach {@link io.httptriage.observe.TriageListener#attemptDecided} as
 * {@link io.httptriage.observe.TriageEvent.AttemptDecided}, which also carries the redacted
 * target, the hop, the attempts allowed and the gate that refused: prefer it for new code.
 *
 * <pre>{@code
 * RetrySettings settings = RetrySettings.builder()
 *     .listener(e -> log.info("{} {} after attempt {}: {}", e.method(), e.status(), e.attempt(), e.outcome()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RetryListener {

  /**
   * Receives one decision.
   *
   * @param event what was decided
   */
  void onEvent(RetryEvent event);

  /** {@return the listener that ignores every event; no event is built when it is in use} */
  static RetryListener noop() {
    return NoopListener.INSTANCE;
  }
}

/** The listener behind {@link RetryListener#noop()}. */
enum NoopListener implements RetryListener {
  INSTANCE;

  @Override
  public void onEvent(RetryEvent event) {
    // nothing to do
  }
}
