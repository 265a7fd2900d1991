package io.httptriage.engine;

import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.triage.TriageConfig;
import java.util.ArrayList;
import java.util.List;

/** Who hears a client's events, and the name the client goes by in them. Stateless. */
final class ClientListeners {
  private ClientListeners() {}

  /**
   * The listener of one client: the one the configuration names, or a new {@link
   * DefaultTriageListener} with its registry, rate, the retry clock and the client's name, so that
   * no state of the default listener (its storm guard) is shared between clients; then the added
   * listeners, in order.
   *
   * @param config the configuration
   * @param adapterName the client's name when the configuration names none
   * @return the listener
   */
  static TriageListener of(TriageConfig config, String adapterName) {
    TriageListener first =
        config
            .listener()
            .orElseGet(
                () -> {
                  DefaultTriageListener.Builder b =
                      DefaultTriageListener.builder()
                          .clock(config.retry().clock())
                          .clientName(config.clientName().orElse(adapterName))
                          .maxLinesPerSecond(config.maxLogLinesPerSecond());
                  config.meterRegistry().ifPresent(b::meterRegistry);
                  return b.build();
                });
    List<TriageListener> added = config.addedListeners();
    if (added.isEmpty()) {
      return first;
    }
    List<TriageListener> all = new ArrayList<>(added.size() + 1);
    all.add(first);
    all.addAll(added);
    return TriageListener.composite(all);
  }

  /**
   * The name of a client: its default listener's (the user's own, or the one made for it), else the
   * configured name, else the adapter's.
   */
  static String nameOf(TriageConfig config, TriageListener listener, String adapterName) {
    return config.listener().orElse(listener) instanceof DefaultTriageListener d
        ? d.clientName()
        : config.clientName().orElse(adapterName);
  }
}
