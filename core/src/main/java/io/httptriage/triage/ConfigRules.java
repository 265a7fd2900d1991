package io.httptriage.triage;

import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import java.util.Locale;

/**
 * How the parts of a {@link TriageConfig} fit together: which combinations its builder refuses,
 * each with a message that says how to fix it, and which listener each client gets.
 */
final class ConfigRules {

  private ConfigRules() {}

  /**
   * The listener of one client: the configured one, or a new default listener of its own.
   *
   * @param config the configuration
   * @param adapterName the client's name when the configuration names none
   * @return the listener
   */
  static TriageListener listenerFor(TriageConfig config, String adapterName) {
    if (config.listener().isPresent()) {
      return config.listener().get();
    }
    DefaultTriageListener.Builder b =
        DefaultTriageListener.builder()
            .clock(config.retry().clock())
            .clientName(config.clientName().orElse(adapterName));
    config.meterRegistry().ifPresent(b::meterRegistry);
    return b.build();
  }

  /**
   * Refuses a listener when a setting only the default listener reads was given before it.
   *
   * @param meterRegistry the meter registry set before, or null
   * @param clientName the client name set before, or null
   */
  static void listenerAlone(Object meterRegistry, String clientName) {
    if (meterRegistry != null) {
      throw new IllegalArgumentException(
          "listener: a meterRegistry is already set; give it to your DefaultTriageListener instead");
    }
    if (clientName != null) {
      throw new IllegalArgumentException(
          "listener: a clientName is already set; give it to your DefaultTriageListener instead");
    }
  }

  /**
   * Refuses a meter registry once the user's own listener was set: it would not reach it.
   *
   * @param listener the listener set before, or null
   */
  static void registryBeforeListener(TriageListener listener) {
    if (listener != null) {
      throw new IllegalArgumentException(
          "meterRegistry: a listener is already set; give the registry to your DefaultTriageListener");
    }
  }

  /**
   * Refuses a client name once the user's own listener was set: it would not reach it.
   *
   * @param listener the listener set before, or null
   */
  static void nameBeforeListener(TriageListener listener) {
    if (listener != null) {
      throw new IllegalArgumentException(
          "clientName: a listener is already set, and the name would not reach it; give it to your"
              + " DefaultTriageListener's clientName instead");
    }
  }

  /**
   * Refuses a policy table with a retrying rule next to settings that allow a single attempt.
   *
   * @param policyTable the policy table
   * @param retry the retry settings
   */
  static void consistent(PolicyTable policyTable, RetrySettings retry) {
    if (retry.maxAttempts() != 1) {
      return;
    }
    for (PolicyRule rule : policyTable.rules()) {
      if (rule.retries()) {
        throw new IllegalArgumentException(
            "retry: maxAttempts is 1, so the rule "
                + rule
                + " of the policy table would never retry; raise maxAttempts or drop the rule");
      }
    }
  }

  /**
   * Refuses null, naming the parameter.
   *
   * @param <T> the value's type
   * @param name the parameter
   * @param value the value
   * @return the value
   */
  static <T> T nonNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + ": must not be null");
    }
    return value;
  }

  /** The text of {@link TriageConfig#toString()}. */
  static String describe(TriageConfig c) {
    return String.format(
        Locale.ROOT,
        "TriageConfig[redirectMode=%s, retry=%s, redirects=%s, rules=%d, metrics=%s,"
            + " staleIfError=%s, coolDown=%s%s]",
        c.redirectMode(),
        c.retry(),
        c.redirects(),
        c.policyTable().rules().size(),
        c.meterRegistry().isPresent(),
        c.staleIfError(),
        c.coolDown(),
        c.clientName().map(n -> ", clientName=" + n).orElse(""));
  }
}
