package io.httptriage.triage;

import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the parts of a {@link TriageConfig} fit together: which combinations its builder refuses,
 * each with a message that says how to fix it, and which listener each client gets.
 */
final class ConfigRules {

  private ConfigRules() {}

  /**
   * Refuses a listener that replaces the default one when a setting only the default listener reads
   * was given before it.
   *
   * @param meterRegistry the meter registry set before, or null
   * @param clientName the client name set before, or null
   * @param maxLogLinesPerSecond the storm guard's rate set before
   */
  static void listenerAlone(
      @Nullable Object meterRegistry, @Nullable String clientName, int maxLogLinesPerSecond) {
    String set =
        meterRegistry != null
            ? "meterRegistry"
            : clientName != null
                ? "clientName"
                : maxLogLinesPerSecond != DefaultTriageListener.DEFAULT_MAX_LINES_PER_SECOND
                    ? "maxLogLinesPerSecond"
                    : null;
    if (set != null) {
      throw new IllegalArgumentException(
          "listener: a "
              + set
              + " is already set, and only the default listener reads it, which listener(...)"
              + " replaces; use addListener(...) to keep the default listener as well");
    }
  }

  /**
   * Refuses a setting of the default listener once a listener replaced it: it would reach nothing.
   *
   * @param parameter the setting
   * @param listener the listener set before, or null
   */
  static void notForYourListener(String parameter, @Nullable TriageListener listener) {
    if (listener != null) {
      throw new IllegalArgumentException(
          parameter
              + ": a listener is already set, which replaces the default listener that reads this"
              + " setting; use addListener(...) instead of listener(...) to keep the default one");
    }
  }

  /**
   * The text of {@link TriageConfig#toString()}.
   *
   * @param c the configuration
   * @param redirects its redirect settings
   * @return a line naming the settings
   */
  static String describe(TriageConfig c, Object redirects) {
    return String.format(
        Locale.ROOT,
        "TriageConfig[redirectMode=%s, retry=%s, redirects=%s, rules=%d, metrics=%s, staleIfError=%s, coolDown=%s%s%s]",
        c.redirectMode(),
        c.retry(),
        redirects,
        c.policyTable().rules().size(),
        c.meterRegistry().isPresent(),
        c.staleIfError(),
        c.coolDown(),
        c.idempotencyKeys() ? ", idempotencyKeys=true" : "",
        c.clientName().map(n -> ", clientName=" + n).orElse(""));
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
   * Refuses a value below 1, naming the parameter.
   *
   * @param name the parameter
   * @param value the value
   */
  static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": must be at least 1, was " + value);
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
}
