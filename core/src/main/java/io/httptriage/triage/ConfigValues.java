package io.httptriage.triage;

import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.observe.TriageObservationContext;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The values of a {@link TriageConfig}: what its builder fills in and what a built configuration
 * keeps a private copy of, so that the two never share a mutable list.
 *
 * <p>Not thread-safe; a configuration's copy is never changed after it is built.
 */
final class ConfigValues {
  PolicyTable policyTable = PolicyTable.ofDefaults();
  RetrySettings retry = RetrySettings.ofDefaults();
  RedirectMode redirectMode = RedirectMode.CLIENT;
  RedirectSettings.Builder redirects = RedirectSettings.ofDefaults().toBuilder();
  TriageListener listener;
  final List<TriageListener> listeners = new ArrayList<>();
  String clientName;
  MeterRegistry meterRegistry;
  int maxLogLinesPerSecond = DefaultTriageListener.DEFAULT_MAX_LINES_PER_SECOND;
  ScheduledExecutorService scheduler;
  boolean staleIfError = true;
  boolean idempotencyKeys;
  boolean coolDown = true;
  ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
  ObservationConvention<TriageObservationContext> observationConvention;

  /** {@return a copy that shares nothing mutable with this one} */
  ConfigValues copy() {
    ConfigValues b = new ConfigValues();
    b.policyTable = policyTable;
    b.retry = retry;
    b.redirectMode = redirectMode;
    b.redirects = redirects.build().toBuilder();
    b.listener = listener;
    b.listeners.addAll(listeners);
    b.clientName = clientName;
    b.meterRegistry = meterRegistry;
    b.maxLogLinesPerSecond = maxLogLinesPerSecond;
    b.scheduler = scheduler;
    b.staleIfError = staleIfError;
    b.idempotencyKeys = idempotencyKeys;
    b.coolDown = coolDown;
    b.observationRegistry = observationRegistry;
    b.observationConvention = observationConvention;
    return b;
  }
}
