package io.httptriage.engine;

import io.httptriage.classify.Classifier;
import io.httptriage.follow.RedirectFollower;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.triage.CallOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy a call runs by: its table, the classifier that reads it, and the redirect follower
 * that asks that classifier. A client has one ({@link Step}); a call whose {@link CallOptions}
 * carry rules gets one with those rules first, built once per rule list and client. The redirect
 * settings (downgrade refusal, credential stripping) are always the client's.
 *
 * <p>Immutable and thread-safe.
 */
final class CallTable {
  final PolicyTable table;
  final Classifier classifier;
  final RedirectFollower follower;
  private final RedirectSettings redirects;
  private final Clock clock;
  private final Map<List<PolicyRule>, CallTable> withRules = new ConcurrentHashMap<>();
  private static final int MAX_KEPT = 64;

  CallTable(PolicyTable table, RedirectSettings redirects, Clock clock) {
    this.table = table;
    this.classifier = Classifier.of(table, clock);
    this.follower = RedirectFollower.of(redirects, classifier);
    this.redirects = redirects;
    this.clock = clock;
  }

  /** This policy with {@code rules} tried before its own. */
  CallTable withRulesFirst(List<PolicyRule> rules) {
    return new CallTable(table.withRulesFirst(rules), redirects, clock);
  }

  /** {@return the policy of a call with these options: this one unless they carry rules} */
  CallTable forOptions(CallOptions options) {
    return options == CallOptions.none() ? this : withRulesFirstKept(options.rules());
  }

  /**
   * The policy of a call whose options carry {@code rules}: built once per rule list and kept, at
   * most {@value #MAX_KEPT} of them, so that a call with options costs no table of its own.
   */
  CallTable withRulesFirstKept(List<PolicyRule> rules) {
    if (rules.isEmpty()) {
      return this;
    }
    CallTable kept = withRules.get(rules);
    if (kept == null) {
      if (withRules.size() >= MAX_KEPT) {
        withRules.clear();
      }
      kept = withRulesFirst(rules);
      withRules.put(rules, kept);
    }
    return kept;
  }
}
