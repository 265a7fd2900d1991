package io.httptriage.spring;

import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageEvent;
import io.httptriage.triage.TriageConfig;

/**
 * The listener of the starter's {@link TriageConfig}: the default listener (log lines, meters, the
 * retry budget's gauge) that also tells {@link RecentFindings} each finding. The starter gives each
 * client it builds a listener of its own ({@link #forClient}), named after its adapter unless
 * {@code httptriage.client-name} names them all, so that each keeps its own storm guard, as a
 * client of a configuration without a listener does.
 *
 * <p>Thread-safe.
 */
final class StarterListener extends DefaultTriageListener {
  private final RecentFindings recent;
  private final boolean named;

  StarterListener(DefaultTriageListener.Builder settings, RecentFindings recent, boolean named) {
    super(settings);
    this.recent = recent;
    this.named = named;
  }

  @Override
  public void findingReported(TriageEvent.FindingReported event) {
    super.findingReported(event);
    recent.findingReported(event);
  }

  /**
   * The configuration a client of this adapter is built with: the starter's own with a listener of
   * the client's own, or {@code config} itself when its listener is not the starter's.
   *
   * @param config the application's configuration
   * @param adapterName {@code jdk} or {@code okhttp}
   * @return the client's configuration
   */
  static TriageConfig forClient(TriageConfig config, String adapterName) {
    if (config.listener().orElse(null) instanceof StarterListener starter) {
      DefaultTriageListener.Builder settings = starter.toBuilder();
      if (!starter.named) {
        settings.clientName(adapterName);
      }
      return config.toBuilder()
          .listener(new StarterListener(settings, starter.recent, starter.named))
          .build();
    }
    return config;
  }

  /**
   * The name a client built with {@code config} reports under, as the engine chooses it.
   *
   * @param config the client's configuration
   * @param adapterName {@code jdk} or {@code okhttp}
   * @return the client's name
   */
  static String clientName(TriageConfig config, String adapterName) {
    return config.listener().orElse(null) instanceof DefaultTriageListener d
        ? d.clientName()
        : config.clientName().orElse(adapterName);
  }
}
